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

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from termguard.errors import ConfigError

SECTIONS = ("titles", "numeric", "abbreviations", "final", "starters")
DEFAULT_LANG = "en"

# Characters that may follow terminal punctuation and still belong to the sentence:
# closing quotes and brackets, closing emphasis, closing inline HTML tags.
_CLOSE = r"(?:[\"'”’»)\]*_]|</[A-Za-z][A-Za-z0-9]*>)"
_URL_TAIL = r"[^\s<>\".,;:!?'()\[\]{}»”’*_\\]"

_CANDIDATES = re.compile(
    # Never a boundary inside: URLs, e-mail addresses, inline code, "[...]", link targets.
    r"(?P<skip>(?:https?|ftp)://[^\s<>\"]*" + _URL_TAIL
    + r"|www\.[^\s<>\"]*" + _URL_TAIL
    + r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|`[^`\n]*`"
    r"|[\[(](?:\.\.\.|…)[\])]"
    r"|\]\([^)\s]*\))"
    # "Hello world.Today": a period glued to a capitalised word.
    r"|(?P<glued>(?:(?<=[a-zа-яё][a-zа-яё])|(?<=\d))\.(?=[A-ZА-ЯЁ][a-zа-яё]))"
    # "compounds. . . . The": the first period ends the sentence, the ellipsis starts the next.
    r"|(?P<w4>(?<=\S)\.(?= \. \. \.))"
    # Spaced ellipsis ". . ." (3 dots: never a boundary; 4 dots after a space: may be).
    r"|(?P<spaced>\.(?: \.){2,})(?:" + _CLOSE + r")*(?=\s|\Z)"
    r"|(?P<end>[.!?‽…]+)(?:" + _CLOSE + r")*(?=\s|\Z)"
)
# After a candidate: whitespace, opening quotes/brackets/markup, then the next word.
_NEXT = re.compile(r"\s+((?:[*_\"'“‘«„(\[¿¡]|<[A-Za-z][^>]*>)*)(\S*)")
_W4_NEXT = re.compile(r" \. \. \.(?:" + _CLOSE + r")*\s+(?:[*_\"'“‘«„(\[]|<[A-Za-z][^>]*>)*(\S)")
_WORD = re.compile(r"\w+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_CURRENCY = frozenset("$€£¥₽₺")
_OPENERS = "(«“\"'‘„[*_•⁃"
_BULLETS = " \t•⁃*-"

# Inline lists in running text: "1. a 2. b", "a) x b) y", "• x • y".
_LIST_START = re.compile(r"\s*(?:(?P<bullet>[•⁃])|(?P<first>1|a|A)(?P<sep>\.\)|\)|\.)\s)")
_BULLET_CUT = re.compile(r"\s+(?=[•⁃])")


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


@lru_cache(maxsize=None)
def load_language(lang: str | None) -> LanguageData:
    """The bundled data for `lang` (falls back to English for languages without a file)."""
    code = base_lang(lang)
    folder = resources.files("termguard") / "data" / "segment"
    path = folder / f"{code}.txt"
    if not path.is_file():
        path = folder / f"{DEFAULT_LANG}.txt"
    data = parse_language_data(path.read_text(encoding="utf-8"), code, f"data/segment/{path.name}")
    return data


def _inline_list_cuts(s: str) -> list[int]:
    """Cuts before the items of a list written inline: "1.) one 2.) two", "• one • two"."""
    m = _LIST_START.match(s)
    if m is None:
        return []
    if m.group("bullet"):
        return [c.start() for c in _BULLET_CUT.finditer(s, m.end())]
    first, sep = m.group("first"), m.group("sep")
    cuts = []
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
        data = self.data
        starters = data.starters
        classify = data.classify
        out: list[int] = []
        pending = _inline_list_cuts(s)
        pi = 0
        sent_start = 0
        rfind = s.rfind
        for m in _CANDIDATES.finditer(s):
            group = m.lastgroup
            if group == "skip":
                continue
            pos = m.start()
            while pi < len(pending) and pending[pi] <= pos:
                out.append(pending[pi])
                sent_start = pending[pi]
                pi += 1
            if group == "w4":
                nxt = _W4_NEXT.match(s, m.end())
                if nxt is not None and not nxt.group(1).islower() and nxt.group(1).isalnum():
                    out.append(m.end())
                    sent_start = m.end()
                continue
            if group == "glued":
                word = s[m.end():m.end() + 40].split(None, 1)[0]
                opened = ""
            else:
                nxt = _NEXT.match(s, m.end())
                if nxt is None:
                    continue
                opened, word = nxt.group(1), nxt.group(2)
                if not word:
                    continue
            first = word[0]
            if first.islower() or not (first.isalnum() or first in _CURRENCY):
                continue
            if group == "spaced":
                # ". . . ." after a space ends a sentence; ". . ." alone does not.
                dots = m.group("spaced")
                if dots.count(".") >= 4 and pos > 0 and s[pos - 1].isspace():
                    out.append(m.end())
                    sent_start = m.end()
                continue
            punct = m.group("end") if group == "end" else "."
            if punct != ".":
                if "!" in punct or "?" in punct or "‽" in punct:
                    out.append(m.end())
                    sent_start = m.end()
                elif pos > 0 and not s[pos - 1].isspace():
                    # "that.... She", "complex… The": an ellipsis closing a word.
                    out.append(m.end())
                    sent_start = m.end()
                continue
            # A single period: is the word before it an abbreviation, an initial, a list label?
            tstart = max(rfind(" ", 0, pos), rfind("\t", 0, pos), rfind("\xa0", 0, pos), sent_start - 1) + 1
            token = s[tstart:pos].lstrip(_OPENERS)
            if not token:
                out.append(m.end())
                sent_start = m.end()
                continue
            if (token.isdigit() or (len(token) == 1 and token.isalpha())) and not s[sent_start:tstart].strip(_BULLETS):
                continue  # "1. The first item", "a. The first item"
            cls = classify(token)
            if cls is None or cls == "final":
                out.append(m.end())
                sent_start = m.end()
                continue
            if cls == "titles" or (cls == "numeric" and first.isdigit()):
                continue
            # abbreviations and initials: a boundary only before a sentence starter that is
            # not itself an initial ("J. A. Smith").
            w = _WORD.match(word)
            if w is not None and w.group() in starters and word[w.end():w.end() + 1] != ".":
                out.append(m.end())
                sent_start = m.end()
        while pi < len(pending):
            out.append(pending[pi])
            pi += 1
        if len(out) > 1:
            out = sorted(set(out))
        return out


def split(s: str, lang: str | None = DEFAULT_LANG) -> list[str]:
    """Split one paragraph of running text into sentences (whitespace-trimmed)."""
    cuts = RuleSplitter(lang).cuts(s)
    bounds = [0, *cuts, len(s)]
    return [piece for a, b in zip(bounds, bounds[1:]) if (piece := s[a:b].strip())]
