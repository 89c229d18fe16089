"""TG311 brackets-quotes: brackets or quotation marks the translation opens and never closes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register, translated_pairs
from termguard.markdown_tokens import Token, unbalanced_brackets, unbalanced_quotes
from termguard.model import Field, Finding, Severity, Unit


@register
class BracketsQuotes(Rule):
    """Brackets or quotation marks left unpaired in a translation where the source pairs them.

    What:
        In each translation (msgstr), finds brackets `()`, `[]`, `{}` and quotation marks
        that do not pair up: an opening mark never closed, or a closing mark that closes
        nothing. Quotation marks pair in every style a language uses: «…», „…“, “…”,
        ‹…›, "…"; which style the translation uses is its own choice («Триумф» or
        „Триумф“ for "Triumf" in Russian, „…“ or "…" in Turkish). Single quotes are not
        read (’ is also the apostrophe), nor marks inside code and URLs. A mark the
        source itself leaves unpaired (a quotation that runs over two units) may be
        unpaired in the translation too: only unpaired marks beyond the source's are
        reported. Source documents have nothing to compare with and are not read.
    Why:
        An unclosed bracket or quotation leaves the reader guessing where an aside or a
        quotation ends; in a built Markdown document an unpaired `[` or `(` can swallow
        a link.
    Example:
        `msgstr "Система «Триумф (С-400 поставлена."` is reported twice: `«` is never
        closed and neither is `(`.
    Use instead:
        Close every bracket and quotation the translation opens:
        `Система «Триумф» (С-400) поставлена.`
    """

    code = "TG311"
    name = "brackets-quotes"
    severity = Severity.WARNING
    summary = "brackets or quotation marks unpaired in a translation where the source pairs them"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report the translation's unpaired marks beyond the source's own."""
        for src, fld in translated_pairs(unit):
            yield from self._brackets(unit, ctx, src, fld)
            yield from self._quotes(unit, ctx, src, fld)

    # Only the translation's unpaired marks are reported: a translation that pairs all its
    # marks (most) needs no look at the source.

    def _brackets(self, unit: Unit, ctx: CheckContext, src: Field, fld: Field) -> Iterator[Finding]:
        t_open, t_stray = unbalanced_brackets(fld.text)
        if not t_open and not t_stray:
            return
        s_open, s_stray = unbalanced_brackets(src.text)
        yield from self._beyond(unit, ctx, fld, t_open, Counter(t.key for t in s_open), "opened and never closed")
        yield from self._beyond(unit, ctx, fld, t_stray, Counter(t.key for t in s_stray), "closes nothing")

    def _quotes(self, unit: Unit, ctx: CheckContext, src: Field, fld: Field) -> Iterator[Finding]:
        t_open, t_stray = unbalanced_quotes(fld.text)
        if not t_open and not t_stray:
            return
        s_open, s_stray = unbalanced_quotes(src.text)
        # Quotation styles differ between languages: compare how many, not which marks.
        yield from self._beyond(unit, ctx, fld, t_open, Counter({"": len(s_open)}), "opens a quotation never closed", key=False)
        yield from self._beyond(unit, ctx, fld, t_stray, Counter({"": len(s_stray)}), "closes no quotation", key=False)

    def _beyond(self, unit: Unit, ctx: CheckContext, fld: Field, found: list[Token], allowed: Counter[str],
                what: str, key: bool = True) -> Iterator[Finding]:
        for t in found:
            k = t.key if key else ""
            if allowed[k] > 0:
                allowed[k] -= 1
                continue
            yield ctx.finding(self, unit, fld, t.start, t.end, f"“{t.key}” {what} in the translation; the source pairs its marks here",
                              lang=unit.target_lang, found=t.key)
