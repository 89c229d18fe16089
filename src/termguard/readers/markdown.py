"""Markdown and plain-text reader: a source document cut into units by the segmenter."""

from __future__ import annotations

from termguard.model import Document, Field, Unit
from termguard.positions import LineIndex
from termguard.segment import segment_text


def parse_markdown(text: str, path: str, lang: str = "en") -> Document:
    """Segment a source document; each unit's `source` maps back to file positions."""
    lines = LineIndex(text)
    units = []
    for seg in segment_text(text, lang=lang):
        anchors = tuple((t_off, *lines.locate(f_off)) for t_off, f_off in seg.pieces)
        units.append(
            Unit(
                id=seg.id,
                kind=seg.kind,
                path=path,
                source=Field(seg.text, anchors),
                source_lang=lang,
                line=seg.line,
            )
        )
    kind = "text" if path.endswith(".txt") else "markdown"
    return Document(path=path, kind=kind, source_lang=lang, target_lang=None, units=tuple(units), source_text=text)
