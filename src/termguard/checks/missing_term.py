"""TG102 missing-term: the source has a glossary term, the translation has no approved rendering."""

from __future__ import annotations

from typing import Iterator

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Document, Finding, Severity, Unit


@register
class MissingTerm(Rule):
    """A source term whose translation lacks every approved rendering of it.

    What:
        For each translated unit, finds the glossary terms in the source text (approved or
        rejected forms: "Triumph" in the source still names the Triumf concept) and reports
        each one for which the translation contains no approved rendering in the target
        language. Entries without renderings in the target language are skipped. The
        finding points at the term in the source text (msgid) and names the expected forms.
        Untranslated entries are left to the `untranslated` rule.
    Why:
        A term dropped, paraphrased or rendered ad hoc breaks the terminology readers and
        reviewers rely on; it is the commonest glossary error in translations.
    Example:
        msgid "the S-400 Triumf systems" with msgstr "системы С-400 «Триумпф»": the Russian
        has no «Триумф», so `triumf` is reported with the suggestion «Триумф».
    Use instead:
        One of the approved renderings the message lists (inflected as the sentence needs).
    """

    code = "TG102"
    name = "missing-term"
    severity = Severity.ERROR
    summary = "a source term with no approved rendering in the translation"
    applies_to = "translation"
    needs_glossary = True

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare the terms of the source with the approved terms of each target form."""
        lang = unit.target_lang
        if not lang or not unit.is_translated:
            return
        src_view = ctx.prose(unit.source)
        src_matches = ctx.matcher(unit.source_lang).find(src_view.plain)
        if not src_matches:
            return
        target_matcher = ctx.matcher(lang)
        present: set[str] = set()
        for fld in unit.targets:
            for match in target_matcher.find(ctx.prose(fld).plain):
                if match.approved:
                    present.add(match.entry.id)
        reported: set[str] = set()
        for match in src_matches:
            entry = match.entry
            if entry.id in present or entry.id in reported:
                continue
            expected = [r.text for r in entry.approved(lang)]
            if not expected:
                continue
            reported.add(entry.id)
            start, end = src_view.to_text_span(match.start, match.end)
            shown = ", ".join(f"“{e}”" for e in expected)
            yield ctx.finding(
                self,
                unit,
                unit.source,
                start,
                end,
                f"“{match.surface}” ('{entry.id}') has no approved rendering in the {lang} translation; expected {shown}",
                lang=lang,
                term=entry.id,
                found=match.surface,
                suggestions=expected,
            )
