"""Blocks of a document: the unit of structure the segmenter cuts into sentences.

A block is a kind ("paragraph", "heading", "list-item", "quote", "footnote", "reference",
"table-cell", or the structure-only "break" and "skip") and the file ranges of its lines
with the block markup left out. The Markdown reader (`termguard.segment.mdblocks`) and the
plain-text reader (`termguard.segment.plainblocks`) both produce them.
"""

from __future__ import annotations

import re

# YAML front matter at the very start of a Markdown document: metadata, not units.
FRONT_MATTER = re.compile(r"---[ \t]*\n(?:[ \t]*(?:#.*|[\w.-]+[ \t]*:.*|-[ \t].*|[ \t]+\S.*)?\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
# A heading whose entries below are references, not list items.
REFERENCES_HEADING = re.compile(
    r"(?i)\b(references|bibliography|sources|works cited|notes|литература|источники|список литературы|kaynaklar|kaynakça)\b"
)


class Block:
    """A block of the document: its kind and its line ranges `(start, end, new_span)`."""

    __slots__ = ("kind", "ranges")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind = kind
        self.ranges: list[tuple[int, int, bool]] = [(start, end, True)]

    def add(self, text: str, start: int, end: int) -> None:
        """Add a line range; it continues the current span when only one line break separates them."""
        prev_end = self.ranges[-1][1]
        gap = text[prev_end:start]
        soft = gap.count("\n") == 1 and not gap.strip()
        self.ranges.append((start, end, not soft))


def line_bounds(line: str) -> tuple[int, int]:
    """Offsets of the first and past-the-last non-whitespace characters of a line."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    return lead, lead + len(stripped.rstrip())


def line_starts(text: str) -> list[int]:
    """The offset where each `\\n`-separated line of `text` starts (one more than its line breaks)."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts
