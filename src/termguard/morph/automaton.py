"""The matcher's Aho-Corasick automaton: pyahocorasick over a matcher's keys, values by slot.

A matcher's automaton maps padded keys to values (see `TermMatcher._items`). The trie
stores each key's slot (its index in the items, `STORE_INTS`) and each value is kept
marshalled, by slot (`pack`), and decoded when a text hits its key: a check reads the
values its texts hit, not every one of a 10,000-term Russian glossary's forms.

Decoded values are remembered, up to `DECODED` of them at once (then forgotten all
together and decoded again as they are hit): a long run over a large glossary hits most
keys sooner or later, and every value of a 10,000-term Russian glossary decoded takes
several times the memory of the marshalled ones (the benchmarks page has the figures).
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable, Iterator, Sequence

import ahocorasick

#: How many decoded values an automaton keeps at once.
DECODED = 1 << 13


class SlotAutomaton:
    """pyahocorasick's trie over the keys, with each hit's value decoded by slot."""

    __slots__ = ("_blobs", "_trie", "_values")

    def __init__(self, keys: Sequence[str], blobs: Sequence[bytes]) -> None:
        """`blobs[k]` is the marshalled value of `keys[k]` (see `pack`). The keys are not
        kept: the trie holds them."""
        self._blobs = blobs
        self._values: dict[int, tuple] = {}
        trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for k, key in enumerate(keys):
            trie.add_word(key, k)
        trie.make_automaton()
        self._trie = trie

    def _value(self, k: int) -> tuple:
        values = self._values
        if len(values) >= DECODED:
            values.clear()
        value = values[k] = marshal.loads(self._blobs[k])
        return value

    def iter(self, text: str) -> list[tuple[int, tuple]]:
        """(last index, value) of every key in `text`, as pyahocorasick's `iter` reports them."""
        get = self._values.get
        out = []
        for last, k in self._trie.iter(text):
            value = get(k)
            out.append((last, value if value is not None else self._value(k)))
        return out

    def value(self, k: int) -> tuple:
        """The value of the key in slot `k`."""
        value = self._values.get(k)
        return value if value is not None else self._value(k)

    def hits(self, text: str) -> list[tuple[int, int]]:
        """(last index, slot) of every key occurrence in `text` (no values decoded)."""
        return list(self._trie.iter(text))

    def ends(self, text: str) -> Iterator[int]:
        """The last index of every key occurrence in `text` (no values decoded)."""
        for last, _k in self._trie.iter(text):
            yield last

    def values(self) -> Iterator[tuple]:
        """Every value, by slot (decoded afresh: none is kept)."""
        return map(marshal.loads, self._blobs)

    def items(self) -> Iterator[tuple[str, tuple]]:
        """Every (key, value), by slot."""
        by_slot = sorted(self._trie.items(), key=lambda item: item[1])
        return ((key, marshal.loads(self._blobs[k])) for key, k in by_slot)

    def keys(self, prefix: str = "") -> Iterator[str]:
        """The keys that start with `prefix`."""
        return self._trie.keys(prefix)

    def __len__(self) -> int:
        return len(self._blobs)


def pack(items: Iterable[tuple[str, tuple]], initials: int | None = None) -> tuple:
    """The cache's form of `items` ((padded key, value)): the keys, and each value marshalled
    on its own (decoded when a text first hits it). With `initials` (the glossary's entry
    count), first, per entry index, the first characters of its candidates' folded forms
    (`TermMatcher.may_find`), read from the values as they pass."""
    chars: list[set[str]] = [set() for _ in range(initials or 0)]
    keys: list[str] = []
    blobs: list[bytes] = []
    dumps = marshal.dumps
    for key, value in items:
        if initials is not None:
            for c in value[5]:
                chars[c[0]].add(c[7][0])
        keys.append(key)
        blobs.append(dumps(value))
    if initials is None:
        return tuple(keys), tuple(blobs)
    return tuple("".join(sorted(found)) for found in chars), tuple(keys), tuple(blobs)


def build(items: tuple | None = None, packed: tuple | None = None) -> SlotAutomaton:
    """The automaton of `items` ((padded key, value)), or of their packed form (`pack`)."""
    keys, blobs = packed if packed is not None else pack(items or ())
    return SlotAutomaton(keys, blobs)
