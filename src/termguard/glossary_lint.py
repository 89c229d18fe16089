"""Glossary lint: runs the `glossary-*` rules over a loaded glossary.

The rules (TG501-TG506, `termguard.checks.glossary_*`) hold what each finding means; this
module, above both the glossary package and the rules, builds their `GlossaryContext` (the
glossary, the loader's problems, the unit rules that inline tests run) and collects their
findings, positioned at the glossary file's lines, so the reporters of `termguard check`
render them unchanged. `lint` never opens files; `lint_path` loads and lints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from termguard.checks import all_rules
from termguard.checks.base import GlossaryContext, Rule
from termguard.glossary.files import Problem
from termguard.glossary.model import Glossary
from termguard.model import Finding, Report


@dataclass(frozen=True)
class LintResult:
    """What lint found, plus what it read (for the report's summary line)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    entries: int

    def report(self) -> Report:
        """The findings as an engine `Report`, so every reporter renders them."""
        return Report(self.findings, self.files, self.entries)


def glossary_rules() -> list[Rule]:
    """The rules `glossary lint` runs, in code order."""
    return [cls() for cls in all_rules() if cls.applies_to == "glossary"]


def inline_test_rules() -> list[Rule]:
    """The rules a glossary test runs: unit-level rules that read one text against the glossary."""
    return [cls() for cls in all_rules() if cls.needs_glossary and cls.applies_to in ("any", "source")]


def lint(glossary: Glossary, problems: Iterable[Problem] = (), *, select: Iterable[str] | None = None) -> list[Finding]:
    """Every lint finding for a loaded glossary and its loader problems, sorted (only the
    rules named in `select`, when given)."""
    rules = glossary_rules()
    problems = tuple(problems)
    owners = {rule.name for rule in rules}
    if select is not None:
        wanted = set(select)
        rules = [rule for rule in rules if rule.name in wanted]
    for problem in problems:
        if problem.rule not in owners:
            raise RuntimeError(f"glossary loader problem of unknown rule {problem.rule!r}")
    ctx = GlossaryContext(glossary=glossary, problems=problems, test_rules=inline_test_rules())
    findings = [f for rule in rules for f in rule.check_glossary(ctx)]
    findings.sort(key=Finding.sort_key)
    return findings


def lint_path(path: str | Path, *, langs: tuple[str, str] | None = None) -> LintResult:
    """Load the glossary at `path` (directory, YAML, TBX or CSV) and lint it."""
    from termguard.files import display_path
    from termguard.glossary import read_glossary

    glossary, problems = read_glossary(path, langs=langs)
    shown = [f if not f.path else replace(f, path=display_path(f.path)) for f in lint(glossary, problems)]
    shown.sort(key=Finding.sort_key)
    files = tuple(display_path(s) for s in glossary.sources)
    return LintResult(tuple(shown), files, len(glossary))
