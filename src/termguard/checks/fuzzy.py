"""TG402 fuzzy: a translation marked fuzzy (PO) or as needing review (XLIFF)."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Finding, Severity, Unit


@register
class Fuzzy(Rule):
    """A translation flagged fuzzy, waiting for a translator's review.

    What:
        Reports PO entries with the `#, fuzzy` flag (set by `termguard update` or msgmerge
        when the source changed) and XLIFF 1.2 targets whose `state` asks for review
        (`needs-review-translation`, `needs-translation`, ...), which the XLIFF reader
        marks fuzzy. The finding points at the translation. An entry whose translation is
        empty is not reported here, whatever its flag or state (`<target
        state="needs-translation"/>` is how many tools write an untranslated unit):
        `untranslated` reports it, once.
    Why:
        gettext tools do not use fuzzy translations: the built document shows the source
        text there, and the old translation may no longer match the changed source.
    Example:
        `#, fuzzy` above `msgid "... 10 years ago ..."` / `msgstr "... 9 лет назад ..."`.
    Use instead:
        Review the translation against the current source, then remove the fuzzy flag.
    """

    code = "TG402"
    name = "fuzzy"
    severity = Severity.WARNING
    summary = "a translation marked fuzzy or needing review"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report the unit when it carries the fuzzy flag."""
        if not unit.is_fuzzy or ctx.document is None or ctx.document.kind == "pot":
            return
        if not any(t.text for t in unit.targets):
            return  # nothing to review: the untranslated rule reports the entry
        fld = unit.target if unit.target is not None else unit.source
        what = "fuzzy" if ctx.document.kind == "po" else "needing review"
        yield ctx.finding(
            self, unit, fld, 0, len(fld.text.split("\n", 1)[0]),
            f"translation marked {what}; check it against the source, then remove the flag",
            lang=unit.target_lang, found=fld.text[:60],
        )
