"""TG102 missing-term: the source has a glossary term, the translation has no approved rendering."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Finding, Severity, Unit
from termguard.morph.unitterms import in_citation, must_translate, source_forms_left, unit_terms
from termguard.triggers import TermEvidence, Trigger

if TYPE_CHECKING:
    from termguard.morph import TermMatcher
    from termguard.morph.matcher import TextKeys


def _may_report(ev: TermEvidence) -> bool:
    """A key in the source, unless every target form is certain to hold an approved match of
    every entry any source key could match (`TextKeys.surely_found`): then each source
    term has its rendering in every target, and the rule has nothing to say."""
    if not any(k.hits or k.gap for k in ev.source):
        return False
    tm = ev.target_matcher
    if tm is None or not ev.targets or any(k.gap for k in ev.source):
        return True
    sm = ev.source_matcher
    facts = sm.facts
    needed: set[int] = set()
    for keys in ev.source:
        for h in keys.hits:
            needed |= facts[h[2]].entries
    found = [tm.surely_found(keys) for keys in ev.targets]
    if all(needed <= here for here in found):
        return False
    needed = set()
    for keys in ev.source:
        needed |= source_entries(sm, keys)
    return any(not needed <= here for here in found)


def source_entries(matcher: TermMatcher, keys: TextKeys) -> set[int]:
    """The indexes of the entries `matcher.find` may match in a text (not one with a gapped
    form): the candidates that pass their hits' case and punctuation tests, but for a hit
    inside a longer certain approved match (which overrides it)."""
    longer = [(s, e) for (s, e, _slot), _entries in matcher.sure_hits(keys)]
    facts = matcher.facts
    entries: set[int] = set()
    for h in keys.hits:
        if not facts[h[2]].stem and any(s <= h[0] and h[1] <= e and e - s > h[1] - h[0] for s, e in longer):
            continue
        entries.update(c[0] for c in matcher.hit_candidates(keys, h))
    return entries


@register
class MissingTerm(Rule):
    """A source term whose translation lacks every approved rendering of it.

    What:
        For each translated unit, finds the glossary terms in the source text (approved or
        rejected forms: "Triumph" in the source still names the Triumf concept) and reports
        each one for which the translation contains no approved rendering in the target
        language, in any inflected form («Триумфа», «Киеву», `KAAN'ın` are approved forms;
        every plural form is checked). Entries without renderings in the target language
        are skipped. The finding points at the term in the source text (msgid) and names
        the expected forms. Each error is reported once: a rejected target form standing in
        for the term is left to `forbidden-term`, the source form copied over to
        `untranslated-term`, and untranslated entries to the `untranslated` rule. A term
        inside a quoted or emphasised stretch of three or more words that the translation
        copies verbatim (a title or outlet cited in its own language, as in references) is
        not reported. Inflection: Russian through pymorphy3 (cases, numbers, agreement),
        Turkish apostrophe suffixes and noun stems, English plurals and possessives,
        Snowball stems for the other languages PyStemmer has, exact forms otherwise.
    Why:
        A term dropped, paraphrased or rendered ad hoc breaks the terminology readers and
        reviewers rely on; it is the commonest glossary error in translations.
    Example:
        msgid "the S-400 Triumf systems" with msgstr "системы С-400": the Russian has no
        form of «Триумф», so `triumf` is reported with the suggestion «Триумф»;
        "системы С-400 «Триумф»" and "покупка «Триумфа»" are fine.
    Use instead:
        One of the approved renderings the message lists (inflected as the sentence needs).
    """

    code = "TG102"
    name = "missing-term"
    severity = Severity.ERROR
    summary = "a source term with no approved rendering in the translation"
    applies_to = "translation"
    needs_glossary = True
    #: Nothing to report without a glossary form in the source lacking a sure rendering in a target.
    trigger = Trigger(terms=True, term_test=_may_report)

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare the terms of the source with the approved terms of each target form."""
        terms = unit_terms(unit, ctx)
        if terms is None or not terms.source:
            return
        lang = unit.target_lang
        present: list[set[str]] = []
        rejected: set[str] = set()
        for target in terms.targets:
            here: set[str] = set()
            for match in target.matches:
                (here if match.approved else rejected).add(match.entry.id)
            present.append(here)
        reported: set[str] = set()
        source_left: dict[str, bool] = {}
        for match in terms.source:
            entry = match.entry
            if entry.id in reported:
                continue
            lacking = [i for i, here in enumerate(present) if entry.id not in here]
            if not lacking:
                continue
            expected = terms.target_matcher.approved_texts(entry)
            if not expected or entry.id in rejected:
                continue  # nothing to expect, or a rejected form stands there: forbidden-term's
            if must_translate(entry, terms.source_matcher, terms.target_matcher):
                left = source_left.get(entry.id)
                if left is None:  # once per entry, not per match: each look-up reads every target
                    left = source_left[entry.id] = any(
                        source_forms_left(terms, target, {entry.id: entry}) for target in terms.targets
                    )
                if left:
                    continue  # the source form stands there: untranslated-term's
            start, end = terms.source_view.to_text_span(match.start, match.end)
            if all(in_citation(unit.source.text, start, end, t.field.text) for t in terms.targets):
                continue  # a title cited in its own language: nothing to translate
            reported.add(entry.id)
            shown = ", ".join(f"“{e}”" for e in expected)
            where = "" if len(present) == 1 else f" (msgstr[{', '.join(map(str, lacking))}])"
            yield ctx.finding(
                self,
                unit,
                unit.source,
                start,
                end,
                f"“{match.shown}” ('{entry.id}') has no approved rendering in the {lang} translation{where}; "
                f"expected {shown}",
                lang=lang,
                term=entry.id,
                found=match.surface,
                suggestions=expected,
            )
