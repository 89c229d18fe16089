"""Names, capitals and agreement in Russian and Turkish matching, class by class.

Each test pairs what must pass (OK) with what must be found (BAD).
"""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher
from termguard.morph.russian import (
    inflect,
    inflect_like,
    surname_forms,
    surname_readings,
    tagged_forms,
)


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("triumf", "name", renderings={"ru": (R("Триумф"), R("Триумпф", "forbidden")),
                                        "tr": (R("Triumf"), R("Triumph", "forbidden"))}),
    Entry("erdogan", "person", renderings={"ru": (R("Эрдоган"),), "tr": (R("Erdoğan"), R("Erdogan", "forbidden"))}),
    Entry("izmir", "place", renderings={"ru": (R("Измир"),), "tr": (R("İzmir"),)}),
    Entry("nato", "acronym", renderings={"ru": (R("НАТО"),), "tr": (R("NATO"),)}),
    Entry("smo", "acronym", renderings={"ru": (R("СВО"),)}),
    Entry("missile-defence", "acronym", renderings={"ru": (R("ПРО"),)}),
    Entry("ermakov", "person", renderings={"ru": (R("Ермаков"),)}),
    Entry("belkova", "person", renderings={"ru": (R("Белкова"),)}),
    Entry("tambov", "place", renderings={"ru": (R("Тамбов"),)}),
    Entry("megafon", "organization", renderings={"ru": (R("МегаФон"), R("Мегафонд", "forbidden"))}),
    Entry("roe", "organization", renderings={"ru": (R("Рособоронэкспорт"), R("РосОборонЭкспорт", "forbidden"))}),
    Entry("sam", "term", renderings={"ru": (R("зенитный ракетный комплекс"), R("система ПВО", "forbidden"))}),
    Entry("battery", "term", renderings={"ru": (R("зенитная батарея"),)}),
    Entry("hawks", "term", renderings={"ru": (R("сторонники жёсткой линии"), R("волки", "forbidden")),
                                       "tr": (R("sertlik yanlıları"), R("şahin", "forbidden"))}),
))


@pytest.fixture(scope="module")
def ru() -> TermMatcher:
    return TermMatcher(GLOSSARY, "ru")


@pytest.fixture(scope="module")
def tr() -> TermMatcher:
    return TermMatcher(GLOSSARY, "tr")


def found(matcher, text):
    return [(m.entry.id, m.approved, m.shown) for m in matcher.find(text)]


# 1. Text in capitals --------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("ТУРЦИЯ НЕ ОТКАЖЕТСЯ ОТ «ТРИУМПФА»", [("triumf", False, "ТРИУМПФА")]),
    ("ЭРДОГАН ЗАЩИТИЛ ПОКУПКУ «ТРИУМФА»", [("erdogan", True, "ЭРДОГАН"), ("triumf", True, "ТРИУМФА")]),
])
def test_russian_capitals_match_names(ru, text, expected):
    assert found(ru, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("ERDOĞAN'IN AÇIKLAMASI", [("erdogan", True, "ERDOĞAN'IN")]),
    ("ERDOGAN'IN AÇIKLAMASI", [("erdogan", False, "ERDOGAN'IN")]),
    ("İZMİR'DE TOPLANTI", [("izmir", True, "İZMİR'DE")]),
    ("IZMIR'DE TOPLANTI", []),  # Turkish capitals: I is ı, so this is not İzmir
])
def test_turkish_capitals_follow_dotted_and_dotless_i(tr, text, expected):
    assert found(tr, text) == expected


def test_a_rejected_case_variant_of_an_acronym_does_not_match_in_capitals():
    g = Glossary((Entry("caatsa", "acronym", renderings={"ru": (R("CAATSA"), R("Caatsa", "forbidden"))}),))
    assert found(TermMatcher(g, "ru"), "санкции CAATSA") == [("caatsa", True, "CAATSA")]


# 6. Internal capitals and agreeing adjectives ---------------------------------------------

def test_forms_with_an_internal_capital_inflect_and_keep_it(ru):
    assert "МегаФоном" in inflect("МегаФон")
    assert found(ru, "договор с МегаФоном") == [("megafon", True, "МегаФоном")]
    assert found(ru, "договор с Мегафондом") == [("megafon", False, "Мегафондом")]


def test_a_case_variant_rejected_form_stays_rejected_when_inflected(ru):
    assert found(ru, "контракт с РосОборонЭкспортом") == [("roe", False, "РосОборонЭкспортом")]
    assert found(ru, "контракт с Рособоронэкспортом") == [("roe", True, "Рособоронэкспортом")]


@pytest.mark.parametrize("text,surface", [
    ("купила систему американской ПВО", "систему американской ПВО"),
    ("о системе турецкой ПВО", "системе турецкой ПВО"),
])
def test_multiword_rejected_form_with_an_agreeing_adjective_between(ru, text, surface):
    assert found(ru, text) == [("sam", False, surface)]


@pytest.mark.parametrize("text", ["система, ПВО", "систему купила ПВО", "системы НАТО и ПВО", "система новая, ПВО"])
def test_no_gap_match_without_an_agreeing_adjective(ru, text):
    assert [m for m in found(ru, text) if m[0] == "sam"] == []


# 7. Lowercase rejected forms and capitalised names ---------------------------------------

@pytest.mark.parametrize("text", ["как отметил аналитик Волков, все спокойно", "в докладе Волкова нет данных"])
def test_lowercase_forbidden_form_skips_a_surname_mid_sentence(ru, text):
    assert found(ru, text) == []


@pytest.mark.parametrize("text,surface", [("митинг волков в Анкаре", "волков"), ("Волки вышли на улицы.", "Волки")])
def test_lowercase_forbidden_form_found_in_lowercase_and_at_sentence_start(ru, text, surface):
    assert found(ru, text) == [("hawks", False, surface)]


def test_turkish_capitalised_name_with_an_apostrophe_suffix_is_a_person(tr):
    assert found(tr, "Analist Şahin'e göre sertlik yanlıları güçleniyor.") == [("hawks", True, "sertlik yanlıları")]
    assert found(tr, "Ankara'daki şahinler ısrar ediyor.") == [("hawks", False, "şahinler")]


# 8. Numeral agreement ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "два зенитных ракетных комплекса", "оба зенитных ракетных комплекса", "двадцать три зенитных ракетных комплекса",
    "четыре зенитные ракетные комплекса",
])
def test_paucal_numerals_take_genitive_singular_nouns_and_plural_adjectives(ru, text):
    assert [(e, a) for e, a, _s in found(ru, text)] == [("sam", True)]


@pytest.mark.parametrize("text", ["две зенитные батареи", "четыре зенитных батареи"])
def test_feminine_nouns_after_numerals(ru, text):
    assert [(e, a) for e, a, _s in found(ru, text)] == [("battery", True)]


def test_mismatched_agreement_is_not_generated():
    forms = set(inflect("зенитный ракетный комплекс"))
    assert "зенитных ракетных комплекса" in forms
    assert "зенитного ракетных комплекса" not in forms and "зенитный ракетных комплекса" not in forms


# 9. Surname paradigm and acronyms in the wrong case --------------------------------------

def test_surnames_decline_as_surnames():
    forms = set(inflect("Ермаков", True))
    assert {"Ермакова", "Ермакову", "Ермаковым", "Ермакове", "Ермаковых"} <= forms
    assert "Ермаковом" not in forms
    assert {"Белковой", "Белкову"} <= set(inflect("Белкова", True)) and "Белковом" not in set(inflect("Белкова", True))
    assert {"Ходорковского", "Ходорковским"} <= {f for _c, _n, f in surname_forms("Ходорковский")}


def test_a_place_of_surname_shape_keeps_the_noun_paradigm(ru):
    assert found(ru, "под Тамбовом") == [("tambov", True, "Тамбовом")]
    assert found(ru, "с Ермаковым") == [("ermakov", True, "Ермаковым")]
    assert found(ru, "с Ермаковом") == []


@pytest.mark.parametrize("text,expected", [
    ("союзники по Нато", [("nato", False, "Нато")]),
    ("саммит НАТО и саммит Нато", [("nato", True, "НАТО"), ("nato", False, "Нато")]),
    ("в ходе Сво", [("smo", False, "Сво")]),
    ("в ходе СВО", [("smo", True, "СВО")]),
    ("Про это писали", []),  # «про» is a word, not the acronym ПРО in the wrong case
])
def test_russian_acronym_in_the_wrong_case_is_forbidden(ru, text, expected):
    assert found(ru, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Nato'nun müttefikleri", [("nato", False, "Nato'nun")]),
    ("NATO'nun müttefikleri", [("nato", True, "NATO'nun")]),
])
def test_turkish_acronym_in_the_wrong_case_is_forbidden(tr, text, expected):
    assert found(tr, text) == expected


def test_surname_readings_keep_both_genders():
    assert {(lemma, gender) for lemma, gender, _c, _n in surname_readings("Горбачева")} == {
        ("Горбачев", "masc"), ("Горбачева", "femn")}
    assert {lemma for lemma, *_ in surname_readings("Ходорковского")} == {"Ходорковский"}


# 10. Paste-ready suggestions ----------------------------------------------------------------

@pytest.mark.parametrize("preferred,found_word,lemma,expected", [
    ("Триумф", "Триумпфа", "Триумпф", "Триумфа"),
    ("Триумф", "Триумпфом", "Триумпф", "Триумфом"),
    ("Киев", "КИЙИВЕ", "Кийив", "КИЕВЕ"),
    ("зенитная ракетная система", "зенитных ракетных комплекса", "зенитный ракетный комплекс", "зенитные ракетные системы"),
    ("Путин", "Путину", None, "Путину"),
    ("Триумф", "Триумпф", "Триумпф", None),  # the glossary form itself: nothing to inflect
    ("СВО", "Нато", None, None),  # an acronym does not inflect
])
def test_inflect_like(preferred, found_word, lemma, expected):
    assert inflect_like(preferred, found_word, lemma) == expected


def test_tagged_forms_name_case_and_number():
    tags = {(c, n) for c, n, f in tagged_forms("Триумф") if f == "Триумфами"}
    assert tags == {("ablt", "plur")}


def _po(lang: str, msgid: str, msgstr: str) -> str:
    return f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'


def test_forbidden_term_suggests_the_inflected_form_and_inconsistent_term_stays_quiet():
    engine = Engine(Config(select=("forbidden-term", "inconsistent-term")), glossary=GLOSSARY)
    text = _po("ru", "The Triumf and the Triumf batteries.", "«Триумф» и батареи «Триумпфа».")
    findings = engine.check_text("ru.po", text)
    assert [(f.rule, f.found, f.suggestions) for f in findings] == [("forbidden-term", "Триумпфа", ("Триумфа",))]


def test_inconsistent_term_reports_a_rejected_form_when_forbidden_term_is_not_run():
    engine = Engine(Config(select=("inconsistent-term",)), glossary=GLOSSARY)
    text = _po("ru", "The Triumf and the Triumf batteries.", "«Триумф» и батареи «Триумпфа».")
    assert [(f.rule, f.found) for f in engine.check_text("ru.po", text)] == [("inconsistent-term", "Триумпфа")]


@pytest.mark.parametrize("name,good,bad", [
    ("Владимир Путин", ["Владимира Путина", "Владимиром Путиным"], ["Владимиром Путином", "Владимира Путин"]),
    ("Том Баррак", ["Томом Барраком", "Тома Баррака"], ["Томом Баррак"]),
    ("Мария Захарова", ["Марией Захаровой", "Марию Захарову"], ["Марией Захаровым"]),
    ("Анна Клинтон", ["Анной Клинтон"], ["Анной Клинтоном"]),  # a woman's foreign surname does not decline
    ("Сергей Шойгу", ["Сергеем Шойгу"], []),
])
def test_full_names_of_persons_decline_in_step(name, good, bad):
    forms = set(inflect(name, True))
    assert set(good) <= forms and not set(bad) & forms


def test_full_name_found_in_a_translation():
    g = Glossary((Entry("barrack", "person", renderings={"ru": (R("Том Баррак"),)}),))
    assert found(TermMatcher(g, "ru"), "встреча с Томом Барраком") == [("barrack", True, "Томом Барраком")]


@pytest.mark.parametrize("lang,msgstr,found_,suggestion", [
    ("tr", "ERDOGAN'IN AÇIKLAMASI", "ERDOGAN", "ERDOĞAN"),
    ("ru", "ТУРЦИЯ НЕ ОТКАЖЕТСЯ ОТ «ТРИУМПФА»", "ТРИУМПФА", "ТРИУМФА"),
    ("ru", "Волки вышли на улицы.", "Волки", "Сторонники жёсткой линии"),
    ("ru", "позиция волков крепнет", "волков", "сторонников жёсткой линии"),
    ("ru", "Анкара купила систему американской ПВО.", "систему американской ПВО", "зенитный ракетный комплекс"),
])
def test_suggestions_follow_the_case_number_and_capitals_of_the_found_text(lang, msgstr, found_, suggestion):
    engine = Engine(Config(select=("forbidden-term",)), glossary=GLOSSARY)
    [f] = engine.check_text(f"{lang}.po", _po(lang, "x", msgstr))
    assert (f.found, f.suggestions[0]) == (found_, suggestion)


@pytest.mark.parametrize("text,expected", [
    ("Analist Şahin bunu söyledi.", []),  # a bare capitalised word in mid-sentence: a name
    ("Ankara'daki Şahinler ısrar ediyor.", [("hawks", False, "Şahinler")]),  # a suffix glued on: the noun
])
def test_turkish_capitalised_word_mid_sentence(tr, text, expected):
    assert found(tr, text) == expected
