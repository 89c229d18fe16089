"""Triggers: the cheap evidence a rule needs before it can report on an entry.

A rule declares, as its class attribute `trigger`, what an entry must show before its
`check_unit` can report anything on it or record anything in its state: a glossary form
in its texts, a character of some class, a flag. The engine computes that evidence for a
block of entries at once (`Dispatcher.rules_per_unit`): one Aho-Corasick pass per language
over the block's texts for glossary forms, and one compiled regular expression over the
block's joined texts for all the character tests of the selected rules. Each entry then
goes only to the rules whose trigger fired, and to every rule without a trigger.

A trigger only ever lets entries through: it never decides a finding. Whether the rule
reports is its own logic, run in full on every entry that shows the evidence; the
evidence is a superset of what the rule looks at (a raw automaton hit before any of the
matcher's filters, a character anywhere in the source, the plural source or a target),
and `tests/foundation/test_triggers.py` holds a triggered run to a full one, byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

import ahocorasick

from termguard.model import Unit
from termguard.prose import plain_text

if TYPE_CHECKING:
    from termguard.morph import TermMatcher
    from termguard.morph.matcher import TextKeys


class MatcherSource(Protocol):
    """What the dispatcher needs of a run's context (`checks.base.CheckContext` is one):
    the term matcher of a language."""

    def matcher(self, lang: str) -> TermMatcher: ...


#: A rule class instance: anything with an optional `trigger` attribute.
R = TypeVar("R")

__all__ = ["Dispatcher", "TermEvidence", "Trigger"]


class TermEvidence(NamedTuple):
    """The glossary keys found in one entry's texts, before any of the matcher's tests
    (`TermMatcher.texts_keys`): what a term rule's `Trigger.term_test` decides from."""

    #: The source, then the plural source if any, scanned in the source language.
    source: list[TextKeys]
    #: Each target form (`Unit.targets`), scanned in the target language (none without one).
    targets: list[TextKeys]
    #: Each target form scanned in the source language (`Trigger.source_in_targets`).
    source_in_targets: list[TextKeys]
    source_matcher: TermMatcher
    target_matcher: TermMatcher | None


@dataclass(frozen=True)
class Trigger:
    """What an entry must show before a rule can report on it (any one part fires it).

    `chars`: a regular expression (usually a character class) found in any of the entry's
    texts (source, plural source, targets). `terms`: a form of a glossary rendering in its
    source (in the source language) or a target (in the target language), as the term
    matcher's automaton finds it before its filters. `flags`: any of these PO flags.
    """

    chars: str = ""
    terms: bool = False
    flags: frozenset[str] = frozenset()
    #: A digit in any text, or a number word of the text's language in it, as a part of a
    #: word too (`termguard.numbers.extract.number_words`).
    numbers: bool = False
    #: With `terms`: fire only where this test, given the keys found in the entry's texts
    #: (`TermEvidence`), says the rule may report; it must answer True wherever the rule's
    #: logic could report or record anything. Asked only of entries with some key found.
    term_test: Callable[[TermEvidence], bool] | None = None
    #: With `terms`: scan the targets in the source language too (`TermEvidence.source_in_targets`).
    source_in_targets: bool = False


# Texts of one block are joined with this (no character class of a trigger matches it,
# and the term automaton sees it as a word boundary).
_SEP = "\n\x00\n"


class Dispatcher(Generic[R]):
    """Hands each entry of a block to the rules whose triggers fire on it."""

    def __init__(self, rules: Sequence[R], ctx: MatcherSource) -> None:
        self.rules = list(rules)
        self.ctx = ctx
        triggers = [getattr(r, "trigger", None) for r in self.rules]
        #: Per rule: its trigger's index in `self.triggers`, or None (every entry).
        self.triggers: list[Trigger] = []
        self._slot: list[int | None] = []
        for trig in triggers:
            if trig is None:
                self._slot.append(None)
                continue
            if trig not in self.triggers:
                self.triggers.append(trig)
            self._slot.append(self.triggers.index(trig))
        #: False when no selected rule has a trigger: every entry goes to every rule.
        self.active = bool(self.triggers)
        self._chars = {t.chars: re.compile(t.chars) for t in self.triggers if t.chars}
        self._terms = any(t.terms for t in self.triggers)
        self._cross = any(t.terms and t.source_in_targets for t in self.triggers)
        self._numbers = any(t.numbers for t in self.triggers)

    def rules_per_unit(self, units: Sequence[Unit]) -> list[list[R]]:
        """For each unit of a block, the rules it goes to (in the rules' order)."""
        n = len(units)
        chars_hit = self._chars_evidence(units) if self._chars else {}
        evidence = self._terms_evidence(units) if self._terms else {}
        numbers_hit = self._numbers_evidence(units) if self._numbers else set()
        fired: list[list[bool]] = []
        for trig in self.triggers:
            hit = [False] * n
            if trig.chars:
                for i in chars_hit[trig.chars]:
                    hit[i] = True
            if trig.terms:
                test = trig.term_test
                for i, ev in evidence.items():
                    if test is None or test(ev):
                        hit[i] = True
            if trig.numbers:
                for i in numbers_hit:
                    hit[i] = True
            if trig.flags:
                for i, unit in enumerate(units):
                    if unit.flags and not trig.flags.isdisjoint(unit.flags):
                        hit[i] = True
            fired.append(hit)
        slots = self._slot
        rules = self.rules
        out = []
        cache: dict[tuple[bool, ...], list[R]] = {}
        for i in range(n):
            pattern = tuple(slot is None or fired[slot][i] for slot in slots)
            chosen = cache.get(pattern)
            if chosen is None:
                chosen = cache[pattern] = [r for r, keep in zip(rules, pattern) if keep]
            out.append(chosen)
        return out

    def _chars_evidence(self, units: Sequence[Unit]) -> dict[str, set[int]]:
        """Per character test: the indexes of the units where it matches."""
        found: dict[str, set[int]] = {}
        for chars, pattern in self._chars.items():
            search = pattern.search
            found[chars] = {
                i for i, unit in enumerate(units)
                if search(unit.source.text)
                or (unit.source_plural is not None and search(unit.source_plural.text))
                or any(search(fld.text) for fld in unit.targets)
            }
        return found

    def _numbers_evidence(self, units: Sequence[Unit]) -> set[int]:
        """The indexes of the units with a digit, or a number word of its language in a text:
        one Aho-Corasick pass per language over the block's texts that have no digit."""
        from termguard.numbers.extract import normalise_word

        hit: set[int] = set()
        for lang, (texts, owner) in _texts_by_lang(units, plain=False).items():
            rest: list[str] = []
            rest_owner: list[int] = []
            search = _DIGIT.search
            for text, i in zip(texts, owner):
                if i in hit:
                    continue
                if search(text):
                    hit.add(i)
                else:
                    rest.append(text)
                    rest_owner.append(i)
            words = _number_words(lang)
            if words is None or not rest:
                continue
            joined = _SEP.join(rest)
            lowered = normalise_word(joined)
            if len(lowered) != len(joined):
                # Lowering keeps offsets but for a few characters (I + combining dot): each
                # text is lowered alone.
                hit.update(o for text, o in zip(rest, rest_owner) if next(words.iter(normalise_word(text)), None))
                continue
            ends = _ends(rest)
            for end, _length in words.iter(lowered):
                hit.add(rest_owner[bisect_right(ends, end)])
        return hit

    def _terms_evidence(self, units: Sequence[Unit]) -> dict[int, TermEvidence]:
        """Per index of a unit where some glossary key occurs, the keys found in its texts:
        one scan per language and role over the block's texts (their prose, as the term
        rules read it)."""
        matcher = self.ctx.matcher
        sources: dict[str, tuple[list[str], list[int]]] = {}
        targets: dict[str, tuple[list[str], list[int]]] = {}
        for i, unit in enumerate(units):
            texts, owner = sources.setdefault(unit.source_lang, ([], []))
            for fld in (unit.source, unit.source_plural):
                if fld is not None:
                    texts.append(plain_text(fld.text))
                    owner.append(i)
            if unit.target_lang:
                texts, owner = targets.setdefault(unit.target_lang, ([], []))
                for fld in unit.targets:
                    texts.append(plain_text(fld.text))
                    owner.append(i)
        n = len(units)
        src_keys: list[list[TextKeys]] = [[] for _ in range(n)]
        tgt_keys: list[list[TextKeys]] = [[] for _ in range(n)]
        cross_keys: list[list[TextKeys]] = [[] for _ in range(n)]
        for lang, (texts, owner) in sources.items():
            for i, keys in zip(owner, matcher(lang).texts_keys(texts)):
                src_keys[i].append(keys)
        for lang, (texts, owner) in targets.items():
            for i, keys in zip(owner, matcher(lang).texts_keys(texts)):
                tgt_keys[i].append(keys)
        if self._cross:
            # The targets again, each in its unit's source language.
            cross: dict[str, tuple[list[str], list[int]]] = {}
            for texts, owner in targets.values():
                for text, i in zip(texts, owner):
                    into = cross.setdefault(units[i].source_lang, ([], []))
                    into[0].append(text)
                    into[1].append(i)
            for lang, (texts, owner) in cross.items():
                for i, keys in zip(owner, matcher(lang).texts_keys(texts)):
                    cross_keys[i].append(keys)
        found: dict[int, TermEvidence] = {}
        new = tuple.__new__  # TermEvidence(...) without the Python-level __new__: one per unit
        for i, unit in enumerate(units):
            if any(k.hits or k.gap for k in (*src_keys[i], *tgt_keys[i], *cross_keys[i])):
                found[i] = new(TermEvidence, (
                    src_keys[i], tgt_keys[i], cross_keys[i], matcher(unit.source_lang),
                    matcher(unit.target_lang) if unit.target_lang else None,
                ))
        return found


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=32)
def _number_words(lang: str) -> ahocorasick.Automaton | None:
    """An automaton of the number words of `lang` (`termguard.numbers`), or None."""
    from termguard.numbers.extract import number_words

    words = number_words(lang)
    if not words:
        return None
    automaton = ahocorasick.Automaton(ahocorasick.STORE_LENGTH)
    for word in words:
        automaton.add_word(word)
    automaton.make_automaton()
    return automaton


def _texts_by_lang(units: Sequence[Unit], plain: bool) -> dict[str, tuple[list[str], list[int]]]:
    """Per language, the texts of the units in it (sources and plural sources in the source
    language, targets in the target language; their prose when `plain`) and, per text,
    the index of its unit."""
    by_lang: dict[str, tuple[list[str], list[int]]] = {}
    for i, unit in enumerate(units):
        texts, owner = by_lang.setdefault(unit.source_lang, ([], []))
        for fld in (unit.source, unit.source_plural):
            if fld is not None:
                texts.append(plain_text(fld.text) if plain else fld.text)
                owner.append(i)
        if unit.target_lang:
            texts, owner = by_lang.setdefault(unit.target_lang, ([], []))
            for fld in unit.targets:
                texts.append(plain_text(fld.text) if plain else fld.text)
                owner.append(i)
    return by_lang


def _ends(texts: list[str]) -> list[int]:
    """Where each text ends in `_SEP.join(texts)` (a match starting at or after a text's
    end belongs to a later text)."""
    ends = []
    at = 0
    for text in texts:
        at += len(text)
        ends.append(at)
        at += len(_SEP)
    return ends
