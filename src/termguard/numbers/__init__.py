"""Locale-aware reading of numbers, amounts, dates and citation marks, and their comparison.

`extract(text, lang)` finds the quantities of a text (babel's decimal and group symbols and
month names; number, scale and currency words for en, ru and tr); `compare(source, target)`
says which source quantities a translation lacks. Used by the `number-mismatch` rule.
"""

from __future__ import annotations

from termguard.numbers.compare import Mismatch, compare, compatible
from termguard.numbers.extract import Quantity, extract, mask, month_of, parse_number

__all__ = ["Mismatch", "Quantity", "compare", "compatible", "extract", "mask", "month_of", "parse_number"]
