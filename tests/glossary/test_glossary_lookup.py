"""`glossary show` look-ups: any case of any language finds the entry."""

from __future__ import annotations

import pytest

from termguard.glossary import glossary_from_text
from termguard.glossary.query import search

GLOSSARY = """
- id: ssb
  kind: organization
  en: [Presidency of Defense Industries]
  tr: [Savunma Sanayii Başkanlığı]
- id: triumf
  kind: name
  en: [Triumf]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
- id: izmir
  kind: place
  en: [Izmir]
  tr: [İzmir]
- id: potemkin
  kind: person
  ru: [Потёмкин]
"""


@pytest.mark.parametrize(("term", "entry"), [
    ("SAVUNMA SANAYİİ BAŞKANLIĞI", "ssb"),  # Turkish capitals: İ and I
    ("savunma sanayii başkanlığı", "ssb"),
    ("TRİUMF", "triumf"),  # a Latin name in a Turkish headline's capitals
    ("ТРИУМПФ", "triumf"),
    ("İZMİR", "izmir"),
    ("izmir", "izmir"),
    ("Потемкин", "potemkin"),  # ё written as е
])
def test_show_finds_an_entry_in_any_case(term, entry):
    found, exact = search(glossary_from_text(GLOSSARY, "g.yaml"), term)
    assert exact and [e.id for e in found] == [entry]


def test_a_part_in_turkish_capitals_lists_the_entries_containing_it():
    found, exact = search(glossary_from_text(GLOSSARY, "g.yaml"), "BAŞKANLIĞI")
    assert not exact and [e.id for e in found] == ["ssb"]
