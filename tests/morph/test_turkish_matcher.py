"""Turkish matching: apostrophe suffixes, İ/i I/ı folding, suffixed common nouns."""

from __future__ import annotations

import pytest

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher
from termguard.morph.turkish import TurkishMorphology


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("erdogan", "person", renderings={"tr": (R("Erdoğan"),)}),
    Entry("s-400", "name", renderings={"tr": (R("S-400"),)}),
    Entry("akkuyu", "place", renderings={"tr": (R("Akkuyu"),)}),
    Entry("akkuyu-npp", "place", renderings={"tr": (R("Akkuyu NGS"),)}),
    Entry("triumf", "name", renderings={"tr": (R("Triumf"), R("Triumph", "forbidden"))}),
    Entry("sam", "term", renderings={"tr": (R("hava savunma sistemi"),)}),
    Entry("sanction", "term", renderings={"tr": (R("yaptırım"),)}),
    Entry("export", "term", renderings={"tr": (R("ihracat"),)}),
    Entry("book", "term", renderings={"tr": (R("kitap"),)}),
    Entry("iraq", "term", renderings={"tr": (R("Irak"),)}),
    Entry("taf", "organization", renderings={"tr": (R("Türk Hava Kuvvetleri"),)}),
    Entry("ssb", "organization", renderings={"tr": (R("SSB"), R("Savunma Sanayii Başkanlığı", "admitted"))}),
    Entry("putin", "person", renderings={"tr": (R("Vladimir Putin"),)}),
))


@pytest.fixture(scope="module")
def tr() -> TermMatcher:
    return TermMatcher(GLOSSARY, "tr")


def found(tr, text):
    return [(m.entry.id, m.surface, m.suffix) for m in tr.find(text)]


@pytest.mark.parametrize("text,expected", [
    ("Erdoğan'ın açıklaması", [("erdogan", "Erdoğan", "'ın")]),
    ("Erdoğan’a göre", [("erdogan", "Erdoğan", "’a")]),
    ("S-400'lerin fiyatı", [("s-400", "S-400", "'lerin")]),
    ("Akkuyu’da çalışma", [("akkuyu", "Akkuyu", "’da")]),
    ("Akkuyu NGS'de çalışma", [("akkuyu-npp", "Akkuyu NGS", "'de")]),
    ("Triumph'un radarı", [("triumf", "Triumph", "'un")]),
])
def test_apostrophe_suffixes(tr, text, expected):
    assert found(tr, text) == expected


def test_only_the_last_word_of_a_multiword_name_takes_the_suffix(tr):
    assert [m.entry.id for m in tr.find("Akkuyu'da NGS")] == ["akkuyu"]


def test_names_need_the_apostrophe(tr):
    assert found(tr, "Erdoğanın") == []
    assert found(tr, "Akkuyuda") == []


@pytest.mark.parametrize("text,surface", [
    ("hava savunma sistemleri", "hava savunma sistemleri"),
    ("hava savunma sisteminin maliyeti", "hava savunma sisteminin"),
    ("yeni yaptırımlar", "yaptırımlar"),
    ("yaptırımları", "yaptırımları"),
    ("kitabı okudu", "kitabı"),
])
def test_common_nouns_take_suffixes_without_apostrophe(tr, text, surface):
    assert [m.surface for m in tr.find(text)] == [surface]


def test_derived_words_are_not_forms(tr):
    assert found(tr, "hava savunma sistematiği") == []


def test_turkish_case_folding():
    t = TurkishMorphology("tr")
    assert t.fold("İSTANBUL IRAK") == "istanbul ırak"
    assert len(t.fold("İİİ")) == 3


def test_headings_in_capitals_match_through_turkish_folding(tr):
    assert [m.entry.id for m in tr.find("YENİ YAPTIRIMLAR")] == ["sanction"]
    assert [m.entry.id for m in tr.find("SİLAH İHRACATI")] == ["export"]
    assert [m.entry.id for m in tr.find("IRAK")] == ["iraq"]
    # Turkish I is dotless: "IRAK" is not "irak" with a dotted i.
    assert tr.find("İRAK") == []


@pytest.mark.parametrize("text,entry,surface", [
    ("Türk Hava Kuvvetlerinin envanteri", "taf", "Türk Hava Kuvvetlerinin"),
    ("Türk Hava Kuvvetlerine teslim", "taf", "Türk Hava Kuvvetlerine"),
    ("Türk Hava Kuvvetlerinde görev", "taf", "Türk Hava Kuvvetlerinde"),
    ("Türk Hava Kuvvetleri envanteri", "taf", "Türk Hava Kuvvetleri"),
    ("Savunma Sanayii Başkanlığına bildirildi", "ssb", "Savunma Sanayii Başkanlığına"),
    ("Savunma Sanayii Başkanlığını hedef aldı", "ssb", "Savunma Sanayii Başkanlığını"),
    ("Savunma Sanayii Başkanlığından açıklama", "ssb", "Savunma Sanayii Başkanlığından"),
])
def test_institution_names_take_suffixes_without_apostrophe(tr, text, entry, surface):
    assert [(m.entry.id, m.surface) for m in tr.find(text)] == [(entry, surface)]


@pytest.mark.parametrize("text", [
    "türk hava kuvvetlerinin envanteri",  # an institution keeps its capitals
    "Türk Hava Kuvvetçilerinin",  # not a suffix chain
    "Vladimir Putinin açıklaması",  # a person's name takes an apostrophe: not relaxed
])
def test_institution_suffixes_stay_narrow(tr, text):
    assert [m for m in tr.find(text) if m.entry.id in ("taf", "putin")] == []
