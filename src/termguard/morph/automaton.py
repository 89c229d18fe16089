"""The matcher's Aho-Corasick automaton: termguard's C one when it is built, pyahocorasick
otherwise.

A matcher's automaton maps padded keys to values (see `TermMatcher._items`; value `[8]` is
the key's slot, its index in the items). pyahocorasick stores the values in its trie, so
a cached matcher must add every key again (a tenth of a second for 10,000 Russian terms).
The C automaton (`termguard._cscreen.Automaton`, also the term screen's) reports slots, and
loads its trie from bytes kept in the matcher cache: `SlotAutomaton` gives it
pyahocorasick's interface (`iter`, `items`, `values`, `keys(prefix)`, `len`) with the
values in a list by slot, decoded from the cache as texts hit them (`Packed`). Both report
the same hits in the same order (`tests/morph/test_native_screen.py` holds the C automaton
to pyahocorasick; `tests/morph/test_matcher_cache.py` a matcher on each to the other).

`TERMGUARD_PURE_PYTHON=1` leaves the C module unused (pyahocorasick and the Python screen).
"""

from __future__ import annotations

import marshal
import os
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

import ahocorasick

try:
    from termguard import _cscreen
except ImportError:  # built without a C compiler: pyahocorasick and the Python screen
    _cscreen = None

__all__ = ["Packed", "SlotAutomaton", "build", "native_available"]


def native_available() -> bool:
    """Is the C module there and wanted? `TERMGUARD_PURE_PYTHON=1` turns it off (to compare
    the two, or to rule it out when a result looks wrong)."""
    return _cscreen is not None and os.environ.get("TERMGUARD_PURE_PYTHON", "") in ("", "0")


class Packed(NamedTuple):
    """A matcher's items as the cache keeps them: the keys (marshalled), every value
    marshalled on its own and laid end to end, and where each one starts (int64s, one more
    than the slots). A loaded matcher decodes a value when a text first hits its key: a
    check reads the few thousand values its texts hit, not the 176,000 of a 10,000-term
    Russian glossary."""

    keys: bytes | memoryview
    values: bytes | memoryview
    offsets: bytes | memoryview

    @classmethod
    def of(cls, items: tuple) -> Packed:
        """The packed form of `items` ((padded key, value), value[8] == index)."""
        blobs = [marshal.dumps(value) for _key, value in items]
        offsets = array("q", accumulate(map(len, blobs), initial=0))
        return cls(marshal.dumps(tuple(key for key, _value in items)), b"".join(blobs), offsets.tobytes())

    def fits(self) -> bool:
        """Are the parts of the right types and sizes (offsets within the values)?"""
        if not all(isinstance(part, (bytes, memoryview)) for part in self) or len(self.offsets) % 8:
            return False
        offsets = self.offset_table()
        return len(offsets) >= 1 and offsets[0] == 0 and offsets[-1] == len(self.values)

    def offset_table(self) -> memoryview:
        """The offsets as int64s (a view, not a copy)."""
        return memoryview(self.offsets).cast("B").cast("q")

    def size(self) -> int:
        """How many slots."""
        return len(self.offsets) // 8 - 1

    def items(self) -> tuple:
        """Every (key, value), decoded."""
        keys = marshal.loads(self.keys)
        offsets = self.offset_table()
        view = memoryview(self.values)
        return tuple((key, marshal.loads(view[offsets[k] : offsets[k + 1]])) for k, key in enumerate(keys))


class SlotAutomaton:
    """The C automaton over a matcher's keys, with pyahocorasick's interface; values are
    decoded from their packed form (`Packed`) as hits first need them."""

    __slots__ = ("_keys", "_offsets", "_packed", "_sorted", "_values", "_view", "built", "native")

    def __init__(self, native, built: bool, items: tuple | None = None, packed: Packed | None = None) -> None:
        #: The `_cscreen.Automaton` (the term screen runs the same one).
        self.native = native
        #: Made from the keys now (True) or loaded from a dump (False).
        self.built = built
        self._packed = packed
        self._sorted: list[str] | None = None
        if items is not None:
            self._keys: list[str] | None = [key for key, _value in items]
            self._values: list = [value for _key, value in items]
        else:
            assert packed is not None
            self._keys = None
            self._values = [None] * packed.size()
            self._offsets = packed.offset_table()
            self._view = memoryview(packed.values)

    def _value(self, k: int) -> tuple:
        value = self._values[k] = marshal.loads(self._view[self._offsets[k] : self._offsets[k + 1]])
        return value

    def iter(self, text: str) -> list[tuple[int, tuple]]:
        """(last index, value) of every key in `text`, as pyahocorasick's `iter` reports them."""
        values = self._values
        hits = self.native.iter(text)
        if self._packed is not None:
            for _last, k in hits:
                if values[k] is None:
                    self._value(k)
        return [(last, values[k]) for last, k in hits]

    def values(self) -> Iterator[tuple]:
        if self._packed is not None and None in self._values:
            for k, value in enumerate(self._values):
                if value is None:
                    self._value(k)
        return iter(self._values)

    def _all_keys(self) -> list[str]:
        if self._keys is None:
            self._keys = list(marshal.loads(self._packed.keys))  # type: ignore[union-attr]
        return self._keys

    def items(self) -> Iterator[tuple[str, tuple]]:
        return zip(self._all_keys(), list(self.values()))

    def keys(self, prefix: str = "") -> Iterator[str]:
        """The keys that start with `prefix`."""
        if self._sorted is None:
            self._sorted = sorted(self._all_keys())
        keys = self._sorted
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            yield keys[i]

    def __len__(self) -> int:
        return len(self._values)


def build(items: tuple | None, dumped: bytes | None = None, packed: Packed | None = None) -> SlotAutomaton | ahocorasick.Automaton:
    """The automaton of `items` ((padded key, value), value[8] == index), or of their packed
    form: the C one, loaded from `dumped` (its `dump()`) when that fits, else built;
    pyahocorasick without the C module."""
    size = len(items) if items is not None else packed.size()  # type: ignore[union-attr]
    if native_available():
        native = None
        if dumped is not None:  # (checked: a damaged dump raises ValueError)
            try:
                native = _cscreen.Automaton.load(dumped)
            except ValueError:
                native = None
            if native is not None and native.keys() != size:
                native = None
        if native is not None:
            return SlotAutomaton(native, False, items, packed if items is None else None)
        if items is None:
            items = packed.items()  # type: ignore[union-attr]
        return SlotAutomaton(_cscreen.Automaton([key for key, _value in items]), True, items)
    if items is None:
        items = packed.items()  # type: ignore[union-attr]
    automaton = ahocorasick.Automaton()
    for spaced, value in items:
        automaton.add_word(spaced, value)
    automaton.make_automaton()
    return automaton
