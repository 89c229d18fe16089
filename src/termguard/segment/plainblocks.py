"""Blocks of a plain-text or reStructuredText document.

Blank lines end paragraphs. With `structure`, the document's own structure is read too:
bullets and enumerators start units, section under/overlines make the paragraph above a
heading, link targets, comments and substitution definitions (with their indented bodies)
are not units, and the text after a directive's name (`.. note:: Be careful.`) is prose.
"""

from __future__ import annotations

import re

from termguard.segment.blocks import Block, line_bounds

_PLAIN_LIST = re.compile(r"(?:[-*+•‣⁃]|(\d{1,9}|#|\(\d{1,9}\))[.)]?)(?:[ \t]+|$)")
_ADORNMENT = re.compile(r"([=\-~^\"'`#*+:_])\1{2,}[ \t]*")
_RST_SKIP = re.compile(r"\.\.(?:[ \t]+(?:_[^:]*:|\|[^|]+\|)|[ \t]*$|[ \t]+(?!\[)(?![\w:-]+::))|__(?:[ \t]|$)")
_RST_DIRECTIVE = re.compile(r"\.\.[ \t]+[\w:-]+::")
_RST_FOOTNOTE = re.compile(r"\.\.[ \t]+\[[^\]\s]+\][ \t]*")


class _PlainReader:
    """Line-by-line state of one plain-text document: the open block and a skipped body."""

    def __init__(self, text: str, structure: bool) -> None:
        self.text = text
        self.structure = structure
        self.blocks: list[Block] = []
        self.cur: Block | None = None
        self.skip_body = False

    def read(self) -> list[Block]:
        pos = 0
        for line in self.text.split("\n"):
            self.line(line, pos)
            pos += len(line) + 1
        return self.blocks

    def line(self, line: str, start: int) -> None:
        """Read one line starting at file offset `start`."""
        lead, tail = line_bounds(line)
        if lead == tail:
            self.cur = None
            return
        if self.structure and self.structured_line(line, start, lead, tail):
            return
        if self.cur is not None:
            self.cur.add(self.text, start + lead, start + tail)
        else:
            self.open("paragraph", start + lead, start + tail)

    def open(self, kind: str, start: int, end: int) -> None:
        self.cur = Block(kind, start, end)
        self.blocks.append(self.cur)

    def structured_line(self, line: str, start: int, lead: int, tail: int) -> bool:
        """Read a line as plain-text/reST structure; False when it is prose."""
        if self.skip_body and lead > 0:
            return True  # the indented body of a link target or comment
        self.skip_body = False
        kind = line_kind(line[lead:tail], self.cur)
        if kind is None:
            return False
        cur, self.cur = self.cur, None
        if kind == "skip":
            self.skip_body = True
        elif kind == "adornment":
            if cur is not None and cur.kind == "paragraph" and len(cur.ranges) == 1:
                cur.kind = "heading"
        elif kind == "directive":
            # `.. note:: Be careful.`: the text after the directive's name is prose.
            after = line.index("::", lead) + 2
            while after < tail and line[after] in " \t":
                after += 1
            if after < tail:
                self.open("paragraph", start + after, start + tail)
        else:
            marker = _RST_FOOTNOTE.match(line, lead) if kind == "footnote" else _PLAIN_LIST.match(line, lead)
            assert marker is not None
            if marker.end() < tail:
                self.open(kind, start + marker.end(), start + tail)
        return True


def line_kind(stripped: str, cur: Block | None) -> str | None:
    """What a plain-text or reST line is besides prose: "list-item" (a bullet or
    enumerator starts a unit), "footnote", "adornment" (a section under/overline),
    "skip" (a link target, comment or substitution: not a unit, nor its indented body),
    "directive" (the `.. note::` line itself); None for a prose line."""
    c = stripped[0]
    if c == "." or c == "_":
        if _RST_FOOTNOTE.match(stripped):
            return "footnote"
        if _RST_DIRECTIVE.match(stripped):
            return "directive"
        if _RST_SKIP.match(stripped):
            return "skip"
    if _ADORNMENT.fullmatch(stripped):
        return "adornment"
    lm = _PLAIN_LIST.match(stripped)
    if lm is None or lm.end() == len(stripped):
        return None
    number = lm.group(1)
    if number is not None and cur is not None and cur.kind == "paragraph" and number not in ("1", "#", "(1)"):
        # As in Markdown, only the first item may interrupt a paragraph: a wrapped line
        # that starts "2019. The ..." continues it.
        return None
    if number is not None and not lm.group().rstrip().endswith((".", ")")) and not number.startswith("("):
        return None  # a bare number ("2 batteries") starts prose, not an item
    return "list-item"


def parse_plain_blocks(text: str, structure: bool = False) -> list[Block]:
    """Cut a plain-text document into blocks; `structure` reads bullets, enumerators,
    section adornments and reST explicit markup (see the module docstring)."""
    return _PlainReader(text, structure).read()
