"""TG503 glossary-conflict: renderings that contradict each other."""

from __future__ import annotations

from termguard.checks.base import Rule, register
from termguard.model import Severity


@register
class GlossaryConflict(Rule):
    """One form claimed by two entries, or approved and forbidden at the same time.

    What:
        Reported by `termguard glossary lint`. Per language, finds an approved form claimed
        by two entries, a form an entry both approves and forbids, and a forbidden or
        superseded form of one entry that is an approved form of another. Forms are compared
        as the matcher compares them (case-folded unless both are case-sensitive). Two forms
        that differ only in case (`KAAN` approved, `Kaan` forbidden) are named each with its
        own status, and the message suggests `case_sensitive: true` on the entry. Two
        rejected forms never conflict.
    Why:
        The checker cannot tell which concept a text means when two entries own one form,
        and a form both approved and forbidden makes every text that uses it an error and
        correct at once: the checks become noise and translators stop trusting them.
    Example:
        `kyiv` has `en: [Kyiv, {text: Kiev, status: superseded}]` while another entry
        approves `en: [Kiev]`.
    Use instead:
        Keep each form in one entry; decide whether it is approved or rejected, and say why
        in the rendering's `note`. When case is the difference, set `case_sensitive: true`.
    """

    code = "TG503"
    name = "glossary-conflict"
    severity = Severity.ERROR
    summary = "one form claimed by two entries, or both approved and forbidden"
    applies_to = "glossary"
    needs_glossary = True
