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
    from babel import Locale  # lazy: the locale data is loaded only when names are aligned

    ru, en = Locale("ru"), Locale("en")
    out: dict[str, list[str]] = {}

    def add(ru_name: str | None, en_name: str | None) -> None:
        if ru_name and en_name:
            forms = out.setdefault(ru_name.casefold(), [])
            if en_name not in forms:
                forms.append(en_name)

    for code, ru_name in ru.territories.items():
        add(ru_name, en.territories.get(code))
    en_zones = en.time_zones
    for zone, data in ru.time_zones.items():
        city = data.get("city") if hasattr(data, "get") else None
        en_data = en_zones.get(zone, {})
        en_city = en_data.get("city") if hasattr(en_data, "get") else None
        add(city, en_city or zone.rsplit("/", 1)[-1].replace("_", " "))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def english_exonyms() -> frozenset[str]:
    """Every English CLDR name above, folded and casefolded, one word or several."""
    return frozenset(fold(en).casefold() for names in ru_to_en().values() for en in names)


def translate_name(russian: str) -> tuple[str, ...]:
    """The English exonyms of a Russian name in the nominative («Индия» → ("India",))."""
    return ru_to_en().get(russian.casefold(), ())
