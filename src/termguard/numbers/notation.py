"""A source quantity written in the target language's notation, for suggestions.

`number-mismatch` suggests the source's value; a translator needs it as the target language
writes it: `4.6 million` → «4,6 млн» (ru), «4,6 milyon» (tr); `$2.5 billion` → «2,5 млрд
долларов США»; `50%` → «%50» (tr). Decimal and group symbols, percent patterns, compact
scale words and currency names all come from babel's CLDR data, so any locale babel knows
gets its own notation. The scale the source used (thousand, million, billion) is kept, so
the suggestion reads like the source rather than as a long row of digits.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel import numbers as babel_numbers

from termguard.numbers.extract import Quantity
from termguard.numbers.lexicon import lexicon

_LOWER_WORD = re.compile(r"[^\W\d_]{2,}\.?")


def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None


def _scale_of(q: Quantity, source_lang: str) -> int:
    """The exponent of the scale word the source wrote (`million` → 6), else 0."""
    for pattern, exponent in lexicon(source_lang).scales:
        if pattern.search(q.text):
            return exponent
    return 0


def _compact(value: Decimal, locale: Locale) -> str:
    """`value` with a CLDR compact scale word: the short form when it is a lower-case word
    (млн, тыс.), else the long one (milyon, million): "4,6 Mn" or "4.6M" is no prose."""
    short = babel_numbers.format_compact_decimal(value, format_type="short", locale=locale, fraction_digits=3)
    word = short.strip("0123456789.,\u00a0\u202f -+")
    if _LOWER_WORD.fullmatch(word) and word == word.lower():
        return short
    return babel_numbers.format_compact_decimal(value, format_type="long", locale=locale, fraction_digits=3)


def in_notation(q: Quantity, source_lang: str, target_lang: str) -> str | None:
    """Quantity `q` of the source written as the target language writes it, or None when
    it is not a plain number (dates, citations) or the target language is unknown."""
    locale = _locale(target_lang)
    value = q.primary
    if locale is None or q.kind != "number" or not isinstance(value, Decimal):
        return None
    if q.percent:
        return babel_numbers.format_percent(value / 100, locale=locale, decimal_quantization=False)
    scaled = _scale_of(q, source_lang) and abs(value) >= 1000
    # A number the source wrote without group separators (a year, 2017) stays ungrouped.
    grouped = not re.fullmatch(r"\D*\d+\D*", q.text)
    # As many decimals as the source wrote: $40 is «40 $», not «40,00 $»; 1,250.50 keeps both.
    exponent = value.as_tuple().exponent
    decimals = "." + "0" * -exponent if isinstance(exponent, int) and exponent < 0 else ""
    if scaled:
        text = _compact(value, locale)
    else:
        pattern = re.sub(r"0[.0#]*", "0" + decimals, locale.decimal_formats[None].pattern, count=1)
        text = babel_numbers.format_decimal(value, format=pattern, locale=locale, group_separator=grouped)
    if not q.currency:
        return text
    if scaled:
        # After a scale word the currency is a noun in the plural (млрд долларов США).
        return f"{text} {babel_numbers.get_currency_name(q.currency, count=5, locale=locale)}"
    pattern = re.sub(r"0[.0#]*", "0" + decimals, locale.currency_formats["standard"].pattern.split(";")[0], count=1)
    return babel_numbers.format_currency(value, q.currency, format=pattern, locale=locale, currency_digits=False,
                                         group_separator=grouped)


__all__ = ["in_notation"]
