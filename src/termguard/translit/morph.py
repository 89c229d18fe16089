"""One cached pymorphy3 analyser for Russian, imported and built on first use.

Building a `MorphAnalyzer` loads its dictionaries (a tenth of a second and tens of MB), so
it is built once per process; a shared analyser from `termguard.morph.russian` is reused
when that module provides one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The process-wide Russian morphological analyser."""
    try:  # reuse the glossary matcher's analyser when it exists, so one process loads one
        from termguard.morph import russian as shared

        for name in ("analyzer", "get_analyzer", "morph_analyzer"):
            getter = getattr(shared, name, None)
            if callable(getter):
                found = getter()
                if found is not None and hasattr(found, "parse"):
                    return found
    except ImportError:
        pass
    import pymorphy3  # lazy: only documents with Russian names pay for the dictionaries

    return pymorphy3.MorphAnalyzer(lang="ru")
