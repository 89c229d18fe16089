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
from termguard.segment.blocks import FRONT_MATTER, Block
from termguard.segment.mdblocks import parse_markdown_blocks
from termguard.segment.plainblocks import parse_plain_blocks
from termguard.segment.rules import FOOTNOTE_MARK, RuleSplitter


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

# A paragraph that ends like this is finished; anything else may continue after a page break.
_TERMINATED = re.compile(r"[.!?…:;‽](?:[\"'”’»)\]*_]|</[A-Za-z]+>|" + FOOTNOTE_MARK + r")*$")
_LEAD_LETTER = re.compile(r"(?:[*_\"'“‘«„(\[]|<[A-Za-z][^>]*>)*(\w)")

def parse_blocks(text: str, markdown: bool = True, *, plain_structure: bool = False) -> list[Block]:
    """Cut `text` into blocks: Markdown structure (`termguard.segment.mdblocks`), or with
    `markdown=False` blank lines only, unless `plain_structure` asks for that of plain-text
    documents and reStructuredText (`termguard.segment.plainblocks`)."""
    if markdown:
        return parse_markdown_blocks(text)
    return parse_plain_blocks(text, plain_structure)


def _is_open(text: str, block: Block) -> bool:
    """True when a paragraph stops without terminal punctuation (cut by a page break)."""
    start, end, _ = block.ranges[-1]
    # The longest ending: a mark, closing quotes and tags, a footnote marker.
    return _TERMINATED.search(text, max(start, end - 64), end) is None


def _starts_lower(text: str, block: Block) -> bool:
    start, end, _ = block.ranges[0]
    m = _LEAD_LETTER.match(text, start, min(end, start + 64))
    return m is not None and m.group(1).islower()


def repair_page_breaks(text: str, blocks: list[Block]) -> list[Block]:
    """Join paragraphs cut mid-sentence by a blank line or by a `---` + footnote block.

    The first part lacks terminal punctuation and the next paragraph starts in lower case;
    footnotes in between stay units of their own.
    """
    out: list[Block] = []
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


def _split_line_lists(text: str, blocks: list[Block]) -> list[Block]:
    """In plain text, a paragraph of short lines none of which ends in punctuation is a list
    written one item per line ("features / contact manager / events, activities"): one
    paragraph per line. Wrapped prose has long lines or ends in punctuation."""
    out: list[Block] = []
    for block in blocks:
        ranges = block.ranges
        if (
            block.kind == "paragraph"
            and len(ranges) > 1
            and all(b - a <= _LINE_LIST_MAX and text[b - 1] not in ".!?…:;,-" for a, b, _ in ranges)
        ):
            out.extend(Block("paragraph", a, b) for a, b, _ in ranges)
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


def _block_units(text: str, block: Block, kind: str, splitter: Splitter | None) -> list[tuple[str, tuple, tuple]]:
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
    fm = FRONT_MATTER.match(text)
    if fm is not None and (m := _FRONT_MATTER_LANG.search(text, 0, fm.end())):
        return m.group(1)
    m = _LANG_IN_NAME.search(name)
    return m.group(1) if m else default


def split_sentences(text: str, lang: str = "en", *, splitter: Splitter | None = None) -> list[str]:
    """Split plain text into sentences: blank lines end paragraphs, line breaks inside are spaces."""
    return [seg.text for seg in segment_text(text, lang, splitter=splitter, markdown=False)]
