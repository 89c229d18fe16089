"""Every registered rule documents itself; `termguard rules` and `explain` show it."""

from __future__ import annotations

import inspect
import re

import pytest
from click.testing import CliRunner

from termguard.checks import all_rules, rules_named
from termguard.cli import main
from termguard.model import Severity
from termguard.reporters.ruledoc import SECTIONS, parse_rule_doc

RULES = all_rules()


def test_there_are_rules():
    assert {"forbidden-term", "missing-term", "unused-suppression"} <= {r.name for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_metadata_and_docstring_sections(rule):
    assert re.fullmatch(r"TG\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert isinstance(rule.severity, Severity)
    assert rule.summary.strip()
    doc = inspect.cleandoc(rule.__doc__ or "")
    headers = re.findall(r"^(What|Why|Example|Use instead):", doc, flags=re.M)
    assert headers == list(SECTIONS), f"{rule.name}: sections {headers}, expected {list(SECTIONS)} in this order"
    parsed = parse_rule_doc(rule.__doc__)
    assert parsed.summary, f"{rule.name}: no summary line before the sections"
    for name in SECTIONS:
        assert len(parsed.sections[name]) >= 10, f"{rule.name}: section {name!r} is empty or trivial"


def test_codes_and_names_unique():
    assert len({r.code for r in RULES}) == len(RULES) == len({r.name for r in RULES})


def test_each_rule_lives_in_the_module_named_after_it():
    for rule in RULES:
        assert rule.__module__ == "termguard.checks." + rule.name.replace("-", "_")
    assert rules_named(["missing-term", "forbidden-term", "fuzzy"]) == [
        r for r in RULES if r.name in ("forbidden-term", "missing-term", "fuzzy")
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_explain_prints_every_section(rule):
    for key in (rule.name, rule.code, rule.code.lower()):
        result = CliRunner().invoke(main, ["explain", key])
        assert (result.exit_code, result.stderr) == (0, "")
        out = result.stdout
        assert out.startswith(f"{rule.code} {rule.name} (default: {rule.severity.value})")
        for name in SECTIONS:
            assert f"{name}:" in out
        what = parse_rule_doc(rule.__doc__).sections["What"]
        assert " ".join(what.split()[:6]) in " ".join(out.split())


def test_rules_lists_every_rule():
    result = CliRunner().invoke(main, ["rules"])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert len(lines) == len(RULES)
    for line, rule in zip(lines, RULES):
        assert line.split()[:3] == [rule.code, rule.name, rule.severity.value]


def test_explain_unknown_rule():
    result = CliRunner().invoke(main, ["explain", "no-such-rule"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "termguard: error: unknown rule 'no-such-rule'; `termguard rules` lists them\n"


def test_parser_reflows_wrapped_lines():
    class Demo:
        """Summary line.

        What:
            One paragraph
            wrapped over lines.

            A second paragraph.
        Why: Inline start.
        Example:
            `x`
        Use instead:
            `y`
        """

    doc = parse_rule_doc(Demo.__doc__)
    assert doc.summary == "Summary line."
    assert doc.sections == {
        "What": "One paragraph wrapped over lines.\n\nA second paragraph.",
        "Why": "Inline start.",
        "Example": "`x`",
        "Use instead": "`y`",
    }
