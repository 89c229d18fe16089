"""Compare the quantities of a source text with those of its translation.

Each source quantity must find a counterpart in the translation: the same number in any
of its readings (2.5 = 2,5; $2.5 billion = 2,5 млрд долларов; four = четырёх), the same
date however written, the same citation mark. What is left over is paired in text order
with what the translation has instead, so a message can name both values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from termguard.numbers.extract import Quantity


@dataclass(frozen=True)
class Mismatch:
    """A source quantity with no counterpart (`target` is what stands there instead, if
    anything), or a target citation the source does not have (`source` None)."""

    source: Quantity | None
    target: Quantity | None


def _date_fits(a: tuple, b: tuple) -> bool:
    shared = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if any(x != y for x, y in shared):
        return False
    set_a = {i for i, x in enumerate(a) if x is not None}
    set_b = {i for i, y in enumerate(b) if y is not None}
    return set_a <= set_b or set_b <= set_a


def compatible(s: Quantity, t: Quantity, *, exact: bool = False) -> bool:
    """True when target quantity `t` renders source quantity `s`."""
    if s.kind != t.kind:
        return False
    if s.kind == "date":
        if exact:
            return s.primary == t.primary
        return any(_date_fits(a, b) for a in s.values for b in t.values)
    if s.currency and t.currency and s.currency != t.currency:
        return False
    if (s.percent and t.currency) or (s.currency and t.percent):
        return False
    if exact:
        return s.primary == t.primary
    return bool(s.values & t.values)


def _pairable(q: Quantity) -> bool:
    # "one" / «один» / "bir" are mostly articles and pronouns, "yüz" a face: such words
    # confirm a value but are never offered as the translation's different value.
    return not q.weak


def _combos_for(s: Quantity, combos: set[tuple[str | None, bool]]) -> list[tuple[str | None, bool]]:
    """The (currency, percent) kinds of target number that `compatible` lets `s` pair with."""
    out = []
    for currency, percent in combos:
        if s.currency and currency and s.currency != currency:
            continue
        if (s.percent and currency) or (s.currency and percent):
            continue
        out.append((currency, percent))
    return out


def _subsets(positions: tuple[int, ...]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = [()]
    for p in positions:
        out += [(*sub, p) for sub in out]
    return out


class _Targets:
    """The translation's quantities indexed for `compare`: each look-up returns the first
    (lowest index) unused target that `compatible` accepts, as the pairwise scan did, in
    time independent of the number of targets (a text with 500,000 numbers is compared
    in linear time, not in 500,000 x 500,000 steps)."""

    def __init__(self, target: list[Quantity]) -> None:
        self.used: set[int] = set()
        self.buckets: dict[tuple, list[int]] = {}
        self.heads: dict[tuple, int] = {}
        self.combos: dict[str, set[tuple[str | None, bool]]] = {}
        for j, t in enumerate(target):
            if t.kind == "date":
                self._add(("exact-date", t.primary), j)
                for b in t.values:
                    known = tuple(i for i, x in enumerate(b) if x is not None)
                    for sub in _subsets(known):  # b seen through fewer of its parts
                        self._add(("date-within", sub, tuple(b[i] for i in sub)), j)
                    self._add(("date-exactly", known, tuple(b[i] for i in known)), j)
                continue
            combo = (t.currency, t.percent)
            self.combos.setdefault(t.kind, set()).add(combo)
            self._add(("exact", t.kind, t.primary, combo), j)
            for v in t.values:
                self._add(("value", t.kind, v, combo), j)

    def _add(self, key: tuple, j: int) -> None:
        bucket = self.buckets.setdefault(key, [])
        if not bucket or bucket[-1] != j:
            bucket.append(j)

    def _first(self, key: tuple) -> int | None:
        bucket = self.buckets.get(key)
        if bucket is None:
            return None
        head = self.heads.get(key, 0)
        while head < len(bucket) and bucket[head] in self.used:
            head += 1  # used targets leave every bucket's front for good
        self.heads[key] = head
        return bucket[head] if head < len(bucket) else None

    def _best(self, keys: list[tuple]) -> int | None:
        found = [j for j in map(self._first, keys) if j is not None]
        return min(found) if found else None

    def take(self, s: Quantity, exact: bool) -> bool:
        """Mark used and report the first unused target compatible with `s`, if any."""
        try:
            hash(s.primary)
            hash(s.values)
        except TypeError:
            return False
        keys: list[tuple]
        if s.kind == "date":
            if exact:
                keys = [("exact-date", s.primary)]
            else:
                keys = []
                for a in s.values:
                    known = tuple(i for i, x in enumerate(a) if x is not None)
                    keys.append(("date-within", known, tuple(a[i] for i in known)))  # a's parts within b
                    for sub in _subsets(known):  # b's parts within a
                        keys.append(("date-exactly", sub, tuple(a[i] for i in sub)))
        else:
            combos = _combos_for(s, self.combos.get(s.kind, set()))
            if exact:
                keys = [("exact", s.kind, s.primary, c) for c in combos]
            else:
                keys = [("value", s.kind, v, c) for v in s.values for c in combos]
        j = self._best(keys)
        if j is None:
            return False
        self.used.add(j)
        return True


def compare(source: list[Quantity], target: list[Quantity]) -> list[Mismatch]:
    """The source quantities the translation lacks, paired with what it has instead.

    Each source quantity, in order, takes the first unused target quantity that renders it
    exactly, then (for those left) the first that renders it in any reading. The targets
    are indexed (`_Targets`), so this is linear in the number of quantities.
    """
    if len(source) == len(target) and all(compatible(s, t, exact=True) for s, t in zip(source, target)):
        # Each source quantity takes the first unused target that renders it exactly: here
        # the one at its own index (every earlier target is taken by an earlier source), so
        # every quantity on either side is paired and nothing is left to report.
        return []
    return _unpaired(source, target)


def _unpaired(source: list[Quantity], target: list[Quantity]) -> list[Mismatch]:
    """`compare` without its shortcut for quantities that pair one by one, in order."""
    targets = _Targets(target)
    matched: set[int] = set()
    for exact in (True, False):
        for i, s in enumerate(source):
            if i not in matched and targets.take(s, exact):
                matched.add(i)
    used = targets.used
    # Dates of the translation that render no source date may hold a bare source year/day.
    date_parts = {
        Decimal(part or -1)
        for j, t in enumerate(target) if t.kind == "date" and j not in used
        for y, _m, day in t.values for part in (y, day)
    }
    free: dict[str, list[int]] = {}
    for j, t in enumerate(target):
        if j not in used and _pairable(t):
            free.setdefault(t.kind, []).append(j)
    heads: dict[str, int] = {}
    out: list[Mismatch] = []
    for i, s in enumerate(source):
        if i in matched or not _pairable(s):
            continue
        if s.kind == "number" and date_parts and not date_parts.isdisjoint(s.values):
            continue
        candidate = None
        pool = free.get(s.kind, [])
        head = heads.get(s.kind, 0)
        if head < len(pool):
            candidate = pool[head]
        if candidate is None and s.soft:
            # A number word the translation rephrased ("two weeks" → "a fortnight") is fine.
            continue
        if candidate is not None:
            heads[s.kind] = head + 1
        out.append(Mismatch(s, target[candidate] if candidate is not None else None))
    paired = {pool[k] for kind, pool in free.items() for k in range(heads.get(kind, 0))}
    for j, t in enumerate(target):
        if t.kind == "citation" and j not in used and j not in paired:
            out.append(Mismatch(None, t))
    return out


def _inside_date(s: Quantity, dates: list[Quantity]) -> bool:
    """A bare year or day in the source that the translation wrote as part of a date."""
    for d in dates:
        for y, _m, day in d.values:
            if Decimal(y or -1) in s.values or Decimal(day or -1) in s.values:
                return True
    return False
