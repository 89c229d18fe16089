"""English matching: plurals, possessives, hyphen variants."""

from __future__ import annotations

import pytest

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher
from termguard.morph.english import plural


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("s-400", "name", renderings={"en": (R("S-400"),)}),
    Entry("triumf", "name", renderings={"en": (R("Triumf"), R("Triumph", "forbidden"))}),
    Entry("sam", "term", renderings={"en": (R("air-defense system"),)}),
    Entry("battery", "term", renderings={"en": (R("battery"),)}),
    Entry("f-35", "name", renderings={"en": (R("F-35", exact=True),)}),
))


@pytest.fixture(scope="module")
def en() -> TermMatcher:
    return TermMatcher(GLOSSARY, "en")


def found(en, text):
    return [(m.entry.id, m.approved, m.surface, m.suffix) for m in en.find(text)]


def test_plural_forms():
    assert plural("S-400") == "S-400s"
    assert plural("battery") == "batteries"
    assert plural("box") == "boxes"
    assert plural("CAATSA") == "CAATSAs"


@pytest.mark.parametrize("text,expected", [
    ("two S-400s", [("s-400", True, "S-400s", "")]),
    ("the Triumf's radar", [("triumf", True, "Triumf", "'s")]),
    ("the Triumf’s radar", [("triumf", True, "Triumf", "’s")]),
    ("the S-400s' radars", [("s-400", True, "S-400s", "'")]),
    ("three batteries", [("battery", True, "batteries", "")]),
    ("the Triumphs", [("triumf", False, "Triumphs", "")]),
])
def test_plurals_and_possessives(en, text, expected):
    assert found(en, text) == expected


@pytest.mark.parametrize("text", ["air-defense system", "air defense system", "air defense systems", "airdefense system"])
def test_hyphen_variants_of_approved_forms(en, text):
    assert [m.entry.id for m in en.find(text)] == ["sam"]


def test_exact_rendering_has_no_plural(en):
    assert found(en, "F-35s") == []
    assert found(en, "F-35") == [("f-35", True, "F-35", "")]


def test_apostrophe_not_a_possessive_is_not_taken(en):
    assert found(en, "'Triumf'") == [("triumf", True, "Triumf", "")]
