"""TG901 unused-suppression: an inline suppression that suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Document, Finding, Severity

#: A directive's rule that stands for every rule (`termguard: ignore` with no rule named).
ALL = "*"


class Directive(Protocol):
    """One rule named by one suppression comment (`termguard.suppressions.Directive`)."""

    kind: str
    token: str
    rule: str | None
    line: int
    column: int
    end_column: int
    unit: str | None
    used: bool
    problem: str


@register
class UnusedSuppression(Rule):
    """A suppression comment that suppresses no finding, or cannot work.

    What:
        Reports `<!-- termguard: ignore RULE -->`, `<!-- termguard: disable RULE -->` and PO
        `# termguard: ignore RULE` / `#. termguard: ignore RULE` comments that suppressed no
        finding of the rule they name in this run; comments that name an unknown rule; an
        `enable` with no `disable` before it; and `disable` in a PO comment, where only
        `ignore` works. Suppressions are applied after all rules ran; a suppression naming
        a rule that did not run (not selected, or no glossary) is not reported.
    Why:
        Suppressions outlive the problems they hid: once the text is fixed, a stale
        comment would silently hide the next real problem in that block. A misspelt rule
        name suppresses nothing while looking as if it did.
    Example:
        `<!-- termguard: ignore forbidden-term -->` above a paragraph that no longer
        contains any forbidden rendering; `# termguard: ignore forbiden-term` (misspelt).
    Use instead:
        Remove the comment, or correct the rule name (`termguard rules` lists them).
    """

    code = "TG901"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "a suppression comment that suppresses nothing or names an unknown rule"

    def unused(self, directives: Iterable[Directive], ran: Iterable[str], doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """The findings for the directives of `doc` that suppressed nothing, after the rules
        named `ran` have run: a directive naming an unknown rule, or one whose rule ran and
        gave no finding it covers. A directive for a rule that did not run is left alone."""
        ran = set(ran)
        for d in directives:
            if d.used:
                continue
            if d.problem:
                message = d.problem
            elif d.rule == ALL or d.rule in ran:
                if d.unit is not None:
                    where = "this entry"
                elif d.kind == "ignore":
                    where = "the next block"
                else:
                    where = "the disabled lines"
                what = "no finding" if d.rule == ALL else f"no {d.rule} finding"
                message = f"unused suppression: {what} in {where}; remove it"
            else:
                continue
            yield self.report(doc, d, message, ctx)

    def report(self, doc: Document, directive: Directive, message: str, ctx: CheckContext) -> Finding:
        """The finding for one unused directive, at the comment (Markdown) or the entry (PO)."""
        return Finding(
            code=self.code,
            rule=self.name,
            severity=ctx.severities.get(self.name, self.severity),
            path=doc.path,
            line=directive.line,
            column=directive.column,
            end_line=directive.line,
            end_column=directive.end_column,
            message=message,
            unit=directive.unit,
            lang=doc.target_lang or doc.source_lang,
            found=f"termguard: {directive.kind} {directive.token}",
            context=f"{directive.kind}:{directive.token}:{directive.unit or ''}",
        )
