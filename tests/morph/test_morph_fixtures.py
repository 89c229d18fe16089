"""The ru and tr PO fixtures: every planted error found, no correct entry flagged.

Each entry of `tests/fixtures/morph/{ru,tr}.po` states what it must give in a
`#. expect:` comment (`rule:term` pairs, or `ok`); the three term rules run with the
fixture glossary and must give exactly that, entry by entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import load_glossary
from termguard.readers.po import parse_po

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "morph"
RULES = ("forbidden-term", "missing-term", "untranslated-term")


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=RULES), glossary=load_glossary(FIXTURES / "glossary.yaml"))


def expectations(path: Path) -> dict[str, set[str]]:
    doc = parse_po(path.read_text(encoding="utf-8"), str(path))
    out = {}
    for unit in doc.units:
        wanted = [c.split()[1:] for c in unit.comments if c.startswith("expect:")]
        assert len(wanted) == 1, f"{unit.id} needs one expect: comment"
        out[unit.id] = set(wanted[0]) - {"ok"}
    return out


@pytest.mark.parametrize("name", ["ru.po", "tr.po"])
def test_fixture_findings_are_exactly_the_planted_errors(engine, name):
    path = FIXTURES / name
    expected = expectations(path)
    assert len(expected) >= 40
    kinds = {e.split(":")[0] for found in expected.values() for e in found}
    assert kinds == set(RULES)
    assert sum(1 for v in expected.values() if not v) >= 25  # many correct entries
    got: dict[str, set[str]] = {uid: set() for uid in expected}
    for f in engine.check_text(str(path), path.read_text(encoding="utf-8")):
        got[f.unit].add(f"{f.rule}:{f.term}")
    assert got == expected


def test_messages_show_the_surface_and_the_glossary_form(engine):
    path = FIXTURES / "ru.po"
    findings = {f.unit: f for f in engine.check_text(str(path), path.read_text(encoding="utf-8"))}
    f = findings["ru-33"]
    assert f.found == "Триумпфа"
    assert "“Триумпфа” (a form of “Триумпф”)" in f.message and "use “Триумфа” (a form of “Триумф”)" in f.message
    assert findings["ru-34"].found == "Кийиве"
    assert findings["ru-39"].found == "S-400" and findings["ru-39"].suggestions == ("С-400",)


def test_positions_point_into_the_msgstr(engine):
    path = FIXTURES / "tr.po"
    text = path.read_text(encoding="utf-8")
    f = next(f for f in engine.check_text(str(path), text) if f.unit == "tr-33")
    line = text.split("\n")[f.line - 1]
    assert line.startswith("msgstr")
    assert line[f.column - 1 : f.end_column - 1] == "Triumph"
    assert "“Triumph'un”" in f.message
