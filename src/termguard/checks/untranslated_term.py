"""TG103 untranslated-term: a term that must be translated is left in its source form."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Finding, Severity, Unit
from termguard.morph.unitterms import in_citation, must_translate, source_forms_left, unit_terms
from termguard.triggers import TermEvidence, Trigger


def _may_report(ev: TermEvidence) -> bool:
    """A source-language hit in a target, passing the matcher's case tests, of an entry a
    source hit may match and that must be translated (`must_translate`)."""
    sm, tm = ev.source_matcher, ev.target_matcher
    if tm is None or not any(k.hits or k.gap for k in ev.source):
        return False
    if not any(k.hits or k.gap for k in ev.source_in_targets):
        return False
    if any(k.gap for k in (*ev.source, *ev.source_in_targets)):
        return True
    in_source = {sm.entry_at(c[0]).id for keys in ev.source for h in keys.hits for c in sm.facts[h[2]].cands}
    for keys in ev.source_in_targets:
        for h in keys.hits:
            for c in sm.hit_candidates(keys, h):
                entry = sm.entry_at(c[0])
                if entry.id in in_source and must_translate(entry, sm, tm):
                    return True
    return False


@register
class UntranslatedTerm(Rule):
    """A glossary term that must be translated, left in its source-language form.

    What:
        For each translated unit, finds the glossary terms of the source text whose
        approved renderings in the target language differ from the source form (so not
        `dnt` entries, and not entries like CAATSA that every language writes alike), and
        reports each one whose source form (inflected too: `S-400s`) stands in the
        translation. The finding points at the form in the translation (msgstr). A form
        the glossary rejects in the target language is left to `forbidden-term`. A quoted
        or emphasised stretch of three or more words copied verbatim from the source (a
        title or outlet cited in its own language, as in references) is a citation, not
        an untranslated term; a quoted single name is not.
    Why:
        A term copied over untranslated ("S-400" in Latin letters in a Russian text, SMO
        for СВО) is invisible to readers' search, breaks the terminology the glossary
        fixes, and often hides a sentence translated in a hurry.
    Example:
        msgid "The S-400 contract" with msgstr "Контракт на S-400": the glossary renders
        `s-400` in Russian as «С-400» (Cyrillic С), so “S-400” is reported.
    Use instead:
        The approved target rendering named in the message, inflected as the sentence needs.
    """

    code = "TG103"
    name = "untranslated-term"
    severity = Severity.ERROR
    summary = "a term that must be translated is left in its source form in the translation"
    applies_to = "translation"
    needs_glossary = True
    #: Nothing to report without a source-language glossary form in the source and in a target.
    trigger = Trigger(terms=True, term_test=_may_report, source_in_targets=True)

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Look for the source forms of the unit's must-translate terms in each target form."""
        terms = unit_terms(unit, ctx)
        if terms is None or not terms.source:
            return
        lang = unit.target_lang
        entries = {
            m.entry.id: m.entry for m in terms.source if must_translate(m.entry, terms.source_matcher, terms.target_matcher)
        }
        if not entries:
            return
        for target in terms.targets:
            for match in source_forms_left(terms, target, entries):
                entry = match.entry
                expected = terms.target_matcher.approved_texts(entry)
                start, end = target.view.to_text_span(match.start, match.end)
                if in_citation(target.field.text, start, end, unit.source.text):
                    continue  # a title cited in its own language
                yield ctx.finding(
                    self,
                    unit,
                    target.field,
                    start,
                    end,
                    f"“{match.shown}” ('{entry.id}') is left in its source ({unit.source_lang}) form; "
                    f"the {lang} rendering is “{expected[0]}”",
                    lang=lang,
                    term=entry.id,
                    found=match.surface,
                    suggestions=expected,
                )
