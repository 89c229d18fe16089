"""The sources a document cites: its reference list, its citations, dates, Russian source texts.

The names below are loaded on first use (PEP 562): a rule that needs only the dates of
`termguard.sources.dates` does not import the store of fetched pages (and PyYAML with it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termguard.sources.dates import DateMention, find_dates, url_dates
    from termguard.sources.loader import load_sources
    from termguard.sources.references import (
        Citation,
        Reference,
        find_citations,
        parse_references,
        reference_names,
    )

_WHERE = {
    "DateMention": "dates", "find_dates": "dates", "url_dates": "dates",
    "load_sources": "loader",
    "Citation": "references", "Reference": "references", "find_citations": "references",
    "parse_references": "references", "reference_names": "references",
}

__all__ = [
    "Citation", "DateMention", "Reference", "find_citations", "find_dates", "load_sources",
    "parse_references", "reference_names", "url_dates",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
