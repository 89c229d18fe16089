"""TG101 forbidden-term: a forbidden or superseded rendering of a glossary term."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from termguard.checks.base import CheckContext, Rule, register, text_fields
from termguard.edits import replacement_edits
from termguard.glossary.model import Rendering
from termguard.model import Applicability, Field, Finding, Fix, Severity, Unit
from termguard.morph import Match
from termguard.morph.unitterms import in_citation, unit_terms
from termguard.prose import ProseView
from termguard.triggers import TermEvidence, Trigger


def _may_report(ev: TermEvidence) -> bool:
    """A hit with a rejected candidate that passes the matcher's case tests, or the first
    word of a rejected multi-word form, in a text: every match the rule reports is a
    rejected rendering's."""
    for texts, matcher in ((ev.source, ev.source_matcher), (ev.targets, ev.target_matcher)):
        if matcher is None:
            continue
        facts, rendering = matcher.facts, matcher.rendering_of
        for keys in texts:
            if keys.gap:
                return True
            for h in keys.hits:
                if facts[h[2]].rejected and any(
                    not rendering(c).approved for c in matcher.hit_candidates(keys, h)
                ):
                    return True
    return False


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
        The preferred rendering named in the message (the glossary's first approved form).
        The finding carries a fix: the preferred form in the found form's grammar. A
        literal forbidden form is replaced as it is (safe); a Russian inflected form by the
        preferred rendering in the same case and number, adjectives agreeing («Триумпфа» →
        «Триумфа»), safe when the case is certain; a Turkish suffix after the apostrophe is
        kept and re-harmonised to the new stem (`Triumph'un` → `Triumf'un`), unsafe when
        the stem's sound or the suffix cannot be read reliably; other inflected forms
        (English plurals) get an unsafe fix. `check --fix` applies the safe ones.
    """

    code = "TG101"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "a forbidden or superseded rendering of a term, in source or target"
    needs_glossary = True
    #: Findings are rejected glossary forms in the unit's texts.
    trigger = Trigger(terms=True, term_test=_may_report)

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report each rejected rendering found in the unit's text, inflected forms included."""
        doc = ctx.document
        if doc is not None and doc.is_translation:
            terms = unit_terms(unit, ctx)
            lang = unit.target_lang
            if terms is None or lang is None:
                return  # no target language or no translation (`unit_terms`)
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
        form_of = f" (a form of “{match.lemma}”)" if match.text != match.lemma else ""
        why = f" ({match.rendering.note})" if match.rendering.note else ""
        preferred = entry.approved(lang)
        use = f"; use “{suggestions[0]}”" if suggestions else ""
        if suggestions and approved and suggestions[0] != approved[0]:
            use += f" (a form of “{approved[0]}”)"
        start, end = view.to_text_span(match.start, match.end)
        finding = ctx.finding(
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
        fix = self._fix(ctx, fld, view, match, lang, preferred[0]) if preferred else None
        return replace(finding, fix=fix) if fix is not None else finding

    @staticmethod
    def _fix(ctx: CheckContext, fld: Field, view: ProseView, match: Match, lang: str, preferred: Rendering) -> Fix | None:
        """The preferred rendering in the grammatical form of the match (see the docstring)."""
        found = _replacement(match, lang, preferred.text.strip(), preferred.exact or preferred.indeclinable)
        if found is None:
            return None
        new, with_suffix, safe = found
        end = match.end + (len(match.suffix) if with_suffix else 0)
        start, stop = view.to_text_span(match.start, end)
        old = match.surface + (match.suffix if with_suffix else "")
        if fld.text[start:stop] != old:
            safe = False  # markup inside the match (Tri*umph*) would be lost
        if new == fld.text[start:stop]:
            return None
        kind = ctx.document.kind if ctx.document is not None else None
        edits = replacement_edits(kind, fld, start, stop, new)
        if edits is None:
            return None
        return Fix(Applicability.SAFE if safe else Applicability.UNSAFE, f"replace “{match.text + old[len(match.surface):]}” with “{new}”", edits)


def _fold(text: str) -> str:
    # casefold() writes Turkish İ as i + U+0307 (a combining dot): drop the dot so that
    # `TRİUMPH'U` compares equal to its lemma's letters.
    return text.casefold().replace("\u0307", "").replace("ё", "е").replace("’", "'")


def _literal(preferred: str, surface: str, lemma: str, lang: str | None = None) -> str:
    """The preferred form for a literal match: its own case unless the text changed the
    lemma's case (a capital at a sentence start, a heading in capitals)."""
    from termguard.morph.refit import recase

    return preferred if surface == lemma else recase(preferred, surface, lang)


def _replacement(match: Match, lang: str, preferred: str, invariable: bool = False) -> tuple[str, bool, bool] | None:
    """(replacement, whether it replaces the suffix too, safe) for a rejected match;
    `invariable` when the preferred rendering never inflects (`exact`, `indeclinable`)."""
    from termguard.morph.refit import russian_refit, turkish_resuffix

    base = lang.replace("-", "_").split("_")[0].lower()
    # A run of white space between the words (`White  house`) is the rendering's one space.
    surface, lemma = match.text, match.lemma.strip()
    literal = _fold(surface) == _fold(lemma)
    if base == "ru":
        # A preferred form with nothing to decline (Latin, digits, an indeclinable name) is
        # right in every case.
        declinable = not invariable and any("а" <= c <= "я" or c == "ё" for c in preferred.lower())
        if not declinable:
            return _literal(preferred, surface, lemma), False, True
        # Even the literal form goes through the cases: a masculine «комплекс» may be a
        # nominative or an accusative, which a feminine preferred form tells apart.
        refit = russian_refit(surface, lemma, preferred)
        if refit is not None:
            return refit[0], False, refit[1]
        # The found form's case cannot be told (a Latin or unknown forbidden form).
        return _literal(preferred, surface, lemma), False, False
    if base == "tr":
        if literal:
            new = _literal(preferred, surface, lemma, lang)
            if len(match.suffix) > 1:
                suffix, ok = turkish_resuffix(surface, match.suffix[1:], new)
                return new + match.suffix[0] + suffix, True, ok
            return new, False, True
        if _fold(surface).startswith(_fold(lemma)):
            suffix, _ok = turkish_resuffix(lemma, surface[len(lemma):], preferred)
            return _literal(preferred, surface[: len(lemma)], lemma, lang) + suffix, False, False
        return None
    if literal:
        return _literal(preferred, surface, lemma), False, True
    if _fold(surface).startswith(_fold(lemma)):
        # An inflected form (English plural Triumphs): the same ending on the new form.
        return _literal(preferred, surface[: len(lemma)], lemma) + surface[len(lemma):], False, False
    return None
