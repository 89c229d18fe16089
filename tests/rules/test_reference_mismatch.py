"""reference-mismatch (TG202): references against their URLs and the citations."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"


def _run(text: str, path: str = "r.md"):
    return Engine(Config(select=("reference-mismatch",)), glossary=Glossary()).check_text(path, text)


def test_seed_armiys_and_reference_14():
    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    found = [(f.line, f.column, f.end_column, f.found, f.suggestions) for f in _run(seed)]
    assert found == [
        (94, 104, 113, "Armiys.az", ("Armiya.az",)),
        (99, 84, 94, "18.02.2025", ("18.12.2025",)),
    ]


def test_fixture_every_kind_of_mismatch():
    findings = _run((FIX / "references.en.md").read_text(encoding="utf-8"))
    messages = [(f.line, f.found, f.message.split(";")[0]) for f in findings]
    assert messages == [
        (3, "[7]", "citation [7] has no reference [7]"),
        (8, "Kommersnt", "outlet “Kommersnt” of reference [2] contradicts its URL's domain kommersant.ru"),
        (9, "18.02.2025", "reference [3] is dated 18.02.2025 but its URL says 18.12.2025"),
        (11, "Armiys.az", "outlet “Armiys.az” of reference [5] contradicts its URL's domain armiya.az"),
        (12, "[6]", "reference [6] is never cited in the text"),
        (13, "[6]", "reference [6] is numbered twice (first on line 12)"),
        (13, "[6]", "reference [6] is never cited in the text"),
    ]
    assert all(f.unit for f in findings)


def test_consistent_references_give_nothing():
    assert _run((FIX / "clean.en.md").read_text(encoding="utf-8")) == []


def test_different_outlet_on_another_site_is_not_a_typo():
    text = "See [1].\n\n## References\n\n- [1] «X». *Kremlin.ru*, 01.01.2025, <https://web.archive.org/web/2025/kremlin.ru/x> (accessed 02.01.2025).\n"
    assert _run(text) == []


def test_no_reference_list_no_findings():
    assert _run("A claim [3] with no reference list.\n") == []


def test_reference_date_fix_comes_from_the_url():
    from termguard.fixes import apply_fixes

    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    found = {f.found: f for f in _run(seed)}
    date = found["18.02.2025"].fix
    assert date.applicability.value == "safe"
    fixed = apply_fixes(seed, [date])[0]
    assert fixed == seed.replace("*РБК*, 18.02.2025", "*РБК*, 18.12.2025", 1) != seed
    assert found["Armiys.az"].fix.applicability.value == "unsafe"  # a guess at the outlet's spelling
    assert "Armiya.az" in apply_fixes(seed, [found["Armiys.az"].fix])[0]
