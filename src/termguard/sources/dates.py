"""Numeric dates in prose and in URLs, and the document's own date convention.

A prose date is `D.M.YYYY`, `D/M/YYYY` or `YYYY-MM-DD` (also with the other separator);
its day/month order is unknown until the document says: a first field above 12 is a day
(day-first), a second field above 12 is a day (month-first). The convention of a
document is the order its unambiguous dates follow.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

# Each opens with the digit it matches and looks behind from there (`\d(?<![\w./-]\d)` is
# `(?<![\w./-])\d`): a pattern that opens with a character class is searched for at C
# speed, one that opens with a look-behind is tried at every position of the text.
_NUMERIC = re.compile(r"(\d(?<![\w./-]\d)\d?)([./])(\d{1,2})\2(\d{4})(?![\w/]|\.\d)")
_ISO = re.compile(r"(\d(?<![\w./-]\d)\d{3})-(\d{2})-(\d{2})(?![\w-])")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text: where, the raw form, its two leading fields and the year."""

    start: int
    end: int
    text: str
    first: int
    second: int
    year: int
    sep: str
    iso: bool = False

    def as_date(self, day_first: bool) -> _dt.date | None:
        """The calendar date under an order (day-first or month-first), or None if impossible."""
        if self.iso:
            return _safe(self.year, self.first, self.second)
        day, month = (self.first, self.second) if day_first else (self.second, self.first)
        return _safe(self.year, month, day)

    @property
    def order(self) -> str | None:
        """"dmy" or "mdy" when the fields decide it, None when both readings are possible."""
        if self.iso:
            return "iso"
        dmy, mdy = self.as_date(True), self.as_date(False)
        if dmy and not mdy:
            return "dmy"
        if mdy and not dmy:
            return "mdy"
        return None

    def written(self, date: _dt.date, day_first: bool = True) -> str:
        """`date` written in this mention's style (same separator, same field order)."""
        if self.iso:
            return date.isoformat()
        a, b = (date.day, date.month) if day_first else (date.month, date.day)
        return f"{a:02d}{self.sep}{b:02d}{self.sep}{date.year}"


def _safe(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Numeric dates in `text` (mask URLs first: they are not prose)."""
    out = [
        DateMention(m.start(), m.end(), m.group(), int(m.group(1)), int(m.group(3)), int(m.group(4)), m.group(2))
        for m in _NUMERIC.finditer(text)
    ] if "." in text or "/" in text else []
    if "-" in text:
        out += [
            DateMention(m.start(), m.end(), m.group(), int(m.group(2)), int(m.group(3)), int(m.group(1)), "-", iso=True)
            for m in _ISO.finditer(text)
        ]
    return sorted(out, key=lambda d: d.start) if len(out) > 1 else out


def parse_date(text: str, day_first: bool = True) -> _dt.date | None:
    """The date written in `text` (one numeric date), read in the given order."""
    found = find_dates(text)
    return found[0].as_date(day_first) if found else None


_URL_PATTERNS = (
    # /2025/12/17/, /2025-12-17, 2025-12-17/ (year first: month before day)
    (re.compile(r"(?<![\d])((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?![\d])"), "ymd"),
    # /18/12/2025/ (year last): read as day/month, or month/day when that is the only date
    (re.compile(r"(?<![\d])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d])"), "xxy"),
    # /20240212/ or /20240212-...: eight digits as one path segment
    (re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/-]|$)"), "ymd"),
)


def url_dates(url: str) -> list[_dt.date]:
    """Every date a URL's path states (both readings of an ambiguous DD/MM/YYYY segment)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    # Identifiers (UUIDs, hashes) are not dates.
    path = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "", path, flags=re.I)
    found: list[_dt.date] = []
    for pattern, order in _URL_PATTERNS:
        for m in pattern.finditer(path):
            a, b, c = (int(g) for g in m.groups())
            candidates = [_safe(a, b, c)] if order == "ymd" else [_safe(c, b, a), _safe(c, a, b)]
            for date in candidates:
                if date is not None and date not in found:
                    found.append(date)
        if found:
            break
    return found


def dominant_order(mentions: list[DateMention]) -> str | None:
    """"dmy" or "mdy": the order most unambiguous dotted/slashed dates follow (None on a tie)."""
    dmy = sum(1 for m in mentions if m.order == "dmy")
    mdy = sum(1 for m in mentions if m.order == "mdy")
    if dmy > mdy:
        return "dmy"
    if mdy > dmy:
        return "mdy"
    return None
