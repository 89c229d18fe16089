"""untranslated-term (TG103): a must-translate term left in its source form in the target."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text

GLOSSARY = """
- id: s-400
  kind: name
  en: [S-400]
  ru: [С-400, {text: C-400, status: forbidden}]
  tr: [S-400]
- id: smo
  kind: acronym
  en: [SMO]
  ru: [СВО, {text: SMO, status: forbidden}]
  tr: [ÖAH]
- id: caatsa
  kind: acronym
  en: [CAATSA]
  ru: [CAATSA]
- id: f-35
  kind: name
  dnt: true
  en: [F-35]
- id: kyiv
  kind: place
  en: [Kyiv, {text: Kiev, status: superseded}]
  ru: [Киев]
  tr: [Kiev]
- id: sam
  kind: term
  en: [air defense system]
  ru: [зенитный ракетный комплекс]
"""


@pytest.fixture(scope="module")
def engine():
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    return Engine(Config(select=("untranslated-term",)), glossary=glossary)


def check(engine, msgid, msgstr, lang="ru"):
    po = f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'
    return [(f.line, f.column, f.end_column, f.term, f.found, f.suggestions) for f in engine.check_text(f"{lang}.po", po)]


def test_latin_designation_left_in_a_russian_translation(engine):
    assert check(engine, "The S-400 contract", "Контракт на S-400") == [(5, 21, 26, "s-400", "S-400", ("С-400",))]


def test_plural_source_form_left(engine):
    result = check(engine, "Two air defense systems", "Два air defense systems")
    assert [(r[3], r[4]) for r in result] == [("sam", "air defense systems")]


def test_message_names_source_form_and_target_rendering(engine):
    po = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "The S-400 contract"\nmsgstr "Контракт на S-400"\n'
    [f] = engine.check_text("ru.po", po)
    assert f.code == "TG103" and f.rule == "untranslated-term"
    assert "“S-400”" in f.message and "“С-400”" in f.message


@pytest.mark.parametrize("msgid,msgstr,lang", [
    ("The S-400 contract", "Контракт на С-400", "ru"),  # translated
    ("CAATSA sanctions", "санкции CAATSA", "ru"),  # the same form in both languages
    ("The F-35 jets", "Самолёты F-35", "ru"),  # do-not-translate
    ("The S-400 contract", "S-400 sözleşmesi", "tr"),  # Turkish keeps S-400
    ("Talks in Kyiv", "Kiev'de görüşmeler", "tr"),  # a superseded English form that is the Turkish one
    ("The Triumf contract", "Контракт на S-400", "ru"),  # the source does not have the term
])
def test_silent_when_the_form_is_right(engine, msgid, msgstr, lang):
    assert check(engine, msgid, msgstr, lang) == []


def test_rejected_target_form_is_left_to_forbidden_term(engine):
    assert check(engine, "The SMO began", "SMO началась") == []


def test_turkish_translation_keeping_the_english_acronym(engine):
    assert [r[3] for r in check(engine, "The SMO began", "SMO başladı", "tr")] == ["smo"]


def test_untranslated_units_are_skipped(engine):
    assert check(engine, "The S-400 contract", "") == []


def test_titles_cited_verbatim_are_not_untranslated(engine):
    msgid = '[1] \\"Talks on the S-400 deal stall\\". *Reuters*, 2021.'
    msgstr = '[1] \\"Talks on the S-400 deal stall\\". *Reuters*, 2021.'
    assert check(engine, msgid, msgstr) == []


def test_a_quoted_single_name_left_untranslated_is_still_reported(engine):
    assert [r[3] for r in check(engine, 'The \\"S-400\\" contract', 'Контракт на \\"S-400\\"')] == ["s-400"]


@pytest.mark.parametrize("run", ["  ", "\\t", "\\n", " \\r\\n ", "\u00a0", "\u202f\u2009"])
def test_a_source_form_left_across_a_run(engine, run):
    # `run` as the PO file writes it (escapes and all): the columns are the file's.
    msgstr = f"Купили air{run}defense\u00a0system"
    [(line, column, end_column, term, found, suggestions)] = check(engine, f"They bought an air{run}defense system", msgstr)
    assert (line, term, suggestions) == (5, "sam", ("зенитный ракетный комплекс",))
    assert (column, end_column) == (16, 16 + len(f"air{run}defense\u00a0system"))
    assert found.split() == ["air", "defense", "system"]


def test_a_source_form_left_across_a_run_is_named_with_one_space(engine):
    po = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "an air defense system"\nmsgstr "Купили air  defense\\nsystem"\n'
    [f] = engine.check_text("ru.po", po)
    assert "“air defense system”" in f.message


def test_a_translation_across_a_run_is_no_untranslated_term(engine):
    assert check(engine, "They bought an air  defense system", "Купили зенитный\\n ракетный  комплекс") == []
