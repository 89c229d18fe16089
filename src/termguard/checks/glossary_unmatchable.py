"""TG505 glossary-unmatchable: a rendering the matcher can never find in a text."""

from __future__ import annotations

from termguard.checks.base import Rule, register
from termguard.model import Severity


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
