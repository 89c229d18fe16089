"""number-mismatch (TG302) suggestions: the source's value in the target language's notation."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.numbers import compatible, extract
from termguard.numbers.notation import in_notation


def _suggestion(source: str, target: str, lang: str) -> list[tuple[str, ...]]:
    po = (
        f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "u1"\nmsgid "{source}"\nmsgstr "{target}"\n'
    )
    engine = Engine(Config(select=("number-mismatch",)), glossary=Glossary())
    return [f.suggestions for f in engine.check_text(f"{lang}.po", po)]


@pytest.mark.parametrize(
    ("source", "target", "lang", "expected"),
    [
        ("about 4.6 million people", "около 4,5 млн человек", "ru", "4,6 млн"),
        ("about 4.6 million people", "yaklaşık 4,5 milyon kişi", "tr", "4,6 milyon"),
        ("the amount of $2.5 billion", "сумма в 2,6 млрд долларов", "ru", "2,5 млрд долларов США"),
        ("the amount of $2.5 billion", "2,6 milyar dolar tutarı", "tr", "2,5 milyar ABD doları"),
        ("a rise of 12.5%", "рост на 12,4 %", "ru", "12,5 %"),
        ("a rise of 12.5%", "%12,4 artış", "tr", "%12,5"),
        ("1,250 troops", "1 200 военных", "ru", "1 250"),
        ("1,250 troops", "1.200 asker", "tr", "1.250"),
        ("in 2017 and 3.75 more", "в 2017 году и ещё 3,70", "ru", "3,75"),
    ],
)
def test_suggestion_is_written_as_the_target_language_writes_it(source, target, lang, expected):
    found = _suggestion(source, target, lang)
    assert len(found) == 1
    # babel puts a no-break space between number and unit where the language wants one.
    assert found[0][0].replace("\u00a0", " ").replace("\u202f", " ") == expected


@pytest.mark.parametrize("lang", ["ru", "tr", "en"])
@pytest.mark.parametrize(
    "source",
    ["$2.5 billion", "4.6 million", "12.5 thousand", "€1.2 million", "$40", "$1,250.50", "1,234,567.891",
     "50%", "2.5 per cent", "3.75", "in 2017", "$9 billion"],
)
def test_every_suggestion_reads_back_as_the_source_value(source, lang):
    # What the rule suggests must satisfy the rule: read in the target language, it renders
    # the source quantity (so applying the suggestion silences the finding).
    (q,) = extract(source, "en")
    suggestion = in_notation(q, "en", lang)
    assert suggestion
    assert any(compatible(q, t) for t in extract(suggestion, lang)), suggestion


def test_a_year_is_not_grouped_and_dates_keep_the_source_text():
    (year,) = extract("in 2017", "en")
    assert in_notation(year, "en", "ru") == "2017"
    (day,) = extract("on 17.12.2025", "en")
    assert in_notation(day, "en", "ru") is None  # dates are suggested as the source wrote them
