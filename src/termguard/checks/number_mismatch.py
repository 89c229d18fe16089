"""TG302 number-mismatch: numbers, amounts, dates or citations differ between source and translation."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Field, Finding, Severity, Unit
from termguard.triggers import Trigger

if TYPE_CHECKING:
    from termguard.numbers import Quantity


@functools.cache
def _numbers() -> ModuleType:
    """The numbers package, imported on first use: it loads babel's locale data, and looking
    a rule up by name imports every rule module."""
    import termguard.numbers

    return termguard.numbers

_FORMAT_FLAGS = frozenset({"c-format", "python-format", "php-format", "perl-format", "sh-format"})


def _shown(q: Quantity) -> str:
    return f"[{q.text}]" if q.kind == "citation" else q.text


def _suggested(q: Quantity, source_lang: str, target_lang: str) -> str:
    """The source's value as the target language writes it (4.6 million → 4,6 млн)."""
    from termguard.numbers.notation import in_notation

    return in_notation(q, source_lang, target_lang) or _shown(q)


@register
class NumberMismatch(Rule):
    """A number, amount, date or citation of the source that the translation changed or lost.

    What:
        Reads the quantities of the source and of each translation, locale-aware: decimal
        and group symbols from babel (2.5 = 2,5; 1,000 = 1 000 = 1.000 in Turkish), scale
        words (billion = млрд = milyar), currencies ($ = долларов = dolar), percentages
        (50% = 50 % = %50), number words 0–20 and tens in en, ru and tr in every case
        (four = четырёх = dört), ordinals (5th = 5-го = пятого = 5.), years and decades, and
        dates however written (17.12.2025 = 17 декабря 2025 года = 17 Aralık 2025, month
        names from babel). Citation marks `[n]` must stay `[n]`. Each source quantity with
        no counterpart is reported, naming what the translation has instead; a citation
        the translation adds is reported too. Designations keep their numbers (S-400 =
        С-400). Untranslated and fuzzy entries are skipped.
        Not numbers: HTML character references (`&#39;`, `&#x2013;`), digits with capitals
        glued after them (`2FA`, `3D`, `5G`; but `10MB`, `5th`, `MP3` and `CC0` are read), and the
        "1" of a plural entry's singular msgid, which stands for the count. Russian
        compounds are read for their numeral («двухфакторный» = two-factor,
        «четырёхстолбцовый» = 4-column).
    Why:
        A changed amount, date or count is a factual error that reads fluently and slips
        past review; naive digit comparison (pofilter's `numbers`) flags every correct
        2.5 → 2,5 and cannot see that $2.5 billion is «2,5 млрд долларов».
    Example:
        msgid "the amount of \\$2.5 billion" with msgstr "сумма в 2,6 млрд долларов" is
        reported: `"$2.5 billion" in the source is missing from the translation; found
        2,6 млрд долларов`. «2,5 млрд долларов» and «2,5 milyar dolar» are silent.
    Use instead:
        The source's value in the target language's notation, which the suggestion gives
        (babel's CLDR data: `4.6 million` → «4,6 млн» in Russian, «4,6 milyon» in Turkish;
        `50%` → «%50» in Turkish).
    """

    code = "TG302"
    name = "number-mismatch"
    severity = Severity.ERROR
    summary = "numbers, amounts, dates or citations differ between source and translation"
    applies_to = "translation"
    #: A quantity needs a digit or a number word; a citation needs a digit.
    trigger = Trigger(numbers=True)

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare the source's quantities with each translated form's."""
        lang = unit.target_lang
        if not lang or not unit.is_translated or unit.is_fuzzy:
            return
        extract = _numbers().extract
        printf = bool(unit.flags & _FORMAT_FLAGS)
        singular = extract(unit.source.text, unit.source_lang, printf=printf)
        plural = extract(unit.source_plural.text, unit.source_lang, printf=printf) if unit.source_plural else singular
        if unit.source_plural is not None:
            # The "1" of a plural entry's singular ("Delete 1 user") is the count n: each
            # form writes it as the language needs (a word, a placeholder, nothing at all).
            singular = [q for q in singular if not (q.kind == "number" and q.values == {1})]
        for index, fld in enumerate(unit.targets):
            source = singular if index == 0 else plural
            yield from self._compare(unit, ctx, source, fld, lang, printf)

    def _compare(self, unit: Unit, ctx: CheckContext, source: list[Quantity], fld: Field, lang: str, printf: bool) -> Iterator[Finding]:
        numbers = _numbers()
        target = numbers.extract(fld.text, lang, printf=printf)
        if not source and not any(q.kind == "citation" for q in target):
            return
        for miss in numbers.compare(source, target):
            s, t = miss.source, miss.target
            if s is None and t is not None:
                message = f"citation {_shown(t)} in the translation is not in the source"
                yield ctx.finding(self, unit, fld, t.start, t.end, message, lang=lang, found=_shown(t))
                continue
            assert s is not None
            message = f"\"{_shown(s)}\" in the source is missing from the translation"
            if t is not None:
                message += f"; found {_shown(t)}"
                yield ctx.finding(self, unit, fld, t.start, t.end, message, lang=lang, found=_shown(t),
                                  suggestions=[_suggested(s, unit.source_lang, lang)])
            else:
                yield ctx.finding(self, unit, unit.source, s.start, s.end, message, lang=lang, found=_shown(s))
