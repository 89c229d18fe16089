"""Scripts of letters and Latin↔Cyrillic look-alikes, for the `mixed-script` rule.

The look-alike pairs come from Unicode's confusables data (UTS #39 / TR39 `confusables.txt`)
as shipped by the `confusable-homoglyphs` package (its `confusables.json`): it is the
maintained, standard source of "these two characters look the same", and the package is
small, pure data plus a loader, with no dependencies. From it we keep only single letters
whose look-alike is a letter of the other script's everyday alphabet (ASCII Latin; the
Russian alphabet А–я, Ё, ё), so a suggestion is always a letter a reader types: Latin "C"
→ Cyrillic «С», Cyrillic «р» → Latin "p", but not Latin "S" → Macedonian «Ѕ».
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

LATIN = "Latin"
CYRILLIC = "Cyrillic"
_SCRIPTS = {"LATIN": LATIN, "CYRILLIC": CYRILLIC}


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """`Latin`, `Cyrillic`, or None (digits, punctuation, other scripts), from the Unicode name."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return _SCRIPTS.get(name.split(" ", 1)[0])


def _everyday(ch: str, script: str) -> bool:
    if script == LATIN:
        return ch.isascii() and ch.isalpha()
    return "\u0410" <= ch <= "\u044f" or ch in "Ёё"


@lru_cache(maxsize=1)
def lookalikes() -> dict[str, dict[str, str]]:
    """`{"Cyrillic": {latin_letter: cyrillic_letter}, "Latin": {cyrillic_letter: latin_letter}}`.

    Keyed by the script a letter should be converted *to*. Built once from TR39 data.
    """
    import json
    from importlib import resources

    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    out: dict[str, dict[str, str]] = {LATIN: {}, CYRILLIC: {}}
    for ch, homoglyphs in data.items():
        # Latin and Cyrillic letters live below U+0530 or in a few extension blocks; testing
        # the code point first keeps this one-time scan cheap.
        if len(ch) != 1 or not (ord(ch) < 0x0530 or 0x1D00 <= ord(ch) < 0x1F00 or 0xA640 <= ord(ch) < 0xA800
                                or 0xAB30 <= ord(ch) < 0xAB70):
            continue
        script = script_of(ch)
        if script is None:
            continue
        for h in homoglyphs:
            other = h["c"]
            if len(other) != 1:
                continue
            other_script = script_of(other)
            if other_script is None or other_script == script or not _everyday(other, other_script):
                continue
            # The data is symmetric; the first look-alike listed is the closest prototype.
            out[other_script].setdefault(ch, other)
    return out


def convert(word: str, to: str) -> str | None:
    """`word` with every letter of another script replaced by its look-alike in script `to`;
    None when some letter has no look-alike there (then the mix is not a look-alike slip)."""
    table = lookalikes()[to]
    chars = []
    for ch in word:
        script = script_of(ch)
        if script is None or script == to:
            chars.append(ch)
        elif ch in table:
            chars.append(table[ch])
        else:
            return None
    return "".join(chars)


# The letters of ASCII are Latin and those of the Russian alphabet Cyrillic: counted by a
# character class each; any other character is looked up by its Unicode name.
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_RUSSIAN_LETTER = re.compile(r"[\u0410-\u044f\u0401\u0451]")
_OTHER_CHAR = re.compile(r"[^\x00-\x7f\u0410-\u044f\u0401\u0451]")


def letters_by_script(text: str) -> dict[str, int]:
    """How many Latin and Cyrillic letters `text` has."""
    counts = {LATIN: len(_ASCII_LETTER.findall(text)), CYRILLIC: len(_RUSSIAN_LETTER.findall(text))}
    if not text.isascii():
        others = _OTHER_CHAR.findall(text)
        if others:
            # Each distinct character looked up once (a sentence repeats its letters).
            for ch, n in Counter(others).items():
                script = script_of(ch)
                if script is not None:
                    counts[script] += n
    return counts


def dominant_script(text: str, *, minimum: int = 3) -> str | None:
    """The script most letters of `text` are in, when it clearly dominates (≥ 2× the other)."""
    counts = letters_by_script(text)
    lat, cyr = counts[LATIN], counts[CYRILLIC]
    if lat >= minimum and lat >= 2 * cyr:
        return LATIN
    if cyr >= minimum and cyr >= 2 * lat:
        return CYRILLIC
    return None


@lru_cache(maxsize=64)
def language_script(lang: str | None) -> str | None:
    """The script a language is usually written in, from CLDR's likely subtags via babel
    (`ru` → Cyrillic, `tr` → Latin); None when unknown or neither."""
    if not lang:
        return None
    from termguard.localedata import likely_subtags

    base = lang.replace("-", "_").split("_")[0].lower()
    likely = likely_subtags(base)
    parts = likely.split("_")
    code = parts[1] if len(parts) > 1 else ""
    return {"Latn": LATIN, "Cyrl": CYRILLIC}.get(code)


def codepoint(ch: str) -> str:
    """`U+0043` for "C"."""
    return f"U+{ord(ch):04X}"
