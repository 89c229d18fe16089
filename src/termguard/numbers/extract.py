"""Find the numbers, amounts, dates and citations in a text, with their values and spans.

The text is first masked (same length, so offsets never shift): URLs, code spans, HTML tags,
Markdown emphasis and escapes, and printf/brace placeholders become spaces. Then, in this
order, dates, citation brackets, digit numbers (with currency, scale and percent around
them) and number words are read; each found span is blanked before the next pass so that
"17.12.2025" is one date and not three numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from termguard.numbers.lexicon import (
    AMBIGUOUS_WORDS,
    CURRENCY_SYMBOLS,
    GROUP_SPACES,
    RU_NOT_COMPOUNDS,
    Lexicon,
    base_lang,
    lexicon,
    normalise_word,
    ru_compound_prefixes,
    scale_factor,
)

DateValue = tuple[int | None, int | None, int | None]


@dataclass(frozen=True)
class Quantity:
    """One number-like thing found in a text.

    `kind` is `number` (plain numbers, amounts, percentages, ordinals, years), `date` or
    `citation` (a `[n]` reference mark). `values` holds every reading of the text (one for
    most; `1.000` can be 1000 or 1.0; `10.02.2026` can be 10 February or 2 October); for a
    date, values are `(year, month, day)` tuples with None for what is not written.
    `weak` marks a word that is more often something else: "one"/«одна»/"bir" (articles and
    pronouns), Turkish "yüz" (face), "altı" (under), "on" (on), Russian «семью» (family).
    `soft` marks a number written as a word ("four", «четырёх»), which translators may
    rephrase. `start`/`end` are offsets in the text that was read.
    """

    kind: str
    values: frozenset
    start: int
    end: int
    text: str
    primary: object = None
    currency: str | None = None
    percent: bool = False
    soft: bool = False
    weak: bool = False


_SP = "[ \u00a0\u202f\u2009]"
_MASK = re.compile(
    r"<(?:https?|ftp|mailto):[^>\s]*>"
    r"|\b(?:https?|ftp)://[^\s<>()\]]+|\bwww\.[^\s<>()\]]+"
    r"|`+[^`]*`+"
    r"|\]\((?:[^()\s]|\([^()\s]*\))*\)"
    r"|</?[A-Za-z][^<>]*>"
    r"|\\(?=[\\`*_{}\[\]()#+\-.!$])"
    r"|\*+|(?<!\w)_+|_+(?!\w)"
    r"|\{[A-Za-z_0-9.\[\]]*(?:![rsa])?(?::[^{}]*)?\}"
    # HTML character references (&#39; &#x2013; &nbsp;) are characters, not numbers.
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
# (Bounded name, possessive runs: linear on hostile text, see checks.placeholders.)
_PRINTF = re.compile(r"%(?:\([^)]{0,256}\))?(?:\d++\$)?[-+ #0']*+(?:\d++|\*)?(?:\.(?:\d++|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaA%]")

_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
# The patterns that must not start right after some character begin with what they match
# and look behind from there (`\d(?<![\d.]\d)` for `(?<![\d.])\d`): a pattern that opens
# with a character class is searched for at C speed, one that opens with a look-behind is
# tried at every position of the text.
_NUM = re.compile(r"\d(?<!\d\d)\d*(?:(?:[.,](?=\d)|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*")
_CITATION = re.compile(r"\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ISO_DATE = re.compile(r"(\d(?<![\d.]\d)\d{3})-(\d{2})-(\d{2})(?![\d])")
_NUM_DATE = re.compile(r"(\d(?<![\d.,]\d)\d?)([./])(\d{1,2})\2(\d{4})(?![\d]|[.,]\d)")
_DAY_MONTH = re.compile(
    rf"(?P<d>\d(?<![\d.,]\d)\d?)(?:-?(?:го|е|th|st|nd|rd))?\.?{_SP}+(?P<m>[^\W\d_]+(?:['’][^\W\d_]+)?)\.?"
    rf"(?:,?{_SP}+(?P<y>\d{{4}})(?!\d))?"
)
_MONTH_FIRST = re.compile(
    # Starts at a word's start only, and takes the word whole: a long run of letters is
    # not tried again from each of its letters.
    rf"(?P<m>[^\W\d_](?<![^\W\d_][^\W\d_])[^\W\d_]*+)\.?{_SP}++(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d)(?:,?{_SP}+(?P<y>\d{{4}})(?!\d))?"
    rf"|(?P<y2>\d{{4}})(?![\d.,]\d))"
)
_CURRENCY_PREFIX = re.compile(r"(US\$|\$|€|₽|₺|£|USD|EUR|RUB|TRY|TL)[ \u00a0]?$")
_CURRENCY_SUFFIX_SYMBOL = re.compile(r"[ \u00a0]?(\$|€|₽|₺|£|USD|EUR|RUB|TRY|TL)(?![^\W\d_])")
_PERCENT_SIGN = re.compile(r"[ \u00a0\u202f]?%")
# What each of the patterns above needs somewhere in the text (a quick test before it).
_MAY_ISO_DATE = re.compile(r"-")
_MAY_NUM_DATE = re.compile(r"[./]")
_MAY_CITE = re.compile(r"\[")


# Every `_MASK` match holds one of these; most texts hold none, and one search for them
# is cheaper than the substitution's walk through every alternative at every character.
_MAY_MASK = re.compile(r"[<`\]\\*_{&]|://|www\.")


def mask(text: str, printf: bool = False) -> str:
    """Blank markup, URLs, code and placeholders with spaces; the result has the same length."""
    out = _MASK.sub(lambda m: " " * len(m.group()), text) if _MAY_MASK.search(text) else text
    if printf and "%" in out:
        out = _PRINTF.sub(lambda m: " " * len(m.group()), out)
    return out


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


# --- dates -----------------------------------------------------------------------------------


def month_of(word: str, lex: Lexicon) -> int | None:
    """The month a word names ("декабря", "Aralık'ta", "Dec"), or None."""
    key = normalise_word(word.rstrip("."))
    if key in lex.months:
        return lex.months[key]
    if "'" in key:
        head = key.split("'", 1)[0]
        return lex.months.get(head)
    if base_lang(lex.lang) == "tr":
        # Turkish suffixes attach without an apostrophe to common nouns: "Aralıkta", "Ekimde".
        for cut in range(1, 6):
            if len(key) - cut >= 3 and key[:-cut] in lex.months:
                return lex.months[key[:-cut]]
    return None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if m is None or not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        date(y if y else 2000, m, d)
    except ValueError:
        return False
    return True


def _dates(masked: str, lex: Lexicon, runs: list[str] | None = None) -> list[Quantity]:
    found: list[tuple[int, int, frozenset, DateValue]] = []
    # (Each pattern needs its separator: most texts have neither.)
    for m in _ISO_DATE.finditer(masked) if _MAY_ISO_DATE.search(masked) else ():
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            found.append((m.start(), m.end(), frozenset({(y, mo, d)}), (y, mo, d)))
    for m in _NUM_DATE.finditer(masked) if _MAY_NUM_DATE.search(masked) else ():
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        # Day-first is the norm in ru/tr/en-GB; month-first (12.17.2025) is read when only it fits.
        readings = [(y, mo, d) for d, mo in ((a, b), (b, a)) if _valid(y, mo, d)]
        if readings:
            found.append((m.start(), m.end(), frozenset(readings), readings[0]))
    named = _may_name_month(_letter_runs(masked) if runs is None else runs, lex)
    for m in _DAY_MONTH.finditer(masked) if named else ():
        month = month_of(m.group("m"), lex)
        d = int(m.group("d"))
        year = int(m.group("y")) if m.group("y") else None
        if month and _valid(year, month, d):
            found.append((m.start(), m.end(), frozenset({(year, month, d)}), (year, month, d)))
    for m in _MONTH_FIRST.finditer(masked) if named else ():
        month = month_of(m.group("m"), lex)
        if not month:
            continue
        if m.group("y2"):
            value: DateValue = (int(m.group("y2")), month, None)
        else:
            value = (int(m.group("y")) if m.group("y") else None, month, int(m.group("d")))
        if _valid(*value):
            found.append((m.start(), m.end(), frozenset({value}), value))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Quantity] = []
    last_end = -1
    for start, end, values, primary in found:
        if start < last_end:
            continue
        end = _extend_year_word(masked, end, lex)
        out.append(Quantity("date", values, start, end, "", primary=primary))
        last_end = end
    return out


def _extend_year_word(masked: str, end: int, lex: Lexicon) -> int:
    """Take "года" / "г." / "yılı" after a date into its span (for the message)."""
    if not lex.year_word:
        return end
    m = _year_word(lex.year_word).match(masked, end)
    return m.end() if m else end


@lru_cache(maxsize=32)
def _year_word(year_word: str) -> re.Pattern[str]:
    return re.compile(rf"{_SP}?{year_word}", re.IGNORECASE)


# --- numbers ---------------------------------------------------------------------------------


def _conventions(lex: Lexicon) -> list[tuple[str, frozenset[str]]]:
    return _conventions_of(lex.decimal, lex.group)


@lru_cache(maxsize=32)
def _conventions_of(decimal: str, group: str) -> list[tuple[str, frozenset[str]]]:
    groups = {group}
    if group in GROUP_SPACES or group == " ":
        groups |= set(GROUP_SPACES) | {" "}
    native = (decimal, frozenset(groups))
    others = [(".", frozenset({","})), (",", frozenset({"."} | set(GROUP_SPACES) | {" "}))]
    return [native] + [c for c in others if c != native]


_NUMBER_SEPARATORS = re.compile(r"([.,\u00a0\u202f\u2009 ])")


def parse_number(token: str, lex: Lexicon) -> list[Decimal]:
    """Every valid reading of a digit token: the locale's own convention first, then the
    other common one ("2.5" in a Russian text is still 2.5). Empty when none fits."""
    parts = _NUMBER_SEPARATORS.split(token)
    digits, seps = parts[0::2], parts[1::2]
    readings: list[Decimal] = []
    for decimal, groups in _conventions(lex):
        value = _read(digits, seps, decimal, groups)
        if value is not None and value not in readings:
            readings.append(value)
    return readings


def _read(digits: list[str], seps: list[str], decimal: str, groups: frozenset[str]) -> Decimal | None:
    if not seps:
        return Decimal(digits[0])
    frac = ""
    if seps[-1] == decimal:
        frac = digits[-1]
        digits, seps = digits[:-1], seps[:-1]
    if seps:
        if any(s not in groups for s in seps) or len({s for s in seps if s not in GROUP_SPACES + " "}) > 1:
            return None
        if len(digits[0]) > 3 or any(len(d) != 3 for d in digits[1:]):
            return None
    try:
        return Decimal("".join(digits) + ("." + frac if frac else ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=32)
def _suffix_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    lex = lexicon(lang)
    scale = "|".join(f"(?:{p.pattern})" for p, _ in lex.scales)
    cur = "|".join(f"(?:{p.pattern})" for p, _ in lex.currencies)
    scale_re = re.compile(rf"{_SP}*({scale})(?![^\W\d_])", re.IGNORECASE)
    cur_re = re.compile(rf"{_SP}*({cur})(?![^\W\d_])", re.IGNORECASE) if cur else re.compile(r"(?!x)x")
    pct_word = re.compile(rf"{_SP}*(?:{lex.percent_word})(?![^\W\d_])", re.IGNORECASE) if lex.percent_word else None
    pct_prefix = re.compile(rf"(?:{lex.percent_prefix}){_SP}+$", re.IGNORECASE) if lex.percent_prefix else None
    return scale_re, cur_re, pct_word, pct_prefix


def _decorate(masked: str, start: int, end: int, values: list[Decimal], lex: Lexicon) -> tuple[int, int, list[Decimal], str | None, bool]:
    """Widen a number's span over a currency before it and scale/currency/percent after it."""
    scale_re, cur_re, pct_word, pct_prefix = _suffix_patterns(lex.lang)
    currency = None
    percent = False
    before = masked[max(0, start - 6):start]
    m = _CURRENCY_PREFIX.search(before)
    if m:
        currency = CURRENCY_SYMBOLS[m.group(1)]
        start -= len(before) - m.start()
    elif before.endswith("%"):
        percent = True
        start -= 1
    elif pct_prefix is not None:
        m = pct_prefix.search(masked[max(0, start - 12):start])
        if m:
            percent = True
            start -= len(m.group())
    m = scale_re.match(masked, end)
    if m:
        word = m.group(1)
        for pattern, exponent in lex.scales:
            if pattern.fullmatch(word):
                values = [v * scale_factor(exponent) for v in values]
                break
        end = m.end()
    m = cur_re.match(masked, end)
    if m:
        for pattern, code in lex.currencies:
            if pattern.fullmatch(m.group(1)):
                currency = currency or code
                break
        end = m.end()
    else:
        m = _CURRENCY_SUFFIX_SYMBOL.match(masked, end)
        if m and currency is None:
            currency = CURRENCY_SYMBOLS[m.group(1)]
            end = m.end()
        else:
            m = _PERCENT_SIGN.match(masked, end)
            if m:
                percent, end = True, m.end()
            elif pct_word is not None:
                m = pct_word.match(masked, end)
                if m:
                    percent, end = True, m.end()
    return start, end, values, currency, percent


_HALF = re.compile(rf"{_SP}+(?:с{_SP}+половиной|buçuk|and{_SP}+a{_SP}+half)(?![^\W\d_])", re.IGNORECASE)
_ONE_AND_HALF = {"полтора": "1.5", "полторы": "1.5", "полутора": "1.5"}


_NUMBER_WORDS: dict[str, frozenset[str]] = {}


_LETTERS = re.compile(r"[^\W\d_]+")


def _letter_runs(masked: str) -> list[str]:
    """The runs of letters of a text, normalised as words are looked up: what the quick
    tests below compare with the lexicon (a word `_WORD` reads is one run, or two around
    an apostrophe)."""
    return _LETTERS.findall(normalise_word(masked))


_RU_COMPOUNDS = ru_compound_prefixes()
_RU_COMPOUND = re.compile(
    "(" + "|".join(sorted(_RU_COMPOUNDS, key=len, reverse=True)) + r")(сот)?-?([а-я]{3,})$")


#: `_RU_COMPOUND` matches only words that begin with one of these.
_RU_COMPOUND_STARTS = tuple(_RU_COMPOUNDS)


def _ru_compound(key: str) -> int | None:
    """The numeral a Russian compound word begins with («двухбуквенный» → 2,
    «пятисотлетие» → 500), or None; `key` is a normalised word."""
    m = _RU_COMPOUND.match(key)
    if m is None or key.startswith(RU_NOT_COMPOUNDS):
        return None
    value = _RU_COMPOUNDS[m.group(1)]
    return value * 100 if m.group(2) and value < 10 else value


def _has_number_word(runs: list[str], lex: Lexicon) -> bool:
    """Whether any run of letters is a number word: one set test instead of a look-up per
    word, for the many texts that have none."""
    if base_lang(lex.lang) == "ru" and any(
        _ru_compound(run) is not None for run in runs if len(run) > 6 and run.startswith(_RU_COMPOUND_STARTS)
    ):
        return True
    return not _number_word_set(lex).isdisjoint(runs)


def number_words(lang: str) -> frozenset[str]:
    """Every number word `extract` reads in `lang` (lowered with `normalise_word`), for a
    cheap test before it (`termguard.triggers`): a text with neither a digit nor one of
    these, as a part of a word too, has no quantity."""
    return _number_word_set(lexicon(lang))


def _number_word_set(lex: Lexicon) -> frozenset[str]:
    words = _NUMBER_WORDS.get(lex.lang)
    if words is None:
        words = _NUMBER_WORDS[lex.lang] = frozenset(lex.words) | (
            frozenset(_ONE_AND_HALF) if base_lang(lex.lang) == "ru" else frozenset()
        )
    return words


def _may_name_month(runs: list[str], lex: Lexicon) -> bool:
    """Whether some run of letters could be read as a month by `month_of` (whole, before an
    apostrophe, or, in Turkish, before a suffix): the word-based date patterns try every
    word of a text, so most texts skip them."""
    months = lex.months
    if base_lang(lex.lang) != "tr":
        return not months.keys().isdisjoint(runs)
    return any(run in months or any(run[:-cut] in months for cut in range(1, 6) if len(run) - cut >= 3) for run in runs)


def _number_words(masked: str, lex: Lexicon, runs: list[str] | None = None) -> Iterable[tuple[int, int, Decimal]]:
    """(start, end, value) of number words, joining tens and units ("двадцать два", "on iki")
    and halves ("два с половиной", "iki buçuk", "two and a half", «полтора»).

    `runs`: the letter runs of the text before parts were blanked, if the caller has them.
    """
    if not lex.words:
        return
    if not _has_number_word(_letter_runs(masked) if runs is None else runs, lex):
        return  # no word of the text is a number word: most texts
    tokens: list[tuple[int, int, Decimal | None, bool]] = []
    for m in _WORD.finditer(masked):
        key = normalise_word(m.group())
        if key in _ONE_AND_HALF and base_lang(lex.lang) == "ru":
            tokens.append((m.start(), m.end(), Decimal(_ONE_AND_HALF[key]), False))
            continue
        word = lex.words.get(key)
        if word is None and base_lang(lex.lang) == "ru":
            compound = _ru_compound(key)
            if compound is not None:
                # «двухфакторный», «четырехстолбцовый»: a numeral read as a word of its own.
                tokens.append((m.start(), m.end(), Decimal(compound), True))
                continue
        tokens.append((m.start(), m.end(), Decimal(word.value) if word else None, bool(word and word.ordinal)))
    tens_min = 10 if base_lang(lex.lang) == "tr" else 20
    i = 0
    while i < len(tokens):
        start, end, value, ordinal = tokens[i]
        if value is None:
            i += 1
            continue
        step = 1
        if not ordinal and value % 10 == 0 and tens_min <= value <= 90 and i + 1 < len(tokens):
            nstart, nend, nxt, _nxt_ordinal = tokens[i + 1]
            gap = masked[end:nstart]
            if nxt is not None and 1 <= nxt <= 9 and gap.strip(" -\u00a0") == "" and len(gap) <= 2:
                value, end, step = value + nxt, nend, 2
        half = None if ordinal else _HALF.match(masked, end)
        if half:
            value, end = value + Decimal("0.5"), half.end()
            while i + step < len(tokens) and tokens[i + step][0] < end:
                step += 1
        yield start, end, value
        i += step


#: The quantities of recent texts: a file repeats many of its texts (the same message in
#: other contexts, a sentence and its plural), and `extract` depends on its arguments only.
#: Only short texts are kept (those that repeat), so the table holds a few megabytes at most.
_RECENT: dict[tuple[str, str, bool], tuple[Quantity, ...]] = {}
_RECENT_SIZE = 4096
_RECENT_TEXT = 2000


def extract(text: str, lang: str, *, printf: bool = False) -> list[Quantity]:
    """All quantities in `text` (a unit's text in language `lang`), in text order.

    `printf` masks printf-style placeholders too (`%d`, `%(n)s`), for entries flagged
    c-format or python-format.
    """
    if len(text) > _RECENT_TEXT:
        return _extract(text, lang, printf)
    key = (text, lang, printf)
    found = _RECENT.get(key)
    if found is None:
        found = tuple(_extract(text, lang, printf))
        if len(_RECENT) >= _RECENT_SIZE:
            _RECENT.clear()
        _RECENT[key] = found
    return list(found)


def _extract(text: str, lang: str, printf: bool) -> list[Quantity]:
    lex = lexicon(lang)
    masked = mask(text, printf)
    if not _DIGIT.search(masked):
        # Dates, citations and digit numbers all need a digit: only number words are left.
        return _word_quantities(masked, text, lex)
    runs = _letter_runs(masked)
    out: list[Quantity] = []
    work = masked
    # Each pass reads the text with what the passes before it found blanked; a pass that
    # found nothing leaves the text as it was, so the copy is made only when one did.
    dates = _dates(masked, lex, runs)
    if dates:
        chars = list(masked)
        for q in dates:
            out.append(_with_text(q, text))
            _blank(chars, q.start, q.end)
        work = "".join(chars)
    if _MAY_CITE.search(work):
        chars = list(work)
        for m in _CITATION.finditer(work):
            for n in _DIGITS.finditer(m.group(1)):
                s, e = m.start(1) + n.start(), m.start(1) + n.end()
                value = Decimal(n.group())
                out.append(Quantity("citation", frozenset({value}), s, e, text[s:e], primary=value))
            _blank(chars, m.start(), m.end())
        work = "".join(chars)
    read: list[tuple[int, int]] = []
    for m in _NUM.finditer(work):
        if _is_code(work, m.end()):
            read.append((m.start(), m.end()))
            continue
        readings = parse_number(m.group(), lex)
        pieces = [(m.start(), m.end(), readings)] if readings else [
            (m.start() + p.start(), m.start() + p.end(), [Decimal(p.group())]) for p in _DIGITS.finditer(m.group())
        ]
        for s, e, values in pieces:
            s2, e2, values, currency, percent = _decorate(work, s, e, values, lex)
            out.append(Quantity("number", frozenset(values), s2, e2, text[s2:e2].strip(), primary=values[0],
                                currency=currency, percent=percent))
            # The scale and currency words belong to this number ("2 bin", "9 тысяч").
            read.append((s2, e2))
    if lex.words and _has_number_word(runs, lex):
        # (Without a number word in the text, `_word_quantities` finds nothing.)
        chars = list(work)
        for s, e in read:
            _blank(chars, s, e)
        out.extend(_word_quantities("".join(chars), text, lex, runs))
    out.sort(key=lambda q: q.start)
    return out


_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: Upper-case unit symbols written right after a number ("10MB"): still a number.
_GLUED_UNITS = frozenset({"B", "KB", "MB", "GB", "TB", "PB", "M", "BN"})


def _is_code(work: str, end: int) -> bool:
    """A digit run with capitals glued after it is a code, not a number (2FA, 3D, 5G), so
    "two-factor authentication (2FA)" holds one 2, not two. Lower-case endings (5th,
    10px) and unit symbols (10MB) stay numbers; so do digits after letters (MP3, CC0,
    "Menu4"), which translations keep as they are, so a changed one is worth reporting."""
    m = _LETTER_RUN.match(work, end)
    if m is None:
        return False
    letters = m.group()
    return letters.isascii() and letters.isupper() and letters not in _GLUED_UNITS


def _word_quantities(work: str, text: str, lex: Lexicon, runs: list[str] | None = None) -> list[Quantity]:
    """The numbers written as words in `work` (the masked text with what was read blanked)."""
    out: list[Quantity] = []
    last_end = -1
    for s, e, value in _number_words(work, lex, runs):
        if s < last_end:
            continue  # a scale word ("две тысячи") already read as part of the number before it
        s2, e2, values, currency, percent = _decorate(work, s, e, [value], lex)
        last_end = e2
        word = normalise_word(text[s:e])
        out.append(Quantity("number", frozenset(values), s2, e2, text[s2:e2].strip(), primary=values[0],
                            currency=currency, percent=percent, soft=True,
                            weak=value == 1 or (word in AMBIGUOUS_WORDS and e2 == e)))
    return out


def _with_text(q: Quantity, text: str) -> Quantity:
    return Quantity(q.kind, q.values, q.start, q.end, text[q.start:q.end], q.primary, q.currency, q.percent, q.soft, q.weak)


__all__ = ["Quantity", "extract", "mask", "month_of", "normalise_word", "number_words", "parse_number"]
