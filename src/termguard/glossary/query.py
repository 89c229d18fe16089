"""Look-ups for editors: find entries by id or form (`glossary show`), terms in a text (`find`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from termguard.glossary.model import ANY_TARGET, Entry, Glossary

if TYPE_CHECKING:
    from termguard.morph import Match
    from termguard.prose import ProseView


def lookup(glossary: Glossary, term: str) -> list[Entry]:
    """Entries whose id, rendering or origin equals `term` (case-folded); else those containing it."""
    return search(glossary, term)[0]


def search(glossary: Glossary, term: str) -> tuple[list[Entry], bool]:
    """`lookup`'s entries, and whether they match `term` exactly (False: only containing it)."""
    needle = _fold(term.strip())
    exact: list[Entry] = []
    partial: list[Entry] = []
    for entry in glossary:
        texts = [entry.id]
        texts += [r.text for forms in entry.renderings.values() for r in forms]
        if entry.origin is not None:
            texts.append(entry.origin.text)
        folded = [_fold(t) for t in texts]
        if needle in folded:
            exact.append(entry)
        elif needle and any(needle in t for t in folded):
            partial.append(entry)
    return (exact, True) if exact else (partial, False)


def _fold(text: str) -> str:
    """Case-folded for look-up in any of the glossary's languages: Turkish İ and I match i and
    ı (`SAVUNMA SANAYİİ BAŞKANLIĞI`, `TRİUMF`; `str.casefold` turns İ into i plus a
    combining dot), ё matches е, a typographic apostrophe the ASCII one, and a run of white
    space (`White  house`, a line break, a no-break space) one space, as in matching."""
    folded = text.replace("İ", "i").casefold().replace("\u0307", "").replace("ı", "i")
    folded = folded.replace("ё", "е").replace("’", "'")
    return folded if folded.isprintable() and "  " not in folded else " ".join(folded.split())


def entry_flags(entry: Entry) -> list[str]:
    """The entry-wide flags in words: do not translate, case-(in)sensitive."""
    flags = []
    if entry.dnt:
        flags.append("do not translate")
    if entry.case_sensitive is not None:
        flags.append("case-sensitive" if entry.case_sensitive else "case-insensitive")
    return flags


def describe(entry: Entry) -> str:
    """A human-readable block: id, kind, where, note, origin, every language's forms, tests."""
    lines = [f"{entry.id}  ({entry.kind})  {entry.path}:{entry.line}" if entry.path else f"{entry.id}  ({entry.kind})"]
    if entry.note:
        lines.append(f"  note: {entry.note}")
    if entry.origin is not None:
        lines.append(f"  origin: {entry.origin.text} ({entry.origin.lang})")
    flags = entry_flags(entry)
    if flags:
        lines.append(f"  {', '.join(flags)}")
    for lang, forms in entry.renderings.items():
        shown = "target" if lang == ANY_TARGET else lang
        parts = []
        for r in forms:
            extra = [r.status]
            if r.exact:
                extra.append("exact")
            if r.indeclinable:
                extra.append("indeclinable")
            if r.case_sensitive is not None:
                extra.append("case-sensitive" if r.case_sensitive else "case-insensitive")
            part = f"{r.text} [{', '.join(extra)}]"
            if r.note:
                part += f" ({r.note})"
            parts.append(part)
        lines.append(f"  {shown}: " + "; ".join(parts))
    for t in entry.tests:
        lines.append(f"  test {t.lang} {'ok' if t.expect_ok else 'bad'}: {t.text}")
    return "\n".join(lines)


def find_terms(glossary: Glossary, text: str, lang: str) -> tuple[ProseView, list[Match]]:
    """Every glossary form in `text` (markup-transparent), as matcher `Match`es.

    A match inside a longer match of the same entry ("Trump" inside "Donald Trump") is one
    occurrence of the entry, not two: only the longer one is returned.
    """
    from termguard.morph import matcher_for
    from termguard.prose import prose_view

    view = prose_view(text)
    found = matcher_for(glossary, lang).find(view.plain)
    matches = [
        m for m in found
        if not any(o is not m and o.entry is m.entry and o.start <= m.start and m.end <= o.end
                   and (o.end - o.start) > (m.end - m.start) for o in found)
    ]
    return view, matches


@dataclass(frozen=True)
class Place:
    """Where a span of a text stands: 1-based line and column (code points), end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


def place(text: str, start: int, end: int) -> Place:
    """The line and column of `[start, end)` in `text` (a `\\r\\n` or `\\n` ends a line)."""
    def at(offset: int) -> tuple[int, int]:
        line = text.count("\n", 0, offset) + 1
        return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    (line, column), (end_line, end_column) = at(start), at(end)
    return Place(line, column, end_line, end_column)


def entry_dict(entry: Entry) -> dict:
    """An entry as JSON-friendly data (the fields of SPEC §4 plus where it is defined)."""
    return {
        "id": entry.id,
        "kind": entry.kind,
        "note": entry.note,
        "origin": {"lang": entry.origin.lang, "text": entry.origin.text} if entry.origin else None,
        "dnt": entry.dnt,
        "case_sensitive": entry.case_sensitive,
        "renderings": {
            lang: [
                {"text": r.text, "status": r.status, "note": r.note, "case_sensitive": r.case_sensitive,
                 "exact": r.exact, "indeclinable": r.indeclinable}
                for r in forms
            ]
            for lang, forms in entry.renderings.items()
        },
        "tests": [{"lang": t.lang, ("ok" if t.expect_ok else "bad"): t.text} for t in entry.tests],
        "path": entry.path,
        "line": entry.line,
    }
