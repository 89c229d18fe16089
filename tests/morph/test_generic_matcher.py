"""Other languages: Snowball stems where PyStemmer has the language, exact forms otherwise."""

from __future__ import annotations

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher, morphology_for
from termguard.morph.base import Morphology
from termguard.morph.generic import StemMorphology


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("missile", "term", renderings={"de": (R("Rakete"),), "fr": (R("sanction"),), "ja": (R("ミサイル"),)}),
    Entry("nato", "organization", renderings={"de": (R("NATO"),)}),
))


def test_languages_get_the_right_morphology():
    assert isinstance(morphology_for("de"), StemMorphology)
    assert isinstance(morphology_for("pt_BR"), StemMorphology)
    m = morphology_for("ja")
    assert type(m) is Morphology


def test_german_stems_match_inflected_forms():
    de = TermMatcher(GLOSSARY, "de")
    assert [m.surface for m in de.find("zwei Raketen und eine Rakete")] == ["Raketen", "Rakete"]
    assert de.find("Raketenabwehr") == []  # a compound with another stem


def test_french_plural_through_stems():
    fr = TermMatcher(GLOSSARY, "fr")
    assert [m.surface for m in fr.find("les sanctions")] == ["sanctions"]


def test_acronyms_and_unstemmed_languages_match_exactly():
    de = TermMatcher(GLOSSARY, "de")
    assert [m.surface for m in de.find("die NATO")] == ["NATO"]
    assert de.find("die NATOs") == []
    ja = TermMatcher(GLOSSARY, "ja")
    assert [m.surface for m in ja.find("ミサイル")] == ["ミサイル"]
