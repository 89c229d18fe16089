"""A map of unsigned 64-bit integers to unsigned 64-bit integers in two flat arrays.

A rule that remembers something about every entry of a file (inconsistent-term keeps, per
distinct source text, a digest of its first translation's terms and its line) holds a
million pairs on a million-entry file. In a `dict` each pair costs two int objects and a
slot, over a hundred bytes; here it costs the two 8-byte array items of its slot, at most
twice over (the table doubles when it is 70 % full). Open addressing, linear probing; the
keys are expected to be digests (already uniform), so a key's low bits are its slot.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

_MAX = (1 << 64) - 1


class IntTable:
    """`dict`-like `get`, `[]`, `[]=`, `in`, `len` and iteration over `(key, value)`
    (`items`) for keys and values in 0 … 2**64 - 1; nothing is ever removed."""

    __slots__ = ("_keys", "_mask", "_size", "_values", "_zero")

    def __init__(self, capacity: int = 1024) -> None:
        slots = 8
        while slots * 7 < capacity * 10:
            slots *= 2
        self._keys = array("Q", bytes(8 * slots))
        self._values = array("Q", bytes(8 * slots))
        self._mask = slots - 1
        self._size = 0
        # Slot keys of 0 mark empty slots: the key 0 itself is kept aside.
        self._zero: int | None = None

    def _slot(self, key: int) -> int:
        keys, mask = self._keys, self._mask
        i = key & mask
        while True:
            k = keys[i]
            if k == key or k == 0:
                return i
            i = (i + 1) & mask

    def get(self, key: int, default: int | None = None) -> int | None:
        """The value of `key`, or `default`."""
        if key == 0:
            return default if self._zero is None else self._zero
        i = self._slot(key)
        return self._values[i] if self._keys[i] == key else default

    def __getitem__(self, key: int) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, int) and 0 <= key <= _MAX and self.get(key) is not None

    def __setitem__(self, key: int, value: int) -> None:
        if not (0 <= key <= _MAX and 0 <= value <= _MAX):
            raise OverflowError("IntTable holds unsigned 64-bit keys and values")
        if key == 0:
            if self._zero is None:
                self._size += 1
            self._zero = value
            return
        i = self._slot(key)
        if self._keys[i] != key:
            self._keys[i] = key
            self._size += 1
        self._values[i] = value
        if self._size * 10 > (self._mask + 1) * 7:
            self._grow()

    def _grow(self) -> None:
        keys, values = self._keys, self._values
        slots = (self._mask + 1) * 2
        self._keys = array("Q", bytes(8 * slots))
        self._values = array("Q", bytes(8 * slots))
        self._mask = slots - 1
        new_keys, new_values, mask = self._keys, self._values, self._mask
        for k, v in zip(keys, values):
            if k:
                i = k & mask
                while new_keys[i]:
                    i = (i + 1) & mask
                new_keys[i] = k
                new_values[i] = v

    def __len__(self) -> int:
        return self._size

    def items(self) -> Iterator[tuple[int, int]]:
        """Every (key, value), in no particular order."""
        if self._zero is not None:
            yield 0, self._zero
        for k, v in zip(self._keys, self._values):
            if k:
                yield k, v
