"""TG503 glossary-conflict: one form claimed twice, or approved and rejected at once."""

from __future__ import annotations

from termguard.checks import get_rule
from termguard.glossary import Glossary
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary_lint import lint


def _conflicts(text: str):
    entries, problems = parse_yaml_glossary(text, "g.yaml")
    return [f for f in lint(Glossary(tuple(entries)), problems) if f.code == "TG503"]


def test_rule_is_registered():
    assert get_rule("TG503").name == "glossary-conflict"


def test_approved_form_claimed_by_two_entries():
    found = _conflicts("- id: kyiv\n  kind: place\n  en: [Kyiv]\n- id: kiev\n  kind: place\n  en: [Kyiv]\n")
    assert [(f.line, f.term, f.lang) for f in found] == [(6, "kiev", "en")]


def test_form_both_approved_and_forbidden_in_one_entry():
    found = _conflicts("- id: kyiv\n  en:\n    - Kyiv\n    - {text: Kyiv, status: forbidden}\n")
    assert len(found) == 1 and "both preferred" in found[0].message and found[0].line == 4


def test_forbidden_form_approved_by_another_entry():
    found = _conflicts("- id: kyiv\n  en: [Kyiv, {text: Kiev, status: superseded}]\n- id: old-name\n  en: [Kiev]\n")
    assert len(found) == 1 and "superseded in 'kyiv'" in found[0].message


def test_case_matters_only_when_both_forms_are_case_sensitive():
    # CAATSA and Caatsa differ in case and both are case-sensitive (acronym): no conflict.
    assert _conflicts("- id: caatsa\n  kind: acronym\n  en: [CAATSA, {text: Caatsa, status: forbidden}]\n") == []
    # A case-insensitive term: "air defense" and "Air Defense" are the same form.
    found = _conflicts("- id: a\n  kind: term\n  en: [air defense]\n- id: b\n  kind: term\n  en: [Air Defense]\n")
    assert len(found) == 1


def test_two_rejected_forms_in_two_entries_do_not_conflict():
    text = "- id: a\n  en: [A1, {text: Old, status: forbidden}]\n- id: b\n  en: [B1, {text: Old, status: forbidden}]\n"
    assert _conflicts(text) == []


def test_case_only_conflict_names_each_form_and_suggests_case_sensitive():
    found = _conflicts(
        "- id: ng\n  kind: term\n  ru: [Независимая газета, {text: Независимая Газета, status: forbidden}]\n"
    )
    assert len(found) == 1
    message = found[0].message
    assert "“Независимая газета” (preferred, line 3)" in message
    assert "“Независимая Газета” (forbidden)" in message
    assert "differ only in case" in message and "`case_sensitive: true` on 'ng'" in message
    # With the setting the two forms are told apart: no conflict left.
    assert _conflicts(
        "- id: ng\n  kind: term\n  case_sensitive: true\n"
        "  ru: [Независимая газета, {text: Независимая Газета, status: forbidden}]\n"
    ) == []


def test_case_only_conflict_between_entries_names_the_case_insensitive_ones():
    found = _conflicts("- id: a\n  kind: term\n  en: [air defense]\n- id: b\n  kind: name\n  case_sensitive: false\n  en: [Air Defense]\n")
    assert len(found) == 1
    assert "“air defense” (preferred" in found[0].message and "“Air Defense” (preferred)" in found[0].message
    assert "`case_sensitive: true` on 'a' and 'b'" in found[0].message
