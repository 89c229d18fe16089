"""Findings built from a unit carry its texts (`UnitText`), emitted in JSON as `source`/`target`."""

from __future__ import annotations

import json

from termguard.config import Config
from termguard.engine import Engine, Report
from termguard.glossary.model import Entries, Entry, Glossary, Rendering
from termguard.reporters import RenderOptions, get_renderer

PO = '''msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "The \\"Triumf\\" system arrived."
msgstr "Система «Триумпф» прибыла."

msgid "one Triumf battery"
msgid_plural "%d Triumf batteries"
msgstr[0] "одна батарея «Триумф»"
msgstr[1] "%d батареи «Триумф»"
msgstr[2] "%d батарей «Триумпф»"
'''

GLOSSARY = Glossary(entries=Entries((
    Entry("triumf", "name", renderings={
        "en": (Rendering("Triumf"), Rendering("Triumph", "forbidden")),
        "ru": (Rendering("Триумф"), Rendering("Триумпф", "forbidden")),
    }),
)))


def _report() -> Report:
    engine = Engine(Config(select=("forbidden-term",)), glossary=GLOSSARY)
    return engine.run_text("ru.po", PO)


def test_target_findings_carry_the_unit_texts_and_the_span():
    findings = _report().findings
    assert [f.found for f in findings] == ["Триумпф", "Триумпф"]
    first, plural = findings
    assert first.text is not None and first.text.role == "target"
    assert (first.text.source, first.text.target) == ('The "Triumf" system arrived.', "Система «Триумпф» прибыла.")
    assert first.text.target[first.text.start:first.text.end] == "Триумпф"
    assert (first.text.source_lang, first.text.target_lang) == ("en", "ru")
    # A plural form: the form the finding is in, beside the plural source.
    assert plural.text is not None and plural.text.target == "%d батарей «Триумпф»"
    assert plural.text.source == "%d Triumf batteries"


def test_json_emits_source_and_target_both_ways():
    report = _report()
    rendered = get_renderer("json")(report, RenderOptions(version="0.1.0"))
    doc = json.loads(rendered)
    assert [(f["source"], f["target"]) for f in doc["findings"]] == [
        ('The "Triumf" system arrived.', "Система «Триумпф» прибыла."),
        ("%d Triumf batteries", "%d батарей «Триумпф»"),
    ]
    # The fast layout and the dictionary agree.
    assert doc["findings"] == [f.to_dict() for f in report.findings]
