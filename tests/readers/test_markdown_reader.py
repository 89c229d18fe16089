"""The Markdown reader: units map back to exact file positions, across collapsed line breaks."""

from __future__ import annotations

from pathlib import Path

from termguard.readers import decode_utf8
from termguard.readers.markdown import parse_markdown

SEED = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"


def test_every_unit_char_maps_to_the_same_char_in_the_file():
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = parse_markdown(text, "seed.md")
    assert len(doc.units) > 50
    for unit in doc.units:
        for offset, ch in enumerate(unit.source.text):
            line, col = unit.source.locate(offset)
            in_file = lines[line - 1][col - 1] if col - 1 < len(lines[line - 1]) else "\n"
            if ch == " " and in_file.isspace():
                continue
            assert in_file == ch, (unit.id, offset)


def test_triumph_on_line_15_column_85():
    text = SEED.read_text(encoding="utf-8")
    doc = parse_markdown(text, "seed.md")
    unit = next(u for u in doc.units if "12.17.2025" in u.source.text)
    start = unit.source.text.index("Triumph")
    assert unit.source.locate_span(start, start + 7) == (15, 85, 15, 92)


def test_collapsed_line_break_maps_following_text_to_next_line():
    text = "First words of a\nsentence that continues.\n"
    doc = parse_markdown(text, "t.md")
    unit = doc.units[0]
    assert unit.source.text == "First words of a sentence that continues."
    assert unit.source.locate(unit.source.text.index("sentence")) == (2, 1)


def test_decode_utf8_drops_bom_and_normalises_crlf():
    assert decode_utf8("\ufeffa\r\nb".encode("utf-8"), "x.md") == "a\nb"
