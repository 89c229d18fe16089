"""missing-term (TG102): a source term with no approved rendering in the translation."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text

GLOSSARY = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф]
- id: caatsa
  kind: acronym
  en: [CAATSA]
  ru: [CAATSA]
- id: nato
  kind: organization
  en: [NATO]
"""

HEADER = 'msgid ""\nmsgstr "Language: ru\\n"\n\n'


@pytest.fixture(scope="module")
def engine():
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    return Engine(Config(select=("missing-term",)), glossary=glossary)


def check(engine, msgid, msgstr):
    return engine.check_text("ru.po", HEADER + f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')


def test_dropped_term_is_reported_at_the_source_term(engine):
    result = check(engine, "The S-400 Triumf systems", "Системы С-400")
    assert [(f.line, f.column, f.end_column, f.term, f.suggestions) for f in result] == [
        (4, 18, 24, "triumf", ("Триумф",))
    ]


def test_forbidden_source_form_still_names_the_concept(engine):
    result = check(engine, "The S-400 Triumph systems", "Системы С-400 «Триумпф»")
    assert [f.term for f in result] == ["triumf"]


def test_present_term_is_silent(engine):
    assert check(engine, "The S-400 Triumf systems and CAATSA", "Системы С-400 «Триумф» и CAATSA") == []


def test_case_drift_of_an_acronym_counts_as_missing(engine):
    result = check(engine, "CAATSA sanctions", "санкции Caatsa")
    assert [f.term for f in result] == ["caatsa"]


def test_entries_without_target_rendering_and_untranslated_units_are_skipped(engine):
    assert check(engine, "NATO allies", "союзники по альянсу") == []
    assert check(engine, "The Triumf systems", "") == []


INFLECTED = """
- id: triumf
  kind: name
  en: [Triumf]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
  tr: [Triumf]
- id: kyiv
  kind: place
  en: [Kyiv]
  ru: [Киев]
  tr: [Kiev]
- id: kaan
  kind: name
  en: [KAAN]
  ru: [KAAN]
  tr: [KAAN]
- id: akkuyu-npp
  kind: place
  en: [Akkuyu NPP]
  ru: [{text: АЭС «Аккую», indeclinable: true}]
  tr: [Akkuyu NGS]
- id: sam
  kind: term
  en: [air defense system]
  ru: [зенитный ракетный комплекс]
- id: s-400
  kind: name
  en: [S-400]
  ru: [С-400]
"""


@pytest.fixture(scope="module")
def inflected():
    glossary = glossary_from_text(INFLECTED, "g.yaml")
    return Engine(Config(select=("missing-term",)), glossary=glossary)


def check_in(engine, lang, msgid, msgstr):
    po = f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    return [f.term for f in engine.check_text(f"{lang}.po", po)]


@pytest.mark.parametrize("lang,msgid,msgstr", [
    ("ru", "The purchase of the Triumf", "Покупка «Триумфа»"),
    ("ru", "Ankara is satisfied with the Triumf", "Анкара довольна «Триумфом»"),
    ("ru", "A note to Kyiv", "Нота Киеву"),
    ("ru", "Deliveries of air defense systems", "Поставки зенитных ракетных комплексов"),
    ("ru", "Building the Akkuyu NPP", "Строительство АЭС «Аккую»"),
    ("tr", "The KAAN engine", "KAAN'ın motoru"),
    ("tr", "Talks in Kyiv", "Kiev’de görüşmeler"),
    ("tr", "Fuel for the Akkuyu NPP", "Akkuyu NGS'ye yakıt"),
])
def test_inflected_approved_forms_count_as_present(inflected, lang, msgid, msgstr):
    assert check_in(inflected, lang, msgid, msgstr) == []


def test_one_error_one_finding(inflected):
    # A forbidden form standing in for the term is forbidden-term's; the source form
    # copied over is untranslated-term's: missing-term stays silent on both.
    assert check_in(inflected, "ru", "The purchase of the Triumf", "Покупка «Триумпфа»") == []
    assert check_in(inflected, "ru", "The S-400 deal", "Сделка по S-400") == []
    assert check_in(inflected, "ru", "The purchase of the Triumf", "Покупка комплекса") == ["triumf"]


def test_every_plural_form_needs_the_term(inflected):
    po = ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "%d Triumf battery"\nmsgid_plural "%d Triumf batteries"\n'
          'msgstr[0] "%d батарея «Триумфа»"\nmsgstr[1] "%d батареи «Триумфа»"\nmsgstr[2] "%d батарей"\n')
    [f] = inflected.check_text("ru.po", po)
    assert f.term == "triumf" and "msgstr[2]" in f.message


def test_term_inside_a_title_cited_verbatim_is_not_missing(inflected):
    msgid = '[4] \\"Kyiv and the S-400 question\\". *Reuters*.'
    assert check_in(inflected, "ru", msgid, msgid.replace("Reuters", "Рейтер")) == []
    assert check_in(inflected, "ru", "Talks in Kyiv.", "Переговоры в столице.") == ["kyiv"]


# -- multi-word terms across runs of white space ------------------------------------------

RUNS = """
- id: sam
  kind: term
  en: [air defense system]
  ru: [зенитный ракетный комплекс]
  tr: [hava savunma sistemi]
"""


@pytest.fixture(scope="module")
def runs():
    return Engine(Config(select=("missing-term",)), glossary=glossary_from_text(RUNS, "g.yaml"))


@pytest.mark.parametrize("run", ["  ", "\\t", "\\n", " \\n ", "\u00a0", "\u202f", "\u2009"])
def test_a_term_across_a_run_is_present(runs, run):
    # msgstr text with a run (as PO escapes write it): the inflected term is there.
    assert check_in(runs, "ru", "Turkey bought an air defense system", f"Турция купила зенитный{run}ракетный{run}комплекс") == []
    assert check_in(runs, "tr", "the air defense system", f"hava{run}savunma sistemi") == []


@pytest.mark.parametrize("run", ["  ", "\\t", "\\n", "\u00a0 "])
def test_a_source_term_across_a_run_is_found_and_its_span_is_the_files(runs, run):
    # `run` as the PO file writes it (`\\t`, `\\n` escapes): columns are the file's.
    po = f'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Turkey bought an air{run}defense system"\nmsgstr "Турция купила систему"\n'
    [f] = runs.check_text("ru.po", po)
    assert f.term == "sam" and f.line == 4
    assert (f.column, f.end_column) == (25, 25 + len(f"air{run}defense system"))
    assert "“air defense system”" in f.message


def test_a_zero_width_space_splits_no_term_into_words(runs):
    # "зенитный\u200bракетный" is one run of letters on the page: not the term's two words.
    assert check_in(runs, "ru", "an air defense system", "зенитный\u200bракетный комплекс") == ["sam"]
