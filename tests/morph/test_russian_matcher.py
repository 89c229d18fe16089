"""Russian matching: pymorphy3 inflection, agreement, indeclinables, acronyms, quoted names."""

from __future__ import annotations

import pytest

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher
from termguard.morph.russian import inflect


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("triumf", "name", renderings={"ru": (R("Триумф"), R("Триумпф", "forbidden"))}),
    Entry("kyiv", "place", renderings={"ru": (R("Киев"), R("Кийив", "forbidden"))}),
    Entry("sam", "term", renderings={"ru": (R("зенитный ракетный комплекс"),)}),
    Entry("mdef", "term", renderings={"ru": (R("противоракетная оборона"),)}),
    Entry("akkuyu-npp", "place", renderings={"ru": (R("АЭС «Аккую»", indeclinable=True),)}),
    Entry("akkuyu", "place", renderings={"ru": (R("Аккую"),)}),
    Entry("plant", "organization", renderings={"ru": (R("завод «Каротан»"),)}),
    Entry("smo", "acronym", renderings={"ru": (R("СВО"),)}),
    Entry("exactly", "term", renderings={"ru": (R("Байрактар", exact=True),)}),
    Entry("stangarn", "name", renderings={"ru": (R("Стангарн"), R("Стангарнн", "forbidden"))}),
))


@pytest.fixture(scope="module")
def ru() -> TermMatcher:
    return TermMatcher(GLOSSARY, "ru")


def found(ru, text):
    return [(m.entry.id, m.approved, m.surface) for m in ru.find(text)]


@pytest.mark.parametrize("text,surface", [
    ("покупка «Триумфа»", "Триумфа"), ("доволен «Триумфом»", "Триумфом"), ("о «Триумфе»", "Триумфе"),
    ("два «Триумфа»", "Триумфа"), ("батареи Триумфов", "Триумфов"),
])
def test_name_in_every_case_and_number(ru, text, surface):
    assert found(ru, text) == [("triumf", True, surface)]


@pytest.mark.parametrize("text,surface", [("ноту Киеву", "Киеву"), ("с Киевом", "Киевом"), ("в Киеве", "Киеве")])
def test_place_names_inflect(ru, text, surface):
    assert found(ru, text) == [("kyiv", True, surface)]


@pytest.mark.parametrize("text,surface", [
    ("«Триумпфа»", "Триумпфа"), ("о Триумпфе", "Триумпфе"), ("в Кийиве", "Кийиве"), ("Стангарнна", "Стангарнна"),
])
def test_forbidden_forms_are_found_inflected(ru, text, surface):
    [(_entry, approved, got)] = found(ru, text)
    assert not approved and got == surface


@pytest.mark.parametrize("text", [
    "поставки зенитных ракетных комплексов", "защищена зенитным ракетным комплексом", "о зенитном ракетном комплексе",
])
def test_multiword_terms_agree(ru, text):
    assert [m.entry.id for m in ru.find(text)] == ["sam"]


def test_feminine_agreement():
    forms = inflect("противоракетная оборона")
    assert "противоракетной обороны" in forms and "противоракетную оборону" in forms
    assert "противоракетного обороны" not in forms


def test_broken_agreement_is_not_a_form(ru):
    assert found(ru, "зенитная ракетная комплекса") == []


def test_indeclinable_quoted_and_acronym_forms_stay_as_they_are(ru):
    assert inflect("АЭС «Аккую»") == ()
    assert inflect("СВО") == () and inflect("С-400") == ()
    assert found(ru, "на АЭС «Аккую»") == [("akkuyu-npp", True, "АЭС «Аккую»")]
    assert found(ru, "СВО") == [("smo", True, "СВО")]


def test_foreign_name_ending_in_a_vowel_is_indeclinable():
    assert inflect("Аккую") == ()


def test_quoted_name_next_to_a_head_noun_stays_nominative(ru):
    assert found(ru, "директор завода «Каротан»") == [("plant", True, "завода «Каротан»")]
    assert found(ru, "директор завода «Каротана»") == []


def test_exact_rendering_does_not_inflect(ru):
    assert found(ru, "Байрактар") == [("exactly", True, "Байрактар")]
    assert found(ru, "Байрактара") == []


def test_yo_is_folded(ru):
    assert inflect("Кремль")  # a dictionary word
    g = Glossary((Entry("e", "term", renderings={"ru": (R("самолёт"),)}),))
    m = TermMatcher(g, "ru")
    assert [x.surface for x in m.find("два самолета и самолётов")] == ["самолета", "самолётов"]


def test_case_sensitive_name_keeps_its_case(ru):
    assert found(ru, "триумфа") == []  # a common noun "триумф", not the name


def test_generated_rejected_form_never_overrides_an_approved_one():
    # The plural of the forbidden «Кийив» is not a form of the approved «Кийива» here.
    g = Glossary((
        Entry("a", "place", renderings={"ru": (R("Кийива"),)}),
        Entry("b", "place", renderings={"ru": (R("Киев"), R("Кийив", "forbidden"))}),
    ))
    m = TermMatcher(g, "ru")
    assert [(x.entry.id, x.approved) for x in m.find("в Кийива")] == [("a", True)]


def test_unknown_adjective_agrees_with_its_noun():
    forms = inflect("многовекторная политика")
    assert "многовекторной политики" in forms and "многовекторную политику" in forms


def test_adjective_before_a_noun_is_not_taken_for_a_place_name():
    # «Красная» is also a place (Geox) to the dictionary; before «площадь» it agrees.
    assert "Красной площади" in inflect("Красная площадь")


def test_name_known_only_as_another_word_declines_as_a_name():
    assert {"Мина", "Мином"} <= set(inflect("Мин"))  # a form of «мина» to the dictionary
    assert "Тотом" in inflect("Тот")  # a pronoun to the dictionary


@pytest.mark.parametrize("text", [
    "поставки зенитных\nракетных комплексов", "поставки зенитных\tракетных\rкомплексов",
])
def test_multiword_terms_are_found_across_a_line_break_or_tab(ru, text):
    # A PO string keeps a translator's `\n` inside a sentence; it separates words as a space.
    [m] = ru.find(text)
    assert m.entry.id == "sam" and m.surface == text[m.start:m.end]
