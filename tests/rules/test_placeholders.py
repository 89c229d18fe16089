"""placeholders (TG303): printf and brace placeholders kept between msgid and msgstr."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.checks.placeholders import brace_placeholders, printf_placeholders
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"


@pytest.fixture(scope="module")
def findings():
    engine = Engine(Config(select=("placeholders",)), glossary=Glossary())
    path = FIXTURES / "ru.po"
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def test_only_broken_entries_are_reported(findings):
    assert {f.unit for f in findings} == {"bad-python-format", "bad-c-format", "bad-brace"}
    assert all(f.severity.value == "error" for f in findings)


def test_named_python_format(findings):
    messages = sorted(f.message for f in findings if f.unit == "bad-python-format")
    assert messages == [
        "placeholder %(country)s of the source is missing from the translation",
        "placeholder %(страна)s is not in the source",
    ]


def test_unnamed_c_format_keeps_order(findings):
    (f,) = [f for f in findings if f.unit == "bad-c-format"]
    assert f.message.startswith("placeholders %d %s in the translation do not match %s %d of the source")


def test_brace_format_without_flag(findings):
    assert sorted(f.found for f in findings if f.unit == "bad-brace") == ["{count}", "{число}"]


def test_extra_placeholder_points_at_it(findings):
    f = next(f for f in findings if f.found == "%(страна)s")
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "%(страна)s"


def test_parsers():
    assert [p.key for p in printf_placeholders("%s and %d, 100%%, %(n)s, %2$s")] == ["#1", "#2", "(n)", "2$"]
    assert [p.key for p in brace_placeholders("{} {} {name} {{literal}} {0!r:>4}")] == ["0", "1", "name", "0"]


def test_type_change_is_reported():
    engine = Engine(Config(select=("placeholders",)), glossary=Glossary())
    text = 'msgid ""\nmsgstr "Language: ru\\n"\n\n#, python-format\nmsgid "%(n)d systems"\nmsgstr "%(n)s систем"\n'
    (f,) = engine.check_text("x.ru.po", text)
    assert f.message == "placeholder %(n)s has another type than %(n)d in the source"
