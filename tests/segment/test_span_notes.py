"""The template tells the translator when a unit leaves an emphasis open across units."""

from __future__ import annotations

from pathlib import Path

import polib

from termguard.readers import read_document
from termguard.segment import segment_text
from termguard.segment.writers import span_notes, to_pot

ROOT = Path(__file__).resolve().parents[2]


def test_the_seed_abstract_opens_and_closes_its_italics_in_two_units():
    text = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    segs = segment_text(text, lang="en")
    notes = span_notes(segs)
    assert len(notes) == 2
    opener, closer = (s for s in segs if s.id in notes)
    assert opener.text.startswith("*ARVAK") and closer.text.endswith("NATO.*")
    assert "opens a `*` emphasis" in notes[opener.id]
    assert f"closes the `*` emphasis that unit {opener.id} opens" in notes[closer.id]


def test_pot_carries_the_note_after_the_kind_and_the_kind_still_reads():
    text = "*One. Two.* Three *four* five.\n"
    segs = segment_text(text, lang="en")
    pot = to_pot(segs, "d.md", "en")
    entries = polib.pofile(pot)
    assert entries[0].comment.splitlines()[0] == "sentence"
    assert entries[0].comment.splitlines()[1].startswith("markup: this unit opens")
    assert "\n" not in entries[2].comment  # balanced in itself: no note
    doc = read_document("d.pot", pot)
    assert [u.kind for u in doc.units] == ["sentence"] * len(segs)


def test_the_projects_template_has_the_notes():
    pot = (ROOT / "translations" / "commentary.pot").read_text(encoding="utf-8")
    assert pot.count("#. markup: ") == 2
