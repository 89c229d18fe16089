"""Block structure, page-break repair and sentence splitting for Markdown and plain text.

The document is first cut into blocks (headings, paragraphs, list and reference entries,
footnotes, table cells; thematic breaks, code and comments are structure, not units).
A block is a list of line ranges with the block markup (`## `, `- `, `> `) left out.
Paragraphs broken by a page break (a blank line, or a `---` + footnote block, in the middle
of a sentence) are joined again. Paragraphs are then split into sentences.

Text is never altered: a unit's text is its line ranges joined by one space, which is the
file text with each whitespace run that holds a line break collapsed to one space.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Protocol

from termguard.positions import LineIndex
from termguard.segment.rules import RuleSplitter


@dataclass(frozen=True, slots=True)
class Segment:
    """One translation unit cut from a document.

    `spans` are `[start, end)` offsets in the file (several when a page break or a footnote
    block interrupts the unit); `pieces` map text offsets to file offsets
    (`(text_offset, file_offset)`, a new piece after every collapsed line break).
    """

    id: str
    kind: str
    text: str
    spans: tuple[tuple[int, int], ...]
    pieces: tuple[tuple[int, int], ...]
    line: int


class Splitter(Protocol):
    """Anything that finds sentence ends in a paragraph's text (built-in rules, SRX)."""

    def cuts(self, s: str) -> list[int]:
        """Offsets in `s` where sentences end."""


# Kinds whose blocks are split into sentences; the others are one unit each.
_SENTENCE_BLOCKS = frozenset({"paragraph", "quote"})
# Blocks that are structure only, never units.
_STRUCTURE = frozenset({"break", "skip"})
KIND_LETTERS = {"heading": "h", "sentence": "s", "reference": "r", "footnote": "f", "list-item": "l", "table-cell": "t"}

_SPECIAL_START = frozenset("#>-*+=_|`~<[•⁃0123456789")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
# (From the start of a blank run only, runs taken whole: linear on a line of blanks.)
_ATX_CLOSE = re.compile(r"(?<![ \t])[ \t]++#++[ \t]*+$|^#++[ \t]*+$")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*")
_LIST = re.compile(r"(?:[-*+•⁃]|\d{1,9}[.)])(?:[ \t]+|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]\s]+\]:[ \t]*")
_FOOTNOTE_SUP = re.compile(r"<sup>\s*[\w*†‡]+\s*</sup>")
_REF_ENTRY = re.compile(r"\[\d+\]")
_QUOTE = re.compile(r"(?:>[ \t]?)+")
_TABLE_SEP = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_TABLE_CELL = re.compile(r"(?:\\.|[^|\\])+")
_HTML_LINE = re.compile(r"(?:</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>[ \t]*)+")
_REFERENCES_HEADING = re.compile(
    r"(?i)\b(references|bibliography|sources|works cited|notes|литература|источники|список литературы|kaynaklar|kaynakça)\b"
)
# A paragraph that ends like this is finished; anything else may continue after a page break.
_TERMINATED = re.compile(r"[.!?…:;‽](?:[\"'”’»)\]*_]|</[A-Za-z]+>)*$")
_LEAD_LETTER = re.compile(r"(?:[*_\"'“‘«„(\[]|<[A-Za-z][^>]*>)*(\w)")
# Plain text and reStructuredText: bullets and enumerators, section adornment lines
# (under- and overlines), and explicit markup that is not prose (link targets, comments,
# substitution definitions, directive lines); `.. [1] text` is a footnote.
_PLAIN_LIST = re.compile(r"(?:[-*+•‣⁃]|(\d{1,9}|#|\(\d{1,9}\))[.)]?)(?:[ \t]+|$)")
_ADORNMENT = re.compile(r"([=\-~^\"'`#*+:_])\1{2,}[ \t]*")
_RST_SKIP = re.compile(r"\.\.(?:[ \t]+(?:_[^:]*:|\|[^|]+\|)|[ \t]*$|[ \t]+(?!\[)(?![\w:-]+::))|__(?:[ \t]|$)")
_RST_DIRECTIVE = re.compile(r"\.\.[ \t]+[\w:-]+::")
_RST_FOOTNOTE = re.compile(r"\.\.[ \t]+\[[^\]\s]+\][ \t]*")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:[ \t]*(?:#.*|[\w.-]+[ \t]*:.*|-[ \t].*|[ \t]+\S.*)?\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")


class _Block:
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


def _line_bounds(line: str) -> tuple[int, int]:
    """Offsets of the first and past-the-last non-whitespace characters of a line."""
    stripped = line.lstrip()
    lead = len(line) - len(stripped)
    return lead, lead + len(stripped.rstrip())


def parse_blocks(text: str, markdown: bool = True, *, plain_structure: bool = False) -> list[_Block]:
    """Cut `text` into blocks. With `markdown=False`, blank lines are the only structure,
    unless `plain_structure` asks for that of plain-text documents and reStructuredText:
    bullets and enumerators, section adornments, link targets and comments."""
    blocks: list[_Block] = []
    cur: _Block | None = None
    in_refs = False
    fence: str | None = None
    in_comment = False
    skip_body = False
    pos = 0
    lines = text.split("\n")
    first = 0
    fm = _FRONT_MATTER.match(text) if markdown else None
    if fm is not None:
        # YAML front matter: metadata, not units.
        blocks.append(_Block("skip", 0, fm.end()))
        first = text.count("\n", 0, fm.end()) + (0 if text[fm.end() - 1] == "\n" else 1)
        pos = fm.end()
    for line in lines[first:]:
        start = pos
        pos += len(line) + 1
        if fence is not None:
            if line.lstrip().startswith(fence):
                fence = None
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        lead, tail = _line_bounds(line)
        if lead == tail:
            cur = None
            continue
        c = line[lead]
        if not markdown and plain_structure:
            if skip_body and lead > 0:
                continue  # the indented body of a link target or comment
            skip_body = False
            kind = _plain_structure(line[lead:tail], cur)
            if kind == "skip":
                cur, skip_body = None, True
                continue
            if kind == "adornment":
                if cur is not None and cur.kind == "paragraph" and len(cur.ranges) == 1:
                    cur.kind = "heading"
                cur = None
                continue
            if kind == "directive":
                # `.. note:: Be careful.`: the text after the directive's name is prose.
                cur = None
                after = line.index("::", lead) + 2
                while after < tail and line[after] in " \t":
                    after += 1
                if after < tail:
                    cur = _Block("paragraph", start + after, start + tail)
                    blocks.append(cur)
                continue
            if kind is not None:
                marker = _RST_FOOTNOTE.match(line, lead) if kind == "footnote" else _PLAIN_LIST.match(line, lead)
                assert marker is not None
                cur = None
                if marker.end() < tail:
                    cur = _Block(kind, start + marker.end(), start + tail)
                    blocks.append(cur)
                continue
        if not markdown or c not in _SPECIAL_START:
            if cur is not None:
                cur.add(text, start + lead, start + tail)
            else:
                cur = _Block("paragraph", start + lead, start + tail)
                blocks.append(cur)
            continue
        stripped = line[lead:tail]
        if lead < 4 and c in "`~" and (fm := _FENCE.match(stripped)):
            fence = fm.group(1)
            cur = None
            continue
        if c == "<" and stripped.startswith("<!--"):
            if "-->" not in stripped:
                in_comment = True
            cur = None
            continue
        if c == "#" and (hm := _ATX.match(stripped)):
            cur = None
            content = stripped[hm.end():]
            close = _ATX_CLOSE.search(content)
            if close is not None:
                content = content[: close.start()]
            content = content.rstrip()
            if content:
                cstart = start + lead + hm.end()
                blocks.append(_Block("heading", cstart, cstart + len(content)))
            in_refs = bool(_REFERENCES_HEADING.search(content))
            continue
        if c in "=-" and cur is not None and cur.kind == "paragraph" and _SETEXT.fullmatch(stripped):
            cur.kind = "heading"
            in_refs = bool(_REFERENCES_HEADING.search(text[cur.ranges[0][0]: cur.ranges[-1][1]]))
            cur = None
            continue
        if c in "-*_" and _THEMATIC.fullmatch(stripped):
            blocks.append(_Block("break", start + lead, start + tail))
            cur = None
            continue
        lm = _LIST.match(stripped)
        if lm is not None and c.isdigit() and cur is not None and cur.kind in ("paragraph", "quote"):
            # As in CommonMark, only "1." may interrupt a paragraph: a wrapped line that
            # starts "2019. The ..." continues it.
            if stripped[: lm.end()].rstrip()[:-1] != "1":
                lm = None
        if lm is not None:
            cur = None
            content_at = lead + lm.end()
            if content_at < tail:
                cur = _Block("reference" if in_refs else "list-item", start + content_at, start + tail)
                blocks.append(cur)
            continue
        if c == ">":
            qm = _QUOTE.match(stripped)
            assert qm is not None  # `stripped` starts with ">", which _QUOTE always matches
            content_at = lead + qm.end()
            while content_at < tail and line[content_at] in " \t":
                content_at += 1
            if content_at >= tail:
                cur = None
            elif cur is not None and cur.kind == "quote":
                cur.add(text, start + content_at, start + tail)
            else:
                cur = _Block("quote", start + content_at, start + tail)
                blocks.append(cur)
            continue
        if c == "|" and "|" in stripped[1:]:
            cur = None
            if _TABLE_SEP.fullmatch(stripped):
                continue
            for cell in _TABLE_CELL.finditer(stripped):
                a, b = _line_bounds(cell.group())
                if a < b:
                    cstart = start + lead + cell.start()
                    blocks.append(_Block("table-cell", cstart + a, cstart + b))
            continue
        if c == "[" and in_refs and _REF_ENTRY.match(stripped):
            cur = _Block("reference", start + lead, start + tail)
            blocks.append(cur)
            continue
        if c == "[" and (fd := _FOOTNOTE_DEF.match(stripped)):
            cur = None
            if lead + fd.end() < tail:
                cur = _Block("footnote", start + lead + fd.end(), start + tail)
                blocks.append(cur)
            continue
        if c == "<" and _HTML_LINE.fullmatch(stripped):
            cur = None
            continue
        # A paragraph line that merely starts with a special character.
        if cur is not None:
            cur.add(text, start + lead, start + tail)
            continue
        kind = "paragraph"
        if c == "<" and _FOOTNOTE_SUP.match(stripped):
            kind = "footnote"
        cur = _Block(kind, start + lead, start + tail)
        blocks.append(cur)
    return blocks


def _plain_structure(stripped: str, cur: _Block | None) -> str | None:
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


def _is_open(text: str, block: _Block) -> bool:
    """True when a paragraph stops without terminal punctuation (cut by a page break)."""
    start, end, _ = block.ranges[-1]
    return _TERMINATED.search(text, max(start, end - 16), end) is None


def _starts_lower(text: str, block: _Block) -> bool:
    start, end, _ = block.ranges[0]
    m = _LEAD_LETTER.match(text, start, min(end, start + 64))
    return m is not None and m.group(1).islower()


def repair_page_breaks(text: str, blocks: list[_Block]) -> list[_Block]:
    """Join paragraphs cut mid-sentence by a blank line or by a `---` + footnote block.

    The first part lacks terminal punctuation and the next paragraph starts in lower case;
    footnotes in between stay units of their own.
    """
    out: list[_Block] = []
    i, n = 0, len(blocks)
    while i < n:
        block = blocks[i]
        out.append(block)
        i += 1
        if block.kind != "paragraph":
            continue
        while _is_open(text, block):
            j = i
            footnotes = []
            while j < n and blocks[j].kind in ("break", "footnote"):
                footnotes.append(blocks[j])
                j += 1
            if footnotes and not any(b.kind == "footnote" for b in footnotes):
                break
            if j >= n or blocks[j].kind != "paragraph" or not _starts_lower(text, blocks[j]):
                break
            nxt = blocks[j]
            block.ranges.append((nxt.ranges[0][0], nxt.ranges[0][1], True))
            block.ranges.extend(nxt.ranges[1:])
            out.extend(footnotes)
            i = j + 1
    return out


_LINE_LIST_MAX = 40


def _split_line_lists(text: str, blocks: list[_Block]) -> list[_Block]:
    """In plain text, a paragraph of short lines none of which ends in punctuation is a list
    written one item per line ("features / contact manager / events, activities"): one
    paragraph per line. Wrapped prose has long lines or ends in punctuation."""
    out: list[_Block] = []
    for block in blocks:
        ranges = block.ranges
        if (
            block.kind == "paragraph"
            and len(ranges) > 1
            and all(b - a <= _LINE_LIST_MAX and text[b - 1] not in ".!?…:;,-" for a, b, _ in ranges)
        ):
            out.extend(_Block("paragraph", a, b) for a, b, _ in ranges)
        else:
            out.append(block)
    return out


def stable_id(kind: str, text: str, seen: dict[str, int]) -> str:
    """An id from the unit's kind, its normalised text and its occurrence number.

    Content, not position, decides the id, so editing one paragraph leaves the ids of all
    other units unchanged.
    """
    norm = " ".join(text.split())
    digest = hashlib.blake2b(f"{kind}\0{norm}".encode(), digest_size=4).hexdigest()
    base = f"{KIND_LETTERS.get(kind, kind[0])}-{digest}"
    count = seen.get(base, 0) + 1
    seen[base] = count
    return base if count == 1 else f"{base}-{count}"


def _block_units(text: str, block: _Block, kind: str, splitter: Splitter | None) -> list[tuple[str, tuple, tuple]]:
    """Cut one block into `(text, spans, pieces)` triples."""
    ranges = block.ranges
    if len(ranges) == 1:
        s = text[ranges[0][0]: ranges[0][1]]
    else:
        s = " ".join([text[a:b] for a, b, _ in ranges])
    cuts = splitter.cuts(s) if splitter is not None else ()
    # Text offset where each range starts.
    tstarts = []
    t = 0
    for a, b, _ in ranges:
        tstarts.append(t)
        t += b - a + 1
    units = []
    k = 0
    prev = 0
    last = len(ranges) - 1
    for cut in (*cuts, len(s)):
        a = prev
        b = cut
        prev = cut
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        while k < last and tstarts[k + 1] <= a:
            k += 1
        fstart = ranges[k][0] + (a - tstarts[k])
        pieces = [(0, fstart)]
        spans = []
        span_start = fstart
        j = k
        while j < last and tstarts[j + 1] < b:
            j += 1
            r0, _, new_span = ranges[j]
            pieces.append((tstarts[j] - a, r0))
            if new_span:
                spans.append((span_start, ranges[j - 1][1]))
                span_start = r0
        spans.append((span_start, ranges[j][0] + (b - tstarts[j])))
        units.append((s[a:b], tuple(spans), tuple(pieces)))
    return units


def segment_text(
    text: str, lang: str = "en", *, splitter: Splitter | None = None, markdown: bool = True, plain_structure: bool = False
) -> list[Segment]:
    """Split a Markdown (or, with `markdown=False`, plain-text) document into units.

    `plain_structure` (plain text only) reads a plain-text or reStructuredText document's
    own structure: each bullet or numbered item is a unit, section under/overlines are
    headings' markup, link targets and comments are not units.

    Units come in document order: headings, sentences, list and reference entries,
    footnotes, table cells. `splitter` replaces the built-in sentence rules (e.g. an SRX
    splitter).
    """
    splitter = splitter or RuleSplitter(lang)
    lines = LineIndex(text)
    seen: dict[str, int] = {}
    units: list[tuple[int, str, str, tuple, tuple]] = []
    blocks = repair_page_breaks(text, parse_blocks(text, markdown, plain_structure=plain_structure))
    if not markdown:
        blocks = _split_line_lists(text, blocks)
    for block in blocks:
        if block.kind in _STRUCTURE:
            continue
        if block.kind in _SENTENCE_BLOCKS:
            kind, split = "sentence", splitter
        else:
            kind, split = block.kind, None
        for seg_text, spans, pieces in _block_units(text, block, kind, split):
            units.append((spans[0][0], kind, seg_text, spans, pieces))
    units.sort(key=lambda u: u[0])
    return [
        Segment(id=stable_id(kind, seg_text, seen), kind=kind, text=seg_text, spans=spans, pieces=pieces, line=lines.line_of(start))
        for start, kind, seg_text, spans, pieces in units
    ]


_FRONT_MATTER_LANG = re.compile(r"(?m)^(?:lang|language)[ \t]*:[ \t]*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)")
_LANG_IN_NAME = re.compile(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\.(?:md|markdown|txt)$")


def guess_lang(name: str, text: str, default: str = "en") -> str:
    """The document's language: front matter `lang:`, else a name like `x.ru.md`, else `default`."""
    fm = _FRONT_MATTER.match(text)
    if fm is not None and (m := _FRONT_MATTER_LANG.search(text, 0, fm.end())):
        return m.group(1)
    m = _LANG_IN_NAME.search(name)
    return m.group(1) if m else default


def split_sentences(text: str, lang: str = "en", *, splitter: Splitter | None = None) -> list[str]:
    """Split plain text into sentences: blank lines end paragraphs, line breaks inside are spaces."""
    return [seg.text for seg in segment_text(text, lang, splitter=splitter, markdown=False)]
