"""SRX 2.0: applying handwritten rule files (cascade, language maps) and exporting the built-in rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termguard.errors import InputError
from termguard.segment import segment_text, split_sentences
from termguard.segment.srx import export_srx, java_to_python, load_srx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "segment"


def _rules(name: str):
    return load_srx((FIXTURES / name).read_text(encoding="utf-8"), name)


def test_cascade_applies_every_matching_language_rule():
    rules = _rules("cascade.srx")
    text = "Мы были в г. Москва. Dr. Ivanov пришёл; он ушёл."
    assert split_sentences(text, "ru", splitter=rules.splitter("ru")) == ["Мы были в г. Москва.", "Dr. Ivanov пришёл;", "он ушёл."]
    # English maps to Common only: "г." is not protected there.
    assert split_sentences(text, "en", splitter=rules.splitter("en")) == ["Мы были в г.", "Москва.", "Dr. Ivanov пришёл;", "он ушёл."]


def test_without_cascade_only_the_first_matching_map_counts():
    text = (FIXTURES / "cascade.srx").read_text(encoding="utf-8").replace('cascade="yes"', 'cascade="no"')
    rules = load_srx(text, "nocascade.srx")
    # Russian rules alone have no break rule: the paragraph stays whole.
    assert split_sentences("Один. Два.", "ru", splitter=rules.splitter("ru")) == ["Один. Два."]


def test_srx_1_0_maprule_wrappers():
    rules = _rules("srx10.srx")
    assert split_sentences("One. Two? three!", "en", splitter=rules.splitter("en")) == ["One.", "Two?", "three!"]


def test_srx_keeps_markdown_structure():
    rules = _rules("cascade.srx")
    units = segment_text("# Title. Not split\n\nOne. Two.\n", "en", splitter=rules.splitter("en"))
    assert [(u.kind, u.text) for u in units] == [("heading", "Title. Not split"), ("sentence", "One."), ("sentence", "Two.")]


def test_java_unicode_properties_are_translated():
    import re

    assert re.fullmatch(java_to_python(r"\p{Lu}\p{Ll}+"), "İstanbul")
    assert re.fullmatch(java_to_python(r"[\p{Lu}\d]+"), "ABC9Я")
    assert not re.fullmatch(java_to_python(r"\P{L}"), "ж")
    assert re.fullmatch(java_to_python(r"\Qa.b\E"), "a.b")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<srx><body>", 1, "not well-formed XML"),
        ("<notsrx/>", 1, "expected <srx>"),
        (
            '<srx>\n<body><languagerules><languagerule languagerulename="x">\n'
            "<rule><beforebreak>([</beforebreak></rule>\n"
            '</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>',
            3,
            "rule regex does not compile",
        ),
        ('<srx><body><languagerules/><maprules><languagemap languagepattern=".*" languagerulename="y"/></maprules></body></srx>', None, "unknown languagerule"),
        ("<srx><body><languagerules/><maprules/></body></srx>", None, "no <languagemap>"),
    ],
)
def test_bad_srx_is_one_clear_error(text, line, message):
    with pytest.raises(InputError) as err:
        load_srx(text, "bad.srx")
    assert err.value.path == "bad.srx"
    assert err.value.line == line
    assert message in str(err.value)


def test_entity_expansion_is_refused():
    bomb = '<?xml version="1.0"?><!DOCTYPE srx [<!ENTITY a "aaaa">]><srx>&a;</srx>'
    with pytest.raises(InputError, match="unsafe XML"):
        load_srx(bomb, "bomb.srx")


def test_no_language_map_for_the_language():
    text = (FIXTURES / "cascade.srx").read_text(encoding="utf-8").replace('languagepattern=".*"', 'languagepattern="fr"')
    with pytest.raises(InputError, match="no language map matches 'en'"):
        load_srx(text, "x.srx").splitter("en")


def test_exported_rules_round_trip_and_segment_like_the_built_in_rules():
    exported = load_srx(export_srx(), "termguard.srx")
    assert set(exported.languagerules) == {"termguard-en", "termguard-ru", "termguard-tr"}
    cases = {
        "en": "R. T. Erdogan met V. Putin in Ashgabat. The U.S. Ambassador spoke. I live in the U.S. How about you? See p. 55 now.",
        "ru": "[3] А. Ермаков пишет, что в 2010-2012 гг. Виктор посещал г. Волгоград. Он устал!",
        "tr": "Prof. Dr. Ahmet Yılmaz geldi. 2. Dünya Savaşı bitti. Toplam 25. Bu çok.",
    }
    for lang, text in cases.items():
        assert split_sentences(text, lang, splitter=exported.splitter(lang)) == split_sentences(text, lang), lang
    # Region variants map to their language; anything else falls back to English.
    assert exported.splitter("ru-RU").rules == exported.splitter("ru").rules
    assert exported.splitter("de").rules == exported.splitter("en").rules


def test_exported_rules_on_the_turkish_golden_set():
    exported = load_srx(export_srx(), "termguard.srx").splitter("tr")
    cases = json.loads((FIXTURES / "tr_golden.json").read_text(encoding="utf-8"))
    passed = sum(split_sentences(c["text"], "tr", splitter=exported) == c["expected"] for c in cases)
    assert passed == len(cases)
