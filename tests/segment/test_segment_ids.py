"""Unit ids come from content and occurrence: editing one paragraph changes only its ids."""

from __future__ import annotations

from pathlib import Path

from termguard.segment import segment_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"


def _ids(text: str) -> dict[str, str]:
    return {u.id: u.text for u in segment_text(text, "en")}


def test_editing_one_paragraph_changes_only_its_ids():
    text = SEED.read_text(encoding="utf-8")
    old_par = text.splitlines()[44]  # line 45: two sentences
    assert old_par.startswith("Ankara's announced plans")
    new_par = old_par.replace("also looked not entirely convincing", "looked unconvincing") + " An added sentence."
    edited = text.replace(old_par, new_par)
    before, after = _ids(text), _ids(edited)
    removed = set(before) - set(after)
    added = set(after) - set(before)
    assert [before[i] for i in removed] == [u for u in before.values() if u.startswith("Ankara's announced plans")]
    assert sorted(after[i] for i in added) == sorted(
        ["An added sentence.", next(t for t in after.values() if "looked unconvincing" in t)]
    )
    # Every other unit, before and after the edit, keeps its id.
    assert len(set(before) & set(after)) == len(before) - 1


def test_moving_and_inserting_text_keeps_ids():
    a = "# Title\n\nFirst sentence. Second sentence.\n\nThird paragraph.\n"
    b = "# New heading\n\nInserted paragraph.\n\nThird paragraph.\n\n# Title\n\nFirst sentence. Second sentence.\n"
    ids_a, ids_b = _ids(a), _ids(b)
    assert set(ids_a) <= set(ids_b)
    assert all(ids_a[i] == ids_b[i] for i in ids_a)


def test_repeated_text_gets_occurrence_numbers():
    units = segment_text("Yes. Yes. No.\n\n## Yes.\n", "en")
    assert [u.id for u in units][:2] == [units[0].id, units[0].id + "-2"]
    assert units[3].id.startswith("h-")  # same text, other kind: its own id
    assert units[0].id.startswith("s-") and len(units[0].id) == 10


def test_ids_ignore_line_wrapping():
    one = segment_text("A sentence that is wrapped here.\n", "en")[0].id
    two = segment_text("A sentence that\nis wrapped here.\n", "en")[0].id
    assert one == two
