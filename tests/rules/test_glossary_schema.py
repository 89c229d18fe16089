"""TG501 glossary-schema: format errors of glossary files, each reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.checks import get_rule
from termguard.glossary import Glossary
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary_lint import lint

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "glossary" / "broken.yaml"


def _lint(text: str, path: str = "g.yaml"):
    entries, problems = parse_yaml_glossary(text, path)
    return [f for f in lint(Glossary(tuple(entries)), problems) if f.rule == "glossary-schema"]


def test_rule_is_registered_and_documented():
    rule = get_rule("TG501")
    assert rule is not None and rule.name == "glossary-schema"
    for section in ("What:", "Why:", "Example:", "Use instead:"):
        assert section in rule.__doc__


def test_broken_fixture_reports_each_problem_at_its_line():
    entries, problems = parse_yaml_glossary(BROKEN.read_text(encoding="utf-8"), "broken.yaml")
    found = {(f.line, f.severity.value, f.message.split(";")[0]) for f in lint(Glossary(tuple(entries)), problems) if f.code == "TG501"}
    assert (2, "error", "id 'Triumf' is not kebab-case (a-z, 0-9, -)") in found
    assert (3, "error", "unknown kind 'gadget'") in found
    assert any(line == 5 and sev == "error" and "'notes'" in msg for line, sev, msg in found)
    assert (8, "error", "unknown status 'forbiden'") in found
    assert (32, "error", "case_sensitive must be true or false") in found
    assert (33, "error", "exact must be true or false") in found
    assert (34, "error", "origin needs {lang: xx, text: ...}") in found


def test_unknown_keys_are_errors_and_valid_languages_are_not():
    # An ignored key is a silent change of meaning (`stauts: forbidden` would leave the form
    # approved), so every unknown key is an error.
    text = "- id: x\n  en: [X]\n  pt_BR: [X]\n  nte: [X]\n  colour: red\n"
    found = _lint(text)
    assert [(f.line, f.severity.value) for f in found] == [(4, "error"), (5, "error")]
    assert "did you mean 'note'?" in found[0].message


@pytest.mark.parametrize(
    ("text", "line", "suggestion"),
    [
        ("- id: druzba\n  en: [Friendship]\n  ru: [{text: Druzba, stauts: forbidden}]\n", 3, "'status'"),
        ("- id: druzba\n  en: [{text: Friendship, nte: x}]\n", 2, "'note'"),
        ("- id: druzba\n  en: [Friendship]\n  origin: {lang: ru, text: Дружба, txt: x}\n", 3, "'text'"),
        ("- id: druzba\n  en: [Friendship]\n  knd: term\n", 3, "'kind'"),
    ],
)
def test_typo_in_a_key_is_an_error_with_a_suggestion(text, line, suggestion):
    found = _lint(text)
    assert [(f.line, f.severity.value) for f in found] == [(line, "error")]
    assert f"did you mean {suggestion}?" in found[0].message


def test_typo_in_status_does_not_approve_a_forbidden_form_silently(tmp_path):
    from termguard.errors import InputError
    from termguard.glossary import load_glossary

    g = tmp_path / "g.yaml"
    g.write_text("- id: druzba\n  en: [Friendship]\n  ru: [{text: Druzba, stauts: forbidden}]\n", encoding="utf-8")
    with pytest.raises(InputError, match="stauts"):
        load_glossary(g)


def test_clean_entry_has_no_schema_finding():
    text = "- id: triumf\n  kind: name\n  en: [Triumf, {text: Triumph, status: forbidden, note: a translation}]\n"
    assert _lint(text) == []


def test_entry_without_renderings_and_empty_language_list():
    found = _lint("- id: lonely\n  kind: term\n- id: empty\n  en: []\n")
    assert [(f.line, "renderings" in f.message) for f in found] == [(1, True), (4, True)]


def test_bad_test_language_and_shape():
    text = "- id: x\n  en: [X]\n  tests:\n    - {lang: qq, ok: X}\n    - {lang: en, ok: X, bad: Y}\n    - {lang: en, good: X}\n"
    assert [f.line for f in _lint(text)] == [4, 5, 6]
