"""TG505 glossary-unmatchable: a rendering the matcher can never find in a text."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import GlossaryContext, Rule, register
from termguard.checks.glossary_duplicate import lang_label
from termguard.model import Finding, Severity


@register
class GlossaryUnmatchable(Rule):
    """A rendering that can never match: empty, only punctuation or spaces, or padded.

    What:
        Reported by `termguard glossary lint`. Finds renderings whose text is empty, has no
        letter or digit (the matcher needs a word to anchor on), or starts or ends with
        white space or contains a line break (prose never contains the form as written).
    Why:
        Such a form is dead weight: a forbidden one never fires and an approved one is
        never accepted, so the entry silently stops protecting the term.
    Example:
        `ru: [" Триумф"]`, `en: ["—"]` or `en: [""]`.
    Use instead:
        The form as it stands in prose, trimmed, with at least one letter or digit.
    """

    code = "TG505"
    name = "glossary-unmatchable"
    severity = Severity.ERROR
    summary = "a rendering that can never match (empty, punctuation only, padded)"
    applies_to = "glossary"
    needs_glossary = True

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """Forms that are empty, punctuation only, padded or multi-line."""
        for entry in ctx.glossary:
            for lang, forms in entry.renderings.items():
                for r in forms:
                    why = unmatchable_reason(r.text)
                    if why:
                        yield ctx.finding(
                            self, entry.path, r.line,
                            f"{lang_label(lang)} form “{r.text}” of '{entry.id}' {why}; it can never match",
                            column=r.column or 1, term=entry.id, lang=lang, found=r.text,
                        )


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
