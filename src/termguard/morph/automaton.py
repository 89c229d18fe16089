"""The matcher's Aho-Corasick automaton: pyahocorasick over a matcher's keys, values by slot.

A matcher's automaton maps padded keys to values (see `TermMatcher._items`). The trie
stores each key's slot (its index in the items, `STORE_INTS`) and the values are kept in
a list by slot: a matcher loaded from the cache decodes a value when a text first hits
its key, so a check reads the values its texts hit, not every one of a 10,000-term
Russian glossary's forms.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator, Sequence

import ahocorasick


class SlotAutomaton:
    """pyahocorasick's trie over the keys, with each hit's value looked up by slot."""

    __slots__ = ("_blobs", "_keys", "_trie", "_values")

    def __init__(self, keys: Sequence[str], values: Sequence[tuple] | None = None, blobs: Sequence[bytes] | None = None) -> None:
        """`values[k]` belongs to `keys[k]`; or, from the cache, `blobs[k]` is it marshalled."""
        self._keys = keys
        self._blobs = blobs
        self._values: list = list(values) if values is not None else [None] * len(keys)
        trie = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for k, key in enumerate(keys):
            trie.add_word(key, k)
        trie.make_automaton()
        self._trie = trie

    def _value(self, k: int) -> tuple:
        value = self._values[k] = marshal.loads(self._blobs[k])  # type: ignore[index]
        return value

    def iter(self, text: str) -> list[tuple[int, tuple]]:
        """(last index, value) of every key in `text`, as pyahocorasick's `iter` reports them."""
        values = self._values
        out = []
        for last, k in self._trie.iter(text):
            value = values[k]
            out.append((last, value if value is not None else self._value(k)))
        return out

    def ends(self, text: str) -> Iterator[int]:
        """The last index of every key occurrence in `text` (no values decoded)."""
        for last, _k in self._trie.iter(text):
            yield last

    def values(self) -> Iterator[tuple]:
        """Every value, by slot."""
        for k, value in enumerate(self._values):
            yield value if value is not None else self._value(k)

    def items(self) -> Iterator[tuple[str, tuple]]:
        """Every (key, value), by slot."""
        return zip(self._keys, self.values())

    def keys(self, prefix: str = "") -> Iterator[str]:
        """The keys that start with `prefix`."""
        return self._trie.keys(prefix)

    def __len__(self) -> int:
        return len(self._keys)


def pack(items: tuple) -> tuple[tuple[str, ...], tuple[bytes, ...]]:
    """The cache's form of `items` ((padded key, value)): the keys, and each value marshalled
    on its own (decoded when a text first hits it)."""
    return tuple(key for key, _value in items), tuple(marshal.dumps(value) for _key, value in items)


def build(items: tuple | None = None, packed: tuple | None = None) -> SlotAutomaton:
    """The automaton of `items` ((padded key, value)), or of their packed form (`pack`)."""
    if items is not None:
        return SlotAutomaton([key for key, _value in items], [value for _key, value in items])
    keys, blobs = packed  # type: ignore[misc]
    return SlotAutomaton(keys, blobs=blobs)
