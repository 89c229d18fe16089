"""missing-term (TG102): a source term with no approved rendering in the translation."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.yaml_loader import merge, parse_yaml_glossary

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
    entries, problems = parse_yaml_glossary(GLOSSARY, "g.yaml")
    assert not problems
    return Engine(Config(select=("missing-term",)), glossary=merge([entries], ["g.yaml"]))


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
