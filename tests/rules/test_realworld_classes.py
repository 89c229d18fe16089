"""number-mismatch, mixed-script and untranslated on entries shaped like real catalogs'
(tests/fixtures/hygiene/realworld-classes.ru.po): only the entries marked "bad" are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.model import Severity

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene" / "realworld-classes.ru.po"


def findings(rule: str):
    engine = Engine(Config(select=(rule,)), glossary=Glossary())
    return engine.check_text(str(FIXTURE), FIXTURE.read_text(encoding="utf-8"))


def test_number_mismatch_reads_html_references_codes_compounds_and_the_plural_one():
    found = findings("number-mismatch")
    assert sorted({f.unit for f in found}) == ["bad-compound-numeral", "bad-lost-digit-of-name", "bad-sample-app"]


def test_mixed_script_accepts_declined_names_and_codes_kept_from_the_source():
    found = findings("mixed-script")
    assert sorted({f.unit for f in found}) == ["bad-latin-c", "bad-latin-c-designation"]


def test_untranslated_copies_of_names_codes_and_placeholders_are_not_reported():
    found = [f for f in findings("untranslated") if f.severity is not Severity.INFO]
    assert sorted(f.unit for f in found) == ["bad-copy-sentence", "bad-copy-with-placeholder"]


def test_a_short_term_copied_is_an_info():
    (f,) = [f for f in findings("untranslated") if f.severity is Severity.INFO]
    assert f.unit == "short-term" and "on purpose" in f.message


@pytest.mark.parametrize(("text", "value"), [("двухсотлетие", 200), ("пятиминутный", 5), ("сорокалетний", 40),
                                             ("трёхмерный", 3), ("семинар", None), ("десятичный", None),
                                             ("одновременно", None)])
def test_russian_compound_numerals(text, value):
    from termguard.numbers import extract

    got = [q.primary for q in extract(text, "ru")]
    assert got == ([] if value is None else [value])


@pytest.mark.parametrize(("text", "values"), [("MP3 and H264", [3, 264]), ("2FA, 3D and 5G", []), ("10MB", [10]),
                                              ("the 5th", [5]), ("&#8212; &#39; &amp;", [])])
def test_codes_and_character_references_are_not_numbers(text, values):
    from termguard.numbers import extract

    assert [q.primary for q in extract(text, "en")] == values
