"""The reference list of a Markdown document, and the citations `[n]` that point into it.

SPEC §5.1: the `References` section (also Bibliography, Sources, Литература, Источники,
Kaynaklar) holds numbered entries: `- [3] А. Ермаков, «Турецкий пат». *Kommersant*,
07.10.2025, <https://…> (download date: 06.02.2026).` Each is parsed into number,
authors, title, outlet, date, URL and access date, with offsets into the document so
rules can point at the exact field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termguard.sources.dates import find_dates
from termguard.translit.names import RussianName, russian_names
from termguard.translit.schemes import has_cyrillic

_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$")
# Possessive runs: each run of blanks or markers is taken whole (what follows it can never
# be a blank or a marker), so a line of 20,000 spaces is read once, not once per split.
_PLAIN_TITLE = re.compile(r"(?i)^[ \t]*+[*_]*+[ \t]*+(references|bibliography|sources|works cited|литература|источники|список литературы|kaynaklar|kaynakça)[ \t]*+:?[ \t]*+[*_]*+[ \t]*+$")
_REF_TITLE = re.compile(r"(?i)\b(references|bibliography|sources|works cited|литература|источники|список литературы|kaynaklar|kaynakça)\b")
_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+][ \t]+)?\[(\d{1,4})\][ \t]*|^[ \t]{0,3}(\d{1,4})[.)][ \t]+")
_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>|\[[^\[\]]*+\]\(((?:https?|ftp)://(?:[^()\s]|\([^()\s]*\))+)\)|((?:https?|ftp)://[^\s<>()\]]+)")
_ACCESS = re.compile(r"\((?:download date|downloaded|accessed(?: on)?|access date|retrieved(?: on)?|дата обращения|erişim tarihi)\s*:?\s*([^)]*)\)", re.I)
_OUTLET = re.compile(r"(?<![*\w])\*(?!\*)([^*\n]+?)\*(?!\*)")
_INITIAL = re.compile(r"(?<![\w])[A-ZА-ЯЁ]\.")
_CITATION = re.compile(r"\[(\d{1,4}(?:\s*+[,;–—-]\s*+\d{1,4})*)\](?!\()")
# Separators inside a citation, matched from the start of a blank run only (a long run of
# blanks is not retried from each blank).
_LIST_SEP = re.compile(r"(?<!\s)\s*+[,;]\s*+")
_RANGE_SEP = re.compile(r"(?<!\s)\s*+[–—-]\s*+")
_MASK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>|\]\((?:[^()\s]|\([^()\s]*\))*\)|(?:https?|ftp)://[^\s<>()\]]+|`+[^`]*`+")
_QUOTES = {"«": "»", "“": "”", '"': '"', "„": "“"}


@dataclass(frozen=True, slots=True)
class Reference:
    """One entry of the reference list; `*_span` are `[start, end)` offsets in the document."""

    number: int
    text: str
    start: int
    end: int
    line: int
    authors: str | None = None
    title: str | None = None
    outlet: str | None = None
    outlet_span: tuple[int, int] | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None
    url: str | None = None
    url_span: tuple[int, int] | None = None
    access_date: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The fields people and JSON consumers read."""
        return {
            "number": self.number, "line": self.line, "authors": self.authors, "title": self.title,
            "outlet": self.outlet, "date": self.date, "url": self.url, "access_date": self.access_date,
        }


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation `[n]` in the body: the number it cites and where (`[start, end)` of the brackets)."""

    number: int
    start: int
    end: int


def mask_urls(text: str) -> str:
    """URLs, link targets and code replaced by spaces (offsets kept)."""
    return _MASK.sub(lambda m: " " * (m.end() - m.start()), text)


def reference_section(text: str) -> tuple[int, int] | None:
    """`[start, end)` of the references section's body (after its heading), or None."""
    pos = 0
    start: int | None = None
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        m = _HEADING.match(bare)
        if m:
            if start is not None:
                return start, pos
            if _REF_TITLE.search(m.group(1)):
                start = pos + len(line)
        elif start is None and _PLAIN_TITLE.match(bare):
            start = pos + len(line)  # a plain-text document's "References" line
        pos += len(line)
    return (start, len(text)) if start is not None else None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_references(text: str) -> list[Reference]:
    """Every numbered entry of the document's references section, in order."""
    section = reference_section(text)
    if section is None:
        return []
    sec_start, sec_end = section
    items: list[tuple[int, int, int]] = []  # (number, body start, entry start)
    pos = sec_start
    ends: list[int] = []
    for line in text[sec_start:sec_end].splitlines(keepends=True):
        m = _ITEM.match(line)
        if m:
            if items:
                ends.append(pos)
            number = int(m.group(1) or m.group(2))
            items.append((number, pos + m.end(), pos))
        pos += len(line)
    if items:
        ends.append(sec_end)
    return [_parse_entry(text, number, body, entry_start, end) for (number, body, entry_start), end in zip(items, ends)]


def _parse_entry(text: str, number: int, body_start: int, entry_start: int, end: int) -> Reference:
    body = text[body_start:end].rstrip()
    end = body_start + len(body)
    masked = mask_urls(body)
    url = url_span = None
    m = _URL.search(body)
    if m:
        group = next(i for i in (1, 2, 3) if m.group(i))
        url = m.group(group).replace("\\_", "_").replace("\\", "")
        url_span = (body_start + m.start(group), body_start + m.end(group))
    access = None
    a = _ACCESS.search(masked)
    if a:
        access = body[a.start(1):a.end(1)].strip() or None
    limit = m.start() if m else (a.start() if a else len(body))
    outlet = outlet_span = None
    outlets = list(_OUTLET.finditer(masked, 0, limit))
    if outlets:
        o = outlets[-1]
        outlet = body[o.start(1):o.end(1)].strip().rstrip(",.")
        outlet_span = (body_start + o.start(1), body_start + o.start(1) + len(outlet))
    date = date_span = None
    after = outlets[-1].end() if outlets else 0
    for d in find_dates(masked[:limit]):
        if d.start >= after:
            date, date_span = d.text, (body_start + d.start, body_start + d.end)
            break
    title_end = outlets[-1].start() if outlets else (date_span[0] - body_start if date_span else limit)
    authors, title = _authors_title(body[:title_end])
    return Reference(number, text[entry_start:end], entry_start, end, _line_of(text, entry_start), authors, title,
                     outlet, outlet_span, date, date_span, url, url_span, access)


def _authors_title(head: str) -> tuple[str | None, str | None]:
    head = re.sub(r"\\(?=[\\`*_{}\[\]()#+\-.!$])", "", head).strip().rstrip(".,;: ")
    opens = [(head.find(q), q) for q in _QUOTES if q in head]
    if not opens:
        return None, head or None
    at, quote = min(opens)
    close = head.rfind(_QUOTES[quote])
    title = head[at + 1: close] if close > at else head[at + 1:]
    prefix = head[:at].strip().rstrip(".,;: ")
    if prefix and _INITIAL.search(prefix):
        return prefix, title.strip() or None
    if prefix:
        return None, f"{prefix} {head[at:].strip()}".strip()
    return None, title.strip() or None


def find_citations(text: str) -> list[Citation]:
    """Citations `[n]`, `[7, 8]`, `[3–5]` in the body (outside the references section, URLs, code)."""
    section = reference_section(text)
    masked = mask_urls(text)
    out: list[Citation] = []
    for m in _CITATION.finditer(masked):
        if section and section[0] <= m.start() < section[1]:
            continue
        inner = m.group(1)
        for part in _LIST_SEP.split(inner):
            bounds = _RANGE_SEP.split(part)
            if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit() and int(bounds[0]) < int(bounds[1]) <= int(bounds[0]) + 50:
                out.extend(Citation(n, m.start(), m.end()) for n in range(int(bounds[0]), int(bounds[1]) + 1))
            elif part.isdigit():
                out.append(Citation(int(part), m.start(), m.end()))
    return out


def reference_names(text: str, refs: list[Reference] | None = None) -> list[RussianName]:
    """Russian names of a document: those in its text and the words of Cyrillic outlets."""
    names = russian_names(text)
    taken = {(n.start, n.end) for n in names}
    for ref in refs if refs is not None else parse_references(text):
        if ref.outlet and ref.outlet_span and has_cyrillic(ref.outlet):
            for m in re.finditer(r"[А-ЯЁа-яё]+", ref.outlet):
                span = (ref.outlet_span[0] + m.start(), ref.outlet_span[0] + m.end())
                if span in taken or not m.group()[:1].isupper():
                    continue
                word = m.group()
                if len(word) > 1 and word.isupper():
                    names.append(RussianName(word, word, "acronym", *span))
                else:
                    # An outlet's name is written in the nominative: kept as it is, not lemmatised
                    # («Независимая Газета» stays feminine).
                    names.append(RussianName(word, word, "outlet", *span))
    names.sort(key=lambda n: n.start)
    return names
