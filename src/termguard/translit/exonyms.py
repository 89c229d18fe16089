"""Translated names (exonyms) from CLDR through babel: Russian ↔ English.

Country and territory names («Индия» ↔ India, «Китай» ↔ China) and the exemplar cities of
CLDR time zones («Москва» ↔ Moscow, «Ашхабад» ↔ Ashgabat). A Latin name that is the
English exonym of a Russian name is *translated*, not a transliteration to check.
"""

from __future__ import annotations

from functools import lru_cache

from termguard.translit.schemes import fold


@lru_cache(maxsize=1)
def ru_to_en() -> dict[str, tuple[str, ...]]:
    """Casefolded Russian name → its English CLDR names."""
    from termguard.localedata import place_names  # babel's data, kept in the disk cache

    out: dict[str, list[str]] = {}
    for ru_name, en_name in place_names("ru", "en"):
        forms = out.setdefault(ru_name.casefold(), [])
        if en_name not in forms:
            forms.append(en_name)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def english_exonyms() -> frozenset[str]:
    """Every English CLDR name above, folded and casefolded, one word or several."""
    return frozenset(fold(en).casefold() for names in ru_to_en().values() for en in names)


def translate_name(russian: str) -> tuple[str, ...]:
    """The English exonyms of a Russian name in the nominative («Индия» → ("India",))."""
    return ru_to_en().get(russian.casefold(), ())
