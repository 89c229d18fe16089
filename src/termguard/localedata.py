"""The CLDR facts termguard reads from babel, kept in the disk cache.

Importing babel and loading a locale's data is a large part of a short `termguard check`
(the benchmarks page has the figures), yet the facts a check needs are few and small: is
a language known, its decimal and group symbols, its month names, its plural categories,
its likely script. Each function here asks babel once and remembers the answer in one
`termguard.diskcache` entry (kind `.locale`), keyed with babel's version
(`diskcache.library_token`, which does not import babel) and `FORMAT`; later processes
read the answers without importing babel. With the cache off or unreadable, every answer
comes from babel, as it would without this module.

Only data lives here, never a rule's decision: what a rule does with a language's plural
categories stays in its module under `termguard.checks`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

from termguard import diskcache

#: Bumped when a function's answer changes shape or meaning.
FORMAT = 1
SUFFIX = ".locale"
#: Answers kept at most: language codes come from the files checked (a PO header's
#: `Language`), so a table that met too many is started afresh rather than grown.
LIMIT = 512
_LONGEST_KEY = 1024

_T = TypeVar("_T")
_table: dict[str, Any] | None = None
#: Open `deferred()` blocks (in the process `_deferrer`: a forked worker inherits the count
#: but never ends the block, so it writes as it learns), and whether the table holds answers
#: not yet written.
_deferring = 0
_deferrer = 0
_unwritten = False


def _key() -> str:
    token = f"termguard-locale|{FORMAT}|{diskcache.library_token('babel')}"
    return hashlib.blake2b(token.encode(), digest_size=20).hexdigest()


def _answers() -> dict[str, Any]:
    global _table
    if _table is None:
        stored = diskcache.load(_key(), SUFFIX)
        _table = dict(stored) if isinstance(stored, dict) else {}
    return _table


def _fact(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Remember `fn`'s answer per arguments (strings and tuples of numbers) in the process
    and in the disk cache; the answer must be plain data marshal can store."""
    name = fn.__name__

    @wraps(fn)
    def remembered(*args: Any) -> _T:
        global _unwritten
        key = f"{name}{args!r}"
        if len(key) > _LONGEST_KEY:  # no locale is named so (a hostile header): asked, not kept
            return fn(*args)
        table = _answers()
        if key in table:
            return table[key]
        value = fn(*args)
        if len(table) >= LIMIT:
            table.clear()
        table[key] = value
        # The whole table, so that the next process finds every fact in one file: at once
        # (a new fact is rare: a new language or a new babel), or once at the end of a
        # `deferred()` block, where a first run meets a dozen new facts.
        _unwritten = True
        if not _deferring or os.getpid() != _deferrer:
            flush()
        return value

    return remembered


def flush() -> None:
    """Write the answers learnt since the last write to the disk cache (nothing when none)."""
    global _unwritten
    if _unwritten and _table is not None:
        _unwritten = False
        diskcache.store(_key(), _table, SUFFIX)


@contextmanager
def deferred() -> Iterator[None]:
    """Within this block new answers are kept in the process and written once, when the
    outermost block ends (even by an exception): a check that meets many new facts (an
    empty cache) writes the table once instead of once per fact."""
    global _deferring, _deferrer
    if not _deferring:
        _deferrer = os.getpid()
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring:
            flush()


def forget() -> None:
    """Drop the answers held in this process (tests that change the cache directory)."""
    global _table, _unwritten
    _table = None
    _unwritten = False


@_fact
def locale_id(code: str) -> str | None:
    """The identifier of the babel locale `code` names (`ru`, `pt_BR`, `ru_RU`), or None
    when babel does not know it (`babel.Locale.parse` fails)."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(code))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _locale(ident: str) -> Any:
    from babel import Locale

    return Locale.parse(ident)


@_fact
def number_symbols(ident: str) -> tuple[str, str]:
    """The decimal and group symbols of the locale `ident` (a `locale_id`), Latin digits."""
    from babel import numbers

    loc = _locale(ident)
    return numbers.get_decimal_symbol(loc), numbers.get_group_symbol(loc)


def month_names(ident: str, width: str, context: str) -> tuple[tuple[int, str], ...]:
    """(month number, name) of the locale `ident` for a CLDR width (`wide`, `abbreviated`)
    and context (`format`, `stand-alone`), as `babel.dates.get_month_names` gives them."""
    return dict(_months(ident))[width, context]


@_fact
def _months(ident: str) -> tuple[tuple[tuple[str, str], tuple[tuple[int, str], ...]], ...]:
    # Every width and context at once: one cache write per language. (`Locale.months` is
    # what `babel.dates.get_month_names` reads; babel.dates itself imports time zones.)
    months = _locale(ident).months
    return tuple(
        ((width, context), tuple(months[context][width].items()))
        for width in ("wide", "abbreviated", "narrow") for context in ("format", "stand-alone")
    )


@_fact
def plural_categories(ident: str, numbers: tuple[int, ...]) -> tuple[str, ...]:
    """The CLDR plural category (`one`, `few`, `many`, `other`, ...) of each number in the
    locale `ident`."""
    rule = _locale(ident).plural_form
    return tuple(rule(n) for n in numbers)


@_fact
def gettext_plural(ident: str) -> tuple[int, str]:
    """babel's gettext plural rule of the locale `ident`: (nplurals, plural expression)."""
    from babel.messages.plurals import get_plural

    known = get_plural(_locale(ident))
    return known.num_plurals, known.plural_expr


@_fact
def gettext_from_cldr(ident: str) -> str:
    """A `Plural-Forms` value generated from the locale's CLDR plural rule
    (`babel.plural.to_gettext`)."""
    from babel.plural import to_gettext

    return to_gettext(_locale(ident).plural_form)


@_fact
def likely_subtags(lang: str) -> str:
    """CLDR's likely subtags of a base language (`ru` → `ru_Cyrl_RU`), or ""."""
    from babel.core import get_global

    return str(get_global("likely_subtags").get(lang, ""))


@_fact
def place_names(source: str, target: str) -> tuple[tuple[str, str], ...]:
    """(name in `source`, name in `target`) of every CLDR territory and of every time zone's
    exemplar city (the zone's last part when `target` has no city name for it)."""
    src, dst = _locale(source), _locale(target)
    pairs: list[tuple[str, str]] = []
    for code, name in src.territories.items():
        other = dst.territories.get(code)
        if name and other:
            pairs.append((str(name), str(other)))
    dst_zones = dst.time_zones
    for zone, data in src.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        dst_data = dst_zones.get(zone, {})
        dst_city = dst_data.get("city") if hasattr(dst_data, "get") else None
        other = dst_city or zone.rsplit("/", 1)[-1].replace("_", " ")
        if city and other:
            pairs.append((str(city), str(other)))
    return tuple(pairs)

