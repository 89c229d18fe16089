"""The glossary terms of one translation unit, found once and shared by the term rules.

`forbidden-term`, `missing-term` and `untranslated-term` all look at the same source and
target texts of a unit. `unit_terms(unit, ctx)` finds the source-language matches in the
source and the target-language matches in every target form once, and hands the same
result to each rule, so a large PO file is scanned once per language, not once per rule.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple, Protocol

from termguard.glossary.model import Entry, Glossary
from termguard.model import Field, Unit
from termguard.morph import Match, TermMatcher
from termguard.prose import ProseView


class TermContext(Protocol):
    """What term lookups need of a run's context (`checks.base.CheckContext` is one): the
    glossary, its matcher per language, and the per-field caches of prose views and matches."""

    glossary: Glossary
    options: dict[str, Any]

    def matcher(self, lang: str) -> TermMatcher: ...

    def prose(self, fld: Field) -> ProseView: ...

    def terms(self, fld: Field, lang: str) -> list: ...


class TargetTerms(NamedTuple):
    """One target form (msgstr, or msgstr[n]) with its prose view and its matches."""

    field: Field
    view: ProseView
    matches: list[Match]


class UnitTerms(NamedTuple):
    """The source matches and the per-target-form matches of a translated unit."""

    source_view: ProseView
    source: list[Match]
    targets: list[TargetTerms]
    source_matcher: TermMatcher
    target_matcher: TermMatcher


_last: list = [None, None, None]  # [unit, ctx, UnitTerms]: the rules ask one unit after another


def unit_terms(unit: Unit, ctx: TermContext) -> UnitTerms | None:
    """The unit's terms (None for a unit without target language or translation).

    The lists are shared with every rule that asks: read them, never change them.
    """
    if _last[0] is unit and _last[1] is ctx:
        return _last[2]
    result = None
    lang = unit.target_lang
    if lang and unit.is_translated:
        src_matcher = ctx.matcher(unit.source_lang)
        tgt_matcher = ctx.matcher(lang)
        # Through the context's per-field cache, so other rules reading the same fields'
        # terms (inconsistent-term) share the work.
        targets = [TargetTerms(fld, ctx.prose(fld), ctx.terms(fld, lang)) for fld in unit.targets]
        result = UnitTerms(ctx.prose(unit.source), ctx.terms(unit.source, unit.source_lang), targets, src_matcher, tgt_matcher)
    _last[:] = [unit, ctx, result]
    return result


def must_translate(entry: Entry, source: TermMatcher, target: TermMatcher) -> bool:
    """True when an entry's approved target forms all differ from its approved source forms.

    A `dnt` entry, or one whose target rendering is the source form itself (CAATSA in
    Russian, F-35 everywhere), is right when left as it is; an entry without a target
    rendering gives nothing to translate it into. Cached per entry and language pair.
    """
    key = (id(entry), source.lang)
    cached = target.memo.get(key)
    if not isinstance(cached, bool):
        targets = target.approved_folded(entry)
        cached = bool(targets) and not entry.dnt and not any(
            target.morph.fold(t) in targets for t in source.approved_texts(entry)
        )
        target.memo[key] = cached
    return cached


def source_forms_left(terms: UnitTerms, target: TargetTerms, entries: dict[str, Entry]) -> list[Match]:
    """Source-language forms of `entries` standing in one target form.

    A span the target language itself recognises as a form of the same entry (approved,
    or rejected and so reported by forbidden-term) is not counted, nor a source form that
    is also one of the entry's target renderings (an English superseded "Kiev" is the
    Turkish "Kiev").
    """
    plain = target.view.plain
    if not terms.source_matcher.may_find(entries.values(), plain):
        return []  # a Russian text without a Latin letter holds no English form
    left = [m for m in terms.source_matcher.find(plain) if m.entry.id in entries]
    if not left:
        return left
    tm = terms.target_matcher
    left = [m for m in left if tm.morph.fold(m.lemma) not in tm.approved_folded(m.entry)]
    own = [(m.start, m.end) for m in target.matches if m.entry.id in entries]
    return [m for m in left if not any(s < m.end and m.start < e for s, e in own)]


# A quoted or emphasised stretch of text: a cited title ("…", “…”, «…», „…“) or an outlet
# name in italics (*…*, **…**).
_CITED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”|«((?:[^«»\n]|«[^«»\n]*»)+)»|„([^“”\n]+)[“”]|\*{1,2}([^*\n]+)\*{1,2}')
#: A cited stretch copied verbatim needs this many words to count as a citation: a quoted
#: one-word name ("Triumf") left untranslated is still an error.
CITED_MIN_WORDS = 3


def in_citation(text: str, start: int, end: int, other: str) -> bool:
    """True when `[start, end)` of `text` lies in a quoted or emphasised stretch of at least
    three words that `other` (the source for a target, the target for a source) contains
    verbatim: a title or outlet cited in its own language, as references do."""
    for m in _CITED.finditer(text):
        s, e = m.span(m.lastindex or 0)
        if s <= start and end <= e:
            body = text[s:e]
            if len(body.split()) >= CITED_MIN_WORDS and body in other:
                return True
    return False
