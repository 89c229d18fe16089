"""Block structure and sentence splitting for Markdown documents.

The document is first cut into blocks (headings, paragraphs, list entries, thematic
breaks); paragraphs are then split into sentences. Text is never altered: a segment's text
is its spans with each run of whitespace that contains a line break collapsed to one space.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from termguard.positions import LineIndex


@dataclass(frozen=True, slots=True)
class Segment:
    """One translation unit cut from a document.

    `spans` are `[start, end)` offsets in the file; `pieces` map text offsets to file
    offsets (`(text_offset, file_offset)`, a new piece after every collapsed whitespace run).
    """

    id: str
    kind: str
    text: str
    spans: tuple[tuple[int, int], ...]
    pieces: tuple[tuple[int, int], ...]
    line: int


@dataclass(frozen=True, slots=True)
class _Block:
    kind: str
    start: int
    end: int


_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_THEMATIC = re.compile(r"[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$")
_LIST = re.compile(r"[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_FOOTNOTE = re.compile(r"[ \t]{0,3}(?:<sup>\s*\w+\s*</sup>|\[\^[^\]]+\]:)")
_REFERENCES_HEADING = re.compile(r"(?i)\b(references|bibliography|sources|литература|источники|kaynaklar|kaynakça)\b")

_ABBREVIATIONS = {
    "en": {
        "u.s", "u.k", "u.n", "rus", "prof", "dr", "mr", "mrs", "ms", "st", "approx", "i.e", "e.g",
        "p", "pp", "no", "vs", "etc", "jr", "sr", "inc", "ltd", "co", "corp", "gen", "col", "lt",
        "sgt", "fig", "vol", "ed", "eds", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "ch", "sec", "art",
    },
    "ru": {"г", "гг", "т.е", "т.д", "т.п", "т", "д", "др", "пр", "см", "ср", "им", "ул", "млн", "млрд", "тыс", "руб", "стр", "с", "рис", "проф"},
    "tr": {"dr", "prof", "doç", "vb", "vs", "bkz", "yy", "sn", "no", "s", "örn", "mr", "av"},
}

_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]*_]*(?:<\/sup>)?")


def _stable_id(kind: str, text: str, seen: dict[str, int]) -> str:
    """An id from the unit's kind, its normalised text and its occurrence number.

    Content, not position, decides the id, so editing one paragraph leaves the ids of all
    other units unchanged.
    """
    norm = " ".join(text.split())
    digest = hashlib.blake2b(f"{kind}\0{norm}".encode("utf-8"), digest_size=4).hexdigest()
    base = f"{kind[0]}-{digest}"
    count = seen.get(base, 0) + 1
    seen[base] = count
    return base if count == 1 else f"{base}-{count}"


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    pos = 0
    length = len(text)
    in_refs = False
    para_start = -1
    para_kind = "paragraph"

    def close(end: int) -> None:
        nonlocal para_start
        if para_start >= 0:
            blocks.append(_Block(para_kind, para_start, end))
            para_start = -1

    while pos < length:
        nl = text.find("\n", pos)
        line_end = length if nl == -1 else nl
        line = text[pos:line_end]
        nxt = line_end + 1
        if not line.strip():
            close(pos)
        elif _HEADING.match(line):
            close(pos)
            blocks.append(_Block("heading", pos, line_end))
            in_refs = bool(_REFERENCES_HEADING.search(line))
        elif _THEMATIC.match(line):
            close(pos)
        elif _LIST.match(line):
            close(pos)
            para_start = pos
            para_kind = "reference" if in_refs else "list-item"
        elif para_start < 0:
            para_start = pos
            para_kind = "footnote" if _FOOTNOTE.match(line) else "paragraph"
        pos = nxt
    close(length)
    return blocks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int, lang: str) -> bool:
    """True when the '.' at `dot` ends an abbreviation or an initial, not a sentence."""
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(«“\"*":
        word_start -= 1
    word = text[word_start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: R. T. Erdogan, А. Ермаков
    low = word.lower()
    abbreviations = _ABBREVIATIONS.get(lang, _ABBREVIATIONS["en"])
    return low in abbreviations or low.rstrip(".") in abbreviations


def _sentence_cuts(text: str, start: int, end: int, lang: str) -> list[int]:
    """File offsets at which a paragraph `[start, end)` is cut into sentences."""
    cuts = []
    for m in _SENT_END.finditer(text, start, end):
        after = m.end()
        if after >= end or not text[after].isspace():
            continue
        nxt = after
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            continue
        first = text[nxt]
        if not (first.isupper() or first.isdigit() or first in "«“\"'*(<["):
            continue
        punct = m.group()
        if punct.startswith(".") and _is_abbreviation(text, m.start(), lang):
            continue
        cuts.append(after)
    return cuts


def _make_segment(text: str, kind: str, start: int, end: int, lines: LineIndex, seen: dict[str, int]) -> Segment | None:
    start, end = _trim(text, start, end)
    if start >= end:
        return None
    out: list[str] = []
    pieces: list[tuple[int, int]] = [(0, start)]
    i = start
    length = 0
    while i < end:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < end and text[j].isspace():
                j += 1
            run = text[i:j]
            if "\n" in run:
                out.append(" ")
                length += 1
                pieces.append((length, j))
            else:
                out.append(run)
                length += len(run)
            i = j
        else:
            out.append(ch)
            length += 1
            i += 1
    seg_text = "".join(out)
    return Segment(
        id=_stable_id(kind, seg_text, seen),
        kind=kind,
        text=seg_text,
        spans=((start, end),),
        pieces=tuple(pieces),
        line=lines.line_of(start),
    )


def segment_text(text: str, lang: str = "en") -> list[Segment]:
    """Split a Markdown document into segments: headings, sentences, list and reference entries."""
    lines = LineIndex(text)
    seen: dict[str, int] = {}
    segments: list[Segment] = []
    for block in _blocks(text):
        if block.kind == "paragraph":
            bounds = [block.start, *_sentence_cuts(text, block.start, block.end, lang), block.end]
            for a, b in zip(bounds, bounds[1:]):
                seg = _make_segment(text, "sentence", a, b, lines, seen)
                if seg is not None:
                    segments.append(seg)
        else:
            seg = _make_segment(text, block.kind, block.start, block.end, lines, seen)
            if seg is not None:
                segments.append(seg)
    return segments
