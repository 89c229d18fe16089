"""TG101 forbidden-term: a forbidden or superseded rendering of a glossary term."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register, text_fields
from termguard.model import Field, Finding, Severity, Unit
from termguard.morph import Match
from termguard.morph.unitterms import in_citation, unit_terms
from termguard.prose import ProseView
from termguard.triggers import Trigger


@register
class ForbiddenTerm(Rule):
    """A forbidden or superseded rendering of a glossary term, in a source or a translation.

    What:
        Finds every rendering the glossary marks `forbidden` or `superseded` for the text's
        language, in any inflected form: Russian cases and numbers («Триумпфа» for a
        forbidden «Триумпф»), English plurals, Turkish suffixes (`Triumph'un`). A forbidden
        form that differs from an approved one only in case is compared with its case
        (`Caatsa` is reported, `CAATSA` is not). Source documents (.md, .txt) are read as
        sources; in translation files (.po, .xlf) the translations are read, since the
        msgid belongs to the source document and is checked there. A forbidden form inside a longer approved form is
        not reported ("Triumph" inside an approved "Triumph Street"), nor, in a translation,
        one inside a quoted or emphasised stretch of three or more words that the source
        contains verbatim: a headline cited as published (`"Erdogan Asks Putin..."` in a
        Turkish reference list), as missing-term and untranslated-term treat citations.
    Why:
        A name translated instead of transliterated (Triumph for «Триумф»), or an outdated
        form, misleads readers and breaks search and consistency across documents.
    Example:
        With `en: [Triumf, {text: Triumph, status: forbidden}]`,
        `the S-400 "Triumph" systems` is reported with the suggestion `Triumf`.
    Use instead:
        The preferred rendering named in the message (the glossary's first approved form).
    """

    code = "TG101"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "a forbidden or superseded rendering of a term, in source or target"
    needs_glossary = True
    #: Findings are glossary forms in the unit's texts.
    trigger = Trigger(terms=True)

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report each rejected rendering found in the unit's text, inflected forms included."""
        doc = ctx.document
        if doc is not None and doc.is_translation:
            terms = unit_terms(unit, ctx)
            if terms is None:
                return
            lang = unit.target_lang
            for target in terms.targets:
                for match in target.matches:
                    if match.approved:
                        continue
                    start, end = target.view.to_text_span(match.start, match.end)
                    if in_citation(target.field.text, start, end, unit.source.text):
                        continue  # a title cited as published, in its own language
                    yield self._finding(ctx, unit, target.field, target.view, match, lang)
            return
        for fld, lang, _role in text_fields(unit, doc):
            view = ctx.prose(fld)
            for match in ctx.matcher(lang).find(view.plain):
                if not match.approved:
                    yield self._finding(ctx, unit, fld, view, match, lang)

    def _finding(self, ctx: CheckContext, unit: Unit, fld: Field, view: ProseView, match: Match, lang: str) -> Finding:
        entry = match.entry
        suggestions = [r.text for r in entry.approved(lang)]
        form_of = f" (a form of “{match.lemma}”)" if match.surface != match.lemma else ""
        why = f" ({match.rendering.note})" if match.rendering.note else ""
        use = f"; use “{suggestions[0]}”" if suggestions else ""
        start, end = view.to_text_span(match.start, match.end)
        return ctx.finding(
            self,
            unit,
            fld,
            start,
            end,
            f"{match.rendering.status} rendering “{match.shown}”{form_of} of '{entry.id}'{why}{use}",
            lang=lang,
            term=entry.id,
            found=match.surface,
            suggestions=suggestions,
        )
