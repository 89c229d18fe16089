"""Blocks of a Markdown document, read with markdown-it-py (CommonMark, GFM tables, footnotes).

markdown-it-py finds the block structure (headings, paragraphs, nested and lazy lists and
block quotes, code, HTML blocks, tables, link reference definitions, footnote definitions)
and the lines each block covers (`token.map`); this module turns each leaf block into the
file ranges of its text, with the block markup (`## `, `- `, `> `, `[^1]: `) left out.
Only the block rules run: inline Markdown stays in the units' text.

Beyond CommonMark, as translators' documents (often converted from PDF or word processors)
need:
- YAML front matter is metadata, not units;
- a line starting with `•` or `⁃` starts a list item, as `-` does;
- under a references heading ("References", "Литература", "Kaynakça", ...), list items are
  reference entries, and a line starting with `[12]` starts a new entry;
- a paragraph starting with `<sup>1</sup>` is a footnote;
- in an HTML block, lines of tags only and comments are structure, the other lines are
  text; `<script>`, `<style>`, processing instructions and declarations are not text.
Fenced code, thematic breaks and link reference definitions are not units; an indented
paragraph is prose, not code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from termguard.segment.blocks import (
    FRONT_MATTER,
    REFERENCES_HEADING,
    Block,
    line_bounds,
    line_starts,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

    _Rule = Callable[[StateBlock, int, int, bool], bool]

# Containers nest at most this deep (a list item counts twice: list and item). A deeper
# marker is read as text: markdown-it-py would drop the rest of the document at its own
# limit, and each level is a recursive call, so the depth must be bounded.
MAX_NESTING = 20

_BULLET = re.compile(r"[•⁃](?:[ \t]+|$)")
_REF_ENTRY = re.compile(r"\[\d+\]")
_FOOTNOTE_SUP = re.compile(r"<sup>\s*[\w*†‡]+\s*</sup>")
_HTML_LINE = re.compile(r"(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>[ \t]*)+")
_HTML_RAW = re.compile(r"(?i)<(?:script|style)(?:[\s>]|$)|<\?|<![A-Za-z]|<!\[CDATA\[")
_TABLE_SEP = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_TABLE_CELL = re.compile(r"(?:\\.|[^|\\])+")
_ITEM_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]|\[\^[^\]\s]+\]:")


@cache
def _parser() -> MarkdownIt:
    """CommonMark with GFM tables and footnote definitions, block rules only."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING + 4}).enable("table")
    # Footnote definitions stay where they are in the document (page-break repair reads
    # the blocks in order); inline parsing is not needed (units keep their inline markup).
    md.use(footnote_plugin, inline=False, move_to_end=False)
    md.disable(["inline", "text_join"])
    # An indented line is prose: documents converted from PDF or a word processor indent
    # paragraphs, and a paragraph read as code would silently go untranslated (code is fenced).
    md.disable("code")
    _wrap(md, "table", _pipe_table)
    _wrap(md, "blockquote", _shallow)
    _wrap(md, "list", lambda rule: _shallow(_list_in_quote(rule)))
    # A footnote definition ends a block quote as it ends a paragraph.
    _wrap(md, "footnote_def", _shallow, "blockquote")
    return md


def _wrap(md: MarkdownIt, name: str, wrapper: Callable[[_Rule], _Rule], *alt: str) -> None:
    """Replace block rule `name` by `wrapper(rule)`, keeping (and adding to) the rules it ends."""
    rule = next(r for r in md.block.ruler.__rules__ if r.name == name)
    md.block.ruler.at(name, wrapper(rule.fn), {"alt": [*rule.alt, *alt]})


def _shallow(rule: _Rule) -> _Rule:
    """`rule`, except that it opens no container deeper than `MAX_NESTING`."""

    def shallow(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        return state.level < MAX_NESTING and rule(state, start, end, silent)

    return shallow


def _pipe_table(rule: _Rule) -> _Rule:
    """The GFM table rule for tables whose every row is a line that starts with a pipe
    (after indentation, no quote or list marker before it) and has another: a pipe or a
    dashed line in prose ("Costs | Benefits" over "---" is a setext heading) stays text."""

    def is_row(state: StateBlock, n: int) -> bool:
        at = state.bMarks[n] + state.tShift[n]
        line = state.src[at:state.eMarks[n]]
        before = state.src[state.src.rfind("\n", 0, at) + 1:at]
        return line.startswith("|") and "|" in line[1:] and not before.strip()

    def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if start + 1 >= end or not (is_row(state, start) and is_row(state, start + 1)):
            return False
        last = start + 2
        while last < end and is_row(state, last):
            last += 1
        return rule(state, start, last, silent)

    return table


def _list_in_quote(rule: _Rule) -> _Rule:
    """The list rule, except that a line continuing a block quote's paragraph lazily is
    paragraph text as CommonMark says, not a list: a wrapped line starting "2019. The"
    continues the quote, as it continues any paragraph."""

    def list_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if not (silent and state.parentType == "blockquote"):
            return rule(state, start, end, silent)
        state.parentType = "paragraph"
        try:
            return rule(state, start, end, silent)
        finally:
            state.parentType = "blockquote"

    return list_rule


class _Container:
    """An open block quote, list item or footnote definition."""

    __slots__ = ("fresh", "kind", "line")

    def __init__(self, kind: str, line: int) -> None:
        self.kind = kind
        self.line = line
        self.fresh = True  # no text block read inside it yet


class _MarkdownReader:
    """Turns markdown-it-py's block tokens into `Block`s with file ranges."""

    def __init__(self, src: str, first_line: int) -> None:
        self.src = src
        self.starts = line_starts(src)
        self.first = first_line
        self.blocks: list[Block] = []
        self.stack: list[_Container] = []
        self.quotes = 0
        self.in_refs = False

    def line(self, n: int) -> tuple[str, int]:
        """Line `n` of the parsed body (without its line break) and its file offset."""
        g = n + self.first
        start = self.starts[g]
        end = self.starts[g + 1] - 1 if g + 1 < len(self.starts) else len(self.src)
        return self.src[start:end], start

    def read(self, tokens: list[Token]) -> list[Block]:
        for i, tok in enumerate(tokens):
            kind = tok.type
            if kind.endswith("_close"):
                if kind in ("blockquote_close", "list_item_close", "footnote_reference_close"):
                    if self.stack.pop().kind == "quote":
                        self.quotes -= 1
            elif kind in ("blockquote_open", "list_item_open", "footnote_reference_open"):
                self.push(kind, tok)
            elif kind == "paragraph_open":
                self.paragraph(tok, tokens[i + 1])
            elif kind == "heading_open":
                self.heading(tok, tokens[i + 1])
            elif kind in ("tr_open", "hr", "html_block", "code_block", "fence"):
                self.leaf(tok)
        return self.blocks

    def push(self, kind: str, tok: Token) -> None:
        assert tok.map is not None
        if kind == "blockquote_open":
            self.quotes += 1
            self.stack.append(_Container("quote", tok.map[0]))
        else:
            self.stack.append(_Container("item" if kind == "list_item_open" else "footnote", tok.map[0]))

    def text_kind(self) -> str:
        """The kind of the next text block here: the first one of a list item or footnote
        definition is the item itself; later ones are paragraphs (or quote text)."""
        kind = "quote" if self.quotes else "paragraph"
        if self.stack:
            inner = self.stack[-1]
            if inner.fresh and inner.kind == "item":
                kind = "reference" if self.in_refs else "list-item"
            elif inner.fresh and inner.kind == "footnote":
                kind = "footnote"
            for container in self.stack:
                container.fresh = False
        return kind

    def leaf(self, tok: Token) -> None:
        """Table rows, thematic breaks, HTML blocks; code is read and left out."""
        assert tok.map is not None
        if tok.type == "tr_open":
            self.table_row(tok.map[0])
        elif tok.type == "hr":
            self.rule_line(tok.map[0])
        elif tok.type == "html_block":
            self.html(tok.map[0], tok.map[1])
        elif self.stack:
            self.text_kind()  # code is the container's first block all the same

    def rule_line(self, n: int) -> None:
        """A thematic break; inside a quote or list item its characters are the item's text,
        as they were before CommonMark was followed (no character of a container is lost)."""
        line, start = self.line(n)
        lead, tail = line_bounds(line)
        if not self.stack:
            self.blocks.append(Block("break", start + lead, start + tail))
            return
        a = self.content_start(line, n)
        if a < tail:
            self.text_line(None, self.text_kind(), line, start, a, tail)

    def content_start(self, line: str, n: int) -> int:
        """Where line `n`'s content starts after the markup of the open containers."""
        pos = _skip_blanks(line, 0)
        for container in self.stack:
            if container.kind == "quote":
                if not line.startswith(">", pos):
                    break  # a lazy continuation line
                pos = _skip_blanks(line, pos + 1)
            elif container.line == n and (m := _ITEM_MARKER.match(line, pos)):
                pos = _skip_blanks(line, m.end())
        return pos

    def paragraph(self, tok: Token, inline: Token) -> None:
        """A paragraph's lines, as markdown-it-py stripped them of container markup."""
        assert tok.map is not None
        kind = self.text_kind()
        cur: Block | None = None
        for n, piece in zip(range(tok.map[0], tok.map[1]), inline.content.split("\n")):
            line, start = self.line(n)
            a, tail = _piece_bounds(line, piece)
            cur = None if a >= tail else self.text_line(cur, kind, line, start, a, tail)

    def text_line(self, cur: Block | None, kind: str, line: str, start: int, a: int, tail: int) -> Block | None:
        """Add the text `line[a:tail]` to `cur` or start a block with it; the block it is in."""
        c = line[a]
        if c in "•⁃" and (bullet := _BULLET.match(line, a)):
            if bullet.end() >= tail:
                return None
            return self.open("reference" if self.in_refs else "list-item", start + bullet.end(), start + tail)
        if c == "[" and self.in_refs and _REF_ENTRY.match(line, a):
            return self.open("reference", start + a, start + tail)
        if c == "<" and _HTML_LINE.fullmatch(line, a, tail):
            return None  # tags alone on a line are structure
        if cur is not None:
            cur.add(self.src, start + a, start + tail)
            return cur
        if kind == "paragraph" and c == "<" and _FOOTNOTE_SUP.match(line, a):
            kind = "footnote"
        return self.open(kind, start + a, start + tail)

    def open(self, kind: str, start: int, end: int) -> Block:
        block = Block(kind, start, end)
        self.blocks.append(block)
        return block

    def heading(self, tok: Token, inline: Token) -> None:
        assert tok.map is not None and inline.map is not None
        content = inline.content
        self.text_kind()
        self.in_refs = bool(REFERENCES_HEADING.search(content))
        if not content:
            return
        if tok.markup.startswith("#"):
            line, start = self.line(tok.map[0])
            a = line.find(content, line.find(tok.markup) + len(tok.markup))
            if a >= 0:
                # In a container, a closing "#" sequence stays in the text: only the
                # markup before a heading's text is container markup.
                end = a + len(content) if not self.stack else line_bounds(line)[1]
                self.open("heading", start + a, start + end)
            return
        # A setext heading: its text lines, the underline left out.
        cur: Block | None = None
        for n, piece in zip(range(inline.map[0], inline.map[1]), content.split("\n")):
            line, start = self.line(n)
            a, tail = _piece_bounds(line, piece)
            if a >= tail:
                continue
            if cur is None:
                cur = self.open("heading", start + a, start + tail)
            else:
                cur.add(self.src, start + a, start + tail)

    def table_row(self, n: int) -> None:
        """A table row: each non-empty cell is a unit; the delimiter row is markup."""
        self.text_kind()
        line, start = self.line(n)
        a = self.content_start(line, n)
        tail = line_bounds(line)[1]
        row = line[a:tail]
        if _TABLE_SEP.fullmatch(row):
            return
        for cell in _TABLE_CELL.finditer(row):
            lead, end = line_bounds(cell.group())
            if lead < end:
                at = start + a + cell.start()
                self.open("table-cell", at + lead, at + end)

    def html(self, first: int, last: int) -> None:
        """An HTML block: tag lines and comments are structure, other lines are text."""
        kind = self.text_kind()
        line, _ = self.line(first)
        if _HTML_RAW.match(line, self.content_start(line, first)):
            return
        cur: Block | None = None
        in_comment = False
        for n in range(first, last):
            line, start = self.line(n)
            a = self.content_start(line, n)
            tail = line_bounds(line)[1]
            if a >= tail:
                cur = None
            elif in_comment or line.startswith("<!--", a):
                in_comment = "-->" not in line[a:tail]
                cur = None
            else:
                cur = self.text_line(cur, kind, line, start, a, tail)


def _skip_blanks(line: str, pos: int) -> int:
    n = len(line)
    while pos < n and line[pos] in " \t":
        pos += 1
    return pos


def _piece_bounds(line: str, piece: str) -> tuple[int, int]:
    """Where markdown-it-py's text of a line (`piece`, container markup removed) is in
    the file's `line`: the text is the end of the line, whitespace trimmed."""
    lead, tail = line_bounds(line)
    text = piece.strip()
    a = tail - len(text)
    if a < lead or not line.startswith(text, a):
        a = lead
    return a, tail


def parse_markdown_blocks(text: str) -> list[Block]:
    """Cut a Markdown document into blocks (see the module docstring)."""
    blocks: list[Block] = []
    first = 0
    body = 0
    fm = FRONT_MATTER.match(text)
    if fm is not None:
        blocks.append(Block("skip", 0, fm.end()))
        first = text.count("\n", 0, fm.end()) + (0 if text[fm.end() - 1] == "\n" else 1)
        body = fm.end() if text[fm.end() - 1] == "\n" else len(text)
    # Only "\n" ends a line here, as for the rest of the segmenter; markdown-it-py would also
    # end one at a lone "\r" and changes NUL (both keep the length).
    src = text.replace("\r", " ").replace("\0", "\ufffd") if "\r" in text or "\0" in text else text
    reader = _MarkdownReader(src, first)
    reader.blocks = blocks
    return reader.read(_parser().parse(src[body:]))
