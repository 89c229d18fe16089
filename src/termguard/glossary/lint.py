"""Glossary lint: schema problems, duplicates, conflicts, unmatchable forms, inline tests, drift.

`lint(glossary, problems)` turns everything wrong with a glossary into ordinary termguard
`Finding`s with the `glossary-*` rule codes (TG501-TG506; TG506 glossary-drift comes from
`termguard.translit.drift`), positioned at the glossary file's
line, so the reporters of `termguard check` render them unchanged. It never opens files;
`lint_path` is the convenience that loads and lints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termguard.glossary.files import Problem
from termguard.glossary.model import ANY_TARGET, Entry, Glossary, GlossaryTest, Rendering
from termguard.model import Document, Field, Finding, Report, Severity, Unit

if TYPE_CHECKING:
    from termguard.checks.base import Rule

RULE_CODES = {
    "glossary-schema": "TG501",
    "glossary-duplicate": "TG502",
    "glossary-conflict": "TG503",
    "glossary-test": "TG504",
    "glossary-unmatchable": "TG505",
}


@dataclass(frozen=True)
class LintResult:
    """What lint found, plus what it read (for the report's summary line)."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    entries: int

    def report(self) -> Report:
        """The findings as an engine `Report`, so every reporter renders them."""
        return Report(self.findings, self.files, self.entries)


def _finding(rule: str, severity: str | Severity, path: str, line: int, message: str, *,
             column: int = 1, end_column: int | None = None, term: str | None = None, lang: str | None = None,
             found: str | None = None, suggestions: Iterable[str] = ()) -> Finding:
    return Finding(
        code=RULE_CODES[rule],
        rule=rule,
        severity=Severity(severity),
        path=path,
        line=max(line, 1),
        column=max(column, 1),
        end_line=max(line, 1),
        end_column=max(end_column or column, column, 1),
        message=message,
        unit=None,
        lang=lang,
        term=term,
        found=found,
        suggestions=tuple(suggestions),
    )


def _lang(lang: str) -> str:
    """A language for messages: a CSV's unnamed target column is "target"."""
    return "target" if lang == ANY_TARGET else lang


def _where(entry: Entry, line: int) -> str:
    return f"{entry.path}:{line}" if entry.path else f"line {line}"


def problems_to_findings(problems: Iterable[Problem]) -> Iterator[Finding]:
    """Loader problems (schema errors, duplicate keys, unknown keys) as findings."""
    for p in problems:
        yield _finding(p.rule, p.severity, p.path, p.line, p.message, column=p.column, end_column=p.end_column, term=p.term)


def check_duplicates(glossary: Glossary) -> Iterator[Finding]:
    """Two entries with one id; one rendering listed twice with the same settings."""
    first: dict[str, Entry] = {}
    for entry in glossary:
        if entry.id in first:
            other = first[entry.id]
            yield _finding(
                "glossary-duplicate", "error", entry.path, entry.line,
                f"duplicate id '{entry.id}' (first at {_where(other, other.line)}); merge the entries or rename one",
                term=entry.id,
            )
        else:
            first[entry.id] = entry
        for lang, forms in entry.renderings.items():
            seen: dict[tuple, Rendering] = {}
            for r in forms:
                key = (r.text, r.approved, r.case_sensitive, r.exact, r.indeclinable)
                if key in seen:
                    yield _finding(
                        "glossary-duplicate", "error", entry.path, r.line,
                        f"“{r.text}” is listed twice for {_lang(lang)} in '{entry.id}' (first at line {seen[key].line}); keep one",
                        column=r.column or 1, term=entry.id, lang=lang, found=r.text,
                    )
                else:
                    seen[key] = r


def unmatchable_reason(text: str) -> str | None:
    """Why a form can never be found in prose, or None when it can."""
    if not text:
        return "is empty"
    if "\n" in text or "\r" in text:
        return "contains a line break (prose is matched line-break free)"
    if text != text.strip():
        return "starts or ends with white space"
    if not any(ch.isalnum() for ch in text):
        return "has no letter or digit to anchor a match on"
    return None


def check_unmatchable(glossary: Glossary) -> Iterator[Finding]:
    """Forms that are empty, punctuation only, padded or multi-line."""
    for entry in glossary:
        for lang, forms in entry.renderings.items():
            for r in forms:
                why = unmatchable_reason(r.text)
                if why:
                    yield _finding(
                        "glossary-unmatchable", "error", entry.path, r.line,
                        f"{_lang(lang)} form “{r.text}” of '{entry.id}' {why}; it can never match",
                        column=r.column or 1, term=entry.id, lang=lang, found=r.text,
                    )


def _same_form(a: tuple[Entry, Rendering], b: tuple[Entry, Rendering]) -> bool:
    """Forms are the same when the matcher would confuse them (case matters only if both say so)."""
    (ea, ra), (eb, rb) = a, b
    if ra.text.strip() == rb.text.strip():
        return True
    return not (ea.is_case_sensitive(ra) and eb.is_case_sensitive(rb))


def _case_only_message(lang: str, a: tuple[Entry, Rendering], b: tuple[Entry, Rendering]) -> str | None:
    """The conflict of two forms that differ only in case, naming each form with its own
    status, and the `case_sensitive: true` that would tell them apart (None: no conflict)."""
    (ea, ra), (eb, rb) = a, b
    if not ra.approved and not rb.approved:
        return None
    insensitive = [e.id for e, r in (a, b) if not e.is_case_sensitive(r)]
    where = sorted(set(insensitive), key=insensitive.index)
    if ea is eb:
        owner = f"in '{eb.id}'"
        fix = f"set `case_sensitive: true` on '{eb.id}' (or on both forms)"
    else:
        owner = f"in '{ea.id}' ({_where(ea, ra.line)}) and '{eb.id}'"
        fix = " and ".join(f"'{i}'" for i in where)
        fix = f"set `case_sensitive: true` on {fix}, or keep the form in one entry"
    return (f"{_lang(lang)} forms “{ra.text}” ({ra.status}, line {ra.line}) and “{rb.text}” ({rb.status}) {owner} "
            f"differ only in case, and case-insensitive matching cannot tell them apart; {fix}")


def check_conflicts(glossary: Glossary) -> Iterator[Finding]:
    """Per language: one approved form in two entries; approved and rejected at once."""
    buckets: dict[tuple[str, str], list[tuple[Entry, Rendering]]] = {}
    for entry in glossary:
        for lang, forms in entry.renderings.items():
            for r in forms:
                if unmatchable_reason(r.text) is None:
                    buckets.setdefault((lang, r.text.casefold()), []).append((entry, r))
    for (lang, _), items in buckets.items():
        if len(items) < 2:
            continue
        reported: set[tuple[int, int]] = set()
        for j in range(1, len(items)):
            for i in range(j):
                a, b = items[i], items[j]
                if (id(a[1]), id(b[1])) in reported or not _same_form(a, b):
                    continue
                (ea, ra), (eb, rb) = a, b
                message = None
                if ea is not eb and ea.id == eb.id:
                    continue  # two entries with one id: reported once, as a duplicate
                if ra.text.strip() != rb.text.strip():
                    message = _case_only_message(lang, a, b)
                elif ea is eb:
                    if ra.approved != rb.approved:
                        message = (f"“{rb.text}” is both {ra.status} (line {ra.line}) and {rb.status} in '{eb.id}' "
                                   f"for {_lang(lang)}; decide which it is")
                elif ra.approved and rb.approved:
                    message = (f"approved {_lang(lang)} form “{rb.text}” is claimed by '{ea.id}' ({_where(ea, ra.line)}) and "
                               f"'{eb.id}'; keep it in one entry")
                elif ra.approved != rb.approved:
                    bad, good = (a, b) if not ra.approved else (b, a)
                    message = (f"{_lang(lang)} form “{bad[1].text}” is {bad[1].status} in '{bad[0].id}' ({_where(bad[0], bad[1].line)}) "
                               f"but approved in '{good[0].id}' ({_where(good[0], good[1].line)}); decide which it is")
                if message:
                    reported.add((id(ra), id(rb)))
                    yield _finding("glossary-conflict", "error", eb.path, rb.line, message, column=rb.column or 1,
                                   term=eb.id, lang=None if lang == ANY_TARGET else lang, found=rb.text)


def _test_rules() -> list[Rule]:
    """The rules a glossary test runs: unit-level rules that read one text against the glossary."""
    from termguard.checks import all_rules

    return [cls() for cls in all_rules() if cls.needs_glossary and cls.applies_to in ("any", "source")]


def run_test(glossary: Glossary, entry: Entry, test: GlossaryTest, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every finding the rules give for a test text (the text checked alone, in its language)."""
    from termguard.checks import CheckContext

    path = entry.path or "<glossary>"
    unit = Unit(id="test", kind="sentence", path=path, source=Field(test.text), source_lang=test.lang, line=test.line)
    doc = Document(path=path, kind="text", source_lang=test.lang, target_lang=None, units=(unit,), source_text=test.text)
    ctx = CheckContext(glossary=glossary, document=doc)
    out: list[Finding] = []
    for rule in rules if rules is not None else _test_rules():
        out.extend(rule.check_unit(unit, ctx))
    return out


def check_tests(glossary: Glossary, rules: Sequence[Rule] | None = None) -> Iterator[Finding]:
    """Every inline test: an `ok` text gives no finding at all, a `bad` one at least one about the entry."""
    rules = rules if rules is not None else _test_rules()
    for entry in glossary:
        for test in entry.tests:
            found = run_test(glossary, entry, test, rules)
            if not test.expect_ok:
                # A bad text must be caught because of this entry, not by chance through another.
                found = [f for f in found if f.term in (None, entry.id)]
            if test.expect_ok and found:
                what = "; ".join(f"{f.rule}: {f.message}" for f in found[:3])
                yield _finding("glossary-test", "error", entry.path, test.line,
                               f"ok test of '{entry.id}' ({test.lang}) “{test.text}” gives a finding: {what}",
                               column=test.column or 1, term=entry.id, lang=test.lang)
            elif not test.expect_ok and not found:
                yield _finding("glossary-test", "error", entry.path, test.line,
                               f"bad test of '{entry.id}' ({test.lang}) “{test.text}” gives no finding; "
                               f"add the rejected form to the entry or fix the test",
                               column=test.column or 1, term=entry.id, lang=test.lang)


def check_drift(glossary: Glossary) -> Iterator[Finding]:
    """TG506 glossary-drift: English forms of Russian-origin names no romanisation gives."""
    from termguard.translit.drift import check_glossary

    yield from check_glossary(glossary)


def lint(glossary: Glossary, problems: Iterable[Problem] = ()) -> list[Finding]:
    """Every lint finding for a loaded glossary and its loader problems, sorted."""
    findings = [
        *problems_to_findings(problems),
        *check_duplicates(glossary),
        *check_unmatchable(glossary),
        *check_conflicts(glossary),
        *check_tests(glossary),
        *check_drift(glossary),
    ]
    findings.sort(key=Finding.sort_key)
    return findings


def lint_path(path: str | Path, *, langs: tuple[str, str] | None = None) -> LintResult:
    """Load the glossary at `path` (directory, YAML, TBX or CSV) and lint it."""
    from termguard.files import display_path
    from termguard.glossary import read_glossary

    glossary, problems = read_glossary(path, langs=langs)
    findings = lint(glossary, problems)
    shown = [
        f if not f.path else _replace_path(f, display_path(f.path))
        for f in findings
    ]
    shown.sort(key=Finding.sort_key)
    files = tuple(display_path(s) for s in glossary.sources)
    return LintResult(tuple(shown), files, len(glossary))


def _replace_path(f: Finding, path: str) -> Finding:
    from dataclasses import replace

    return replace(f, path=path)
