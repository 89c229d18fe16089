"""TG504 glossary-test: inline ok/bad examples run through the glossary rules."""

from __future__ import annotations

from termguard.checks import get_rule
from termguard.glossary import Glossary
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary_lint import lint

ENTRY = """\
- id: triumf
  kind: name
  en: [Triumf, {{text: Triumph, status: forbidden, note: a translation}}]
  tests:
{tests}
"""


def _failures(tests: str, extra: str = ""):
    entries, problems = parse_yaml_glossary(ENTRY.format(tests=tests) + extra, "g.yaml")
    return [f for f in lint(Glossary(tuple(entries)), problems) if f.code == "TG504"]


def test_rule_is_registered():
    assert get_rule("glossary-test").code == "TG504"


def test_passing_tests_give_nothing():
    assert _failures('    - {lang: en, ok: "the Triumf system"}\n    - {lang: en, bad: "the Triumph system"}') == []


def test_bad_text_without_finding_fails_at_its_line():
    found = _failures('    - {lang: en, ok: "the Triumf system"}\n    - {lang: en, bad: "the Triumf system"}')
    assert [(f.line, f.term) for f in found] == [(6, "triumf")]
    assert "gives no finding" in found[0].message


def test_ok_text_with_a_finding_fails_and_says_which():
    found = _failures('    - {lang: en, ok: "the Triumph system"}')
    assert len(found) == 1 and found[0].line == 5 and "Triumph" in found[0].message


def test_ok_text_fails_on_another_entrys_forbidden_form_too():
    extra = "- id: kyiv\n  kind: place\n  en: [Kyiv, {text: Kiev, status: superseded, note: old}]\n"
    found = _failures('    - {lang: en, ok: "Triumf systems for Kiev"}', extra)
    assert len(found) == 1 and "Kiev" in found[0].message


def test_bad_text_caught_only_through_another_entry_still_fails():
    extra = "- id: kyiv\n  kind: place\n  en: [Kyiv, {text: Kiev, status: superseded, note: old}]\n"
    found = _failures('    - {lang: en, bad: "Triumf systems for Kiev"}', extra)
    assert len(found) == 1 and found[0].term == "triumf"


def test_test_runs_in_its_own_language():
    # "Triumph" is only forbidden in English; a Turkish text with it has no finding.
    found = _failures('    - {lang: tr, bad: "Triumph sistemleri"}')
    assert len(found) == 1
