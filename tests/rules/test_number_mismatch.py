"""number-mismatch (TG302): locale-aware comparison of numbers, amounts, dates and citations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.numbers import compare, extract, parse_number
from termguard.numbers.lexicon import lexicon

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "numbers"


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("number-mismatch",)), glossary=Glossary())


def run(engine, name):
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["ru.po", "tr.po"])
def test_correct_translations_are_silent_and_broken_ones_reported(engine, name):
    findings = run(engine, name)
    units = {f.unit for f in findings}
    assert units, "the fixture has broken entries"
    assert all(u.startswith("bad-") for u in units), units
    text = (FIXTURES / name).read_text(encoding="utf-8")
    bad_units = {line.split('"')[1] for line in text.splitlines() if line.startswith('msgctxt "bad-')}
    assert units == bad_units


def test_message_names_both_values_and_points_at_the_target(engine):
    findings = {f.unit: f for f in run(engine, "ru.po")}
    f = findings["bad-amount"]
    assert f.message == '"$2.5 billion" in the source is missing from the translation; found 2,6 млрд долларов'
    assert f.found == "2,6 млрд долларов"
    assert f.suggestions == ("2,5\u00a0млрд долларов США",)  # the source's value in Russian notation
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line.startswith("msgstr")
    assert line[f.column - 1 : f.end_column - 1] == "2,6 млрд долларов"
    assert "found 2,5 млрд евро" in findings["bad-currency"].message
    assert findings["bad-date"].message.endswith("found 13 декабря 2025 года")
    assert findings["bad-count"].message == '"4" in the source is missing from the translation; found пять'
    assert findings["bad-citation"].message == '"[8]" in the source is missing from the translation; found [9]'


def test_a_lost_number_points_at_the_source(engine):
    f = {f.unit: f for f in run(engine, "ru.po")}["bad-dropped"]
    assert f.message == '"10" in the source is missing from the translation'
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line.startswith("msgid") and line[f.column - 1 : f.end_column - 1] == "10"


@pytest.mark.parametrize(
    ("token", "lang", "expected"),
    [
        ("2.5", "en", Decimal("2.5")),
        ("2,5", "ru", Decimal("2.5")),
        ("1,000", "en", Decimal(1000)),
        ("1\u00a0000", "ru", Decimal(1000)),
        ("1.000", "tr", Decimal(1000)),
        ("2,5", "tr", Decimal("2.5")),
        ("12\u202f345,6", "ru", Decimal("12345.6")),
    ],
)
def test_numbers_read_with_the_locales_symbols(token, lang, expected):
    assert parse_number(token, lexicon(lang))[0] == expected


def test_babel_symbols_are_used():
    assert lexicon("ru").group == "\u00a0" and lexicon("ru").decimal == ","
    assert lexicon("tr").group == "." and lexicon("tr").decimal == ","


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("с четырёх сторон", "ru", 4),
        ("двух дивизионов", "ru", 2),
        ("четырьмя батареями", "ru", 4),
        ("двадцать два истребителя", "ru", 22),
        ("пятого поколения", "ru", 5),
        ("dört batarya", "tr", 4),
        ("on iki uçak", "tr", 12),
        ("beşinci nesil", "tr", 5),
        ("twenty-two jets", "en", 22),
        ("the fourth", "en", 4),
        ("в два с половиной раза", "ru", 2.5),
        ("iki buçuk kat", "tr", 2.5),
        ("в полтора раза", "ru", 1.5),
    ],
)
def test_number_words(text, lang, value):
    (q,) = extract(text, lang)
    assert q.soft and q.primary == Decimal(value)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("17.12.2025", "en", (2025, 12, 17)),
        ("12.17.2025", "en", (2025, 12, 17)),
        ("17 декабря 2025 года", "ru", (2025, 12, 17)),
        ("в декабре 2025 года", "ru", (2025, 12, None)),
        ("17 Aralık 2025'te", "tr", (2025, 12, 17)),
        ("Aralıkta 2025", "tr", (2025, 12, None)),
        ("Section 231 of 4 batteries", "en", None),
        ("December 17, 2025", "en", (2025, 12, 17)),
        ("2025-12-17", "en", (2025, 12, 17)),
    ],
)
def test_dates(text, lang, value):
    dates = [q for q in extract(text, lang) if q.kind == "date"]
    if value is None:
        assert not dates
    else:
        assert dates and value in dates[0].values


def test_designations_urls_and_markup_are_not_numbers_to_lose():
    src = extract("the S-400 [2] <https://ria.ru/20240212/fl6-1926776245.html> 11.02.2026<sup>1</sup>", "en")
    assert [(q.kind, q.text) for q in src] == [("number", "400"), ("citation", "2"), ("date", "11.02.2026"), ("number", "1")]


def test_extra_citation_in_translation_is_reported():
    result = compare(extract("as Bloomberg wrote [1].", "en"), extract("как писал Bloomberg [1], [2].", "ru"))
    assert [(m.source, m.target.text) for m in result] == [(None, "2")]


@settings(max_examples=60, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    lang=st.sampled_from(["ru", "tr"]),
)
def test_babel_formatted_numbers_match_across_locales(value, lang):
    src = extract(f"total {format_decimal(value, locale='en')} units", "en")
    tgt = extract(f"всего {format_decimal(value, locale=lang)} ед.", lang)
    assert compare(src, tgt) == []


@settings(max_examples=40, deadline=None)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), lang=st.sampled_from(["ru", "tr"]))
def test_babel_long_dates_match_numeric_dates(day, lang):
    src = extract(f"on {day:%d.%m.%Y} the meeting", "en")
    tgt = extract(f"— {format_date(day, format='long', locale=lang)} —", lang)
    assert compare(src, tgt) == []


def test_a_number_is_not_excused_by_a_date_that_renders_another_date():
    src = extract("ракетой SIPER 2», 26.08.2023 (download date: 06.02.2026)", "en")
    assert compare(src, extract("ракетой SIPER 2», 26.08.2023 (erişim tarihi: 06.02.2026)", "tr")) == []
    (miss,) = compare(src, extract("ракетой SIPER 7», 26.08.2023 (erişim tarihi: 06.02.2026)", "tr"))
    assert (miss.source.text, miss.target.text) == ("2", "7")


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789.,  \u00a0%$€-[]–:/'’абвгд декабря Aralık May million млрд milyar два iki two <>*_\\`")), max_size=60),
       lang=st.sampled_from(["en", "ru", "tr", "de"]))
def test_extraction_never_fails_and_spans_stay_inside(text, lang):
    for q in extract(text, lang):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.values


def test_the_project_translations_have_no_number_or_script_errors():
    """The commentary's ru/tr translations are correct: amounts, dates, counts, citations."""
    root = Path(__file__).resolve().parents[2]
    files = sorted(str(p) for p in (root / "translations").glob("*.po"))
    assert files, "translations/ holds the commentary's PO files"
    engine = Engine(Config(select=("number-mismatch", "mixed-script")), glossary=Glossary())
    report = engine.run([*files, str(root / "seeds" / "triumf-commentary.en.md")])
    assert report.units > 150
    assert [(f.path, f.line, f.message) for f in report.findings] == []


def test_percent_is_not_an_amount_and_thousand_words_count():
    (miss,) = compare(extract("50% of the fleet", "en"), extract("50 долларов флота", "ru"))
    assert miss.target.text == "50 долларов"
    assert compare(extract("1,000 troops", "en"), extract("тысяча военных", "ru")) == []
    assert compare(extract("2,000 troops", "en"), extract("iki bin asker", "tr")) == []
