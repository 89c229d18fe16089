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


def compare(source: list[Quantity], target: list[Quantity]) -> list[Mismatch]:
    """The source quantities the translation lacks, paired with what it has instead."""
    used: set[int] = set()
    matched: set[int] = set()
    for exact in (True, False):
        for i, s in enumerate(source):
            if i in matched:
                continue
            for j, t in enumerate(target):
                if j not in used and compatible(s, t, exact=exact):
                    used.add(j)
                    matched.add(i)
                    break
    # Dates of the translation that render no source date may hold a bare source year/day.
    target_dates = [t for j, t in enumerate(target) if t.kind == "date" and j not in used]
    out: list[Mismatch] = []
    paired: set[int] = set()
    for i, s in enumerate(source):
        if i in matched or not _pairable(s):
            continue
        if s.kind == "number" and _inside_date(s, target_dates):
            continue
        candidate = None
        for j, t in enumerate(target):
            if j in used or j in paired or t.kind != s.kind or not _pairable(t):
                continue
            candidate = j
            break
        if candidate is None and s.soft:
            # A number word the translation rephrased ("two weeks" → "a fortnight") is fine.
            continue
        if candidate is not None:
            paired.add(candidate)
        out.append(Mismatch(s, target[candidate] if candidate is not None else None))
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
