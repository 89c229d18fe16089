"""TG503 glossary-conflict: renderings that contradict each other."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import GlossaryContext, Rule, register
from termguard.checks.glossary_duplicate import lang_label, where
from termguard.checks.glossary_unmatchable import unmatchable_reason
from termguard.glossary.model import ANY_TARGET, Entry, Rendering
from termguard.model import Finding, Severity


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

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """Per language: one approved form in two entries; approved and rejected at once."""
        buckets: dict[tuple[str, str], list[tuple[Entry, Rendering]]] = {}
        for entry in ctx.glossary:
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
                    if ea is not eb and ea.id == eb.id:
                        continue  # two entries with one id: reported once, as a duplicate
                    message = _conflict(lang, a, b)
                    if message:
                        reported.add((id(ra), id(rb)))
                        yield ctx.finding(self, eb.path, rb.line, message, column=rb.column or 1,
                                          term=eb.id, lang=None if lang == ANY_TARGET else lang, found=rb.text)


def _conflict(lang: str, a: tuple[Entry, Rendering], b: tuple[Entry, Rendering]) -> str | None:
    """What is wrong with two forms the matcher confuses (None: nothing)."""
    (ea, ra), (eb, rb) = a, b
    if ra.text.strip() != rb.text.strip():
        return _case_only_message(lang, a, b)
    if ea is eb:
        if ra.approved != rb.approved:
            return (f"“{rb.text}” is both {ra.status} (line {ra.line}) and {rb.status} in '{eb.id}' "
                    f"for {lang_label(lang)}; decide which it is")
        return None
    if ra.approved and rb.approved:
        return (f"approved {lang_label(lang)} form “{rb.text}” is claimed by '{ea.id}' ({where(ea, ra.line)}) and "
                f"'{eb.id}'; keep it in one entry")
    if ra.approved != rb.approved:
        bad, good = (a, b) if not ra.approved else (b, a)
        return (f"{lang_label(lang)} form “{bad[1].text}” is {bad[1].status} in '{bad[0].id}' ({where(bad[0], bad[1].line)}) "
                f"but approved in '{good[0].id}' ({where(good[0], good[1].line)}); decide which it is")
    return None


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
    named = sorted(set(insensitive), key=insensitive.index)
    if ea is eb:
        owner = f"in '{eb.id}'"
        fix = f"set `case_sensitive: true` on '{eb.id}' (or on both forms)"
    else:
        owner = f"in '{ea.id}' ({where(ea, ra.line)}) and '{eb.id}'"
        fix = " and ".join(f"'{i}'" for i in named)
        fix = f"set `case_sensitive: true` on {fix}, or keep the form in one entry"
    return (f"{lang_label(lang)} forms “{ra.text}” ({ra.status}, line {ra.line}) and “{rb.text}” ({rb.status}) {owner} "
            f"differ only in case, and case-insensitive matching cannot tell them apart; {fix}")
