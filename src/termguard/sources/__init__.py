"""The sources a document cites: its reference list, its citations, dates, Russian source texts."""

from termguard.sources.dates import DateMention, find_dates, url_dates
from termguard.sources.loader import load_sources
from termguard.sources.references import (
    Citation,
    Reference,
    find_citations,
    parse_references,
    reference_names,
)

__all__ = [
    "Citation", "DateMention", "Reference", "find_citations", "find_dates", "load_sources",
    "parse_references", "reference_names", "url_dates",
]
