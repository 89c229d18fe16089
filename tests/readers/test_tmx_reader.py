"""The TMX reader: units per target language, inline codes left out, exact positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.errors import InputError
from termguard.readers.tmx import parse_tmx

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "tmx" / "memory.tmx"


def _locate(text: str, needle: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return lineno, line.index(needle) + 1
    raise AssertionError(needle)


def test_units_per_target_language():
    doc = parse_tmx(FIXTURE.read_bytes(), "memory.tmx")
    assert [(u.id, u.target_lang) for u in doc.units] == [("t1", "ru"), ("t2:ru", "ru"), ("t2:tr", "tr")]
    assert doc.source_lang == "en" and doc.is_translation
    assert doc.units[1].source.text == "Sanctions & the Triumf deal"
    assert doc.units[1].target.text == "Санкции & сделка по «Триумпфу»"


def test_positions_survive_entities_and_inline_codes():
    raw = FIXTURE.read_text(encoding="utf-8")
    doc = parse_tmx(raw, "memory.tmx")
    first = doc.units[0].target
    assert first.locate(first.text.index("Триумпф")) == _locate(raw, "Триумпф»</seg>")
    second = doc.units[1].target
    assert second.locate(second.text.index("сделка")) == _locate(raw, "сделка")
    assert second.locate(second.text.index("Триумпфу")) == _locate(raw, "Триумпфу")


def test_checking_a_tmx_reports_at_the_right_place():
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary.yaml_loader import merge, parse_yaml_glossary

    entries, _ = parse_yaml_glossary(
        "- id: triumf\n  kind: name\n  en: [Triumf]\n  ru: [Триумф, {text: Триумпф, status: forbidden}]\n", "g.yaml"
    )
    engine = Engine(Config(select=("forbidden-term",)), glossary=merge([entries], ["g.yaml"]))
    raw = FIXTURE.read_text(encoding="utf-8")
    findings = engine.check_text("memory.tmx", raw)
    assert [(f.line, f.column, f.found) for f in findings] == [
        (*_locate(raw, "Триумпф»</seg>"), "Триумпф"),
        (*_locate(raw, "Триумпфу"), "Триумпфу"),
    ]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx><body/></tmx>', "entity"),
        ("<tmx><body><tu><tuv xml:lang='en'><seg>x</tuv></tu></body></tmx>", "malformed XML"),
        ("<root/>", "not a TMX file"),
    ],
)
def test_bad_tmx_is_one_clear_error(data, fragment):
    with pytest.raises(InputError) as info:
        parse_tmx(data, "bad.tmx")
    assert fragment in str(info.value)
    assert str(info.value).startswith("bad.tmx")
