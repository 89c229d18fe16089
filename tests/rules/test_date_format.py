"""date-format (TG203): impossible dates and dates against the document's convention."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"


def _run(text: str, path: str = "d.md"):
    return Engine(Config(select=("date-format",)), glossary=Glossary()).check_text(path, text)


def test_seed_dates():
    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    found = [(f.line, f.column, f.found, f.suggestions) for f in _run(seed)]
    assert found == [(15, 4, "12.17.2025", ("17.12.2025",)), (94, 116, "11.16.2019", ("16.11.2019",))]


def test_fixture_convention_and_impossible_dates():
    found = [(f.line, f.found, f.suggestions) for f in _run((FIX / "dates.en.md").read_text(encoding="utf-8"))]
    assert found == [(4, "12.17.2025", ("17.12.2025",)), (4, "31.02.2026", ()), (5, "2025-13-01", ())]


def test_month_first_document():
    text = "It began 12.17.2025 and ended 12.19.2025; the review was 18.12.2025.\n"
    assert [(f.found, f.suggestions) for f in _run(text)] == [("18.12.2025", ("12.18.2025",))]


def test_mixed_document_reports_ambiguous_dates():
    found = [f.found for f in _run((FIX / "dates-mixed.en.md").read_text(encoding="utf-8"))]
    assert found == ["05.06.2025"]


def test_dates_in_urls_are_not_prose():
    text = "On 17.12.2025 see <https://x.org/12.17.2025/a> and https://y.org/2025-13-01.\n"
    assert _run(text) == []


def test_slashes_follow_the_same_convention():
    assert [f.suggestions for f in _run("From 17/12/2025 to 18/12/2025, not 12/19/2025.\n")] == [("19/12/2025",)]


def test_a_date_against_the_convention_carries_a_safe_fix_in_file_positions():
    from termguard.fixes import apply_fixes

    text = "Signed 17.12.2025.\nAnnounced 12.18.2025 and 20.12.2025.\nImpossible 31.02.2025.\n"
    found = _run(text)
    fixes = {f.found: f.fix for f in found}
    assert fixes["31.02.2025"] is None  # no date to write
    fix = fixes["12.18.2025"]
    assert fix.applicability.value == "safe"
    assert apply_fixes(text, [fix])[0] == text.replace("12.18.2025", "18.12.2025")


def test_date_fix_inside_a_po_string():
    from termguard.fixes import apply_fixes

    po = ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "a"\nmsgstr "\\"Подписано\\" 17.12.2025, '
          'объявлено 12.18.2025 и 20.12.2025"\n')
    fixes = [f.fix for f in _run(po, "ru.po") if f.fix]
    assert apply_fixes(po, fixes)[0] == po.replace("12.18.2025", "18.12.2025")


def test_the_date_patterns_find_what_their_first_form_finds():
    """The numeric date patterns open with the digit they match (searched for faster) and
    skip texts without their separator: they find what their look-behind-first forms find."""
    import itertools
    import re

    from termguard.sources import dates

    numeric = re.compile(r"(?<![\w./-])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\w/]|\.\d)")
    iso = re.compile(r"(?<![\w./-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")
    pieces = ["1", "12", "2025", "2025-12-17", "17.12.2025", "1/2/2025", ".", "/", "-", "a", "_", " ", "é"]
    for parts in itertools.product(pieces, repeat=4):
        text = "".join(parts) + "".join(reversed(parts))
        want = sorted([(m.start(), m.group()) for m in numeric.finditer(text)] + [(m.start(), m.group()) for m in iso.finditer(text)])
        assert [(d.start, d.text) for d in dates.find_dates(text)] == want, text
