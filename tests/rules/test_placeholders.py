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


def _check_file(name: str):
    engine = Engine(Config(select=("placeholders",)), glossary=Glossary())
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def test_plural_forms_follow_msgfmts_strict_and_relaxed_forms():
    # Exactly the entries `msgfmt --check` rejects in this file (checked by hand with GNU gettext).
    found = _check_file("placeholders-plural.ru.po")
    assert sorted({f.unit for f in found}) == [
        "c-plural-drops", "form0-drops-count", "form2-drops-count", "invalid-percent", "tuple-for-mapping"]
    form0 = next(f for f in found if f.unit == "form0-drops-count")
    assert "msgstr[0]" in form0.message and form0.found == "%(count)s"


def test_russian_form_zero_is_compared_with_msgid_plural_not_msgid():
    found = _check_file("placeholders-plural.ru.po")
    assert not [f for f in found if f.unit in ("humanize-style", "c-plural-ok", "c-same-type-class", "range-one")]


def test_fuzzy_entries_are_skipped():
    assert not [f for f in _check_file("placeholders-plural.ru.po") if f.unit == "fuzzy-is-skipped"]


def test_turkish_one_form_may_drop_the_number_but_other_may_not():
    found = _check_file("placeholders-plural.tr.po")
    assert sorted({f.unit for f in found}) == ["brace-renamed", "other-drops-count"]
    assert "msgstr[1]" in next(f for f in found if f.unit == "other-drops-count").message


def test_without_plural_forms_header_gettexts_default_applies():
    engine = Engine(Config(select=("placeholders",)), glossary=Glossary())
    text = ('msgid ""\nmsgstr "Language: tr\\n"\n\n#, python-format\nmsgid "%(n)s file"\nmsgid_plural "%(n)s files"\n'
            'msgstr[0] "bir dosya"\nmsgstr[1] "dosyalar"\n')
    (f,) = engine.check_text("x.tr.po", text)
    assert "msgstr[1]" in f.message


@pytest.mark.parametrize(("text", "ok"), [("%s and %d", True), ("%1$s %2$d", True), ("%s %1$s", False), ("%2$s", False), ("%2$s %1$d", True),
                                          ("100% готово", False), ("100% done", True), ("%lu of %zd", True), ("50%%", True)])
def test_c_format_validity(text, ok):
    from termguard.checks.placeholders import parse_c

    assert (parse_c(text).invalid is None) == ok


def test_python_format_validity_and_types():
    from termguard.checks.placeholders import parse_python

    assert parse_python("%(a)s and %s").invalid
    assert parse_python("%(a)*d").invalid
    assert [d.kind for d in parse_python("%d %i %s %.2f").directives] == ["integer", "integer", "any", "float"]


def test_every_entry_msgfmt_rejects_is_reported():
    found = _check_file("placeholders-msgfmt.ru.po")
    assert sorted({f.unit for f in found}) == sorted([
        "c-skips-argument-1", "c-plural-positional", "py-types-swapped", "py-extra-unnamed", "c-long-int",
        "brace-extra-index", "c-ru-form0-word"])
