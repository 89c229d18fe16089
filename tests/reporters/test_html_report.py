"""The HTML report: its data against a golden, its escaping against hostile text, its CSP.

The golden holds what the page says (findings' attributes, texts, marks, filters), read back
with html.parser, so restyling the page does not churn it. Regenerate with
`TERMGUARD_UPDATE_GOLDEN=1 python -m pytest tests/reporters/test_html_report.py`.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from findings_fixture import OPTIONS, REPORT, SOURCE
from html_data import parse
from unit_texts import with_texts as _report

from termguard.engine import Report
from termguard.glossary.model import Entry, Glossary, Origin, Rendering
from termguard.model import Applicability, Edit, Finding, Fix, Severity, UnitText
from termguard.reporters import get_renderer

GOLDEN = Path(__file__).parent / "golden" / "report.html-data.json"
UPDATE = os.environ.get("TERMGUARD_UPDATE_GOLDEN") == "1"

render = get_renderer("html")

ENTRIES = (
    Entry("triumf", "name", note="Name of the S-400 system <b>never</b> translated.", origin=Origin("ru", "Триумф"),
          renderings={"en": (Rendering("Triumf"), Rendering("Triumph", "forbidden", note="a translation"))},),
)


def _options():
    from termguard.glossary.model import Entries

    return dataclasses.replace(OPTIONS, glossary=Glossary(entries=Entries(ENTRIES)))


def test_html_data_golden():
    data = parse(render(_report(), _options()))
    got = {"findings": data.findings, "selects": data.selects, "searches": data.searches}
    text = json.dumps(got, ensure_ascii=False, indent=2) + "\n"
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_one_element_per_finding_with_its_span_marked():
    report = _report()
    data = parse(render(report, _options()))
    assert len(data.findings) == len(report.findings)
    for f, shown in zip(report.findings, data.findings):
        assert (shown["rule"], shown["severity"], shown["path"], shown["line"]) == (f.rule, f.severity.value, f.path, str(f.line))
        assert shown["message"] == f.message
        if f.text is None:
            assert shown["marks"] == [] and shown["source"] == ""
            continue
        assert shown["marks"] == [{"rule": f.rule, "text": f.text.source[f.text.start:f.text.end] if f.text.role == "source" else (f.text.target or "")[f.text.start:f.text.end]}]
        assert shown["source"] == f.text.source
        assert shown["target"] == (f.text.target or "")


def test_filters_list_every_rule_severity_file_and_language():
    data = parse(render(_report(), _options()))
    assert data.selects["rule"] == ["", *sorted({f.rule for f in REPORT.findings})]
    assert data.selects["severity"] == ["", "error", "warning", "info"]
    assert data.selects["path"] == ["", *sorted({f.path for f in REPORT.findings})]
    assert data.selects["lang"] == ["", "en", "ru"]
    assert data.searches == 1


def test_baseline_keys_are_the_baselines():
    from termguard.baseline import finding_key

    root = str(Path.cwd())
    report = _report()
    data = parse(render(report, dataclasses.replace(_options(), root=root)))
    for f, shown in zip(report.findings, data.findings):
        key = json.loads(shown["key"])
        assert (key["path"], key["rule"], key["found"], key["context"]) == finding_key(f, root)
        assert key["code"] == f.code


def test_glossary_entry_and_fix_are_shown():
    data = parse(render(_report(), _options()))
    triumf = next(f for f in data.findings if f["path"] == SOURCE and f["rule"] == "forbidden-term")
    assert "Name of the S-400 system <b>never</b> translated." in triumf["entry"]
    assert "Approved (en)Triumf preferred" in triumf["entry"] and "Triumph forbidden — a translation" in triumf["entry"]
    first = data.findings[0]
    assert "100% wrong: <del>Kaan</del>" in render(_report(), _options())
    assert first["fix"] == " 100% wrong: Kaan\nnot KAAN 100% wrong: KAAN\nnot KAAN"
    assert "safe)</span>: use “KAAN”" in render(_report(), _options())
    # No entry without a glossary, no fix without one.
    bare = parse(render(_report(), OPTIONS))
    assert all(f["entry"] == "" for f in bare.findings)
    assert [f["fix"] != "" for f in data.findings] == [f.fix is not None for f in _report().findings]


HOSTILE = [
    "<script>document.title='pwned'</script>",
    "\"><img src=x onerror=alert(1)>",
    "</textarea></mark></article><svg onload=alert(2)>",
    "<!--@script--> <!--@css--> ]]> <![CDATA[ x",
    "javascript:alert(3) &amp; &lt; \u2028 \x00 \x1b[31m",
]


def test_hostile_text_is_escaped_everywhere():
    evil = " ".join(HOSTILE)
    f = Finding(
        "TG101", evil, Severity.ERROR, "translations/" + HOSTILE[1] + ".po", 3, 1, 3, 5, evil,
        unit=evil, lang=evil, term="triumf", found=evil, suggestions=(evil,), context=evil,
        text=UnitText(evil, evil, "target", 0, len(HOSTILE[0]), evil, evil),
        fix=Fix(Applicability.UNSAFE, evil, (Edit(9, 1, 9, 2, evil),)),
    )
    glossary_entry = Entry("triumf", evil, note=evil, origin=Origin(evil, evil), renderings={evil: (Rendering(evil, "forbidden", note=evil),)})
    from termguard.glossary.model import Entries

    options = dataclasses.replace(OPTIONS, glossary=Glossary(entries=Entries((glossary_entry,))))
    page = render(Report((f,), ("x.po",), 1), options)
    data = parse(page)
    assert data.scripts == 1
    assert data.handlers == []
    assert "img" not in data.tags and "textarea" not in data.tags
    assert len(data.findings) == 1
    shown = data.findings[0]
    assert shown["rule"] == evil and shown["path"] == f.path and shown["message"] == evil
    assert shown["marks"] == [{"rule": evil, "text": HOSTILE[0]}]
    assert json.loads(shown["key"])["found"] == evil
    assert "<script>document" not in page and "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")


def test_csp_admits_only_the_pages_own_style_and_script():
    page = render(_report(), _options())
    data = parse(page)
    assert data.csp is not None
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(data.script_text.encode()).digest()).decode() + "'"
    assert f"script-src {digest}" in data.csp
    assert "default-src 'none'" in data.csp
    assert "http" not in page.split("<body>")[0].replace("http-equiv", "")


def test_no_findings_page():
    data = parse(render(Report((), ("a.po",), 3), OPTIONS))
    assert data.findings == [] and data.searches == 1
