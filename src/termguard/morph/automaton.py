"""The matcher's Aho-Corasick automaton: termguard's C one when it is built, pyahocorasick
otherwise.

A matcher's automaton maps padded keys to values (see `TermMatcher._items`; value `[8]` is
the key's slot, its index in the items). pyahocorasick stores the values in its trie, so
a cached matcher must add every key again (a tenth of a second for 10,000 Russian terms).
The C automaton (`termguard._cscreen.Automaton`, also the term screen's) reports slots, and
loads its trie from bytes kept in the matcher cache: `SlotAutomaton` gives it
pyahocorasick's interface (`iter`, `items`, `values`, `keys(prefix)`, `len`) with the
values in a list by slot. Both report the same hits (`tests/morph/test_native_screen.py`
holds the C automaton to pyahocorasick; `tests/morph/test_matcher_cache.py` a matcher on
each to the other).

`TERMGUARD_PURE_PYTHON=1` leaves the C module unused (pyahocorasick and the Python screen).
"""

from __future__ import annotations

import os
from bisect import bisect_left
from typing import Iterator

import ahocorasick

try:
    from termguard import _cscreen
except ImportError:  # built without a C compiler: pyahocorasick and the Python screen
    _cscreen = None

__all__ = ["SlotAutomaton", "build", "native_available"]


def native_available() -> bool:
    """Is the C module there and wanted? `TERMGUARD_PURE_PYTHON=1` turns it off (to compare
    the two, or to rule it out when a result looks wrong)."""
    return _cscreen is not None and os.environ.get("TERMGUARD_PURE_PYTHON", "") in ("", "0")


class SlotAutomaton:
    """The C automaton over the items' keys, with pyahocorasick's interface."""

    __slots__ = ("native", "built", "_items", "_values", "_sorted")

    def __init__(self, native, items: tuple, built: bool) -> None:
        #: The `_cscreen.Automaton` (the term screen runs the same one).
        self.native = native
        #: Made from the keys now (True) or loaded from a dump (False).
        self.built = built
        self._items = items
        self._values = [value for _key, value in items]
        self._sorted: list[str] | None = None

    def iter(self, text: str) -> list[tuple[int, tuple]]:
        """(last index, value) of every key in `text`, as pyahocorasick's `iter` reports them."""
        values = self._values
        return [(last, values[k]) for last, k in self.native.iter(text)]

    def items(self) -> Iterator[tuple[str, tuple]]:
        return iter(self._items)

    def values(self) -> Iterator[tuple]:
        return iter(self._values)

    def keys(self, prefix: str = "") -> Iterator[str]:
        """The keys that start with `prefix`."""
        if self._sorted is None:
            self._sorted = sorted(key for key, _value in self._items)
        keys = self._sorted
        for i in range(bisect_left(keys, prefix), len(keys)):
            if not keys[i].startswith(prefix):
                break
            yield keys[i]

    def __len__(self) -> int:
        return len(self._items)


def build(items: tuple, dumped: bytes | None = None) -> "SlotAutomaton | ahocorasick.Automaton":
    """The automaton of `items` ((padded key, value), value[8] == index): the C one, loaded
    from `dumped` (its `dump()`) when that fits, else built; pyahocorasick without the C
    module."""
    if native_available():
        native = None
        if dumped is not None:  # (checked: a damaged dump raises ValueError)
            try:
                native = _cscreen.Automaton.load(dumped)
            except ValueError:
                native = None
            if native is not None and native.keys() != len(items):
                native = None
        if native is not None:
            return SlotAutomaton(native, items, built=False)
        return SlotAutomaton(_cscreen.Automaton([key for key, _value in items]), items, built=True)
    automaton = ahocorasick.Automaton()
    for spaced, value in items:
        automaton.add_word(spaced, value)
    automaton.make_automaton()
    return automaton
