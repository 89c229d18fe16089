"""Per-language vocabulary for reading numbers: symbols, number words, scales, currencies, months.

Decimal and group symbols and month names come from babel's CLDR data, so any locale babel
knows gets them (through `termguard.localedata`, which keeps them in the disk cache: a
check reads them without importing babel). Number words, scale words and currency words are written out here for
English, Russian and Turkish (the project's languages); other languages read digits,
symbols and babel month names only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from termguard import localedata

# Spaces that CLDR and typographers use between digit groups (no-break, narrow no-break, thin).
GROUP_SPACES = "\u00a0\u202f\u2009"


@lru_cache(maxsize=256)
def base_lang(lang: str) -> str:
    """`ru_RU` / `tr-TR` → `ru` / `tr`."""
    return re.split(r"[_-]", lang or "en")[0].lower()


def _locale(lang: str) -> str:
    """The babel locale of `lang` (its identifier): itself, else its base language, else en."""
    return localedata.locale_id(lang.replace("-", "_")) or localedata.locale_id(base_lang(lang)) or "en"


# --- number words ----------------------------------------------------------------------------

_EN_CARDINALS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_EN_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "first" and "second" are left out: "for the first time" and "a second" are rarely numbers.
_EN_ORDINALS = ["_", "_", "_", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]

# Russian cardinals in every case and gender (ё spelled е: text is normalised the same way).
_RU_CARDINALS: dict[int, str] = {
    0: "ноль ноля нолю нолем ноле нуль нуля нулю нулем нуле",
    1: "один одна одно одни одного одной одному одним одном одну одною одних одними",
    2: "два две двух двум двумя двое двоих двоим двоими",
    3: "три трех трем тремя трое троих троим троими",
    4: "четыре четырех четырем четырьмя четверо четверых четверым четверыми",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью",
    90: "девяносто девяноста",
    100: "сто ста",
    1000: "тысяча тысячи тысяче тысячу тысячей тысячею тысяч тысячам тысячами тысячах",
}
# Numerals declined like a soft-sign noun: nominative, genitive/dative/prepositional, instrumental.
_RU_SOFT = {
    5: ("пять", "пяти", "пятью", "пятеро пятерых пятерым пятерыми"),
    6: ("шесть", "шести", "шестью", "шестеро шестерых шестерым шестерыми"),
    7: ("семь", "семи", "семью", "семеро семерых семерым семерыми"),
    8: ("восемь", "восьми", "восемью восьмью", ""),
    9: ("девять", "девяти", "девятью", "девятеро девятерых"),
    10: ("десять", "десяти", "десятью", "десятеро десятерых"),
    11: ("одиннадцать", "одиннадцати", "одиннадцатью", ""),
    12: ("двенадцать", "двенадцати", "двенадцатью", ""),
    13: ("тринадцать", "тринадцати", "тринадцатью", ""),
    14: ("четырнадцать", "четырнадцати", "четырнадцатью", ""),
    15: ("пятнадцать", "пятнадцати", "пятнадцатью", ""),
    16: ("шестнадцать", "шестнадцати", "шестнадцатью", ""),
    17: ("семнадцать", "семнадцати", "семнадцатью", ""),
    18: ("восемнадцать", "восемнадцати", "восемнадцатью", ""),
    19: ("девятнадцать", "девятнадцати", "девятнадцатью", ""),
    20: ("двадцать", "двадцати", "двадцатью", ""),
    30: ("тридцать", "тридцати", "тридцатью", ""),
}
_RU_ORDINAL_STEMS = {
    1: "перв", 2: "втор", 4: "четверт", 5: "пят", 6: "шест", 7: "седьм", 8: "восьм", 9: "девят",
    10: "десят", 11: "одиннадцат", 12: "двенадцат", 13: "тринадцат", 14: "четырнадцат",
    15: "пятнадцат", 16: "шестнадцат", 17: "семнадцат", 18: "восемнадцат", 19: "девятнадцат",
    20: "двадцат", 30: "тридцат", 40: "сороков", 50: "пятидесят",
}
_RU_ADJ_ENDINGS = ["ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми", "ою"]
_RU_TRETIJ = "третий третья третье третьи третьего третьей третьему третьим третьем третью третьих третьими"

_TR_CARDINALS = {
    "sıfır": 0, "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8,
    "dokuz": 9, "on": 10, "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "altmış": 60,
    "yetmiş": 70, "seksen": 80, "doksan": 90, "yüz": 100, "bin": 1000,
}
# Possessive and accusative forms that stand alone ("ikisi", "dördünü"); "onu" is a pronoun.
_TR_FORMS = {
    "ikisi": 2, "ikisini": 2, "üçü": 3, "üçünü": 3, "dördü": 4, "dördünü": 4, "beşi": 5,
    "beşini": 5, "altısı": 6, "yedisi": 7, "sekizi": 8, "dokuzu": 9,
}
_TR_ORDINALS = {
    "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6,
    "yedinci": 7, "sekizinci": 8, "dokuzuncu": 9, "onuncu": 10, "yirminci": 20, "otuzuncu": 30,
    "kırkıncı": 40, "ellinci": 50,
}


# Number words that are more often ordinary words: they confirm a value but are never
# offered as "what the translation has instead".
AMBIGUOUS_WORDS = frozenset({"yüz", "altı", "on", "bin", "семью", "сорока", "ста"})


def ru_compound_prefixes() -> dict[str, int]:
    """Russian numerals as the first part of a compound word, in the genitive the lexicon
    holds: «двух» in «двухфакторный», «четырех» in «четырехстолбцовый», «пяти» in
    «пятилетний», «сорока» in «сорокаминутный» (ё is spelled е, as words are normalised).
    One (одно-) and a hundred (сто-, ста-) are left out: «одновременно», «стандарт»."""
    out = {"двух": 2, "трех": 3, "четырех": 4, "сорока": 40, "девяноста": 90}
    for value, (_nom, gen, _ins, _coll) in _RU_SOFT.items():
        out[gen] = value
    for value in (50, 60, 70, 80):
        out[_RU_CARDINALS[value].split()[1]] = value
    return out


#: Words that begin like a numeral compound but are not one (seminar, semiotics, Semitic,
#: decimal, to back away).
RU_NOT_COMPOUNDS = ("семинар", "семиот", "семит", "десятичн", "пятитьс", "пятит", "девятин")


@dataclass(frozen=True)
class NumberWord:
    """A word that names a number; `ordinal` for fifth/пятого/beşinci, `unit` for 1–9 parts."""

    value: int
    ordinal: bool = False


def _ru_words() -> dict[str, NumberWord]:
    words: dict[str, NumberWord] = {}
    for value, forms in _RU_CARDINALS.items():
        for form in forms.split():
            words[form] = NumberWord(value)
    for value, (nom, gen, ins, coll) in _RU_SOFT.items():
        for form in (nom, gen, *ins.split(), *coll.split()):
            words[form] = NumberWord(value)
    for value, stem in _RU_ORDINAL_STEMS.items():
        for ending in _RU_ADJ_ENDINGS:
            words.setdefault(stem + ending, NumberWord(value, ordinal=True))
    for form in _RU_TRETIJ.split():
        words[form] = NumberWord(3, ordinal=True)
    # "семью" is also "family" (acc./instr.): a target word only ever confirms a value.
    return words


def _en_words() -> dict[str, NumberWord]:
    words = {w: NumberWord(i) for i, w in enumerate(_EN_CARDINALS)}
    words.update({w: NumberWord(v) for w, v in _EN_TENS.items()})
    words.update({w: NumberWord(i, ordinal=True) for i, w in enumerate(_EN_ORDINALS) if w != "_"})
    words["dozen"] = NumberWord(12)
    words["hundred"] = NumberWord(100)
    words["thousand"] = NumberWord(1000)
    return words


def _tr_words() -> dict[str, NumberWord]:
    words = {w: NumberWord(v) for w, v in _TR_CARDINALS.items()}
    words.update({w: NumberWord(v) for w, v in _TR_FORMS.items()})
    words.update({w: NumberWord(v, ordinal=True) for w, v in _TR_ORDINALS.items()})
    return words


_WORDS = {"en": _en_words, "ru": _ru_words, "tr": _tr_words}

# --- scales, currencies, percent ---------------------------------------------------------------

_SCALES = {
    "en": [(r"thousand", 3), (r"million|mln|mn", 6), (r"billion|bln|bn", 9), (r"trillion", 12)],
    "ru": [(r"тыс\.|тысяч\w*", 3), (r"млн\.?|миллион\w*", 6), (r"млрд\.?|миллиард\w*", 9), (r"трлн\.?|триллион\w*", 12)],
    "tr": [(r"bin(?:lik|de|e|i|in)?", 3), (r"milyon\w*", 6), (r"milyar\w*", 9), (r"trilyon\w*", 12)],
}

# Currency words after a number (ISO code they stand for).
_CURRENCY_WORDS = {
    "en": [(r"(?:US |U\.S\. )?dollars?", "USD"), (r"euros?", "EUR"), (r"r(?:o)?ubles?", "RUB"), (r"(?:Turkish )?liras?", "TRY")],
    "ru": [(r"(?:доллар\w*|долл\.)(?: США)?", "USD"), (r"евро", "EUR"), (r"рубл\w*|руб\.", "RUB"), (r"(?:турецк\w+ )?лир\w*", "TRY")],
    "tr": [(r"(?:ABD |Amerikan )?dolar\w*", "USD"), (r"avro\w*|euro\w*", "EUR"), (r"ruble\w*", "RUB"), (r"(?:Türk )?lira\w*|TL", "TRY")],
}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "₽": "RUB", "₺": "TRY", "£": "GBP",
                    "USD": "USD", "EUR": "EUR", "RUB": "RUB", "TRY": "TRY", "GBP": "GBP", "TL": "TRY"}

_PERCENT_WORDS = {"en": r"percent|per cent", "ru": r"процент\w*", "tr": r""}
_PERCENT_PREFIX = {"tr": r"yüzde"}

# Words that follow a year or an ordinal number and belong to it ("2025 года", "2019'da").
_YEAR_WORDS = {"ru": r"(?:год\w*|гг?\.)", "tr": r"(?:yılı\w*|yıl\w*)", "en": r""}


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor needs for one language."""

    lang: str
    decimal: str
    group: str
    words: dict[str, NumberWord]
    scales: tuple[tuple[re.Pattern[str], int], ...]
    currencies: tuple[tuple[re.Pattern[str], str], ...]
    percent_word: str
    percent_prefix: str
    months: dict[str, int]
    year_word: str


def _month_names(loc: str, lang: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in localedata.month_names(loc, width, context):
                key = normalise_word(name.rstrip("."))
                if len(key) >= 3:
                    names[key] = month
    if base_lang(lang) == "ru":
        # babel has the nominative (stand-alone) and genitive (format) forms; "в декабре"
        # needs the prepositional, formed regularly from the nominative: -ь/-й → -е, else +е.
        for month, name in localedata.month_names(loc, "wide", "stand-alone"):
            nom = normalise_word(name)
            names[(nom[:-1] if nom[-1] in "ьй" else nom) + "е"] = month
    return names


def normalise_word(word: str) -> str:
    """Lower-case a word for look-ups: ё → е, Turkish İ → i, typographic apostrophes plain."""
    return word.replace("İ", "i").replace("I\u0307", "i").lower().replace("ё", "е").replace("’", "'")


@lru_cache(maxsize=32)
def lexicon(lang: str) -> Lexicon:
    """The (cached) lexicon of a language; unknown languages fall back to babel data only."""
    loc = _locale(lang)
    base = base_lang(lang)
    words_fn = _WORDS.get(base)
    # Scale, currency and month words of the other known languages are read too (after the
    # text's own): a commentary quotes titles in the language of its sources ("\\$9 млрд" in
    # an English reference list). Number words are not: "on", "bin", "altı" are everyday
    # words outside Turkish.
    others = [b for b in _WORDS if b != base]
    months = _month_names(loc, lang)
    for other in others:
        for key, month in _month_names(_locale(other), other).items():
            months.setdefault(key, month)
    scales = [*_SCALES.get(base, []), *(s for o in others for s in _SCALES[o])]
    currencies = [*_CURRENCY_WORDS.get(base, []), *(c for o in others for c in _CURRENCY_WORDS[o])]
    decimal, group = localedata.number_symbols(loc)
    return Lexicon(
        lang=lang,
        decimal=decimal,
        group=group,
        words=words_fn() if words_fn else {},
        scales=tuple((re.compile(p, re.IGNORECASE), e) for p, e in scales),
        currencies=tuple((re.compile(p, re.IGNORECASE), c) for p, c in currencies),
        percent_word=_PERCENT_WORDS.get(base, ""),
        percent_prefix=_PERCENT_PREFIX.get(base, ""),
        months=months,
        year_word=_YEAR_WORDS.get(base, ""),
    )


def scale_factor(exponent: int) -> Decimal:
    """10**exponent as a Decimal."""
    return Decimal(10) ** exponent
