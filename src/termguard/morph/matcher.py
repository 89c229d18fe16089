"""The term matcher: glossary renderings of one language, inflected, found in prose.

See the package's docstring (`termguard.morph`) for how matching works; this module holds
`TermMatcher`, its `Match`es, overlap resolution and `matcher_for`, the per-glossary
builder, and `morphology_for`, which picks a language's `Morphology`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from termguard.glossary.model import CASE_SENSITIVE_KINDS, Entries, Entry, Glossary, Rendering
from termguard.morph.base import (
    GENERATED,
    LITERAL_EXACT,
    LITERAL_FOLDED,
    LONG_TEXT,
    Morphology,
    has_acronym_shape,
)


class Match(NamedTuple):
    """A rendering of an entry found at `[start, end)` of the prose text.

    `surface` is the text of `[start, end)`; `suffix` is a suffix the language attaches
    after it (`'ın` of `Erdoğan'ın`, `'s` of `Triumf's`), outside the span. `form` is the
    glossary-derived form that matched (`Триумфа`, an inflected form of the rendering
    `Триумф`); `strength` is 2 for a literal case-exact form, 1 for a literal folded form,
    0 for a form produced by morphology (inflection, plural, stem).
    """

    entry: Entry
    rendering: Rendering
    start: int
    end: int
    surface: str
    form: str = ""
    strength: int = LITERAL_FOLDED
    suffix: str = ""

    @property
    def approved(self) -> bool:
        """True when the matched form is an approved one."""
        return self.rendering.approved

    @property
    def lemma(self) -> str:
        """The glossary form this match stands for."""
        return self.rendering.text

    @property
    def text(self) -> str:
        """The surface as a reader reads it: each run of white space (a line break, a tab,
        no-break spaces, two spaces) one space (`White house` for `White\n  house`)."""
        return one_space(self.surface)

    @property
    def shown(self) -> str:
        """The text as a reader sees it, suffix included (`Erdoğan'ın`)."""
        return self.text + self.suffix

    @property
    def inflected(self) -> bool:
        """True when the text has a form morphology produced, not the glossary's own."""
        return self.strength == GENERATED


# A candidate is plain data (so that the matcher cache stores it as it is and loads it
# without building an object per form):
#   (entry index, rendering index in entry.forms(lang), form, strength,
#    exact: the case-exact (fold_exact) texts allowed, for case-sensitive forms, or None,
#    stem: the stem a stemmed form's word must have, or None,
#    capital: the text must start with a capital letter, as the glossary form does,
#    key: the folded form, punctuation included)
_Candidate = tuple
# An automaton value: (padded key length, leading space, key length, stemmed, offset of
# the key's last word, candidates, the one candidate or None, compare the key text).


_WORD_CONT = re.compile(r"[^\W_]*")
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_PLAIN_TOKEN = re.compile(r"[^\W_]+")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# What may stand between a sentence boundary and the word that opens the sentence.
_OPENERS = " \t\n«“„\"'(*_[—–-"


#: The note of the forbidden renderings made for an acronym's wrong-case spellings.
_MISCASED_NOTE = "the acronym is written in capitals: "


def sentence_start(plain: str, start: int) -> bool:
    """True when the word at `start` opens a sentence, a line or a quotation."""
    i = start - 1
    while i >= 0 and plain[i] in _OPENERS:
        if plain[i] in "«“„\n":
            return True
        i -= 1
    return i < 0 or plain[i] in ".!?…:;"


# Characters that end a word: everything but letters, digits, underscore, combining accents.
_SPACE = re.compile(r"[^\w\u0300-\u036f]")
_SIGMA = re.compile("[\u03a3\u03c3\u03c2]")


def _isword(ch: str) -> bool:
    """A character that continues a word: letter, digit, underscore or combining mark."""
    return ch.isalnum() or ch == "_" or (ch >= "\u0300" and unicodedata.category(ch)[0] == "M")


def morphology_for(lang: str) -> Morphology:
    """The morphology for a language code (`ru`, `tr`, `en`, `pt_BR`, ...)."""
    base = lang.replace("-", "_").split("_")[0].lower()
    if base == "ru":
        from termguard.morph.russian import RussianMorphology

        return RussianMorphology(lang)
    if base == "tr":
        from termguard.morph.turkish import TurkishMorphology

        return TurkishMorphology(lang)
    if base == "en":
        from termguard.morph.english import EnglishMorphology

        return EnglishMorphology(lang)
    from termguard.morph.generic import generic_morphology

    return generic_morphology(lang)


def language_support() -> list[tuple[str, str]]:
    """(language, what matching it gets), for documentation and the rules' explanations."""
    from termguard.morph.generic import STEMMER_LANGS

    stemmed = ", ".join(sorted(STEMMER_LANGS))
    return [
        ("ru", "pymorphy3 inflection of every term (cases, numbers, adjective agreement); "
               "indeclinable/exact forms, acronyms, Latin forms and «quoted» names in multi-word terms as-is"),
        ("tr", "apostrophe suffixes (Erdoğan'ın, S-400'lerin, Akkuyu’da), Turkish İ/i and I/ı case folding, "
               "Snowball stems for common nouns, institution names suffixed without an apostrophe "
               "(Türk Hava Kuvvetlerinin)"),
        ("en", "plurals (S-400s), possessives (Triumf's), hyphen/space variants"),
        (stemmed, "Snowball stems (PyStemmer) for the last word of common terms"),
        ("others", "exact forms with case folding"),
    ]


#: An automaton key found in a text, before any of `scan`'s tests: (start, end, slot),
#: `[start, end)` in the text's prose (outside it for a key running across two joined
#: texts); a stemmed key's form may run on past `end` to the word's end.
KeyHit = tuple[int, int, int]


class KeyFacts(NamedTuple):
    """What a key's candidates can make of a hit (`TermMatcher.key_facts`)."""

    #: The key's candidates (`_Candidate`).
    cands: tuple
    #: The indexes of the entries they belong to.
    entries: frozenset[int]
    #: Some candidate is a rejected rendering (forbidden, superseded, a wrong-case acronym).
    rejected: bool
    #: A stemmed key: its match ends where the word does, past the key.
    stem: bool
    #: Where a hit starts before the last index the automaton reports (`_items`), and the
    #: length of its span.
    back: int
    core: int
    #: The entry index of the key's one candidate when it is approved and its only test is
    #: a case-exact one (`exact`, None for none), or -1.
    sure: int
    exact: tuple[str, ...] | None


class TextKeys(NamedTuple):
    """The keys found in one text (`TermMatcher.texts_keys`)."""

    text: str
    hits: list[KeyHit]
    #: The keys cannot rule a match out: the text has the first word of a rejected
    #: multi-word form (`_gapped` may match), or a run of white space or a format
    #: character (matched squeezed, `_Runs`).
    gap: bool


#: A text in which no key was found.
NO_KEYS = TextKeys("", [], False)


class TermMatcher:
    """Every rendering of one language compiled into one Aho-Corasick automaton."""

    _CACHE_SIZE = 8192

    def __init__(self, glossary: Glossary, lang: str, morphology: Morphology | None = None) -> None:
        self.lang = lang
        self.morph = morphology or morphology_for(lang)
        self._cache: dict[str, list[Match]] = {}
        self._approved: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}
        #: Per-entry facts rules derive from the glossary, cached for the matcher's life.
        self.memo: dict[object, object] = {}
        # The glossary's own sequence: an entry is built when a text first hits it, and its
        # forms in this language are taken then (a check touches few of 10,000 entries).
        self._entries = glossary.entries
        entries = self._entries
        self._forms = _ByIndex(lambda i: self._renderings(entries[i]))
        self._entry_at = _ByIndex(entries.__getitem__)  # the same entries, for the hot loop of `scan`
        self._gaps: dict[str, list[tuple]] | None = None
        self._facts: dict[int, KeyFacts] = {}
        self._passing_memo: dict[tuple[int, str], tuple] = {}
        #: `key_facts` of every key `texts_keys` has found, by slot (read it, never change it).
        self.facts = self._facts
        #: Per entry (by index): the characters its folded forms start with (`may_find`).
        self._initial_chars: tuple[str, ...] = ()
        self._automaton = self._build(glossary)

    def _renderings(self, entry: Entry) -> tuple[Rendering, ...]:
        """The entry's renderings in this language, and after them a forbidden rendering for
        each wrong-case spelling of an approved acronym (`Сво` for СВО, `Nato` in Turkish)
        that the language's morphology names (`Morphology.miscased`)."""
        forms = tuple(entry.forms(self.lang))
        extra: list[Rendering] = []
        have = {self.morph.fold_exact(r.text.strip()) for r in forms}
        for r in forms:
            text = r.text.strip()
            if not r.approved or not has_acronym_shape(text) or r.case_sensitive is False:
                continue
            for wrong in self.morph.miscased(text):
                if wrong not in have:
                    have.add(wrong)
                    extra.append(Rendering(wrong, "forbidden", f"{_MISCASED_NOTE}{text}",
                                           case_sensitive=True, exact=True, line=r.line, column=r.column))
        return forms + tuple(extra) if extra else forms

    def may_find(self, entries: Iterable[Entry], plain: str) -> bool:
        """False when no form of `entries` can occur in `plain` (none of the characters
        their forms start with is there): a cheap test before a full `find`."""
        folded = self.morph.fold(plain)
        initials, index_of = self._initial_chars, self._entries.index_of
        try:
            return any(ch in folded for e in entries for ch in initials[index_of(e)])
        except (KeyError, IndexError):
            return True  # an entry of another glossary: let `find` decide

    def _approved_of(self, entry: Entry) -> tuple[tuple[str, ...], frozenset[str]]:
        found = self._approved.get(id(entry))
        if found is None:
            texts = tuple(r.text.strip() for r in entry.approved(self.lang))
            found = self._approved[id(entry)] = (texts, frozenset(self.morph.fold(t) for t in texts))
        return found

    def approved_texts(self, entry: Entry) -> tuple[str, ...]:
        """The entry's approved renderings in this language, preferred first (cached)."""
        return self._approved_of(entry)[0]

    def approved_folded(self, entry: Entry) -> frozenset[str]:
        """The entry's approved renderings in this language, folded (cached)."""
        return self._approved_of(entry)[1]

    # -- building -------------------------------------------------------------------------

    def _case_sensitive(self, entry: Entry, r: Rendering, approved: dict[str, set[str]]) -> bool:
        if r.case_sensitive is not None:
            return r.case_sensitive
        text = r.text.strip()
        if not r.approved:
            exact = approved.get(self.morph.fold(text))
            # A rejected form that differs from an approved one only in case (Caatsa, CAATSA).
            if exact and self.morph.fold_exact(text) not in exact:
                return True
        if entry.case_sensitive is not None:
            return entry.case_sensitive
        if has_acronym_shape(text):
            # Acronyms keep their case: lowercase "and" or "pen" are words, not AND or PEN.
            return True
        return entry.kind in CASE_SENSITIVE_KINDS

    def _build(self, glossary: Glossary):
        from termguard.morph import cache
        from termguard.morph.automaton import build, pack

        key = cache.cache_key(glossary, self.lang, self.morph) if cache.cache_dir() is not None else None
        # The record: the entries' initials, the keys, and each value marshalled on its own.
        stored = cache.load(key) if key else None
        if (
            isinstance(stored, tuple) and len(stored) == 3
            and isinstance(stored[1], tuple) and isinstance(stored[2], tuple) and len(stored[1]) == len(stored[2])
        ):
            self._initial_chars = stored[0]
            if key and self.morph.gaps:
                self._gaps = cache.load(key + "-gaps")  # None: rebuilt from the glossary on first use
            return build(packed=(stored[1], stored[2])) if stored[1] else None
        # The automaton keeps its values packed, as the cache does, and they are packed as
        # they are made: a large glossary's values are never all held at once.
        self._initial_chars, *packed = pack(self._items(), initials=len(self._entries))
        if key:
            cache.store(key, (self._initial_chars, *packed))
            if self._gaps:  # (none stored: rebuilt from the glossary, cheaply, when needed)
                cache.store(key + "-gaps", self._gaps)
        return build(packed=tuple(packed)) if packed[0] else None

    def _items(self) -> Iterator[tuple[str, tuple]]:
        """(padded key, automaton value) for every form (see the module docstring), one at
        a time; each key's candidates are let go once its value is made."""
        slots = self._keys()
        for k, spaced in enumerate(list(slots)):
            plen, lead, core, is_stem, last_word, cands = slots.pop(spaced)
            # One candidate, not stemmed: `scan` tests it inline. A hit on a key of word
            # characters only is the key itself, so the key is compared only when it has
            # spaces or punctuation.
            one = cands[0] if len(cands) == 1 and not is_stem else None
            check_key = one is not None and _SPACE.search(one[7]) is not None
            yield spaced, (plen, lead, core, is_stem, last_word, tuple(cands), one, check_key, k)

    def _keys(self) -> dict[str, list]:
        """Generate every form of every rendering: the automaton's keys and candidates."""
        morph = self.morph
        fold = morph.fold
        approved_forms: dict[str, set[str]] = {}
        # Keys an approved acronym has (NER): a name folding alike (Ner) does not match it
        # in capitals, where the acronym is meant.
        acronym_keys: set[str] = set()
        upper = morph.upper
        todo: list[tuple[int, int, Entry, Rendering]] = []
        for ei, entry in enumerate(self._entries):
            for ri, r in enumerate(self._forms[ei]):
                text = r.text.strip()
                if not text or not any(ch.isalnum() for ch in text):
                    continue
                todo.append((ei, ri, entry, r))
                if r.approved:
                    approved_forms.setdefault(_squeeze(fold(text)), set()).add(_squeeze(morph.fold_exact(text)))
                    if has_acronym_shape(text):
                        acronym_keys.add(_squeeze(fold(text)))
        # folded form -> candidates, built rendering by rendering (the forms of one rendering
        # that fold alike are merged: a case-sensitive name keeps every exact spelling).
        by_key: dict[str, list[_Candidate]] = {}
        # The rejected multi-word forms, for matching with a word between their words.
        gaps: dict[str, list[tuple]] | None = {} if morph.gaps else None
        approved_keys: set[str] = set()
        # Per approved key, the case-exact spellings its approved forms allow (None: any
        # case): a generated rejected form spelt otherwise is still rejected
        # (РосОборонЭкспортом beside an approved Рособоронэкспортом).
        approved_exact: dict[str, set[str] | None] = {}
        for ei, ri, entry, r in todo:
            cs = self._case_sensitive(entry, r, approved_forms)
            local: dict[tuple[str, str | None], list] = {}
            for v in morph.variants(entry, r):
                if not v.text:
                    continue
                key = _squeeze(fold(v.text))
                strength = LITERAL_EXACT if (cs and v.strength == LITERAL_FOLDED) else v.strength
                cur = local.get((key, v.stem))
                if cur is None:
                    local[(key, v.stem)] = cur = [v.text, strength, set() if cs else None]
                elif strength > cur[1]:
                    cur[0], cur[1] = v.text, strength
                if cs:
                    exact_text = _squeeze(morph.fold_exact(v.text))
                    cur[2].add(exact_text)
                    # A text in capitals (a headline) writes the name in the language's
                    # capitals (ТРИУМПФА, ERDOĞAN'IN); not where an approved spelling of
                    # that key is in capitals (Caatsa/CAATSA, Ner/NER).
                    if key not in acronym_keys and not r.exact and any(c.isalpha() for c in exact_text):
                        up = upper(exact_text)
                        if up != exact_text and (r.approved or up not in approved_forms.get(key, ())):
                            cur[2].add(up)
                        if exact_text[:1].islower() and not r.approved:
                            # A lowercase rejected form opening a sentence (`find` keeps
                            # it capitalised only there).
                            cur[2].add(upper(exact_text[:1]) + exact_text[1:])
            capital = _needs_capital(r, cs)
            if gaps is not None and not r.approved and " " in r.text.strip():
                for (key, stem), (form, _strength, exact) in local.items():
                    words = key.split(" ")
                    if stem is None and all(_PLAIN_WORD.fullmatch(w) for w in words):
                        gaps.setdefault(words[0], []).append(
                            (ei, ri, form, tuple(sorted(exact)) if exact is not None else None, capital, tuple(words)))
            for (key, stem), (form, strength, exact) in local.items():
                by_key.setdefault(key, []).append(
                    (ei, ri, form, strength, tuple(sorted(exact)) if exact is not None else None, stem, capital, key)
                )
                if r.approved:
                    approved_keys.add(key)
                    if exact is None:
                        approved_exact[key] = None
                    elif approved_exact.get(key, set()) is not None:
                        approved_exact.setdefault(key, set()).update(exact)  # type: ignore[union-attr]
        if gaps is not None:
            self._gaps = gaps
        morph.built()
        # The automaton runs over the folded text with every non-word character turned into
        # a space and a space on each side, and a key starting (ending) with a word
        # character starts (ends) with a space: so it only fires on word boundaries, and a
        # 10,000-term glossary does not make it report every substring of every word.
        keys: dict[str, list] = {}
        for key, cands in by_key.items():
            if key in approved_keys:
                # Morphology never invents an error: a generated rejected form that is also
                # an approved form (of any entry) is not a rejected form.
                allowed = approved_exact.get(key)
                cands = [c for c in cands if self._forms[c[0]][c[1]].approved or c[3] > GENERATED
                         or (allowed is not None and c[4] is not None
                             and all(x.isupper() for x in allowed.intersection(c[4])))]
            for is_stem in (False, True):
                group = [c for c in cands if (c[5] is not None) == is_stem]
                if not group:
                    continue
                lead = 1 if _isword(key[0]) else 0
                trail = 1 if (_isword(key[-1]) and not is_stem) else 0
                spaced = " " * lead + _SPACE.sub(" ", key) + " " * trail
                last_word = max(key.rfind(" "), key.rfind("-")) + 1
                slot = keys.setdefault(spaced, [len(spaced), lead, len(key), is_stem, last_word, []])
                slot[5].extend(group)
        return keys

    # -- matching -------------------------------------------------------------------------

    def find(self, plain: str) -> list[Match]:
        """Every glossary form in `plain`, sorted by start, overlaps resolved (see module doc)."""
        cached = self._cache.get(plain)
        if cached is not None:
            return list(cached)
        result = self.scan(plain)
        if len(result) > 1:
            result = _resolve(result)
        if len(self._cache) >= self._CACHE_SIZE:
            self._cache.clear()
        self._cache[plain] = result
        return list(result)

    def texts_hit(self, texts: list[str]) -> set[int]:
        """The indexes of `texts` in which some key of the automaton occurs: one scan over
        them all, joined. A superset of the texts where `find` finds something (a hit is
        kept or dropped by `scan`'s tests; a key across two texts only adds an index)."""
        if self._automaton is None or not texts:
            return set()
        # A newline between texts: folded and blanked as a word boundary, so each text's
        # padded form (`_padded`) lies whole in the joined one.
        folded = self.morph.fold("\n".join(texts))
        runs = _Runs(folded) if _needs_squeeze(folded) else None
        padded = _padded(runs.squeezed if runs is not None else folded)
        ends = []
        at = 1  # offsets in `padded` are one more than in the joined text
        for text in texts:
            at += len(text)
            ends.append(at)
            at += 1
        found: set[int] = set()
        last_text = len(texts) - 1
        for last in self._automaton.ends(padded):
            if runs is not None:
                last = runs.start(last - 1) + 1  # the squeezed text's offset in the joined one
            # A key of text k ends within it or on the space after it: at most `ends[k]`.
            found.add(min(bisect_left(ends, last), last_text))
        if self.morph.gaps and len(found) < len(texts):
            # A rejected multi-word form with a word between its words (`_gapped`) is no
            # key of the automaton: its first word lets the text through.
            index = self._gap_index()
            if index:
                for i, text in enumerate(texts):
                    if i in found:
                        continue
                    words = self.morph.fold(text)
                    if _needs_squeeze(words):
                        words = _Runs(words).squeezed  # a word with a soft hyphen is one word
                    if any(t.group() in index for t in _PLAIN_TOKEN.finditer(words)):
                        found.add(i)
        return found

    def key_facts(self, slot: int) -> KeyFacts:
        """What the candidates of the key in `slot` can make of a hit (cached)."""
        facts = self._facts.get(slot)
        if facts is None:
            assert self._automaton is not None
            plen, lead, core, is_stem, _lw, cands, one, check_key, _k = self._automaton.value(slot)
            forms = self._forms
            sure = one[0] if one is not None and not check_key and forms[one[0]][one[1]].approved else -1
            facts = self._facts[slot] = KeyFacts(
                tuple(cands), frozenset(c[0] for c in cands), any(not forms[c[0]][c[1]].approved for c in cands), bool(is_stem),
                plen - 1 - lead, core, sure, one[4] if sure >= 0 else None)
        return facts

    def texts_keys(self, texts: list[str]) -> list[TextKeys]:
        """Per text of `texts`, the keys found in it (`NO_KEYS` where none is), by one scan
        over them all, joined: a superset of the hits `scan` makes matches of."""
        out = [NO_KEYS] * len(texts)
        if self._automaton is None or not texts:
            return out
        folded = self.morph.fold("\n".join(texts))
        padded = _padded(folded)
        begins, ends = [], []
        at = 1  # offsets in `padded` are one more than in the joined text
        for text in texts:
            begins.append(at)
            at += len(text)
            ends.append(at)
            at += 1
        last_text = len(texts) - 1
        facts = self._facts
        new = tuple.__new__  # TextKeys(...) without the Python-level __new__: one per text
        lo = hi = -1  # the current text k holds the hits ending in (lo, hi]
        base = 0
        hits: list[KeyHit] = []
        for last, slot in self._automaton.hits(padded):
            f = facts.get(slot) or self.key_facts(slot)
            if not lo < last <= hi:
                # A key of text k ends within it or on the space after it: at most `ends[k]`.
                k = min(bisect_left(ends, last), last_text)
                lo, hi, base = (ends[k - 1] if k else -1), (ends[k] if k < last_text else len(padded)), begins[k]
                keys = out[k]
                if keys is NO_KEYS:
                    keys = out[k] = new(TextKeys, (texts[k], [], False))
                hits = keys.hits
            start = last - f.back - base
            hits.append((start, start + f.core, slot))
        if _needs_squeeze(folded):
            # A text with a run of white space or a format character is matched squeezed
            # (`_Runs`), which this scan is not: its keys cannot rule a match out, so it is
            # marked as a gapped text is, and every term rule sees it.
            for k, text in enumerate(texts):
                if out[k].gap is False and _SQUEEZED.search(folded, begins[k] - 1, ends[k] - 1):
                    out[k] = TextKeys(text, out[k].hits, True)
        if self.morph.gaps:
            index = self._gap_index()
            if index:
                fold = self.morph.fold
                for k, text in enumerate(texts):
                    if any(t.group() in index for t in _PLAIN_TOKEN.finditer(fold(text))):
                        out[k] = TextKeys(text, out[k].hits, True)
        return out

    def hit_candidates(self, keys: TextKeys, hit: KeyHit) -> tuple:
        """The candidates of a hit that pass `scan`'s tests of punctuation, case and capital
        (a superset of the matches `find` makes of it: the stem test, name clashes and
        overlaps come after). All of them for a hit running outside its text."""
        start, end, slot = hit
        text = keys.text
        if start < 0 or end > len(text):
            return self.key_facts(slot).cands
        surface = text[start:end]
        if _SIGMA.search(surface):
            # Lowercasing reads a sigma's context (final or not): fold the text as `scan` does.
            return self._passing(slot, surface, self.morph.fold(text)[start:end])
        # Elsewhere folding is character by character: the surface alone decides.
        memo = self._passing_memo
        found = memo.get((slot, surface))
        if found is None:
            if len(memo) >= self._CACHE_SIZE:
                memo.clear()
            found = memo[(slot, surface)] = self._passing(slot, surface, self.morph.fold(surface))
        return found

    def _passing(self, slot: int, surface: str, folded: str) -> tuple:
        """The candidates of the key in `slot` that pass `scan`'s tests on `surface`."""
        exact_surface = self.morph.fold_exact(surface)
        upper = surface[:1].isupper()
        return tuple(
            c for c in self.key_facts(slot).cands
            if c[7] == folded and (c[4] is None or surface in c[4] or exact_surface in c[4]) and (upper or not c[6])
        )

    def surely_found(self, keys: TextKeys) -> set[int]:
        """The indexes of the entries `find` is certain to return an approved match of in
        the text (`sure_hits`)."""
        found: set[int] = set()
        for _hit, entries in self.sure_hits(keys):
            found.update(entries)
        return found

    def sure_hits(self, keys: TextKeys) -> list[tuple[KeyHit, tuple[int, ...]]]:
        """The hits `find` is certain to make approved matches of, with those matches'
        entry indexes: a hit inside the text, not of a stemmed key, whose candidates that
        pass `hit_candidates` are approved, of one strength (two entries with one approved
        form both match) and pass `scan`'s case test, and that no other hit contains (only
        a match containing another overrides it); none in a text where a gapped form may
        match."""
        if keys.gap or not keys.hits:
            return []
        facts = self._facts.__getitem__  # every hit's key has its facts (`texts_keys`)
        hits = keys.hits
        text = keys.text
        size = len(text)
        inf = size + 1  # past any span: a stemmed form runs on to its word's end
        spans = [(s, inf if facts(slot).stem else e) for s, e, slot in hits]
        sure: list[tuple[KeyHit, tuple[int, ...]]] = []
        for n, hit in enumerate(hits):
            start, end, slot = hit
            f = facts(slot)
            if f.stem or start < 0 or end > size:
                continue
            if f.sure >= 0 and (f.exact is None or text[start:end] in f.exact):
                entries: tuple[int, ...] = (f.sure,)  # the key's one candidate: `scan` keeps every such hit
            else:
                passing = self.hit_candidates(keys, hit)
                if not passing or any(not self.rendering_of(c).approved for c in passing):
                    continue
                if len({c[3] for c in passing}) != 1:
                    continue  # a stronger approved match of another entry may override one
                exact_surface = self.morph.fold_exact(text[start:end])
                if any(c[4] is not None and exact_surface not in c[4] for c in passing):
                    continue  # `scan` may test the case so (a key of several candidates)
                entries = tuple(c[0] for c in passing)
            if len(hits) == 1 or not any(s <= start and end <= e for m, (s, e) in enumerate(spans) if m != n):
                sure.append((hit, entries))
        return sure

    def entry_at(self, index: int) -> Entry:
        """The glossary entry at `index` (as `KeyFacts` and candidates name it)."""
        return self._entry_at[index]

    def rendering_of(self, cand: tuple) -> Rendering:
        """The rendering a candidate stands for."""
        return self._forms[cand[0]][cand[1]]

    @property
    def entries(self) -> Entries:
        """The glossary's entries in slot candidate order (`value[5][n][0]` indexes it)."""
        return self._entries

    def scan(self, plain: str) -> list[Match]:
        """Every glossary form in `plain`, in the automaton's order, overlaps unresolved.

        `find` is `scan` with overlaps resolved.
        """
        if self._automaton is None:
            return []
        folded = self.morph.fold(plain)
        # Folding made every white space character a space: two in a row are a run, which
        # stands between the words of a form as one space does (`_scan_runs`).
        if _needs_squeeze(folded):
            found = self._scan_runs(plain, folded)
        else:
            found = self._scan(plain, folded)
            if self.morph.gaps:
                found.extend(self._gapped(plain, folded))
        if found and any(not m.rendering.approved for m in found):
            found = [m for m in found if m.rendering.approved or not (self._name_clash(plain, m) or self._a_word(m))]
        return found

    def _scan_runs(self, plain: str, folded: str) -> list[Match]:
        """`_scan` (and `_gapped`) over the text with each run of white space made one space
        and the format characters that never break a word left out (`_Runs`), its matches
        mapped back: offsets, surface and suffix are those of `plain`, runs and all."""
        runs = _Runs(folded)
        squeezed_plain, squeezed = runs.squeeze(plain), runs.squeezed
        found = self._scan(squeezed_plain, squeezed)
        if self.morph.gaps:
            found.extend(self._gapped(squeezed_plain, squeezed))
        out: list[Match] = []
        for m in found:
            start, end = runs.start(m.start), runs.end(m.end)
            stop = runs.end(m.end + len(m.suffix))
            out.append(m._replace(start=start, end=end, surface=plain[start:end], suffix=plain[end:stop]))
        return out

    def _scan(self, plain: str, folded: str) -> list[Match]:
        """The automaton's hits in `folded` (`plain` folded, no run of spaces in it) kept
        by each candidate's tests, as `Match`es on `plain`."""
        morph = self.morph
        padded = _padded(folded)
        found: list[Match] = []
        new = tuple.__new__  # Match(...) without the Python-level __new__: this is the hot loop
        entries, forms = self._entry_at, self._forms
        for last, (plen, lead, core, is_stem, lw_off, cands, one, check_key, _k) in self._automaton.iter(padded):
            start = last - plen + lead  # offsets in `padded` are one more than in `plain`
            end = start + core
            if one is not None:
                # A key with one candidate (most hits of a large glossary): its tests inline.
                ei, ri, form, strength, exact, _stem, capital, key = one
                if check_key and folded[start:end] != key:
                    continue  # the same words with other punctuation (S 400 for S-400)
                surface = plain[start:end]
                if exact is not None and surface not in exact and morph.fold_exact(surface) not in exact:
                    continue
                if capital and not plain[start].isupper():
                    continue
                stop = morph.extend(folded, end) if folded[end : end + 1] == "'" else end
                found.append(new(Match, (entries[ei], forms[ei][ri], start, end, surface, form, strength, plain[end:stop])))
                continue
            text = folded[start:end]
            if not is_stem:
                # Suffixes are only ever written after an apostrophe (Erdoğan'ın, Triumf's).
                stop = morph.extend(folded, end) if folded[end : end + 1] == "'" else end
                for ei, ri, form, strength, exact, _stem, capital, key in cands:
                    if key != text:
                        continue  # the same words with other punctuation (S 400 for S-400)
                    if exact is not None and morph.fold_exact(plain[start:end]) not in exact:
                        continue
                    if capital and not plain[start].isupper():
                        continue
                    found.append(new(Match, (entries[ei], forms[ei][ri], start, end, plain[start:end], form, strength,
                                             plain[end:stop])))
                continue
            if padded[end + 1] == " ":
                continue  # a stemmed form needs the word to go on
            cont = _WORD_CONT.match(folded, end)
            assert cont is not None  # `[^\W_]*` matches, if only the empty string
            word_end = cont.end()
            word = folded[start + lw_off : word_end]
            stop = None
            for ei, ri, form, _strength, exact, stem, capital, key in cands:
                if key != text:
                    continue
                if exact is not None and morph.fold_exact(plain[start:end]) not in exact:
                    continue
                if capital and not plain[start].isupper():
                    continue
                if not morph.stem_ok(word, stem):
                    continue
                if stop is None:
                    stop = morph.extend(folded, word_end)
                found.append(Match(entries[ei], forms[ei][ri], start, word_end, plain[start:word_end], form, GENERATED,
                                   plain[word_end:stop]))
        return found

    def _a_word(self, m: Match) -> bool:
        """A wrong-case acronym spelling that is an ordinary word («Про это», not ПРО)."""
        note = m.rendering.note
        return note is not None and note.startswith(_MISCASED_NOTE) and not self.morph.miscased_ok(m.surface)

    def _name_clash(self, plain: str, m: Match) -> bool:
        """A lowercase rejected form matched on a capitalised word in mid-sentence that is
        not it: a case-sensitive form (capitalised only to open a sentence), or a word the
        analyser reads as a person's name («доклад Волкова» for a forbidden «волки»)."""
        if m.rendering.approved or not m.surface[:1].isupper() or not m.rendering.text.strip()[:1].islower():
            return False
        if len(m.surface) > 1 and m.surface.isupper():
            return False  # a text in capitals
        if sentence_start(plain, m.start):
            return False
        if m.entry.is_case_sensitive(m.rendering):
            return True
        first = _FIRST_WORD.match(m.surface)
        return first is not None and self.morph.name_reading(
            first.group(), m.suffix if first.end() == len(m.surface) else "", m.rendering.text)

    def _gap_index(self) -> dict[str, list[tuple]]:
        """First word → (entry index, rendering index, form, case-exact texts or None,
        needs a capital, words) of every inflected form of every rejected multi-word
        rendering of plain words; built from the glossary on first use (few renderings
        are rejected and multi-word)."""
        if self._gaps is None:
            gaps: dict[str, list[tuple]] = {}
            morph = self.morph
            for ei, entry in enumerate(self._entries):
                # The glossary's own renderings (the wrong-case acronym spellings that
                # `_renderings` adds after them are one word).
                for ri, r in enumerate(entry.forms(self.lang)):
                    text = r.text.strip()
                    if r.approved or " " not in text:
                        continue
                    cs = r.case_sensitive if r.case_sensitive is not None else bool(entry.case_sensitive)
                    for v in morph.variants(entry, r):
                        key = _squeeze(morph.fold(v.text))
                        words = key.split(" ")
                        if v.stem is not None or not all(_PLAIN_WORD.fullmatch(w) for w in words):
                            continue
                        spelt = _squeeze(morph.fold_exact(v.text))
                        exact = (spelt, morph.upper(spelt)) if cs else None
                        gaps.setdefault(words[0], []).append((ei, ri, v.text, exact, _needs_capital(r, cs), tuple(words)))
            self._gaps = gaps
        return self._gaps

    def _gapped(self, plain: str, folded: str) -> list[Match]:
        """Rejected multi-word forms with one agreeing word between two of their words
        (`Morphology.fits_gap`): «система турецкой ПВО» for a forbidden «система ПВО»."""
        index = self._gap_index()
        if not index:
            return []
        tokens = [(t.start(), t.end(), t.group()) for t in _PLAIN_TOKEN.finditer(folded)]
        out: list[Match] = []
        for j, (start, _e, word) in enumerate(tokens):
            for ei, ri, form, exact, capital, words in index.get(word, ()):
                n = len(words)
                if j + n >= len(tokens):
                    continue
                run = tokens[j:j + n + 1]
                if any(not folded[a[1]:b[0]].isspace() for a, b in itertools.pairwise(run)):
                    continue
                for gap in range(1, n):
                    kept = run[:gap] + run[gap + 1:]
                    if any(t[2] != w for t, w in zip(kept, words)):
                        continue
                    if not self.morph.fits_gap(run[gap][2], run[gap + 1][2]):
                        continue
                    if capital and not plain[start].isupper():
                        continue
                    if exact is not None and self.morph.fold_exact(" ".join(plain[a:b] for a, b, _w in kept)) not in exact:
                        continue
                    end = run[-1][1]
                    out.append(Match(self._entry_at[ei], self._forms[ei][ri], start, end, plain[start:end], form, GENERATED))
                    break
        return out


class _ByIndex(dict):
    """Per entry index, something made from the entry on first use (a dict, so that the
    matcher's hot loop reads a known one at C speed)."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[int], object]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, index: int) -> object:
        value = self[index] = self._make(index)
        return value


# Long texts (`LONG_TEXT`) are blanked one common punctuation character at a time (each
# `replace` a fast C scan), and only fall back to the regular expression, which stops at
# every space and punctuation mark, when some other non-word character is left.
_COMMON_NON_WORDS = [
    ch for ch in ",.;:!?\"'()[]{}<>«»“”„‘’‚‹›—–-‒―/\\|@#$%^&*+=~`…·•№§°±×÷\t\n\r\u00a0\u2009\u202f\u2007"
    if _SPACE.match(ch)
]


_RUN = re.compile(" {2,}")
# Format characters that never break a word (Unicode word boundaries, UAX #29 rule WB4):
# soft hyphen, zero-width non-joiner and joiner, direction marks, word joiner, zero-width
# no-break space. Invisible inside a word (`Tri\u00adumph` is "Triumph"), they are left out
# of the text matched. (A zero-width space, U+200B, does break words: it stays a boundary.)
_FORMAT = "\u00ad\u200c\u200d\u200e\u200f\u2060\ufeff"
# What `_Runs` squeezes: a run of two or more spaces (with format characters among them,
# if any) becomes one space; format characters with at most one space, that space or nothing.
_SQUEEZED = re.compile(f"[ {_FORMAT}]{{2,}}|[{_FORMAT}]")
_WHITE_RUN = re.compile(r"\s+")
_FORMAT_CHARS = re.compile(f"[{_FORMAT}]")


def one_space(text: str) -> str:
    """`text` as a reader reads it: each run of white space (any `str.isspace` character)
    one space, and the invisible format characters `_FORMAT` (a soft hyphen) left out."""
    if "  " not in text and text.isprintable():
        return text  # (`isprintable` is false for every white space character but the space)
    return _WHITE_RUN.sub(" ", _FORMAT_CHARS.sub("", text))


def _squeeze(folded: str) -> str:
    """`folded` (white space already folded to spaces) with each run of spaces made one."""
    return _RUN.sub(" ", folded) if "  " in folded else folded


def _needs_squeeze(folded: str) -> bool:
    """Whether `folded` has a run of spaces or a character that may be a format character
    (`isprintable`, a C loop, is false for those; true for the rest of nearly every text)."""
    return "  " in folded or not folded.isprintable()


class _Runs:
    """The runs of spaces and the format characters of a folded text (`_SQUEEZED`): the
    text with each run made one space and the format characters left out (`squeezed`),
    and the way back from an offset in it to one in the text (`start`, `end`)."""

    __slots__ = ("_at", "_ends", "_shift", "_spans", "squeezed")

    def __init__(self, folded: str) -> None:
        #: (start, end, what stands for it in the squeezed text: a space or nothing)
        self._spans = [(m.start(), m.end(), " " if " " in m.group() else "") for m in _SQUEEZED.finditer(folded)]
        #: Per span, where it stands in the squeezed text, where what stands for it ends
        #: there, and how many characters the spans up to it (itself included) lost.
        self._at: list[int] = []
        self._ends: list[int] = []
        self._shift: list[int] = []
        removed = 0
        for a, b, by in self._spans:
            self._at.append(a - removed)
            self._ends.append(a - removed + len(by))
            removed += b - a - len(by)
            self._shift.append(removed)
        self.squeezed = self.squeeze(folded)

    def squeeze(self, text: str) -> str:
        """`text` (the folded text or the one it was folded from) squeezed alike."""
        parts = []
        prev = 0
        for a, b, by in self._spans:
            parts.append(text[prev:a])
            parts.append(by)
            prev = b
        parts.append(text[prev:])
        return "".join(parts)

    def start(self, i: int) -> int:
        """The offset in the text of the character at offset `i` of the squeezed text (a
        run's one space maps to the run's first character; the character after left-out
        format characters to itself, after them)."""
        k = bisect_right(self._ends, i)
        return i + self._shift[k - 1] if k else i

    def end(self, i: int) -> int:
        """The offset in the text of the end offset `i` of the squeezed text (an end right
        after a word stays right after it, before any run or format character)."""
        k = bisect_left(self._at, i)
        return i + self._shift[k - 1] if k else i


def _padded(folded: str) -> str:
    """What the automaton runs over: `folded` with every non-word character a space, and a
    space on each side (offsets one more than in the text)."""
    return " " + (_SPACE.sub(" ", folded) if len(folded) < LONG_TEXT else _blank_non_words(folded)) + " "


def _blank_non_words(folded: str) -> str:
    """`folded` with every non-word character made a space (for long texts)."""
    for ch in _COMMON_NON_WORDS:
        if ch in folded:
            folded = folded.replace(ch, " ")
    # Only letters, digits, underscores and spaces left? (`isalnum` is the regular
    # expression's \w but for the underscore.)
    rest = folded.replace(" ", "").replace("_", "")
    if rest and not rest.isalnum():
        return _SPACE.sub(" ", folded)  # a rarer symbol or a combining mark: the exact way
    return folded


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Overlapping matches of one text resolved as `find` resolves them (see the module
    docstring); `matches` must be all the scanned matches of one overlapping stretch."""
    return _resolve(list(matches))


def _needs_capital(r: Rendering, case_sensitive: bool) -> bool:
    """A rejected form written with a capital is a name: its lowercase look-alike is not it.

    Glossaries imported from TBX or CSV say nothing about case; a forbidden «Март» (a
    misspelt name) must not fire on «марта» (of March), nor a forbidden "Triumph" on "a
    triumph". Approved forms stay case-insensitive unless the glossary says otherwise.
    """
    return not case_sensitive and not r.approved and r.case_sensitive is None and r.text.strip()[:1].isupper()


def _resolve(matches: list[Match]) -> list[Match]:
    """Drop the matches another match overrides (see the module docstring), sort by start."""
    matches.sort(key=lambda m: (m.start, -m.end, -m.strength))
    for a, b in itertools.pairwise(matches):
        if b.start < a.end:
            break
    else:
        return matches  # nothing overlaps: the usual case
    kept: list[Match] = []
    seen: set[tuple[int, int, int]] = set()
    for m in matches:
        ident = (id(m.entry), m.start, m.end)
        if ident in seen:
            continue
        if not _overridden(m, matches):
            seen.add(ident)
            kept.append(m)
    return kept


def _overridden(m: Match, matches: list[Match]) -> bool:
    size = m.end - m.start
    for o in matches:
        if o is m or o.start > m.start or o.end < m.end:
            continue
        longer = (o.end - o.start) > size
        if m.rendering.approved:
            if o.rendering.approved:
                if o.entry is not m.entry and (longer or (o.strength == LITERAL_EXACT and m.strength < LITERAL_EXACT)):
                    # A term inside a longer approved term (longest match wins), or a
                    # folded match where another term matches with its case (NER, Ner).
                    return True
            elif not longer and o.strength > m.strength:
                return True  # Caatsa (literal, case-exact, rejected) over CAATSA folded
        elif o.rendering.approved and (longer or o.strength >= m.strength):
            return True  # a rejected form inside (or equal to) an approved one
    return False


@lru_cache(maxsize=64)
def matcher_for(glossary: Glossary, lang: str) -> TermMatcher:
    """The matcher for `lang`, built once per glossary object (glossaries hash by identity)."""
    return TermMatcher(glossary, lang)
