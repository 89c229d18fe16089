"""TG505 glossary-unmatchable: forms the matcher can never find."""

from __future__ import annotations

from termguard.checks import get_rule
from termguard.checks.glossary_unmatchable import unmatchable_reason
from termguard.glossary import Glossary
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary_lint import lint


def _unmatchable(text: str):
    entries, problems = parse_yaml_glossary(text, "g.yaml")
    return [f for f in lint(Glossary(tuple(entries)), problems) if f.code == "TG505"]


def test_rule_is_registered():
    assert get_rule("TG505").name == "glossary-unmatchable"


def test_empty_punctuation_padded_and_multiline_forms():
    text = '- id: x\n  en:\n    - ""\n    - "—"\n    - " Kyiv"\n    - "Ky\\niv"\n    - "«»"\n    - Kyiv\n'
    found = _unmatchable(text)
    assert [f.line for f in found] == [3, 4, 5, 6, 7]
    assert all(f.severity.value == "error" for f in found)


def test_reasons():
    assert unmatchable_reason("") == "is empty"
    assert "letter or digit" in unmatchable_reason("...")
    assert "white space" in unmatchable_reason("Kyiv ")
    assert unmatchable_reason("U.S.") is None
    assert unmatchable_reason("С-400") is None
    assert unmatchable_reason("5") is None
