"""Plural forms: `Plural-Forms` header values and what CLDR says about a language's plurals.

Shared by the PO rules (plural-forms, po-header, placeholders) and by `termguard init`,
which writes a new translation's header. babel's locale data comes through
`termguard.localedata` (read once, then from the disk cache).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)
#: The whole numbers a formula is compared on: every n % 10 and n % 100 pattern (0…200).
#: Millions are left out on purpose: CLDR's French/Spanish "many" (un million *de*) is a
#: compact-number form gettext catalogs do not use.
SAMPLE = tuple(range(201))
_ORDER = ("zero", "one", "two", "few", "many", "other")


@dataclass(frozen=True)
class PluralForms:
    """A parsed `Plural-Forms` header value."""

    nplurals: int
    expression: str
    function: Callable[[int], int]


@lru_cache(maxsize=64)
def parse_plural_forms(value: str) -> PluralForms | str:
    """Parse `nplurals=N; plural=EXPR;`; return an error message string when it is broken."""
    m = _PLURAL_FORMS.match(value)
    if not m:
        return "Plural-Forms must read `nplurals=N; plural=EXPRESSION;`"
    nplurals = int(m.group(1))
    if nplurals < 1:
        return "nplurals must be at least 1"
    import gettext

    try:
        # gettext's own C-expression compiler: it tokenises and rejects anything but C
        # arithmetic on n, so no Python code can come through.
        function = gettext.c2py(m.group(2))
        function(1)
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, TypeError):
        return f"the plural expression `{m.group(2)}` is not a valid C expression of n"
    return PluralForms(nplurals, m.group(2), function)


@dataclass(frozen=True)
class LanguagePlurals:
    """What babel's CLDR data says about a language's plural forms for whole numbers."""

    categories: tuple[str, ...]
    of: tuple[str, ...]
    suggestion: str | None


@lru_cache(maxsize=32)
def language_plurals(lang: str) -> LanguagePlurals | None:
    """CLDR categories the integers in `SAMPLE` fall into (gettext counts only integers), in
    the order gettext formulas use; plus a header value to suggest. None for unknown locales."""
    from termguard import localedata

    locale = localedata.locale_id(lang.replace("-", "_"))
    if locale is None:
        return None
    of = localedata.plural_categories(locale, SAMPLE)
    categories = tuple(c for c in _ORDER if c in set(of))
    suggestion = None
    num_plurals, plural_expr = localedata.gettext_plural(locale)
    if num_plurals == len(categories):
        suggestion = f"nplurals={num_plurals}; plural={plural_expr};"
    elif categories == ("one", "other") and [n for n, c in zip(SAMPLE, of) if c == "one"] == [1]:
        suggestion = "nplurals=2; plural=(n != 1);"
    else:
        generated = localedata.gettext_from_cldr(locale)
        if generated.startswith(f"nplurals={len(categories)};"):
            suggestion = generated
    return LanguagePlurals(categories, of, suggestion)
