"""plural-forms (TG404): the header's formula compared by meaning with babel's CLDR rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.checks.plural_forms import (
    SAMPLE,
    compare_formula,
    language_plurals,
    parse_plural_forms,
)
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.model import Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"
RU_FORMS = {1: 0, 21: 0, 101: 0, 2: 1, 3: 1, 24: 1, 0: 2, 5: 2, 11: 2, 12: 2, 14: 2, 25: 2, 111: 2, 112: 2}
RU_3 = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
RU_TRANSIFEX_4 = ("nplurals=4; plural=(n % 1 == 0 && n % 10 == 1 && n % 100 != 11 ? 0 : n % 1 == 0 && n % 10 >= 2 "
                  "&& n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : n % 1 == 0 && (n % 10 ==0 || "
                  "(n % 10 >=5 && n % 10 <=9) || (n % 100 >=11 && n % 100 <=14 )) ? 2: 3);")


def check(name: str):
    engine = Engine(Config(select=("plural-forms",)), glossary=Glossary())
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def check_header(lang: str, plural_forms: str):
    engine = Engine(Config(select=("plural-forms",)), glossary=Glossary())
    text = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Plural-Forms: {plural_forms}\\n"\n\nmsgid "a"\nmsgstr "b"\n'
    return engine.check_text(f"x.{lang}.po", text)


def forms_of(header: str) -> dict[int, int]:
    parsed = parse_plural_forms(header)
    assert not isinstance(parsed, str)
    return {n: parsed.function(n) for n in SAMPLE}


def test_correct_headers_are_silent():
    assert check("good.tr.po") == []
    assert [f.unit for f in check("ru.po")] == ["bad-plural-count"]


def test_two_forms_for_russian_is_reported_with_a_formula_that_means_russian():
    (f,) = check("wrong-count.ru.po")
    assert f.message.startswith("nplurals=2, but ru has 3 plural forms for whole numbers in babel's CLDR rules (one, few, many)")
    assert f.line == 6 and f.found.startswith("nplurals=2")
    # The suggestion is judged by what it does, not by how babel happens to print it.
    suggested = forms_of(f.suggestions[0])
    assert {n: suggested[n] for n in RU_FORMS} == RU_FORMS
    assert suggested == forms_of(RU_3)


def test_formula_that_puts_11_with_1_is_reported():
    (f,) = check("wrong-formula.ru.po")
    assert "n=11" in f.message and "ru's CLDR rules" in f.message


def test_polish_formula_in_a_russian_file_is_a_warning():
    (f,) = check_header("ru", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    assert f.severity is Severity.WARNING and "n=21" in f.message


def test_transifex_four_russian_forms_are_one_info():
    (f,) = check_header("ru", RU_TRANSIFEX_4)
    assert f.severity is Severity.INFO
    assert "form 3 serves no whole number" in f.message


def test_turkish_n_greater_than_one_is_info_and_n_not_one_is_silent():
    (f,) = check_header("tr", "nplurals=2; plural=(n > 1);")
    assert f.severity is Severity.INFO and "n=0" in f.message
    assert check_header("tr", "nplurals=2; plural=(n != 1);") == []


def test_any_spelling_of_the_right_formula_is_silent():
    assert check_header("ru", RU_3) == []
    assert check_header("ru", RU_3.replace("(n%100<10 || n%100>=20)", "(n%100<12 || n%100>14)")) == []
    assert check_header("ru", "nplurals=3; plural=n%10==1&&n%100!=11?0:n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2") == []


def test_french_n_not_one_puts_zero_with_two():
    (f,) = check_header("fr", "nplurals=2; plural=(n != 1);")
    assert f.severity is Severity.WARNING and "n=0" in f.message
    assert check_header("fr", "nplurals=2; plural=(n > 1);") == []


def test_compare_formula_returns_notes_only_when_harmless():
    parsed = parse_plural_forms(RU_TRANSIFEX_4)
    assert not isinstance(parsed, str)
    problem, notes = compare_formula(parsed, language_plurals("ru"), "ru")
    assert problem is None and len(notes) == 1


def test_entry_with_too_few_forms():
    (f,) = list(check("ru.po"))
    assert f.message == "plural entry has 2 msgstr forms but the header says nplurals=3"


@pytest.mark.parametrize(("lang", "count"), [("ru", 3), ("tr", 2), ("en", 2), ("ja", 1), ("ar", 6), ("pl", 3)])
def test_expected_counts_come_from_cldr(lang, count):
    plurals = language_plurals(lang)
    assert len(plurals.categories) == count
    parsed = parse_plural_forms(plurals.suggestion)
    assert not isinstance(parsed, str) and parsed.nplurals == count
    problem, notes = compare_formula(parsed, plurals, lang)
    assert problem is None and notes == []


def test_gettext_expression_is_evaluated_safely():
    assert isinstance(parse_plural_forms("nplurals=2; plural=__import__('os').system('true');"), str)
    parsed = parse_plural_forms(RU_3)
    assert [parsed.function(n) for n in (1, 2, 5, 11, 21, 22, 25)] == [0, 1, 2, 2, 0, 1, 2]


def test_streamed_files_are_checked_the_same(monkeypatch):
    import termguard.engine as engine_mod

    monkeypatch.setattr(engine_mod, "STREAM_THRESHOLD", 0)
    engine = Engine(Config(select=("plural-forms",)), glossary=Glossary())
    report = engine.run([str(FIXTURES / "ru.po"), str(FIXTURES / "wrong-count.ru.po")])
    assert sorted((f.path.rsplit("/", 1)[-1], f.unit) for f in report.findings) == [
        ("ru.po", "bad-plural-count"), ("wrong-count.ru.po", None)]


def test_a_single_turkish_form_is_an_info_but_a_single_russian_form_warns():
    (f,) = check_header("tr", "nplurals=1; plural=0;")
    assert f.severity is Severity.INFO and "nplurals=1" in f.message
    (f,) = check_header("ru", "nplurals=1; plural=0;")
    assert f.severity is Severity.WARNING
