"""Romanisation of Russian under every scheme iuliia carries, with iuliia's quirks fixed.

iuliia is imported lazily (the first romanisation pays for it, `termguard check` on a
document with no Russian pays nothing). Two quirks are fixed here rather than worked around
by callers:

* some schemes (ALA-LC, BGN/PCGN, BS 2979, GOST 7.79, scholarly, UNGEGN) leave Cyrillic
  «ё» in their output where the standard writes Latin «ë»;
* a word written in capitals comes out mixed-case (ЦИК → "TsIK"); an acronym stays in
  capitals (ЦИК → "TSIK").

`fold` removes diacritics and the sign marks (ʹ ʺ ' " ’ ”) that English prose drops, so that
"Gorbachëv", "Gorbachev" and "Gorbačëv" compare on equal terms with what writers type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True, slots=True)
class Scheme:
    """A romanisation scheme: iuliia's schema name and the label people know it by."""

    key: str
    label: str
    #: False for a scheme made for another language than English (MVD 310 French writes
    #: кс as "x" and ш as "ch"): it romanises on request but does not make an English
    #: spelling accepted, or "Maxim" for Максим would never be an x/ks anglicisation.
    english: bool = True


#: Every Russian scheme iuliia ships (its Uzbek schema `uz` is not Russian and is left out).
SCHEMES: tuple[Scheme, ...] = (
    Scheme("wikipedia", "Wikipedia"),
    Scheme("bgn_pcgn", "BGN/PCGN"),
    Scheme("bgn_pcgn_alt", "BGN/PCGN (simplified)"),
    Scheme("ala_lc", "ALA-LC"),
    Scheme("ala_lc_alt", "ALA-LC (ASCII)"),
    Scheme("bs_2979", "BS 2979:1958"),
    Scheme("bs_2979_alt", "BS 2979:1958 (ASCII)"),
    Scheme("gost_779", "ISO 9:1995 / GOST 7.79-2000 (A)"),
    Scheme("gost_779_alt", "GOST 7.79-2000 (B)"),
    Scheme("gost_16876", "GOST 16876-71"),
    Scheme("gost_16876_alt", "GOST 16876-71 (B)"),
    Scheme("gost_52290", "GOST R 52290-2004 (road signs)"),
    Scheme("gost_52535", "GOST R 52535.1-2006 (passport 2006)"),
    Scheme("gost_7034", "GOST R 7.0.34-2014"),
    Scheme("icao_doc_9303", "ICAO Doc 9303 (passport 2013)"),
    Scheme("iso_9_1954", "ISO/R 9:1954"),
    Scheme("iso_9_1968", "ISO/R 9:1968"),
    Scheme("iso_9_1968_alt", "ISO/R 9:1968 (alt)"),
    Scheme("scientific", "scholarly"),
    Scheme("ungegn_1987", "UNGEGN 1987"),
    Scheme("mvd_310", "MVD 310-1997"),
    Scheme("mvd_310_fr", "MVD 310-1997 (French)", english=False),
    Scheme("mvd_782", "MVD 782-2000"),
    Scheme("mosmetro", "Moscow Metro"),
    Scheme("yandex_maps", "Yandex.Maps"),
    Scheme("yandex_money", "Yandex.Money"),
    Scheme("telegram", "Telegram"),
)

#: The schemes whose output is an accepted spelling in English text.
ENGLISH_SCHEMES: tuple[Scheme, ...] = tuple(s for s in SCHEMES if s.english)

_BY_KEY = {s.key: s for s in SCHEMES}
#: Names people type for a scheme, normalised by `_norm_name`.
_ALIASES = {
    "bgn": "bgn_pcgn", "pcgn": "bgn_pcgn", "bgnpcgn": "bgn_pcgn",
    "alalc": "ala_lc", "loc": "ala_lc",
    "iso9": "gost_779", "iso91995": "gost_779", "gost779": "gost_779", "gost7792000": "gost_779",
    "icao": "icao_doc_9303", "passport": "icao_doc_9303", "passport2013": "icao_doc_9303",
    "scholarly": "scientific", "scientific": "scientific",
    "ungegn": "ungegn_1987", "bs2979": "bs_2979", "wiki": "wikipedia",
    "yandex": "yandex_maps", "mvd": "mvd_782",
}

_CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: Marks for the hard and soft signs that English prose leaves out.
_SIGN_MARKS = str.maketrans("", "", "ʹʺ'\"’”`ʼʻ′″")


def _norm_name(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def scheme_names() -> list[str]:
    """The keys of every scheme, in the order they are shown."""
    return [s.key for s in SCHEMES]


def resolve_scheme(name: str) -> Scheme:
    """The scheme called `name` (key, label or common alias, any case); ValueError if unknown."""
    norm = _norm_name(name)
    for scheme in SCHEMES:
        if _norm_name(scheme.key) == norm or _norm_name(scheme.label) == norm:
            return scheme
    if norm in _ALIASES:
        return _BY_KEY[_ALIASES[norm]]
    raise ValueError(f"unknown romanisation scheme {name!r}; known: {', '.join(scheme_names())}")


@cache
def _iuliia_schema(key: str):
    import iuliia  # lazy: only commands that romanise pay for loading the schemas

    return iuliia.schemas.get(key)


def has_cyrillic(text: str) -> bool:
    """True when `text` contains a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def fold(text: str) -> str:
    """Drop diacritics and sign marks: "I͡ulii͡a" → "Iuliia", "sʺeshʹ" → "sesh"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped.translate(_SIGN_MARKS))


@lru_cache(maxsize=65536)
def _romanize_word(word: str, key: str) -> str:
    out = _iuliia_schema(key).translate(word)
    # iuliia's JSON maps ё to Cyrillic ё in several schemes where the standard has Latin ë.
    out = out.replace("ё", "ë").replace("Ё", "Ë")
    if len(word) > 1 and word.isupper():
        out = out.upper()
    return out


def romanize(text: str, scheme: str = "wikipedia", *, folded: bool = True) -> str:
    """Romanise the Cyrillic words of `text` under `scheme`; other characters pass through.

    With `folded` (the default) diacritics and sign marks are dropped, which is what English
    prose writes; `folded=False` gives the scheme's exact output (quirks fixed).
    """
    key = resolve_scheme(scheme).key
    out = _CYRILLIC_WORD.sub(lambda m: _romanize_word(m.group(), key), text)
    return fold(out) if folded else out


def romanizations(text: str, *, folded: bool = True) -> dict[str, str]:
    """Scheme key → romanisation of `text`, for every scheme."""
    return {s.key: romanize(text, s.key, folded=folded) for s in SCHEMES}


def samples(scheme: str) -> list[tuple[str, str]]:
    """iuliia's published (Cyrillic, Latin) samples for `scheme`, as the package ships them."""
    return [(src, out) for src, out in _iuliia_schema(resolve_scheme(scheme).key).samples]
