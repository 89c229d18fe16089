"""glossary-drift (TG506): glossary names whose English form drifts from the Russian origin."""

from __future__ import annotations

from pathlib import Path

from termguard.checks import get_rule
from termguard.glossary import read_glossary
from termguard.glossary_lint import lint
from termguard.translit.drift import check_entry

FIX = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "translit"


def _glossary():
    glossary, problems = read_glossary(FIX / "glossary-drifting.yaml")
    assert not [p for p in problems if p.severity == "error"]
    return glossary


def test_check_entry_per_fixture_entry():
    verdicts = {e.id: check_entry(e) for e in _glossary()}
    assert {k for k, v in verdicts.items() if v} == {"triumph-as-approved", "rosoboronexport-bare", "erdogan-typo"}
    assert "nearest “Triumf”" in verdicts["triumph-as-approved"]
    assert "nearest “Rosoboroneksport”" in verdicts["rosoboronexport-bare"]
    assert "conventional" in verdicts["erdogan-typo"]


def test_findings_point_at_the_rendering():
    findings = lint(_glossary(), select=["glossary-drift"])
    assert [(f.code, f.rule, f.term, f.found, f.suggestions) for f in findings] == [
        ("TG506", "glossary-drift", "triumph-as-approved", "Triumph", ("Triumf",)),
        ("TG506", "glossary-drift", "rosoboronexport-bare", "Rosoboronexport", ("Rosoboroneksport",)),
        ("TG506", "glossary-drift", "erdogan-typo", "Erdogen", ("Erdogan",)),
    ]
    text = (FIX / "glossary-drifting.yaml").read_text(encoding="utf-8").splitlines()
    for f in findings:
        assert f.found in text[f.line - 1]


def test_the_project_fixture_glossary_has_no_drift():
    glossary, _ = read_glossary(FIX / "glossary")
    assert lint(glossary, select=["glossary-drift"]) == []


def test_rule_is_registered_for_glossary_lint_only():
    rule = get_rule("TG506")
    assert rule is not None and rule.name == "glossary-drift" and rule.applies_to == "glossary"
