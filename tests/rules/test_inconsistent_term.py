"""inconsistent-term (TG104): one concept rendered two ways in one document."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text, load_glossary
from termguard.glossary.model import Glossary

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"


def _engine(glossary):
    return Engine(Config(select=("inconsistent-term",)), glossary=glossary)


def test_two_accepted_romanisations_of_one_name():
    findings = _engine(Glossary()).check_text("v.md", (FIX / "variants.en.md").read_text(encoding="utf-8"))
    assert [(f.line, f.column, f.found, f.suggestions) for f in findings] == [(3, 1, "Ermakov", ("Yermakov",))]
    assert "«Ермаков»" in findings[0].message and "“Yermakov” (1×)" in findings[0].message


def test_glossary_approved_and_forbidden_both_used():
    text = "# The S-400 “Triumf”\n\nThe S-400 Triumph arrived. The Triumph was tested. The Triumf stayed.\n"
    findings = _engine(load_glossary(FIX / "glossary")).check_text("t.md", text)
    assert len(findings) == 1
    f = findings[0]
    assert (f.line, f.found, f.term, f.suggestions) == (3, "Triumph", "triumf", ("Triumf",))
    assert "“Triumf” (2×)" in f.message and "“Triumph” (2×)" in f.message


def test_one_form_throughout_is_consistent():
    text = "The S-400 Triumf arrived. The Triumf was tested; Yermakov said so.\n"
    assert _engine(load_glossary(FIX / "glossary")).check_text("t.md", text) == []


def test_convention_and_scheme_form_of_one_name():
    # Kyiv (glossary) and Kiev (accepted romanisation of «Киеву») are one concept.
    text = "Talks in Kyiv. Later in Kiev.\n\n## References\n\n- [1] «Поездка к Киеву». *РБК*, 01.01.2025.\n"
    glossary = glossary_from_text("- id: kyiv\n  kind: place\n  origin: {lang: ru, text: Киев}\n  en: [Kyiv]\n  ru: [Киев]\n", "g.yaml")
    findings = _engine(glossary).check_text("k.md", text)
    assert [(f.found, f.suggestions) for f in findings] == [("Kiev", ("Kyiv",))]


def test_acronym_and_expansion_or_short_form_are_not_rivals():
    yaml = (
        "- id: mic\n  kind: term\n  en: [military-industrial complex, {text: MIC, status: admitted}]\n"
        "- id: jf17\n  kind: name\n  en: [JF-17 Thunder, {text: JF-17, status: admitted}]\n"
        "- id: taf\n  kind: organization\n  en: [Turkish Air Force, {text: Turkish AF, status: admitted}]\n"
        "- id: sam\n  kind: term\n  en: [anti-aircraft missile system, {text: surface-to-air missile system, status: admitted}]\n"
    )
    glossary = glossary_from_text(yaml, "g.yaml")
    engine = _engine(glossary)
    text = "The military-industrial complex (MIC) grew. The JF-17 Thunder is a JF-17 variant of the Turkish Air Force (Turkish AF).\n"
    assert engine.check_text("m.md", text) == []
    synonyms = "An anti-aircraft missile system. Another surface-to-air missile system.\n"
    assert engine.check_text("s.md", synonyms) == []


def test_two_approved_spellings_of_one_word():
    yaml = (
        "- id: united-states\n  kind: place\n  en: [United States, {text: U.S., status: admitted}, {text: US, status: admitted}]\n"
        "  ru: [США, {text: американский, status: admitted}]\n"
    )
    glossary = glossary_from_text(yaml, "g.yaml")
    engine = _engine(glossary)
    found = engine.check_text("u.md", "The U.S. imposed sanctions. Later the U.S. and then the US relented.\n")
    assert [(f.found, f.suggestions) for f in found] == [("US", ("U.S.",))]
    quoted = "The U.S. said it, or in their words “the US will act on it soon”.\n"
    assert engine.check_text("q.md", quoted) == []


def test_seed_triumf_and_triumph():
    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    findings = _engine(load_glossary(FIX / "glossary")).check_text("seed.md", seed)
    assert [(f.line, f.found, f.term) for f in findings] == [(11, "Triumph", "triumf")]


PO = '''msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "a"
msgid "The Triumf system."
msgstr "Система «Триумф»."

msgctxt "b"
msgid "The Triumf system."
msgstr "Система «Триумф», как всегда."

msgctxt "c"
msgid "The Triumf system."
msgstr "Система под Киевом."
'''


def test_repeated_source_translated_with_other_terms():
    findings = _engine(load_glossary(FIX / "glossary")).check_text("t.ru.po", PO)
    # The second repeat differs in wording only (same terms): fine; the third drops the term.
    assert [(f.line, f.lang) for f in findings] == [(16, "ru")]
    assert "than at line 8" in findings[0].message


def test_one_rendering_across_runs_of_white_space_is_one_form():
    glossary = glossary_from_text(
        "- id: white-house\n  kind: organization\n  en: [White House, {text: White house, status: forbidden}]\n", "g.yaml")
    engine = _engine(glossary)
    text = "The White House said.\n\nThe White  House\nagreed; the White\u00a0House, the White\nHouse.\n"
    assert engine.check_text("w.md", text) == []
    rival = text + "\nThe White\t\thouse disagreed.\n"
    [f] = engine.check_text("w.md", rival)
    assert f.term == "white-house" and f.found == "White\t\thouse" and (f.line, f.column) == (7, 5)
    assert "“White House” (4×) and “White house” (1×)" in f.message
