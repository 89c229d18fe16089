"""TG101 forbidden-term: a forbidden or superseded rendering of a glossary term."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register, text_fields
from termguard.model import Field, Finding, Severity, Unit
from termguard.morph import Match
from termguard.morph.unitterms import in_citation, unit_terms
from termguard.prose import ProseView


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
        In Russian the suggestion is the preferred rendering put into the case and number
        of the word found («Триумпфа» → «Триумфа», after «два»: «зенитных ракетных
        комплекса»), ready to paste. An approved acronym written in another case (`Нато`,
        `Сво`) is reported as a forbidden form of it; a lowercase forbidden form is not
        reported on a capitalised word in mid-sentence that the analyser reads as a
        surname or first name (a person, not the term); a forbidden multi-word form is
        found also with an agreeing adjective between its words («система турецкой ПВО»).
    Use instead:
        The preferred rendering named in the message (the glossary's first approved form),
        in Russian already inflected like the word it replaces.
    """

    code = "TG101"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "a forbidden or superseded rendering of a term, in source or target"
    needs_glossary = True
    screened = True

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
        approved = [r.text for r in entry.approved(lang)]
        # Paste-ready: each approved form in the found word's case and number where the
        # language inflects it («Триумпфа» → «Триумфа»), the glossary's form otherwise.
        morph = ctx.matcher(lang).morph
        # The glossary-derived form that matched («систему ПВО» for the text «систему
        # американской ПВО») has the case and number; the text, its capitals.
        shape = match.form or match.surface
        if len(match.surface) > 1 and match.surface.isupper():
            shape = shape.upper()
        suggestions = [morph.inflect_like(a, shape, match.lemma) or a for a in approved]
        if len(match.surface) > 1 and match.surface.isupper() and not match.lemma.isupper():
            suggestions = [morph.upper(t) for t in suggestions]  # a text in capitals (ERDOĞAN)
        elif match.surface[:1].isupper() and match.lemma[:1].islower():
            # The found word opens a sentence: so does the suggestion.
            suggestions = [morph.upper(t[:1]) + t[1:] for t in suggestions]
        suggestions = list(dict.fromkeys(suggestions))
        form_of = f" (a form of “{match.lemma}”)" if match.surface != match.lemma else ""
        why = f" ({match.rendering.note})" if match.rendering.note else ""
        use = f"; use “{suggestions[0]}”" if suggestions else ""
        if suggestions and approved and suggestions[0] != approved[0]:
            use += f" (a form of “{approved[0]}”)"
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
