"""Per-slot tables for the fast pass of the term screen (`termguard.screen`).

The screen clears the entries of a large PO file that no term rule can fault. Turning every
automaton hit into a `Match` (the surface, the suffix, the overlap resolution) costs a few
microseconds of Python per hit, and a 10,000-term glossary hits two or three times per
entry. The fast pass instead reads each raw hit `(last, value)` through small tables indexed
by the automaton slot (`value[8]`), built once per matcher:

* `evidence[k]`: what a hit proves about the text it lies in. An entry index (`>= 0`) or
  `MULTI` (the entries of `multi[k]`): every candidate of the slot is an approved rendering
  of that entry (of those entries, with the same tests and strength), so a hit that passes
  `verify[k]` is an approved form of it. `REJECT`: every candidate is a rejected form, and
  `reject[k]` holds the tests under which a hit is one. `CANDIDATES`: approved and
  rejected candidates mixed, or approved ones with different tests (`CAATSA` approved and
  `Caatsa` rejected on one key; `Stanfern port` and `Stanfern-port`): each hit is judged
  candidate by candidate through `cands[k]` (`judge_candidates`). `POISON`: anything else
  (a stemmed rejected form; a stemmed approved form that could lie over another entry's
  form). `NEUTRAL`: a stemmed approved form that proves nothing and overrides
  nothing.
* `verify[k]`: what a hit must show to be the slot's approved form, as `scan` checks it:
  the key's own punctuation and spaces (`S-400`, not `S 400`), and the exact spellings of
  a case-sensitive form.
* `cover[k]` / `inner[k]`: the slot's key holds another entry's key inside it / lies
  inside another entry's approved key. Overlap resolution drops a form under a longer
  approved form of another entry, so a hit of an inner slot is counted only when no cover
  hit of its text spans it.
* `entry[k]`: the one entry of the slot, or `POISON` when several entries share it: on
  the source side a hit of a `MULTI` slot that passes `verify[k]` needs each of its
  entries, and a hit of a `CANDIDATES` slot the entries of the candidates that pass their
  tests (`passing_candidates`); any other slot shared by several entries is poison.

Evidence only ever under-counts and poison over-counts: a hit the fast pass cannot judge
sends its entry to the exact screen, which judges it as `find` would.

When the optional C module `termguard._cscreen` is built, the screen runs this pass in C
over whole blocks (`native_parts`): its own automaton over the same keys (slot `k` is the
`k`-th key), the same tables, and the language's folding as per-character tables.

`verify`, `exact`, `reject` and `cands` hold Python values for a few of a matcher's slots
(`Column`): in the disk cache they are a slot -> value column and the distinct values,
each decoded when a hit first needs it, so that loading a 10,000-term table reads no
Python objects at all.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from termguard.morph import _SPACE, cache
from termguard.morph.automaton import _cscreen, native_available
from termguard.morph.base import LITERAL_EXACT

if TYPE_CHECKING:
    from termguard.morph import TermMatcher

__all__ = [
    "CANDIDATES",
    "EXACT",
    "MULTI",
    "NEUTRAL",
    "POISON",
    "REJECT",
    "SIMPLE",
    "SLOW",
    "FastTable",
    "fast_table",
    "judge_candidates",
    "may_reject",
    "native_available",
    "native_parts",
    "passing_candidates",
    "verified",
]

POISON = -1
NEUTRAL = -2
MULTI = -3
REJECT = -4
CANDIDATES = -5

# Slot classes (`FastTable.target_class`, `source_class`): how the screen treats a hit in
# bulk, without a Python step per hit. NEUTRAL and POISON reuse the codes above.
SIMPLE = 1  # evidence of one entry (target) / a need of one entry (source), no test
EXACT = 2  # evidence of one entry once the surface is one of `exact[k]` (a case-sensitive form)
SLOW = 3  # one Python step per hit (`screen.TermScreen._fast`)

# A stemmed slot whose prefix starts more keys than this is taken as covering one.
_PREFIX_LIMIT = 256


class Column:
    """Per-slot Python values, most slots having none: `ids[k]` indexes the distinct values
    (-1: none), and a value not yet read is decoded from its marshalled bytes
    (`blob[offsets[i]:offsets[i + 1]]`) when first asked for. The C screen reads the same
    arrays, and keeps what it decodes in `values` too."""

    __slots__ = ("blob", "ids", "offsets", "values")

    def __init__(self, ids: Any, values: list, offsets: Any = b"", blob: Any = b"") -> None:
        self.ids = ids
        self.values = values
        self.offsets = offsets
        self.blob = blob

    @classmethod
    def of(cls, items: Iterable[tuple[int, Any]], size: int) -> Column:
        """The column of `(slot, value)` pairs (None values left out), equal values once."""
        ids = array("i", [-1]) * size
        index: dict[Any, int] = {}
        values: list = []
        for k, value in items:
            if value is None:
                continue
            i = index.get(value)
            if i is None:
                i = index[value] = len(values)
                values.append(value)
            ids[k] = i
        return cls(ids, values)

    def __getitem__(self, k: int) -> Any:
        """The slot's value, or None."""
        i = self.ids[k]
        return self._value(i) if i >= 0 else None

    def _value(self, i: int) -> Any:
        value = self.values[i]
        if value is None:
            value = self.values[i] = marshal.loads(self.blob[self.offsets[i] : self.offsets[i + 1]])
        return value

    def get(self, k: int, default: Any = None) -> Any:
        value = self[k]
        return default if value is None else value

    def sections(self) -> list[bytes]:
        """(ids, offsets, blob) for the disk cache (`load` reads them back)."""
        blobs = [marshal.dumps(self._value(i)) for i in range(len(self.values))]
        offsets = array("i", [0])
        for b in blobs:
            offsets.append(offsets[-1] + len(b))
        return [array("i", self.ids).tobytes(), offsets.tobytes(), b"".join(blobs)]

    @classmethod
    def load(cls, ids: memoryview, offsets: memoryview, blob: memoryview, size: int) -> Column | None:
        """The column `sections()` stored, if it has the shape of one for `size` slots."""
        if len(ids) != 4 * size or len(offsets) % 4 or len(offsets) < 4:
            return None
        offsets = offsets.cast("B").cast("i")
        if offsets[-1] != len(blob):
            return None
        return cls(ids.cast("B").cast("i"), [None] * (len(offsets) - 1), offsets, blob)


class FastTable:
    """The fast pass's view of one matcher's slots (see the module docstring)."""

    __slots__ = (
        "cands",
        "core",
        "cover",
        "entry",
        "evidence",
        "exact",
        "inner",
        "multi",
        "offset",
        "reject",
        "source_class",
        "target_class",
        "verify",
    )

    def __init__(self, size: int) -> None:
        self.evidence = [NEUTRAL] * size
        self.verify: list[tuple | None] = [None] * size
        self.multi: dict[int, tuple[int, ...]] = {}
        self.reject: dict[int, tuple[tuple, ...]] = {}
        # CANDIDATES slots: ((entry, approved, key test, exact spellings, capital, strength), ...)
        self.cands: dict[int, tuple[tuple, ...]] = {}
        self.cover = [False] * size
        self.inner = [False] * size
        self.entry = [POISON] * size
        self.target_class = [NEUTRAL] * size
        self.source_class = [POISON] * size
        self.exact: list[frozenset | None] = [None] * size
        self.offset = [0] * size  # a hit's start is `last - offset[k]`
        self.core = [0] * size  # and its end `start + core[k]`

    def classify(self) -> None:
        """Derive the bulk classes from the tables."""
        for k, code in enumerate(self.evidence):
            test = self.verify[k]
            if code in (NEUTRAL, POISON):
                cls = code
            elif code < 0 or self.cover[k] or self.inner[k]:
                cls = SLOW
            elif test is None:
                cls = SIMPLE
            elif test[0] is None:
                cls = EXACT
                self.exact[k] = test[1]
            else:
                cls = SLOW
            self.target_class[k] = cls
            if self.entry[k] >= 0:
                self.source_class[k] = SLOW if (self.cover[k] or self.inner[k]) else SIMPLE
            elif code in (CANDIDATES, MULTI):
                self.source_class[k] = SLOW  # the entries a hit stands for, judged per hit
        size = len(self.evidence)
        for name in self._OBJECTS:
            values = getattr(self, name)
            setattr(self, name, Column.of(values.items() if isinstance(values, dict) else enumerate(values), size))

    # The integer columns, stored as int32 sections of the cache file (`dump`) and read back
    # as views of it; the Python-value columns, three sections each (`Column.sections`);
    # `multi` (a few dozen slots) in the file's head.
    _COLUMNS = ("evidence", "cover", "inner", "entry", "target_class", "source_class", "offset", "core")
    _OBJECTS = ("verify", "exact", "reject", "cands")

    def dump(self) -> tuple[Any, list[bytes]]:
        """(head, sections) for `diskcache.store_sections`."""
        sections = [array("i", getattr(self, name)).tobytes() for name in self._COLUMNS]
        for name in self._OBJECTS:
            sections.extend(getattr(self, name).sections())
        return self.multi, sections

    @classmethod
    def load(cls, stored: object, size: int) -> FastTable | None:
        """A table from what `dump()` stored (`diskcache.load_sections`), if it has the
        shape of one for `size` slots. Its integer columns are read-only views."""
        if not isinstance(stored, tuple) or len(stored) != 2:
            return None
        head, sections = stored
        if not isinstance(head, dict) or len(sections) != len(cls._COLUMNS) + 3 * len(cls._OBJECTS):
            return None
        table = cls(0)
        table.multi = head
        for name, section in zip(cls._COLUMNS, sections):
            if len(section) != 4 * size:
                return None
            setattr(table, name, section.cast("B").cast("i"))
        rest = sections[len(cls._COLUMNS) :]
        for j, name in enumerate(cls._OBJECTS):
            column = Column.load(*rest[3 * j : 3 * j + 3], size)
            if column is None:
                return None
            setattr(table, name, column)
        return table


def fast_table(matcher: TermMatcher) -> FastTable:
    """The matcher's table, built on first use and kept in its memo (and the disk cache)."""
    table = matcher.memo.get("fast-table")
    if table is None:
        key = matcher.cache_key
        size = matcher.size
        table = FastTable.load(cache.load_sections(key + "-fast"), size) if key is not None else None
        if table is None:
            table = _build(matcher)
            if key is not None:
                cache.store_sections(key + "-fast", *table.dump())
        matcher.memo["fast-table"] = table
    return table  # type: ignore[return-value]


def native_parts(matcher: TermMatcher) -> tuple | None:
    """(automaton, table, folds) of a matcher for the C screen (`_cscreen.Screen`), built
    once and kept in its memo; None when the C module is not there or the language's
    folding cannot be read one character at a time. The automaton is the matcher's own
    when it runs on the C one (`morph.automaton`); the fold tables are kept in the cache."""
    if not native_available():
        return None
    parts = matcher.memo.get("native-parts")
    if parts is None:
        key = matcher.cache_key
        stored = cache.load(key + "-folds") if key is not None else None
        if isinstance(stored, tuple) and len(stored) == 1 and _fold_shape(stored[0]):
            folds = stored[0]
        else:
            folds = _fold_tables(matcher.morph)
            if key is not None:
                cache.store(key + "-folds", (folds,))
        automaton = getattr(matcher._automaton, "native", None)
        if automaton is None:  # no keys, or a matcher built while the C module was off
            keys: list[str] = [""] * matcher.size
            for spaced, value in matcher.slots():
                keys[value[8]] = spaced
            automaton = _cscreen.Automaton(keys)
        parts = (automaton, fast_table(matcher), folds) if folds is not None else False
        matcher.memo["native-parts"] = parts
    return parts or None


def _fold_shape(folds: object) -> bool:
    """Stored fold tables: None (folding is not one character to one), or three strings,
    one character per BMP character."""
    if folds is None:
        return True
    return isinstance(folds, tuple) and len(folds) == 3 and all(isinstance(f, str) and len(f) == 0x10000 for f in folds)


def _fold_tables(morph) -> tuple[str, str, str] | None:
    """The morphology's `fold`, `fold` with non-word characters blanked (what the automaton
    runs over), and `fold_exact`, of every BMP character: what the C screen folds with.
    None when folding would not map one character to one (the C screen then stays off)."""
    chars = "".join(map(chr, range(0x10000)))
    folded = morph.fold(chars)
    exact = morph.fold_exact(chars)
    if len(folded) != len(chars) or len(exact) != len(chars):
        return None
    if max(folded) > "\uffff" or max(exact) > "\uffff":
        return None
    return folded, _SPACE.sub(" ", folded), exact


def verified(test: tuple | None, folded: str, plain: str, start: int, end: int) -> bool:
    """Does the hit at `[start, end)` pass a slot's `verify` test?"""
    if test is None:
        return True
    if test[0] is not None and folded[start:end] != test[0]:
        return False
    # A spelling `scan` would accept only after `fold_exact` is no evidence: under-counting.
    return test[1] is None or plain[start:end] in test[1]


def may_reject(tests: tuple[tuple, ...], folded: str, plain: str, start: int, end: int, fold_exact) -> bool:
    """Could the hit at `[start, end)` be one of a rejected slot's forms (`scan`'s tests)?"""
    surface = plain[start:end]
    for key_test, exact, capital in tests:
        if key_test is not None and folded[start:end] != key_test:
            continue
        if exact is not None and surface not in exact and fold_exact(surface) not in exact:
            continue
        if capital and not plain[start].isupper():
            continue
        return True
    return False


def passing_candidates(
    cands: tuple[tuple, ...], folded: str, plain: str, start: int, end: int, fold_exact
) -> list[tuple[int, bool, int]]:
    """`(entry, approved, strength)` of the candidates of a `CANDIDATES` hit at `[start,
    end)` that pass `scan`'s tests: the matches `scan` makes of it, before overlaps."""
    passing = []
    surface = None
    for entry, approved, key_test, exact, capital, strength in cands:
        if key_test is not None and folded[start:end] != key_test:
            continue
        if exact is not None:
            if surface is None:
                surface = fold_exact(plain[start:end])
            if surface not in exact:
                continue
        if capital and not plain[start].isupper():
            continue
        passing.append((entry, approved, strength))
    return passing


def judge_candidates(
    cands: tuple[tuple, ...], folded: str, plain: str, start: int, end: int, fold_exact
) -> tuple[bool, set[int]]:
    """A `CANDIDATES` hit at `[start, end)`: (may it be a rejected form, the entries it
    proves present), as `find` resolves the matches of one span: a rejected form under an
    approved one at least as strong is dropped (`ТСД` rejected for one entry, approved for
    another); an approved form under a stronger rejected one is dropped (`Caatsa` over a
    folded `CAATSA`); of approved forms, a case-exact one drops a folded one of another
    entry (`NER`, `Ner`). Under-counting the evidence is safe."""
    passing = passing_candidates(cands, folded, plain, start, end, fold_exact)
    approved = [(e, strength) for e, ok, strength in passing if ok]
    rejected = [strength for _e, ok, strength in passing if not ok]
    strongest = max((strength for _e, strength in approved), default=-1)
    if any(strength > strongest for strength in rejected):
        return True, set()
    floor = max(rejected, default=-1)
    exact_entries = {e for e, strength in approved if strength == LITERAL_EXACT}
    return False, {
        e for e, strength in approved
        if strength >= floor and (strength == LITERAL_EXACT or not exact_entries - {e})
    }


def _key_test(key: str) -> str | None:
    # A key of word characters only is what the hit spans; one with spaces or punctuation
    # must be compared (S 400 is not S-400).
    return key if _SPACE.search(key) else None


def _build(matcher: TermMatcher) -> FastTable:
    slots = list(matcher.slots())
    table = FastTable(len(slots))
    evidence, verify, entry = table.evidence, table.verify, table.entry
    forms = matcher._forms
    stems: list[int] = []
    shared: dict[tuple, tuple] = {}
    for _spaced, value in slots:
        cands, k, is_stem = value[5], value[8], value[3]
        table.offset[k] = value[0] - value[1]
        table.core[k] = value[2]
        entries = sorted({c[0] for c in cands})
        if len(entries) == 1:
            entry[k] = entries[0]
        approved = [forms[c[0]][c[1]].approved for c in cands]
        if not any(approved):
            if is_stem:
                evidence[k] = POISON
            else:
                evidence[k] = REJECT
                # One object per distinct set of tests (a hundred thousand slots share a few
                # thousand): the disk cache then stores and loads each once.
                tests = tuple(dict.fromkeys((_key_test(c[7]), c[4], c[6]) for c in cands))
                table.reject[k] = shared.setdefault(tests, tests)
            continue
        if is_stem:
            if all(approved):
                stems.append(k)  # NEUTRAL unless it may lie over another entry's form (below)
            else:
                evidence[k] = POISON
            continue
        tests = {(c[7], c[4], c[3]) for c in cands}
        if not all(approved) or len(tests) > 1:
            # Approved and rejected forms on one key, or approved ones with different tests
            # or strengths: each hit is judged candidate by candidate.
            evidence[k] = CANDIDATES
            table.cands[k] = tuple(
                (c[0], ok, _key_test(c[7]), frozenset(c[4]) if c[4] is not None else None, c[6], c[3])
                for c, ok in zip(cands, approved)
            )
            continue
        key, exact, _strength = tests.pop()
        key_test = _key_test(key)
        if key_test is not None or exact is not None:
            verify[k] = (key_test, frozenset(exact) if exact is not None else None)
        if len(entries) == 1:
            evidence[k] = entries[0]
        else:
            evidence[k] = MULTI
            table.multi[k] = tuple(entries)
    covers, inners, poisoned = _overlaps(matcher, slots, table, stems)
    for k in covers:
        table.cover[k] = True
    for k in inners:
        table.inner[k] = True
    for k in poisoned:
        evidence[k] = POISON
    table.classify()
    return table


def _overlaps(
    matcher: TermMatcher, slots: list[tuple[str, tuple]], table: FastTable, stems: list[int]
) -> tuple[list[int], list[int], list[int]]:
    """Slots whose key holds another entry's key (covers), the slots so held (inner), and
    the stemmed approved slots that could lie over another entry's form (poisoned)."""
    automaton = matcher._automaton
    entries_of = {spaced: {c[0] for c in value[5]} for spaced, value in slots}
    stem_set = set(stems)
    covers: list[int] = []
    inners: set[int] = set()
    poisoned: list[int] = []
    evidence = table.evidence
    for spaced, value in slots:
        k = value[8]
        is_stem = k in stem_set
        if not is_stem and evidence[k] < 0 and evidence[k] not in (MULTI, CANDIDATES):
            continue  # not an approved form: it overrides nothing
        own = entries_of[spaced]
        inside = [
            (other, v)
            for last, v in automaton.iter(spaced)
            if (other := spaced[last - v[0] + 1 : last + 1]) != spaced and entries_of[other] - own
        ]
        if is_stem:
            if inside or _prefix_covers(automaton, spaced, own, entries_of):
                poisoned.append(k)
            continue
        if inside:
            covers.append(k)
            inners.update(v[8] for _other, v in inside)
    return covers, sorted(inners), poisoned


def _prefix_covers(automaton, spaced: str, own: set[int], entries_of: dict[str, set[int]]) -> bool:
    """A stemmed key's match runs on to the end of its last word: a key of another entry
    that starts at one of its word starts and ends inside that word may lie under it."""
    starts = [0] + [i for i, ch in enumerate(spaced) if ch == " " and i > 0]
    for at in starts:
        for seen, other in enumerate(automaton.keys(spaced[at:]), 1):
            if seen > _PREFIX_LIMIT:
                return True
            if other != spaced and entries_of[other] - own:
                return True
    return False
