"""Sentence boundaries inside one block of text, from per-language abbreviation data.

The data files (`termguard/data/segment/<lang>.txt`) are plain text that editors can change:
titles ("Dr."), abbreviations decided by the next word ("U.S. How" ends a sentence, "U.S.
Government" does not), abbreviations that never end a sentence before a number ("p. 55"),
and the words that start sentences.

`RuleSplitter.cuts(s)` returns the offsets in `s` where sentences end. It makes one pass of
one precompiled regex over `s` and looks only at candidate punctuation, so it runs in time
linear in the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from termguard.errors import ConfigError

SECTIONS = ("titles", "numeric", "abbreviations", "final", "starters")
DEFAULT_LANG = "en"

# Footnote markers that follow the sentence they annotate: Markdown footnote references
# ("billion.[^1] The"), superscript numbers ("billion.<sup>1</sup> The") and bracketed
# citation numbers ("billion.[12] The"). The sentence ends after the marker.
FOOTNOTE_MARK = r"\[\^[^\]\s]{1,32}\]|<sup>[^<>]{1,16}</sup>|\[\d{1,4}\]"
# What may follow terminal punctuation and still belong to the sentence: closing quotes
# and brackets, closing emphasis, closing inline HTML tags, footnote markers.
_CLOSE = r"(?:[\"'”’»)\]*_]|</[A-Za-z][A-Za-z0-9]*>|" + FOOTNOTE_MARK + ")"
_URL_TAIL = r"[^\s<>\".,;:!?'()\[\]{}»”’*_\\]"

# Never a boundary inside: URLs, e-mail addresses, inline code, "[...]", link targets.
# Each pattern runs only when its hint occurs in the paragraph.
_URL = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"]*" + _URL_TAIL)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CODE = re.compile(r"`[^`\n]*`")
_OMISSION = re.compile(r"[\[(](?:\.\.\.|…)[\])]")
# A link target is at most 2048 characters (longer URLs do not work anywhere): an unclosed
# "](" does not scan the rest of a text without blanks once per "](" in it.
_LINK_TARGET = re.compile(r"\]\([^)\s]{0,2048}\)")


def _protected_spans(s: str) -> list[tuple[int, int]]:
    """Sorted `[start, end)` spans of `s` where no sentence can end.

    Each pattern runs only when a cheap substring test says it can match.
    """
    spans: list[tuple[int, int]] = []
    if "://" in s or "www." in s:
        spans.extend(m.span() for m in _URL.finditer(s))
    if "@" in s:
        spans.extend(m.span() for m in _EMAIL.finditer(s))
    if "`" in s:
        spans.extend(m.span() for m in _CODE.finditer(s))
    if ("..." in s or "…" in s) and ("[" in s or "(" in s):
        spans.extend(m.span() for m in _OMISSION.finditer(s))
    if "](" in s:
        spans.extend(m.span() for m in _LINK_TARGET.finditer(s))
    if len(spans) > 1:
        spans.sort()
    return spans


# Candidate sentence ends. The pattern starts with a character set so that the regex engine
# skips straight from one punctuation mark to the next.
_CANDIDATES = re.compile(
    r"[.!?‽…](?:"
    # Spaced ellipsis ". . ." (3 dots after a space: never a boundary; 4: may be one;
    # "compounds. . . . The": the first period ends the sentence).
    r"(?P<spaced>(?: \.){2,})(?:" + _CLOSE + r")*(?=\s|\Z)"
    # "Hello world.Today": a period glued to a capitalised word.
    r"|(?P<glued>(?<=\.)(?=[A-ZА-ЯЁ][a-zа-яё]))"
    # From the first mark of a run only, the run taken whole: a run of 100,000 "?" with no
    # blank after it is read once, not once per mark (a later start in the run would fail
    # exactly as the first did).
    r"|(?<![.!?‽…][.!?‽…])(?P<end>[.!?‽…]*+)(?:" + _CLOSE + r")*(?=\s|\Z)"
    r")"
)
# After a candidate: whitespace, opening quotes/brackets/markup, then the next word.
_NEXT = re.compile(r"\s+((?:[*_\"'“‘«„(\[¿¡]|<[A-Za-z][^>]*>)*)(\S*)")
_WORD = re.compile(r"\w+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_CURRENCY = frozenset("$€£¥₽₺")
_OPENERS = "(«“\"'‘„[*_•⁃"
_BULLETS = " \t•⁃*-"

# Inline lists in running text: "1. a 2. b", "a) x b) y", "• x • y".
_LIST_START = re.compile(r"\s*(?:(?P<bullet>[•⁃])|(?P<first>1|a|A)(?P<sep>\.\)|\)|\.)\s)")
_BULLET_CUT = re.compile(r"(?<!\s)\s++(?=[•⁃])")  # from a blank run's start: linear


def fold(word: str, lang: str) -> str:
    """Lower-case `word` for look-ups, with Turkish and Azerbaijani dotted/dotless i."""
    if lang in ("tr", "az"):
        word = word.replace("İ", "i").replace("I", "ı")
    return word.lower()


def base_lang(lang: str | None) -> str:
    """`pt_BR`, `en-US` → `pt`, `en`; empty → the default language."""
    if not lang:
        return DEFAULT_LANG
    return re.split(r"[-_@.]", lang.strip(), maxsplit=1)[0].lower() or DEFAULT_LANG


@dataclass(frozen=True)
class LanguageData:
    """One language's segmentation data, ready for look-ups."""

    lang: str
    exact: dict[str, str]
    folded: dict[str, str]
    starters: frozenset[str]
    entries: dict[str, tuple[str, ...]]
    ordinals: bool

    def classify(self, token: str) -> str | None:
        """The class of the dotless `token` before a period, or None for an ordinal word."""
        cls = self.exact.get(token)
        if cls is not None:
            return cls
        cls = self.folded.get(fold(token, self.lang))
        if cls is not None:
            return cls
        if len(token) == 1:
            return "initial" if token.isupper() else None
        if _DOTTED.fullmatch(token):
            return "abbreviations"
        if self.ordinals and token.isdigit() and len(token) <= 3:
            return "abbreviations"
        return None


def parse_language_data(text: str, lang: str, source: str = "<data>") -> LanguageData:
    """Parse a data file: `[section]` headers, one entry per line, `#` comments."""
    entries: dict[str, list[str]] = {name: [] for name in SECTIONS}
    section = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            if section not in entries:
                raise ConfigError(f"unknown section [{section}]; use one of {', '.join(SECTIONS)}", source, number)
            continue
        if section is None:
            raise ConfigError("entry before any [section]; start the file with e.g. [abbreviations]", source, number)
        entries[section].append(line)
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for section in ("titles", "numeric", "abbreviations"):
        for entry in entries[section]:
            token = entry.split()[-1].rstrip(".")
            folded.setdefault(fold(token, lang), section)
    for entry in entries["final"]:
        exact[entry.split()[-1].rstrip(".")] = "final"
    starters = frozenset(e.split()[0] for e in entries["starters"])
    return LanguageData(
        lang=lang,
        exact=exact,
        folded=folded,
        starters=starters,
        entries={k: tuple(v) for k, v in entries.items()},
        ordinals=lang in ("tr", "az", "de", "hu", "fi", "cs", "sk", "pl", "hr", "sr", "sl", "da", "no", "nb", "lv", "lt", "et", "is"),
    )


def available_languages() -> tuple[str, ...]:
    """Languages that have a bundled data file."""
    folder = resources.files("termguard") / "data" / "segment"
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


def load_language(lang: str | None) -> LanguageData:
    """The bundled data for `lang` (falls back to English for languages without a file)."""
    return _load(base_lang(lang))


@cache
def _load(code: str) -> LanguageData:
    folder = resources.files("termguard") / "data" / "segment"
    path = folder / f"{code}.txt"
    if not path.is_file():
        path = folder / f"{DEFAULT_LANG}.txt"
    return parse_language_data(path.read_text(encoding="utf-8"), code, f"data/segment/{path.name}")


def _inline_list_cuts(s: str) -> list[int]:
    """Cuts before the items of a list written inline: "1.) one 2.) two", "• one • two"."""
    m = _LIST_START.match(s)
    if m is None:
        return []
    if m.group("bullet"):
        return [c.start() for c in _BULLET_CUT.finditer(s, m.end())]
    first, sep = m.group("first"), m.group("sep")
    cuts: list[int] = []
    pos = m.end()
    label = first
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        nxt = re.compile(r"\s+(?=" + re.escape(label + sep) + r"\s)").search(s, pos)
        if nxt is None:
            return cuts
        cuts.append(nxt.start())
        pos = nxt.end() + len(label)


class RuleSplitter:
    """Sentence splitter driven by a language's data file."""

    def __init__(self, lang: str | None = DEFAULT_LANG, data: LanguageData | None = None) -> None:
        self.data = data or load_language(lang)

    def cuts(self, s: str) -> list[int]:
        """Offsets in `s` where a sentence ends (before the whitespace that follows it)."""
        out: list[int] = []
        pending = _inline_list_cuts(s)
        pi = 0
        sent_start = 0
        protected = _protected_spans(s)
        pj = 0
        for m in _CANDIDATES.finditer(s):
            pos = m.start()
            if protected:
                pj = _first_open(protected, pj, pos)
                if pj < len(protected) and protected[pj][0] <= pos:
                    continue  # inside a URL, an address, code or a link target
            while pi < len(pending) and pending[pi] <= pos:
                out.append(pending[pi])
                sent_start = pending[pi]
                pi += 1
            cut = self._candidate_cut(s, m, sent_start)
            if cut is not None:
                out.append(cut)
                sent_start = cut
        out.extend(pending[pi:])
        if len(out) > 1:
            out = sorted(set(out))
        return out

    def _candidate_cut(self, s: str, m: re.Match[str], sent_start: int) -> int | None:
        """Where the sentence ends at candidate `m` (which began after `sent_start`), or None."""
        word = _next_word(s, m)
        if not word:
            return None
        first = word[0]
        if first.islower() or not (first.isalnum() or first in _CURRENCY):
            return None
        group = m.lastgroup
        if group == "spaced":
            return _spaced_cut(s, m)
        punct = s[m.start():m.end("end")] if group == "end" else "."
        if punct != ".":
            return _mark_cut(s, m, punct)
        return self._period_cut(s, m.start(), m.end(), word, sent_start)

    def _period_cut(self, s: str, pos: int, end: int, word: str, sent_start: int) -> int | None:
        """A single period at `pos` before `word`: is the token before it an abbreviation,
        an initial, a list label? `end` is where the sentence ends if it does."""
        # Tokens longer than this are never abbreviations; the bound keeps runs of glued
        # periods in one huge token linear.
        lo = max(sent_start, pos - 48)
        rfind = s.rfind
        tstart = max(rfind(" ", lo, pos), rfind("\t", lo, pos), rfind("\xa0", lo, pos), lo - 1) + 1
        token = s[tstart:pos].lstrip(_OPENERS)
        if not token:
            return end
        if (
            (token.isdigit() or (len(token) == 1 and token.isalpha()))
            and tstart - sent_start <= 4
            and not s[sent_start:tstart].strip(_BULLETS)
        ):
            return None  # "1. The first item", "a. The first item"
        cls = self.data.classify(token)
        if cls is None or cls == "final":
            return end
        if cls == "titles" or (cls == "numeric" and word[0].isdigit()):
            return None
        # abbreviations and initials: a boundary only before a sentence starter that is
        # not itself an initial ("J. A. Smith").
        w = _WORD.match(word)
        if w is not None and w.group() in self.data.starters and word[w.end():w.end() + 1] != ".":
            return end
        return None


def _first_open(protected: list[tuple[int, int]], pj: int, pos: int) -> int:
    """The index of the first protected span from `pj` on that ends after `pos`."""
    while pj < len(protected) and protected[pj][1] <= pos:
        pj += 1
    return pj


def _next_word(s: str, m: re.Match[str]) -> str | None:
    """The word after candidate `m` (past blanks and opening quotes, brackets, markup); for a
    period glued to the next word, only after a digit or two lower-case letters."""
    pos = m.start()
    if m.lastgroup == "glued":
        before = s[pos - 2:pos]
        if not (before[-1:].isdigit() or (len(before) == 2 and before.isalpha() and before.islower())):
            return None
        return s[m.end():m.end() + 40].split(None, 1)[0]
    nxt = _NEXT.match(s, m.end())
    return None if nxt is None else nxt.group(2)


def _spaced_cut(s: str, m: re.Match[str]) -> int | None:
    """A spaced ellipsis ". . ." before a capitalised word."""
    pos = m.start()
    if s[pos] != ".":
        return None
    dots = m.group("spaced").count(".")
    if pos > 0 and not s[pos - 1].isspace():
        # "compounds. . . . The": the period ends the sentence, the ellipsis opens the next one.
        return pos + 1 if dots >= 3 else m.end()
    if dots >= 3:
        return m.end()  # ". . . ." after a space
    return None  # ". . ." after a space: an omission inside the sentence


def _mark_cut(s: str, m: re.Match[str], punct: str) -> int | None:
    """A run of marks `punct` other than one period ("!", "?!", "...", "…") before a
    capitalised word."""
    if "!" in punct or "?" in punct or "‽" in punct:
        return m.end()
    pos = m.start()
    if pos > 0 and not s[pos - 1].isspace():
        return m.end()  # "that.... She", "complex… The": an ellipsis closing a word
    return None


def split(s: str, lang: str | None = DEFAULT_LANG) -> list[str]:
    """Split one paragraph of running text into sentences (whitespace-trimmed)."""
    cuts = RuleSplitter(lang).cuts(s)
    bounds = [0, *cuts, len(s)]
    return [piece for a, b in itertools.pairwise(bounds) if (piece := s[a:b].strip())]
