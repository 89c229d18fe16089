"""Inline suppressions and per-file ignores, applied after the rules have run.

Markdown and plain text:

    <!-- termguard: ignore forbidden-term, TG302 -->     the next block only
    <!-- termguard: disable translit-drift -->           from here ...
    <!-- termguard: enable translit-drift -->            ... to here (or the end)

PO files, a translator comment (`# termguard: ignore RULE`) or an extracted comment
(`#. termguard: ignore RULE`) on an entry suppresses that entry's findings; so does an
XLIFF `<note>termguard: ignore RULE</note>` on its unit. With no rule
named, a directive covers every rule. Anything after ` -- ` is a reason for humans.

A suppression that suppresses nothing, names an unknown rule, or an `enable` with no
`disable` before it is reported as `unused-suppression` (TG901), so stale suppressions do
not pile up. A directive for a rule that did not run (deselected, or needing a glossary
there is none of) is not reported: it may well be needed on other runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termguard.checks.unused_suppression import ALL
from termguard.model import Document, Finding, Unit

if TYPE_CHECKING:
    from termguard.checks.base import CheckContext, Rule
    from termguard.config import Config

UNUSED = "unused-suppression"

_MD_COMMENT = re.compile(r"<!--\s*termguard\s*:\s*(?P<kind>[A-Za-z-]+)(?P<rest>.*?)-->")
_PO_COMMENT = re.compile(r"^termguard\s*:\s*(?P<kind>[A-Za-z-]+)(?P<rest>.*)$")
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
_KINDS = ("ignore", "disable", "enable")


@dataclass
class Directive:
    """One rule named by one suppression comment, and the lines it covers (inclusive)."""

    kind: str
    token: str
    rule: str | None  # resolved rule name; ALL for every rule; None when unknown
    line: int
    column: int
    end_column: int
    first: int
    last: float
    unit: str | None = None
    used: bool = False
    problem: str = ""

    def covers(self, finding: Finding) -> bool:
        """Does this directive suppress the finding?"""
        if self.rule is None or finding.rule == UNUSED:
            return False
        if self.rule != ALL and self.rule != finding.rule:
            return False
        if self.unit is not None:
            return finding.unit == self.unit
        return self.first <= finding.line <= self.last


def _tokens(rest: str) -> list[str]:
    """Rule names from the text after the directive word, a ` -- reason` dropped."""
    rest = rest.split(" -- ", 1)[0]
    return [t for t in re.split(r"[,\s]+", rest.strip()) if t]


def _resolve(token: str) -> str | None:
    from termguard.checks import get_rule

    if token.lower() in ("all", ALL):
        return ALL
    rule = get_rule(token)
    return rule.name if rule is not None else None


def _new(kind: str, token: str, line: int, col: int, end_col: int, first: int, last: float, unit: str | None = None) -> Directive:
    rule = _resolve(token) if token != ALL else ALL
    directive = Directive(kind, token, rule, line, col, end_col, first, last, unit)
    if rule is None:
        directive.problem = f"suppression names unknown rule {token!r}; `termguard rules` lists them"
    return directive


def markdown_directives(text: str) -> list[Directive]:
    """The suppression comments of a Markdown or text document, with the lines each covers."""
    lines = text.split("\n")
    out: list[Directive] = []
    open_disables: list[Directive] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        lineno = index + 1
        m_fence = _FENCE.match(line)
        if m_fence:
            marker = m_fence.group(1)
            if fence is None:
                fence = marker[0] * 3
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is not None or "termguard" not in line:
            continue
        for m in _MD_COMMENT.finditer(line):
            kind = m.group("kind").lower()
            col, end_col = m.start() + 1, m.end() + 1
            tokens = _tokens(m.group("rest")) or [ALL]
            if kind not in _KINDS:
                d = _new(kind, ALL, lineno, col, end_col, lineno, lineno)
                d.rule, d.problem = None, f"unknown suppression {kind!r}; use ignore, disable or enable"
                out.append(d)
                continue
            if kind == "ignore":
                first, last = _next_block(lines, index, m.start(), m.end())
                out.extend(_new(kind, t, lineno, col, end_col, first, last) for t in tokens)
            elif kind == "disable":
                for t in tokens:
                    d = _new(kind, t, lineno, col, end_col, lineno, float("inf"))
                    out.append(d)
                    open_disables.append(d)
            else:
                for t in tokens:
                    closing = [
                        d for d in open_disables
                        if t == ALL or d.token == t or (d.rule is not None and d.rule == _resolve(t))
                    ]
                    if not closing:
                        d = _new(kind, t, lineno, col, end_col, lineno, lineno)
                        d.rule = None
                        shown = "enable" if t == ALL else f"enable {t}"
                        d.problem = f"`{shown}` has no matching `disable` before it; remove it"
                        out.append(d)
                        continue
                    for d in closing:
                        d.last = lineno
                        open_disables.remove(d)
    return out


def _next_block(lines: list[str], index: int, start_col: int, after: int) -> tuple[int, int]:
    """The (first, last) lines a comment at `lines[index][start_col:after]` covers.

    A comment alone on its line covers the next block (a heading, or the lines up to the
    next blank line); a comment sharing its line with text covers the block it stands in.
    """
    line = lines[index]
    if line[:start_col].strip() or line[after:].strip():
        start = index
        while start > 0 and lines[start - 1].strip() and not _HEADING.match(lines[start]):
            start -= 1
    else:
        start = index + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        if start >= len(lines):
            return (index + 1, index + 1)
    if _HEADING.match(lines[start]):
        return (start + 1, max(start, index) + 1)
    end = max(start, index)
    while end + 1 < len(lines) and lines[end + 1].strip() and not _HEADING.match(lines[end + 1]):
        end += 1
    return (start + 1, end + 1)


def unit_directives(unit: Unit) -> list[Directive]:
    """The `termguard: ignore` comments of a PO entry; they cover the entry's findings."""
    last_line = float("inf")  # matched by unit id, not by lines
    out: list[Directive] = []
    for comment in unit.comments:
        m = _PO_COMMENT.match(comment.strip())
        if not m:
            continue
        kind = m.group("kind").lower()
        tokens = _tokens(m.group("rest")) or [ALL]
        if kind != "ignore":
            d = _new(kind, ALL, unit.line, 1, 1, unit.line, last_line, unit.id)
            d.rule, d.problem = None, f"only `termguard: ignore RULE` works in PO comments, not {kind!r}"
            out.append(d)
            continue
        out.extend(_new(kind, t, unit.line, 1, 1, unit.line, last_line, unit.id) for t in tokens)
    return out


def has_directive(unit: Unit) -> bool:
    """Cheap test, run on every unit: does any comment of this entry mention termguard?"""
    return any("termguard" in c for c in unit.comments)


def suppress_unit(unit: Unit, findings: list[Finding], rules: list[Rule], ctx: CheckContext) -> list[Finding]:
    """Filter one PO entry's findings by its `termguard: ignore` comments."""
    directives = unit_directives(unit)
    if not directives or ctx.document is None:
        return findings
    return _filter(directives, findings, rules, ctx, ctx.document)


def suppress_document(doc: Document, findings: list[Finding], rules: list[Rule], ctx: CheckContext) -> list[Finding]:
    """Filter a Markdown or text document's findings by its suppression comments."""
    if doc.is_translation or not doc.source_text or "termguard" not in doc.source_text:
        return findings
    directives = markdown_directives(doc.source_text)
    if not directives:
        return findings
    return _filter(directives, findings, rules, ctx, doc)


def ignore_per_file(config: Config, findings: Iterable[Finding]) -> list[Finding]:
    """Drop the findings that `per-file-ignores` switches off for their file."""
    findings = list(findings)
    if not config.per_file_ignores:
        return findings
    cache: dict[str, frozenset[str]] = {}
    out = []
    for f in findings:
        ignored = cache.get(f.path)
        if ignored is None:
            ignored = cache[f.path] = config.ignored_rules(f.path)
        if f.rule not in ignored:
            out.append(f)
    return out


def _filter(directives: list[Directive], findings: list[Finding], rules: list[Rule], ctx: CheckContext, doc: Document) -> list[Finding]:
    kept = []
    for f in findings:
        hit = False
        for d in directives:
            if d.covers(f):
                d.used = True
                hit = True
        if not hit:
            kept.append(f)
    kept.extend(_unused(directives, rules, ctx, doc))
    return kept


def _unused(directives: list[Directive], rules: list[Rule], ctx: CheckContext, doc: Document) -> list[Finding]:
    from termguard.checks.unused_suppression import UnusedSuppression

    reporter = next((r for r in rules if r.name == UNUSED), None)
    if not isinstance(reporter, UnusedSuppression):
        return []
    return list(reporter.unused(directives, (r.name for r in rules), doc, ctx))
