"""plural-forms (TG404): plural count and formula against babel's CLDR rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.checks.plural_forms import language_plurals, parse_plural_forms
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"


def check(name: str):
    engine = Engine(Config(select=("plural-forms",)), glossary=Glossary())
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def test_correct_headers_are_silent():
    assert check("good.tr.po") == []
    assert [f.unit for f in check("ru.po")] == ["bad-plural-count"]


def test_two_forms_for_russian_is_reported_with_babels_formula():
    (f,) = check("wrong-count.ru.po")
    assert f.message.startswith("nplurals=2, but ru has 3 plural forms for whole numbers in babel's CLDR rules (one, few, many)")
    assert f.suggestions[0].startswith("nplurals=3; plural=(n%10==1 && n%100!=11")
    assert f.line == 6 and f.found.startswith("nplurals=2")


def test_formula_that_puts_11_with_1_is_reported():
    (f,) = check("wrong-formula.ru.po")
    assert "n=11" in f.message and "ru's CLDR rules" in f.message


def test_entry_with_too_few_forms():
    (f,) = list(check("ru.po"))
    assert f.message == "plural entry has 2 msgstr forms but the header says nplurals=3"


@pytest.mark.parametrize(("lang", "count"), [("ru", 3), ("tr", 2), ("en", 2), ("ja", 1), ("ar", 6), ("pl", 3)])
def test_expected_counts_come_from_cldr(lang, count):
    plurals = language_plurals(lang)
    assert len(plurals.categories) == count
    parsed = parse_plural_forms(plurals.suggestion)
    assert not isinstance(parsed, str) and parsed.nplurals == count


def test_gettext_expression_is_evaluated_safely():
    assert isinstance(parse_plural_forms("nplurals=2; plural=__import__('os').system('true');"), str)
    parsed = parse_plural_forms("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    assert [parsed.function(n) for n in (1, 2, 5, 11, 21, 22, 25)] == [0, 1, 2, 2, 0, 1, 2]


def test_streamed_files_are_checked_the_same(monkeypatch):
    import termguard.engine as engine_mod

    monkeypatch.setattr(engine_mod, "STREAM_THRESHOLD", 0)
    engine = Engine(Config(select=("plural-forms",)), glossary=Glossary())
    report = engine.run([str(FIXTURES / "ru.po"), str(FIXTURES / "wrong-count.ru.po")])
    assert sorted((f.path.rsplit("/", 1)[-1], f.unit) for f in report.findings) == [
        ("ru.po", "bad-plural-count"), ("wrong-count.ru.po", None)]
