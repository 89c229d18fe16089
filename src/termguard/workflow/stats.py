"""Translation progress per language: translated, fuzzy and untranslated units and words.

Reads every translation format `check` reads (PO, XLIFF, TMX) with the same readers, so a
file counts under the language `check` gives it (`termguard.readers.po.resolve_language`).

Words are counted in the source text (msgid), as translators quote and bill them: inline
markup (`<sup>`, `*`) is not a word, a URL is one word, `S-400`, `U.S.`, `2.5` and `2,5`
are one word each. Obsolete entries (`#~`) and the header are not counted. An entry is
*fuzzy* when it is flagged fuzzy and has a translation, *translated* when every form is
filled and it is not fuzzy, and *untranslated* otherwise (a fuzzy flag on an empty entry
changes nothing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError

from termguard.errors import InputError
from termguard.model import Unit
from termguard.readers import TRANSLATION_SUFFIXES, load_text, read_document
from termguard.readers.po import language_disagreement

#: What `stats` measures: every translation format `check` reads (templates excepted).
SUFFIXES = tuple(s for s in TRANSLATION_SUFFIXES if s != ".pot")

STATES = ("translated", "fuzzy", "untranslated")

_TAG = re.compile(r"</?[A-Za-z][^<>\s]*(?:\s[^<>]*)?>")
_URL = re.compile(r"<?\bhttps?://[^\s<>)\]]+>?")
# Joiners inside a word: hyphen, apostrophe, dot (`U.S`, `10.02.2026`), decimal comma (`2,5`).
_WORD = re.compile(r"\w+(?:(?:[-'’.]|(?<=\d),(?=\d))\w+)*")


def count_words(text: str) -> int:
    """Words in a source text: markup dropped, a URL counts as one word."""
    text, urls = _URL.subn(" ", text)
    text = _TAG.sub("", text)  # `5<sup>th</sup>` is one word
    return urls + len(_WORD.findall(text))


def unit_state(unit: Unit) -> str:
    """`translated`, `fuzzy` or `untranslated`."""
    if not unit.is_translated:
        return "untranslated"
    return "fuzzy" if unit.is_fuzzy else "translated"


@dataclass
class Counts:
    """Units and source words per state."""

    units: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))
    words: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATES, 0))

    def add(self, other: Counts) -> None:
        """Add another file's counts to these."""
        for state in STATES:
            self.units[state] += other.units[state]
            self.words[state] += other.words[state]

    @property
    def total_units(self) -> int:
        """Every counted unit."""
        return sum(self.units.values())

    @property
    def total_words(self) -> int:
        """Every counted source word."""
        return sum(self.words.values())

    def percent(self) -> float:
        """Share of translated units, 0-100, one decimal (100 for an empty file)."""
        total = self.total_units
        return round(100.0 * self.units["translated"] / total, 1) if total else 100.0

    def to_dict(self) -> dict:
        """JSON shape: units and words with their totals."""
        return {
            "units": {"total": self.total_units, **self.units},
            "words": {"total": self.total_words, **self.words},
            "percent_translated": self.percent(),
        }


@dataclass
class FileStats:
    """Counts of one PO file."""

    path: str
    lang: str
    counts: Counts


@dataclass
class LanguageStats:
    """Counts of every file of one language."""

    lang: str
    name: str
    files: list[FileStats] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)

    def to_dict(self) -> dict:
        """JSON shape of one language, per-file counts included."""
        return {
            "lang": self.lang,
            "name": self.name,
            **self.counts.to_dict(),
            "files": [{"path": f.path, **f.counts.to_dict()} for f in self.files],
        }


def language_name(code: str, path: str) -> str:
    """babel's English display name of a language code (`ru` → `Russian`)."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    base = re.split(r"[_@.-]", code)[0]
    try:
        return Locale.parse(base).get_display_name("en") or code
    except (UnknownLocaleError, ValueError, TypeError):
        raise InputError(
            f"unknown language code {code!r}; set the header 'Language:' to a code like ru, tr or pt_BR", path
        ) from None


def document_stats(path: str, text: str, warnings: list[str] | None = None) -> list[FileStats]:
    """Count the units and source words of one translation file (PO, XLIFF or TMX), per
    target language, reading it with the reader `check` uses (so with the same language).

    A PO file whose header and file name name different languages is counted under the
    language `check` uses too, and a line saying so is added to `warnings`.
    """
    if path.endswith(".pot"):
        raise InputError("a template has no translations to count; pass .po files", path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"not a translation file; stats measures .po, .xlf, .xliff and .tmx files, not {suffix or 'this'}", path)
    if suffix != ".po" and not text.strip():
        # Read as XML it would fail less clearly; read as PO it would count as an empty catalog.
        raise InputError(f"an empty file: not an {'XLIFF' if suffix != '.tmx' else 'TMX'} file", path)
    doc = read_document(path, text)
    if doc.kind == "po" and warnings is not None:
        note = language_disagreement(doc.header.get("Language"), path)
        if note:
            warnings.append(f"{path}: {note}")
    per_lang: dict[str, Counts] = {}
    for unit in doc.units:
        lang = unit.target_lang or doc.target_lang
        if not lang:
            raise InputError("no language: the header has no 'Language:' and the file name names none; "
                             "add 'Language: xx'" if doc.kind == "po" else
                             "no target language: set the file's target-language (XLIFF) or each tuv's xml:lang (TMX)",
                             path)
        counts = per_lang.setdefault(lang, Counts())
        state = unit_state(unit)
        counts.units[state] += 1
        counts.words[state] += count_words(unit.source.text)
    if not per_lang:
        if not doc.target_lang:
            raise InputError("no language: the header has no 'Language:' and the file name names none; add 'Language: xx'",
                             path)
        per_lang[doc.target_lang] = Counts()
    return [FileStats(path, lang, counts) for lang, counts in sorted(per_lang.items())]


def file_stats(path: str, text: str) -> FileStats:
    """Count the units and source words of one file of one target language."""
    found = document_stats(path, text)
    if len(found) > 1:
        raise InputError(f"the file holds {len(found)} target languages; use document_stats", path)
    return found[0]


def expand_paths(paths: list[str] | tuple[str, ...], excluded: Callable[[str], bool] | None = None) -> list[str]:
    """Files as given; a directory stands for the translation files below it (sorted) but
    those `excluded` (the configuration's `exclude` patterns, as `check` skips them)."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError("no translation files (.po, .xlf, .xliff, .tmx) in this directory", raw)
            out.extend(f for f in found if excluded is None or not excluded(f))
        else:
            out.append(raw)
    return list(dict.fromkeys(out))


def collect(
    paths: list[str] | tuple[str, ...], warnings: list[str] | None = None, excluded: Callable[[str], bool] | None = None
) -> list[LanguageStats]:
    """Per-language stats of the given translation files (directories expanded, skipping
    the files `excluded` says so), sorted by language code; notes on files whose header and
    name disagree go to `warnings`."""
    languages: dict[str, LanguageStats] = {}
    for path in expand_paths(paths, excluded):
        for fs in document_stats(path, load_text(path), warnings):
            lang = languages.get(fs.lang)
            if lang is None:
                lang = languages[fs.lang] = LanguageStats(fs.lang, language_name(fs.lang, path))
            lang.files.append(fs)
            lang.counts.add(fs.counts)
    return [languages[k] for k in sorted(languages)]


def render_json(stats: list[LanguageStats]) -> str:
    """`{"languages": [...]}` with units, words and per-file counts."""
    return json.dumps({"languages": [s.to_dict() for s in stats]}, ensure_ascii=False, indent=2) + "\n"


def render_text(stats: list[LanguageStats]) -> str:
    """An aligned table: one row per language, units then source words."""
    header = ("language", "units", "translated", "fuzzy", "untranslated", "done", "words", "translated", "fuzzy", "untranslated")
    rows = [header]
    for s in stats:
        c = s.counts
        rows.append((
            f"{s.name} ({s.lang})",
            str(c.total_units), str(c.units["translated"]), str(c.units["fuzzy"]), str(c.units["untranslated"]),
            f"{c.percent():.1f}%",
            str(c.total_words), str(c.words["translated"]), str(c.words["fuzzy"]), str(c.words["untranslated"]),
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
