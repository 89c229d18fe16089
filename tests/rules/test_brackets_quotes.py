"""brackets-quotes (TG311): brackets and quotation marks paired in the translation."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.edits import escape_for
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.markdown_tokens import unbalanced_quotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "markup"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("brackets-quotes",)), glossary=Glossary())


@pytest.mark.parametrize("name", ["brackets.po", "quotes.ru.po", "quotes.tr.po"])
def test_bad_units_reported_ok_units_not(engine, name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    findings = engine.check_text(name, text)
    units = {u.split('"')[1] for u in text.splitlines() if u.startswith("msgctxt")}
    assert {f.unit for f in findings} == {u for u in units if u.startswith("bad-")}, [f.message for f in findings]
    lines = text.splitlines()
    for f in findings:
        # A straight quote stands escaped in the PO string (\").
        assert lines[f.line - 1][f.column - 1:].startswith(escape_for("po", f.found))


def test_the_real_translations_pair_their_marks(engine):
    for name in ("ru.po", "tr.po"):
        path = ROOT / "translations" / name
        assert engine.check_text(f"translations/{name}", path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("text", "unclosed", "stray"),
    [
        ("«a „b“ c»", [], []),
        ("“a” and „b“ and \"c\"", [], []),
        ("«a „b c»", ["„"], []),
        ("a» b", [], ["»"]),
        ('"a', ['"'], []),
        ("`«` and <https://x.ru/«>", [], []),
    ],
)
def test_quote_pairing(text, unclosed, stray):
    o, s = unbalanced_quotes(text)
    assert [t.key for t in o] == unclosed and [t.key for t in s] == stray
