"""po-header (TG403): Language, charset and Plural-Forms in the PO header."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"


def check(name: str):
    engine = Engine(Config(select=("po-header",)), glossary=Glossary())
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["ru.po", "good.tr.po", "wrong-count.ru.po"])
def test_complete_headers_are_silent(name):
    assert check(name) == []


def test_language_disagreeing_with_file_name_and_placeholder_charset():
    findings = check("broken-header.ru.po")
    assert [(f.line, f.message) for f in findings] == [
        (4, "Language `tr` disagrees with the file name, which says `ru`; the file is read as tr; fix one of them"),
        (5, "charset=CHARSET; the file is read as UTF-8, so declare `charset=UTF-8`"),
    ]
    assert findings[0].found == "tr" and findings[0].column == 12
    assert all(f.severity.value == "warning" for f in findings)


def test_missing_plural_forms_suggests_a_formula_that_means_turkish():
    import re

    from termguard.checks.plural_forms import SAMPLE, language_plurals, parse_plural_forms

    (f,) = check("no-plural.tr.po")
    m = re.fullmatch(r"the header has no Plural-Forms; for tr use `(.+)`", f.message)
    assert m, f.message
    # Judged by what the formula does over whole numbers, not by how babel prints it: one
    # form for each of CLDR's Turkish categories, the same form for the same category.
    parsed = parse_plural_forms(m.group(1))
    assert not isinstance(parsed, str)
    expected = language_plurals("tr")
    assert expected is not None and parsed.nplurals == len(expected.categories)
    form_of_category: dict[str, int] = {}
    for n, category in zip(SAMPLE, expected.of):
        assert form_of_category.setdefault(category, parsed.function(n)) == parsed.function(n), n
    assert len(set(form_of_category.values())) == len(expected.categories)


def test_unsafe_or_malformed_expression_is_reported_not_run():
    (f,) = check("bad-syntax.tr.po")
    assert "is not a valid C expression of n" in f.message and f.line == 5


def test_missing_header():
    (f,) = check("no-header.tr.po")
    assert f.line == 1 and f.message.startswith("no PO header")
