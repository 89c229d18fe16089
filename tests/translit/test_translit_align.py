"""Verdicts for Latin names: accepted, approved, translated, derived, drift, none."""

from __future__ import annotations

import pytest

from termguard.glossary import glossary_from_text
from termguard.translit.align import NameIndex, anglicised, latin_names
from termguard.translit.names import russian_names

SOURCE = (
    "[1] А. Ермаков, «Статья», газета «Армия». Интервью с Максимом Ермаковым и Еленой Белковой. "
    "Николай Калашников прибыл в Индию и Китай; контракт с Рособоронэкспортом подписан в Киеве."
)
GLOSSARY = """
- id: rosoboronexport
  kind: organization
  note: conventional English name
  origin: {lang: ru, text: Рособоронэкспорт}
  en: [Rosoboronexport]
- id: kyiv
  kind: place
  origin: {lang: ru, text: Киев}
  en: [Kyiv]
"""


@pytest.fixture(scope="module")
def index():
    from termguard.sources.references import reference_names

    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    return NameIndex.build(reference_names(SOURCE), glossary)


@pytest.mark.parametrize(
    ("token", "kind", "form"),
    [
        ("Yermakov", "accepted", "Yermakov"),
        ("Ermakov", "accepted", "Ermakov"),
        ("Belkova", "accepted", "Belkova"),
        ("Kalashnikov", "accepted", "Kalashnikov"),
        ("Rosoboronexport", "approved", "Rosoboronexport"),
        ("Kyiv", "approved", "Kyiv"),
        ("India", "translated", "India"),
        ("China", "translated", "China"),
        ("Indian", "derived", "india"),
        ("Maxim", "drift", "Maksim"),            # x/ks
        ("Belkowa", "drift", "Belkova"),         # w/v
        ("Nicolai", "drift", "Nikolai"),         # c/k
        ("Yermakow", "drift", "Yermakov"),       # typo, house scheme first
        ("Armiys", "drift", "Armiya"),           # typo
        ("Rosoboronexpart", "drift", "Rosoboronexport"),  # typo of an approved convention
        ("Bloomberg", "none", None),
        ("Lockheed", "none", None),
    ],
)
def test_verdicts(index, token, kind, form):
    v = index.verdict(token)
    assert v.kind == kind
    if form is not None:
        assert v.form == form


def test_drift_names_russian_and_schemes(index):
    v = index.verdict("Maxim")
    assert v.russian == "Максим"
    assert "wikipedia" in v.schemes and "icao_doc_9303" in v.schemes
    assert index.verdict("Rosoboronexpart").schemes == ("glossary",)


def test_accepted_records_schemes_and_house_form(index):
    v = index.verdict("Ermakov")
    assert "wikipedia" not in v.schemes and "icao_doc_9303" in v.schemes
    assert index.house_form(v) == "Yermakov"
    assert "wikipedia" in index.verdict("Yermakov").schemes


def test_one_key_for_both_spellings(index):
    assert index.verdict("Ermakov").key == index.verdict("Yermakov").key == "ru:Ермаков"


def test_anglicised():
    assert anglicised("triumph") == "triumf"
    assert anglicised("maxim") == "maksim"
    assert anglicised("nicolai") == "nikolai"
    assert anglicised("chekhov") == "chekhov"


def test_latin_names_skips_acronyms_and_short_words():
    words = [w for _s, _e, w in latin_names("The FSB and Ermakov met in Kyiv on Monday; KAAN is a jet.")]
    assert words == ["The", "Ermakov", "Kyiv", "Monday"]


def test_empty_index_has_nothing_to_say():
    idx = NameIndex.build(russian_names(""))
    assert idx.verdict("Ermakov").kind == "none"
