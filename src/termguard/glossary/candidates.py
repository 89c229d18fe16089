"""Term candidates: names and terms a document uses that the glossary does not cover yet.

Four kinds, found in the markup-transparent prose of each unit:

* `acronym`: all-capital words and designations (`SSB`, `ROE`, `HQ-9`, `Su-57`);
* `name`: runs of two or more capitalised words, with `of`/`the`/`for`/`and` inside
  (`Presidency of Defense Industries`), minus sentence-initial function words and a
  unit's first word when the document never capitalises it elsewhere ("Tools of American
  pressure"), and not inside a quoted headline in title case;
* `quoted`: short quoted names (“Triumf”, «Триумф», "Triumph"), up to five words;
* `russian-name`: Cyrillic names in the reference list: surnames after initials
  (`А. Ермаков` → Ермаков), and capitalised Cyrillic words and word runs.

A candidate is dropped when it overlaps a glossary match in its unit (the document's
language, and Russian for Cyrillic) or is itself a glossary form. The rest are grouped by
text, counted, and sorted most frequent first, with the first occurrence's line and context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termguard.glossary.model import Glossary
from termguard.model import Document

_CYR = re.compile(r"[А-Яа-яЁё]")
_ACRONYM = re.compile(
    r"(?<![\w\-/.])(?:[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]+(?:/[A-ZА-ЯЁ])?|[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]?-\d+[A-Za-z]?)(?![\w\-])"
)
_CAP = r"[A-Z][A-Za-z0-9'’.\-]*[A-Za-z0-9]"
_LINK = r"(?:of|the|for|de|on)"
_NAME = re.compile(rf"(?<![\w\-]){_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})+")
_QUOTED = re.compile(r"“([^”\n]{1,60})”|«([^»\n]{1,60})»|\"([^\"\n]{1,60})\"")
_INITIALS = re.compile(r"(?<![\w])[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
_CYR_NAME = re.compile(r"(?<![\w\-])[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)*(?![\w\-])")
_STARTERS = frozenset(
    ["a", "an", "the", "in", "on", "at", "as", "by", "for", "from", "it", "its", "this", "that", "these", "those", "however", "meanwhile", "moreover", "thus", "until", "while", "even", "and", "but", "since", "back", "especially", "presumably", "according", "secret", "such", "there", "their", "then", "when", "where", "which", "what", "who", "with", "without", "we", "our", "if", "or", "so", "also", "after", "before", "during", "between", "both", "each", "every", "many", "most", "some", "all", "any", "other", "another", "only", "not", "no", "nor", "one", "two", "three", "four", "first", "keywords", "abstract", "conclusion", "references", "according", "turkish", "russian", "american", "european", "chinese", "western", "ukrainian", "soviet"]
)
_CYR_STARTERS = frozenset(
    ["в", "во", "на", "по", "с", "со", "у", "к", "о", "об", "от", "до", "за", "из", "при", "для", "как", "что", "это", "the", "не", "но", "и", "а"]
)
_ROMAN = re.compile(r"[IVXLC]+")


@dataclass(frozen=True)
class Candidate:
    """A term candidate: its text, kind, how often it occurs, and where it first occurs."""

    text: str
    kind: str
    count: int
    path: str
    line: int
    column: int
    context: str

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return {"text": self.text, "kind": self.kind, "count": self.count, "path": self.path,
                "line": self.line, "column": self.column, "context": self.context}


def _trim_name(text: str) -> str:
    """Drop sentence-initial function words and a trailing possessive from a capitalised run."""
    words = text.split()
    while words and (words[0].lower().strip("'’") in _STARTERS or words[0][0].islower()):
        words.pop(0)
    while words and words[-1][0].islower():
        words.pop()
    if words:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    return " ".join(words)


def _context(plain: str, start: int, end: int, width: int = 40) -> str:
    left = max(0, start - width)
    right = min(len(plain), end + width)
    snippet = plain[left:right].strip()
    return ("…" if left > 0 else "") + " ".join(snippet.split()) + ("…" if right < len(plain) else "")


# A quoted stretch long enough to be a headline, and the start of a unit's text (after a
# heading's or a list's number).
_LONG_QUOTE = re.compile(r"“[^”\n]{12,240}”|«[^»\n]{12,240}»|\"[^\"\n]{12,240}\"")
_LEAD = re.compile(r"^[\s\d.)\]#*-]*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _headline_spans(plain: str) -> list[tuple[int, int]]:
    """Quoted stretches in title case ("Erdogan Asks Putin to Take Back Missiles"): a cited
    headline capitalises its words, which makes no name of them."""
    out = []
    for m in _LONG_QUOTE.finditer(plain):
        words = [w for w in _WORDS.findall(m.group()) if len(w) >= 4]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words):
            out.append(m.span())
    return out


def mid_sentence_capitals(texts: list[str]) -> set[str]:
    """Words a document capitalises somewhere other than at the start of a unit: names.
    A word capitalised only at the start of sentences and headings is a common word."""
    out: set[str] = set()
    for text in texts:
        lead = _LEAD.match(text).end()
        for m in _WORDS.finditer(text):
            if m.start() > lead and m.group()[0].isupper():
                out.add(m.group())
    return out


def _spans(unit_text: str, plain: str, lang: str, kind: str, names: set[str] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of every raw candidate in one unit's prose.

    `names`: the words the document capitalises mid-sentence (`mid_sentence_capitals`); a
    run's first word at the start of the unit that is not one of them is dropped.
    """
    out: list[tuple[int, int, str, str]] = []
    for m in _ACRONYM.finditer(plain):
        word = m.group()
        if len(word) < 2 or (_ROMAN.fullmatch(word) and len(word) <= 3):
            continue
        out.append((m.start(), m.end(), word, "acronym"))
    headlines = _headline_spans(plain)
    lead = _LEAD.match(plain).end()
    for m in _NAME.finditer(plain):
        if any(s <= m.start() and m.end() <= e for s, e in headlines):
            continue
        raw = m.group()
        if names is not None and m.start() == lead:
            first = raw.split()[0]
            if first not in names:
                raw = raw[len(first):].lstrip()  # "Tools of American pressure": "Tools" is no name
        name = _trim_name(raw)
        if len(name.split()) >= 2 and not name.isupper():
            start = m.start() + m.group().find(name.split()[0])
            out.append((start, start + len(name), name, "name"))
    for m in _QUOTED.finditer(plain):
        inner = next(g for g in m.groups() if g is not None).strip()
        if inner and len(inner.split()) <= 5 and (inner[0].isupper() or inner[0].isdigit()):
            start = m.start() + m.group().find(inner)
            out.append((start, start + len(inner), inner, "quoted"))
    if kind == "reference" or lang.startswith("ru"):
        for m in _INITIALS.finditer(plain):
            out.append((m.start(1), m.end(1), m.group(1), "russian-name"))
        for m in _CYR_NAME.finditer(plain):
            words = m.group().split()
            # A lone capitalised word right after an opening quote is usually a title's first word.
            after_quote = m.start() > 0 and plain[m.start() - 1] in "«“\""
            if len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in _CYR_STARTERS or after_quote):
                continue
            while words and words[0].lower() in _CYR_STARTERS:
                words.pop(0)
            if words:
                text = " ".join(words)
                start = m.start() + m.group().find(words[0])
                out.append((start, start + len(text), text, "russian-name"))
    return out


def _overlaps(start: int, end: int, known: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in known)


def find_candidates(doc: Document, glossary: Glossary) -> list[Candidate]:
    """Candidates of `doc` not covered by `glossary`, most frequent first."""
    from termguard.morph import matcher_for
    from termguard.prose import prose_view

    lang = doc.source_lang
    en_matcher = matcher_for(glossary, lang)
    ru_matcher = matcher_for(glossary, "ru")
    groups: dict[tuple[str, str], list] = {}
    order: dict[tuple[str, str], int] = {}
    names = mid_sentence_capitals([prose_view(u.source.text).plain for u in doc.units])
    for unit in doc.units:
        view = prose_view(unit.source.text)
        plain = view.plain
        known = [(m.start, m.end) for m in en_matcher.find(plain)]
        if _CYR.search(plain):
            known += [(m.start, m.end) for m in ru_matcher.find(plain)]
        for start, end, text, kind in _spans(unit.source.text, plain, lang, unit.kind, names):
            if _overlaps(start, end, known):
                continue
            matcher = ru_matcher if _CYR.search(text) else en_matcher
            if any(m.start == 0 and m.end == len(text) for m in matcher.find(text)):
                continue
            key = (kind, text)
            if key not in groups:
                offset = view.to_text(start)
                line, column = unit.source.locate(offset)
                groups[key] = [0, line, column, _context(plain, start, end)]
                order[key] = len(order)
            groups[key][0] += 1
    out = [
        Candidate(text, kind, count, doc.path, line, column, ctx)
        for (kind, text), (count, line, column, ctx) in groups.items()
    ]
    out.sort(key=lambda c: (-c.count, order[(c.kind, c.text)]))
    return out
