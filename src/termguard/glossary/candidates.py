"""Term candidates: names and terms a document uses that the glossary does not cover yet.

Four kinds, found in the markup-transparent prose of each unit:

* `acronym`: all-capital words and designations (`SSB`, `ROE`, `HQ-9`, `Su-57`);
* `name`: runs of two or more capitalised words, with `of`/`the`/`for`/`and` inside
  (`Presidency of Defense Industries`), minus sentence-initial function words and a
  unit's first word when the document never capitalises it elsewhere ("Tools of American
  pressure"), and not inside a quoted headline in title case. A leading nationality
  adjective is dropped ("Turkish Ministry of Defense" → `Ministry of Defense`) unless the
  whole run recurs in the document: a repeated "European Commission" is the institution's
  name. Single capitalised words are names too (a surname, a country, a capital city)
  when the document capitalises them mid-sentence and they are no function word, month,
  weekday or nationality adjective (babel's CLDR names);
* `outlet`: an emphasised title in a reference entry (`*Kommersant*`, `*РИА Новости*`);
* `quoted`: short quoted names (“Triumf”, «Триумф», "Triumph"), up to five words;
* `russian-name`: Cyrillic names in the reference list: surnames after initials
  (`А. Ермаков` → Ермаков), and capitalised Cyrillic words and word runs.

A candidate is dropped when it overlaps a glossary match in its unit (the document's
language, and Russian for Cyrillic) or is itself a glossary form. The rest are grouped by
text, counted, and sorted most frequent first, with the first occurrence's line and context
(the text as a reader sees it, citation brackets `[1]` included).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from termguard.glossary.model import Glossary
from termguard.model import Document
from termguard.prose import ProseView

_CYR = re.compile(r"[А-Яа-яЁё]")
# Latin letters with their diacritics (Ş, ğ, é, ı): names of Turkish, Hungarian or French
# places and people are names too ("Kırklareli", "Péter Szijjártó", "BOTAŞ").
_LATIN = [chr(c) for c in [*range(0x41, 0x250), *range(0x1E00, 0x1F00)]]
_UP = "".join(c for c in _LATIN if c.isupper() and c.isalpha())
_LO = "".join(c for c in _LATIN if c.islower() and c.isalpha())
_ACRONYM = re.compile(
    rf"(?<![\w\-/.])(?:[{_UP}А-ЯЁ][{_UP}А-ЯЁ0-9]+(?:/[{_UP}А-ЯЁ])?|[{_UP}А-ЯЁ][{_UP}{_LO}А-Яа-яЁё]?-\d+[A-Za-z]?)(?![\w\-])"
)
_CAP = rf"[{_UP}][{_UP}{_LO}0-9'’.\-]*[{_UP}{_LO}0-9]"
_LINK = r"(?:of|the|for|de|on)"
_NAME = re.compile(rf"(?<![\w\-]){_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})+")
_SENTENCE_END = ",.;:?…"
_QUOTED = re.compile(r"“([^”\n]{1,60})”|«([^»\n]{1,60})»|\"([^\"\n]{1,60})\"")
_INITIALS = re.compile(r"(?<![\w])[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
_CYR_NAME = re.compile(r"(?<![\w\-])[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)*(?![\w\-])")
_STARTERS = frozenset(
    ["a", "an", "the", "in", "on", "at", "as", "by", "for", "from", "it", "its", "this", "that", "these", "those", "however", "meanwhile", "moreover", "thus", "until", "while", "even", "and", "but", "since", "back", "especially", "presumably", "according", "secret", "such", "there", "their", "then", "when", "where", "which", "what", "who", "with", "without", "we", "our", "if", "or", "so", "also", "after", "before", "during", "between", "both", "each", "every", "many", "most", "some", "all", "any", "other", "another", "only", "not", "no", "nor", "one", "two", "three", "four", "first", "keywords", "abstract", "conclusion", "references", "according", "later", "earlier", "today", "yesterday", "now", "still", "yet", "soon", "here", "instead", "indeed", "again", "last", "next", "once", "although", "though", "because", "despite", "besides", "finally", "nevertheless", "nonetheless", "therefore", "hence", "perhaps", "probably", "clearly", "presumably", "recently", "eventually"]
)
#: Nationality and regional adjectives a name may start with ("European Commission"); babel's
#: names of the major languages (Russian, Turkish, Chinese) are added per document language.
_ADJECTIVES = frozenset(
    ["american", "european", "western", "eastern", "northern", "southern", "soviet", "asian", "african", "arab",
     "iranian", "pakistani", "syrian", "israeli", "iraqi", "afghan", "kurdish", "british", "atlantic"]
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


@lru_cache(maxsize=8)
def adjectives(lang: str) -> frozenset[str]:
    """Lower-cased nationality adjectives for a document language: the names babel gives the
    major (two-letter) languages in it, which double as adjectives (Russian, Turkish), and
    `_ADJECTIVES`."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    try:
        names = dict(Locale.parse(lang.replace("-", "_")).languages)
    except (ValueError, UnknownLocaleError):
        pass
    return _ADJECTIVES | {name.lower() for code, name in names.items() if len(code) == 2 and " " not in name}


@lru_cache(maxsize=8)
def _territories(lang: str) -> frozenset[str]:
    """Country and region names in the document language (babel's CLDR territory names)."""
    from babel import Locale, UnknownLocaleError

    try:
        return frozenset(Locale.parse(lang.replace("-", "_")).territories.values())
    except (ValueError, UnknownLocaleError):
        return frozenset()


@lru_cache(maxsize=8)
def _calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names (babel), capitalised without being names."""
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    try:
        months = get_month_names("wide", locale=lang.replace("-", "_")).values()
        days = get_day_names("wide", locale=lang.replace("-", "_")).values()
    except (ValueError, UnknownLocaleError):
        return frozenset()
    return frozenset(w.lower() for w in [*months, *days])


def _trim_name(text: str, adjective_words: frozenset[str] = frozenset(), keep_adjective: bool = False) -> str:
    """Drop sentence-initial function words (and nationality adjectives unless
    `keep_adjective`) and a trailing possessive from a capitalised run."""
    words = text.split()
    while words and (words[0].lower().strip("'’") in _STARTERS or words[0][0].islower()
                     or (not keep_adjective and words[0].lower() in adjective_words)):
        words.pop(0)
    while words and words[-1][0].islower():
        words.pop()
    if words:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    return " ".join(words)


def _context(plain: str, start: int, end: int, width: int = 40, text: str | None = None, view: ProseView | None = None) -> str:
    """The words around `[start, end)` of `plain`, as a reader sees them: with `text` and its
    `view`, the square brackets the prose view hides come back where they are no link's
    (a citation `[7, 8]` keeps its `[`)."""
    left = max(0, start - width)
    right = min(len(plain), end + width)
    if text is not None and view is not None and view.index is not None:
        chars: list[str] = []
        previous = view.to_text(left) - 1 if left > 0 else -1
        for i in range(left, right):
            at = view.index[i]
            for hidden in range(previous + 1, at):
                if text[hidden] == "[" and not _LINK_OPEN.match(text, hidden):
                    chars.append("[")
            chars.append(plain[i])
            previous = at
        snippet = "".join(chars).strip()
    else:
        snippet = plain[left:right].strip()
    return ("…" if left > 0 else "") + " ".join(snippet.split()) + ("…" if right < len(plain) else "")


# A `[` that opens a Markdown link or image text (`[text](url)`, `[text][ref]`), not a citation.
_LINK_OPEN = re.compile(r"\[[^\[\]\n]*\](?:\(|\[)")


# A quoted stretch long enough to be a headline, and the start of a unit's text (after a
# heading's or a list's number).
_LONG_QUOTE = re.compile(r"“[^”\n]{12,240}”|«[^»\n]{12,240}»|\"[^\"\n]{12,240}\"")
_LEAD = re.compile(r"^[\s\d.)\]#*-]*")


def _lead(text: str) -> int:
    """Where a line's text starts after list numbers, bullets and heading marks."""
    m = _LEAD.match(text)
    return m.end() if m else 0
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
        lead = _lead(text)
        for m in _WORDS.finditer(text):
            if m.start() > lead and m.group()[0].isupper():
                out.add(m.group())
                out.add(re.sub(r"['’]s$", "", m.group()))  # Turkey's: the name is Turkey
    return out


@dataclass(frozen=True)
class _Doc:
    """What the document as a whole says about its capitalised words."""

    names: set[str] | None = None
    adjectives: frozenset[str] = frozenset()
    calendar: frozenset[str] = frozenset()
    territories: frozenset[str] = frozenset()
    #: Capitalised runs that start with a nationality adjective, counted over the document.
    led_runs: Counter = field(default_factory=Counter)


# A single capitalised word (letters, inner hyphens, apostrophes, dots: Nagorno-Karabakh,
# Kremlin.ru), its possessive `'s` left outside.
_SINGLE = re.compile(rf"(?<![\w\-’'.])[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)*(?:[\-.][{_UP}{_LO}]+)*(?=['’]s\b|(?![\w\-]))")
# Titles before a name ("Foreign Minister Hakan Fidan"): not part of the name.
_TITLES = frozenset(
    ["president", "vice", "prime", "foreign", "defense", "defence", "minister", "deputy", "ambassador", "secretary",
     "general", "chancellor", "chairman", "senator", "governor", "mayor", "king", "queen", "mr", "mrs", "ms", "dr",
     "professor", "spokesman", "spokeswoman", "commander", "admiral", "colonel"]
)
# An emphasised title in a reference entry: the outlet (`*Kommersant*`, `*РИА Новости*`).
_EMPHASIS = re.compile(r"(?<![*\w])\*([^*\n]{2,60}?)\*(?![*\w])")


def _adjective_led(raw: str, info: _Doc) -> str | None:
    """A run like "European Commission" (adjective + capitalised words), as written."""
    words = raw.split()
    while words and (words[0].lower().strip("'’") in _STARTERS or words[0][0].islower()):
        words.pop(0)
    if len(words) >= 2 and words[0].lower() in info.adjectives:
        return re.sub(r"['’]s$", "", " ".join(words))
    return None


def _single_ok(word: str, info: _Doc) -> bool:
    low = word.lower()
    if low in _STARTERS or low in info.calendar or low in info.adjectives or low in _TITLES or len(word) < 3:
        return False
    if "-" in word and all(part.lower() in info.adjectives or part.islower() for part in word.split("-")):
        return False  # Russian-Turkish, post-Soviet: adjectives
    return info.names is None or word in info.names or word in info.territories


def _spans(unit_text: str, plain: str, lang: str, kind: str, names: set[str] | None = None,
           info: _Doc | None = None, view: ProseView | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, text, kind) of every raw candidate in one unit's prose.

    `names`: the words the document capitalises mid-sentence (`mid_sentence_capitals`); a
    run's first word at the start of the unit that is not one of them is dropped. `info`
    (the whole document's capitals, adjectives, calendar words and repeated runs) turns on
    single-word names and adjective-led institutions; `view` (the unit's prose view) the
    outlets of reference entries.
    """
    info = info or _Doc(names=names)
    names = info.names
    out: list[tuple[int, int, str, str]] = []
    for m in _ACRONYM.finditer(plain):
        word = m.group()
        if len(word) < 2 or (_ROMAN.fullmatch(word) and len(word) <= 3):
            continue
        out.append((m.start(), m.end(), word, "acronym"))
    headlines = _headline_spans(plain)
    lead = _lead(plain)
    runs: list[tuple[int, int]] = []
    for m in _NAME.finditer(plain):
        if any(s <= m.start() and m.end() <= e for s, e in headlines):
            continue
        raw = m.group()
        words = raw.split()
        if names is not None and m.start() == lead:
            first = words[0]
            # "Tools of American pressure": "Tools" is no name. A run of capitalised words
            # alone ("Alexei Miller spoke") is one, even where the sentence starts.
            plain_run = (all(w[0].isupper() for w in words) and first.lower() not in _STARTERS | info.adjectives
                         and not first.lower().endswith("ly"))
            if first not in names and not (plain_run and len(words) >= 2):
                raw = raw[len(first):].lstrip()
        words = raw.split()
        while len(words) > 2 and words[0].lower() in _TITLES and words[1][0].isupper():
            words.pop(0)
        if len(words) >= 2 and words[0].lower() in _TITLES and words[1].lower() in _TITLES:
            words = []
        raw = raw[raw.find(words[0]):] if words else ""
        if not raw:
            continue
        # A month or weekday ends a name: "Baku on Monday" is Baku.
        cut = re.search(rf"\s+(?:{_LINK}\s+)*(?:{'|'.join(w.title() for w in info.calendar) or '(?!)'})\b", raw)
        raw = raw[: cut.start()] if cut else raw
        led = _adjective_led(raw, info)
        name = led if led is not None and info.led_runs[led] >= 2 else _trim_name(raw, info.adjectives or _ADJECTIVES)
        if len(name.split()) >= 2 and not name.isupper():
            start = m.start() + m.group().find(name.split()[0])
            out.append((start, start + len(name), name, "name"))
            runs.append((start, start + len(name)))
    quoted: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(plain):
        inner = next(g for g in m.groups() if g is not None).strip()
        # Punctuation inside the quotes belongs to the sentence around it ("Triumf," in
        # American style), not to the name; a quote of three words or more that ends in it
        # is a quoted utterance ("We will not step back," said ...), not a name.
        core = inner.rstrip(_SENTENCE_END).rstrip()
        if core != inner and len(core.split()) > 2:
            continue
        inner = core
        if inner and len(inner.split()) <= 5 and (inner[0].isupper() or inner[0].isdigit()):
            start = m.start() + m.group().find(inner)
            out.append((start, start + len(inner), inner, "quoted"))
            quoted.append((start, start + len(inner)))
    if info.adjectives:
        for m in _SINGLE.finditer(plain):
            word = m.group()
            if _overlaps(m.start(), m.end(), runs + quoted) or any(s <= m.start() < e for s, e in headlines):
                continue
            if _single_ok(word, info) and not _ACRONYM.fullmatch(word):
                out.append((m.start(), m.end(), word, "name"))
    if kind == "reference" and view is not None:
        where = {t: p for p, t in enumerate(view.index)} if view.index is not None else None
        for m in _EMPHASIS.finditer(unit_text):
            title = m.group(1).strip()
            a = m.start(1) + m.group(1).find(title)
            b = a + len(title)
            if where is not None:
                if a not in where or b - 1 not in where:
                    continue
                a, b = where[a], where[b - 1] + 1
            if title[:1].isupper() and len(title.split()) <= 5:
                out = [span for span in out if not (a <= span[0] and span[1] <= b)]
                out.append((a, b, plain[a:b], "outlet"))
    if kind == "reference" or lang.startswith("ru"):
        outlets = [(a, b) for a, b, _, k in out if k == "outlet"]
        for m in _INITIALS.finditer(plain):
            out.append((m.start(1), m.end(1), m.group(1), "russian-name"))
        for m in _CYR_NAME.finditer(plain):
            words = m.group().split()
            # A lone capitalised word right after an opening quote is usually a title's first word.
            after_quote = m.start() > 0 and plain[m.start() - 1] in "«“\""
            if len(words) == 1 and (len(words[0]) < 3 or words[0].lower() in _CYR_STARTERS or after_quote):
                continue
            if _overlaps(m.start(), m.end(), outlets):
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
    views = [prose_view(u.source.text) for u in doc.units]
    names = mid_sentence_capitals([v.plain for v in views])
    adjective_words = adjectives(lang)
    led_runs: Counter = Counter()
    for view in views:
        for m in _NAME.finditer(view.plain):
            led = _adjective_led(m.group(), _Doc(adjectives=adjective_words))
            if led is not None:
                led_runs[led] += 1
    info = _Doc(names=names, adjectives=adjective_words, calendar=_calendar_words(lang),
                territories=_territories(lang), led_runs=led_runs)
    for unit, view in zip(doc.units, views):
        plain = view.plain
        known = [(m.start, m.end) for m in en_matcher.find(plain)]
        if _CYR.search(plain):
            known += [(m.start, m.end) for m in ru_matcher.find(plain)]
        for start, end, text, kind in _spans(unit.source.text, plain, lang, unit.kind, names, info, view):
            if _overlaps(start, end, known):
                continue
            matcher = ru_matcher if _CYR.search(text) else en_matcher
            if any(m.start == 0 and m.end == len(text) for m in matcher.find(text)):
                continue
            key = (kind, text)
            if key not in groups:
                offset = view.to_text(start)
                line, column = unit.source.locate(offset)
                groups[key] = [0, line, column, _context(plain, start, end, text=unit.source.text, view=view)]
                order[key] = len(order)
            groups[key][0] += 1
    out = [
        Candidate(text, kind, count, doc.path, line, column, ctx)
        for (kind, text), (count, line, column, ctx) in groups.items()
    ]
    out.sort(key=lambda c: (-c.count, order[(c.kind, c.text)]))
    return out
