"""The linguistic-accuracy fixtures: names, text in capitals, acronyms, surnames, agreement.

`tests/fixtures/linguistics/{ru,tr}.po` state in `#. expect:` comments what each entry must
give (as `tests/fixtures/morph`); `note.en.md` is a research note citing Russian titles,
with conventional spellings that must pass and drifted ones that must be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_morph_fixtures import expectations

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import load_glossary

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linguistics"
RULES = ("forbidden-term", "missing-term", "untranslated-term")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(FIXTURES / "glossary.yaml")


# The fixtures' `expect:` comments are read as the morphology fixtures' are.
_expectations = expectations


@pytest.mark.parametrize("name", ["ru.po", "tr.po"])
def test_every_planted_error_found_and_no_correct_entry_flagged(glossary, name):
    path = FIXTURES / name
    expected = _expectations(path)
    assert sum(1 for v in expected.values() if v) >= 10 and sum(1 for v in expected.values() if not v) >= 10
    got: dict[str, set[str]] = {uid: set() for uid in expected}
    engine = Engine(Config(select=RULES), glossary=glossary)
    for f in engine.check_text(str(path), path.read_text(encoding="utf-8")):
        got[f.unit].add(f"{f.rule}:{f.term}")
    assert got == expected


def _note_findings(glossary, rule):
    path = FIXTURES / "note.en.md"
    engine = Engine(Config(select=(rule,)), glossary=glossary)
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def test_note_conventional_spellings_pass_and_drifted_names_are_found(glossary):
    findings = _note_findings(glossary, "translit-drift")
    got = {f.found: f.suggestions[0] for f in findings}
    # Gorbachev, Yeltsin and Khodorkovsky stand in the titles only in oblique cases
    # («Горбачева», «Ельцина», «Ходорковского»): no drift on them.
    assert not {"Gorbachev", "Yeltsin", "Khodorkovsky", "Ermakov", "Zabotkina", "Timurov"} & set(got)
    assert got == {
        "Gorbachov": "Gorbachyov",  # the man, not "Gorbacheva"
        "Yeltsine": "Yeltsin",
        "Yermakow": "Yermakov",
        "Zabotkna": "Zabotkina",  # the woman, not "Zabotkin"
        "Timurof": "Timurov",  # a surname made from a first name (Тимур)
        "Rosnefty": "Rosneft",  # ь is no "y" in any scheme
    }


def test_note_misspelt_cyrillic_outlet_is_compared_with_its_domain(glossary):
    findings = [f for f in _note_findings(glossary, "reference-mismatch") if "outlet" in f.message]
    assert [(f.found, f.suggestions) for f in findings] == [("Комерсантъ", ("Коммерсантъ",))]
