"""Sentence rules for English, Russian and Turkish (the Turkish golden set is a fixture)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from termguard.errors import ConfigError
from termguard.segment import split_sentences
from termguard.segment.rules import fold, load_language, parse_language_data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "segment"
TURKISH = json.loads((FIXTURES / "tr_golden.json").read_text(encoding="utf-8"))


def test_turkish_golden_set_is_large_enough():
    assert len(TURKISH) >= 30
    assert len({c["id"] for c in TURKISH}) == len(TURKISH)


@pytest.mark.parametrize("case", TURKISH, ids=[c["id"] for c in TURKISH])
def test_turkish_golden(case):
    assert split_sentences(case["text"], "tr") == case["expected"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R. T. Erdogan met V. Putin. They talked.", ["R. T. Erdogan met V. Putin.", "They talked."]),
        ("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        ("The U.S. Government agreed.", ["The U.S. Government agreed."]),
        ("At 5 a.m. Mr. Smith left. He left at 6 P.M. Mr. Smith then slept.",
         ["At 5 a.m. Mr. Smith left.", "He left at 6 P.M.", "Mr. Smith then slept."]),
        ("It cost $2.5 billion. That is a lot.", ["It cost $2.5 billion.", "That is a lot."]),
        ("On 12.17.2025 it was known. Later too.", ["On 12.17.2025 it was known.", "Later too."]),
        ("See https://example.org/?p=1&q=2 now. Then go.", ["See https://example.org/?p=1&q=2 now.", "Then go."]),
        ("Mail jane.doe@example.com today. Thanks.", ["Mail jane.doe@example.com today.", "Thanks."]),
        ("The original (in Rus.) was posted.", ["The original (in Rus.) was posted."]),
        ("See p. 55 and No. 7 here. Prof. Smith agreed, i.e. he signed.",
         ["See p. 55 and No. 7 here.", "Prof. Smith agreed, i.e. he signed."]),
        ("He said “Stop.” Then he left.", ["He said “Stop.”", "Then he left."]),
        ("*Emphasis ends here.* Next sentence.", ["*Emphasis ends here.*", "Next sentence."]),
        ("Wait... What happened?", ["Wait...", "What happened?"]),
        ("Approx. 40 people came. Dr. Who did not.", ["Approx. 40 people came.", "Dr. Who did not."]),
    ],
)
def test_english(text, expected):
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[3] А. Ермаков, «Турецкий пат». Коммерсант.", ["[3] А. Ермаков, «Турецкий пат».", "Коммерсант."]),
        ("В 2010-2012 гг. Виктор посещал г. Волгоград. Он устал.", ["В 2010-2012 гг. Виктор посещал г. Волгоград.", "Он устал."]),
        ("Это т. е. пример. Ещё т.е. другой.", ["Это т. е. пример.", "Ещё т.е. другой."]),
        ("Выделено $9 млрд. В Турции рады.", ["Выделено $9 млрд.", "В Турции рады."]),
        ("Л.Н. Толстой написал роман. Кроме того, статьи.", ["Л.Н. Толстой написал роман.", "Кроме того, статьи."]),
    ],
)
def test_russian(text, expected):
    assert split_sentences(text, "ru") == expected


def test_language_variants_and_unknown_languages_fall_back():
    assert load_language("en_US") is load_language("en")
    assert split_sentences("Dr. Smith came. He sat.", "de") == ["Dr. Smith came.", "He sat."]


def test_turkish_folding():
    assert fold("İNG", "tr") == "ing"
    assert fold("IŞIK", "tr") == "ışık"
    assert fold("IŞIK", "en") == "işik"


def test_data_file_errors_name_the_line():
    with pytest.raises(ConfigError) as err:
        parse_language_data("# c\nDr.\n", "en", "x.txt")
    assert str(err.value).startswith("x.txt:2:")
    with pytest.raises(ConfigError) as err:
        parse_language_data("[titles]\nDr.\n[bogus]\n", "en", "x.txt")
    assert str(err.value).startswith("x.txt:3: unknown section [bogus]")


def test_data_files_drive_the_rules():
    data = parse_language_data("[titles]\nZz.\n[starters]\nThe\n", "en")
    from termguard.segment.rules import RuleSplitter

    splitter = RuleSplitter(data=data)
    s = "Ask Zz. Brown. The end."
    assert [s[a:b].strip() for a, b in zip([0, *splitter.cuts(s)], [*splitter.cuts(s), len(s)])] == ["Ask Zz. Brown.", "The end."]


def test_adversarial_inputs_stay_linear():
    import time

    # Each would take minutes with a quadratic step (long tokens, runs of candidates).
    cases = ["aa.Bb" * 20000, ("x" * 5000 + "@") * 20, "1. A " * 20000, " . . . . " * 12000, "Bu 25. Bu " * 10000]
    start = time.perf_counter()
    for text in cases:
        split_sentences(text, "tr")
    assert time.perf_counter() - start < 20
