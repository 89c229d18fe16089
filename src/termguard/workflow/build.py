"""Rebuild a translated document from its source document and a PO file.

The source named by the PO's `#:` references is segmented again; every unit's spans in the
source are replaced by its translation, and everything between units (blank lines,
thematic breaks, list and heading markers outside the units, line layout) is copied
verbatim, so the result has the source's exact structure.

Units are matched by id (msgctxt) when the entry's msgid is still the unit's text, else by
msgid alone (the id scheme changed, the text did not). An entry that is untranslated or
fuzzy, and a unit no entry matches, keeps its source text; those units are counted so the
caller can say how much of the result is still in the source language.

A unit cut into several spans (a sentence interrupted by a page break) gets its whole
translation at its first span; later spans are dropped together with the whitespace that
separated them, and a gap that holds other content (a footnote block) is kept.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from termguard.errors import InputError
from termguard.readers import load_text
from termguard.readers.po import PoEntry, iter_po_entries, language_from_filename, parse_header
from termguard.segment import Segment, segment_text

# Block markers a unit's text may start with: headings, list items, footnote labels.
_BLOCK_MARKER = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")


@dataclass
class BuildResult:
    """The rebuilt document and how much of it was translated."""

    text: str
    source_path: str
    lang: str | None
    units: int = 0
    translated: int = 0
    fallback: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    #: (unit id, what): translated units after which the built Markdown leaves an emphasis
    #: open (or closed) where the source does not (see `unbalanced_units`).
    unbalanced: list[tuple[str, str]] = field(default_factory=list)

    @property
    def untranslated(self) -> int:
        """Units whose source text was kept (untranslated, fuzzy or without an entry)."""
        return len(self.fallback)


@dataclass(frozen=True)
class _Catalog:
    path: str
    header: dict[str, str]
    entries: tuple[PoEntry, ...]
    header_line: int


def _norm(text: str) -> str:
    return " ".join(text.split())


def read_catalog(path: str, text: str) -> _Catalog:
    """Parse a PO file with the project's reader; a template is refused (nothing to build)."""
    if path.endswith(".pot"):
        raise InputError("a template holds no translations; pass a translated .po file", path)
    entries = list(iter_po_entries(text, path))
    header: dict[str, str] = {}
    header_line = 1
    if entries and entries[0].msgid.text == "" and entries[0].msgctxt is None:
        header = parse_header(entries[0].msgstr[0].text)
        header_line = entries[0].line
        entries = entries[1:]
    return _Catalog(path, header, tuple(entries), header_line)


def catalog_language(catalog: _Catalog) -> str | None:
    """The catalog's language: the `Language:` header, else the file name (`ru.po`)."""
    lang = catalog.header.get("Language") or language_from_filename(catalog.path)
    return lang.replace("-", "_") if lang else None


def _reference_path(ref: str) -> str:
    path, sep, line = ref.rpartition(":")
    return path if sep and line.isdigit() else ref


def allowed_roots(po_path: str) -> tuple[Path, ...]:
    """The folders a PO file's `#:` references may lead into: the PO file's own folder and
    the project's (the configuration file's folder, else the enclosing Git work tree, else
    the working directory). Resolved, so a symbolic link cannot lead out of them."""
    from termguard.config import Config, find_config_file, repository_root

    roots = [Path(po_path).resolve().parent]
    found = find_config_file()
    roots.append(found.resolve().parent if found is not None else Path(repository_root(Config())).resolve())
    return tuple(dict.fromkeys(roots))


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def find_source(catalog: _Catalog, roots: tuple[Path, ...] | None = None) -> str:
    """Locate the source document named by the `#:` references.

    A reference is tried as written (relative to the working directory), then relative to
    the PO file's directory and each of its parents, since a template made at the project
    root names `seeds/doc.md` while the PO lives in `translations/`.

    Only files inside `roots` (default `allowed_roots`: the project and the PO file's
    folder) are followed, after resolving symbolic links: a PO file is input, and a
    reference such as `/etc/passwd` or `../../proc/self/environ` must not copy a file of
    the system into the output. A reference that leads only outside is an `InputError`;
    the user can still name any source with `--source`.
    """
    counts = Counter(_reference_path(ref) for entry in catalog.entries for ref in entry.references)
    if not counts:
        raise InputError(
            "no '#:' source references in the entries; pass the source document with --source",
            catalog.path,
        )
    if len(counts) > 1:
        names = ", ".join(sorted(counts))
        raise InputError(f"entries come from several documents ({names}); choose one with --source", catalog.path)
    (ref,) = counts
    if roots is None:
        roots = allowed_roots(catalog.path)
    candidates = [Path(ref)]
    if not Path(ref).is_absolute():
        base = Path(catalog.path).resolve().parent
        for directory in (base, *base.parents):
            candidates.append(directory / ref)
    line = next(e.line for e in catalog.entries if e.references)
    outside = None
    for cand in candidates:
        try:
            if not cand.is_file():
                continue
            real = cand.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if not _inside(real, roots):
            outside = outside or cand
            continue
        return str(cand) if cand == Path(ref) else os.path.relpath(cand)
    if outside is not None:
        raise InputError(
            f"source document {ref!r} named by the '#:' references lies outside the project "
            f"({roots[-1]}) and the PO file's folder; it is not read: pass the source document with --source",
            catalog.path,
            line,
        )
    raise InputError(
        f"source document {ref!r} named by the '#:' references not found; run from the project root or pass --source",
        catalog.path,
        line,
    )


def _translation(entry: PoEntry) -> str | None:
    """The usable translation of an entry, or None when it is empty or fuzzy."""
    if "fuzzy" in entry.flags or not entry.msgstr:
        return None
    text = entry.msgstr[0].text
    return text if text.strip() else None


def _marker_kind(marker: str) -> str:
    head = marker.lstrip()[:1]
    return "heading" if head == "#" else "number" if head.isdigit() else head


def _keep_marker(source: str, translation: str) -> str:
    """Give the translation the block marker (`## `, `- `) of its source if it lost it.

    A translator who drops the `## ` of a heading would otherwise turn it into a paragraph.
    """
    m = _BLOCK_MARKER.match(source)
    if not m:
        return translation
    t = _BLOCK_MARKER.match(translation)
    if t and _marker_kind(t.group()) == _marker_kind(m.group()):
        return translation
    return m.group() + translation.lstrip()


def _runs(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Merge spans separated only by whitespace: a page break inside a sentence is one run."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


def _edits(text: str, seg: Segment, translation: str) -> list[tuple[int, int, str]]:
    """Replacements for one translated unit: the translation at its first run, later runs removed."""
    runs = _runs(text, seg.spans)
    edits = [(runs[0][0], runs[0][1], translation)]
    for start, end in runs[1:]:
        # A run that starts a line leaves no empty line or leading blank behind.
        if start == 0 or text[start - 1] == "\n":
            while end < len(text) and text[end].isspace():
                end += 1
        edits.append((start, end, ""))
    return edits


def reassemble(source_text: str, segments: list[Segment], translations: dict[str, str]) -> str:
    """`source_text` with the spans of each segment whose id is in `translations` replaced.

    Pure and independent of PO files, so the span logic (page breaks, interrupting
    footnotes) can be tested on hand-made segments.
    """
    edits: list[tuple[int, int, str]] = []
    for seg in segments:
        if seg.id in translations:
            edits.extend(_edits(source_text, seg, _keep_marker(seg.text, translations[seg.id])))
    out: list[str] = []
    pos = 0
    for start, end, replacement in sorted(edits, key=lambda e: e[0]):
        if start < pos:
            continue  # overlapping spans cannot come from one segmentation; keep the first
        out.append(source_text[pos:start])
        out.append(replacement)
        pos = end
    out.append(source_text[pos:])
    return "".join(out)


def build_text(catalog: _Catalog, source_text: str, source_path: str, source_lang: str = "en") -> BuildResult:
    """Replace each translated unit of `source_text` by its translation from `catalog`."""
    by_id: dict[str, PoEntry] = {}
    by_msgid: dict[str, PoEntry] = {}
    for known in catalog.entries:
        if known.msgctxt is not None:
            by_id.setdefault(known.msgctxt, known)
        by_msgid.setdefault(_norm(known.msgid.text), known)
    result = BuildResult(text="", source_path=source_path, lang=catalog_language(catalog))
    used: set[int] = set()
    translations: dict[str, str] = {}
    segments = segment_text(source_text, lang=source_lang)
    for seg in segments:
        result.units += 1
        key = _norm(seg.text)
        entry = by_id.get(seg.id)
        if entry is None or _norm(entry.msgid.text) != key:
            entry = by_msgid.get(key)
        translation = _translation(entry) if entry is not None else None
        if entry is not None:
            used.add(id(entry))
        if translation is None:
            result.fallback.append(seg.id)
            continue
        result.translated += 1
        translations[seg.id] = translation
    result.stale = [e.msgctxt or _norm(e.msgid.text)[:40] for e in catalog.entries if id(e) not in used]
    result.text = reassemble(source_text, segments, translations)
    result.unbalanced = unbalanced_units(segments, translations)
    return result


def unbalanced_units(segments: list[Segment], translations: dict[str, str]) -> list[tuple[str, str]]:
    """The units after which the built text's open emphasis spans differ from the source's.

    Walks the units in document order keeping the set of emphasis markers left open, once
    for the source and once for the built text (a translation where there is one, the
    source text otherwise); where they part, the unit is named and the walk starts again
    in step, so one lost marker is reported once.
    """
    from termguard.markdown_tokens import open_emphasis

    out: list[tuple[str, str]] = []
    src_state: set[str] = set()
    out_state: set[str] = set()
    for seg in segments:
        src_state ^= set(open_emphasis(seg.text))
        out_state ^= set(open_emphasis(translations.get(seg.id, seg.text)))
        if out_state != src_state:
            opened = sorted(out_state - src_state)
            closed = sorted(src_state - out_state)
            what = []
            if opened:
                what.append("leaves " + ", ".join(f"`{m}`" for m in opened) + " open where the source closes it")
            if closed:
                what.append("does not open " + ", ".join(f"`{m}`" for m in closed) + " as the source does here")
            out.append((seg.id, "the translation " + " and ".join(what) + "; the built Markdown is unbalanced"))
            out_state = set(src_state)
    return out


def build_file(po_path: str, source: str | None = None, lang: str | None = None) -> BuildResult:
    """Read `po_path` (and its source document) and rebuild the translated document.

    `lang`, when given, must be the PO file's language. `source` overrides the document
    named by the references.
    """
    catalog = read_catalog(po_path, load_text(po_path))
    found = catalog_language(catalog)
    if lang is not None and found is not None and found.lower() != lang.replace("-", "_").lower():
        raise InputError(f"the file's language is {found!r}, not {lang!r}; pass the {lang} translation", po_path, catalog.header_line)
    if not catalog.entries:
        raise InputError("no entries to build from; is this the right file?", po_path)
    source_path = source or find_source(catalog)
    source_lang = catalog.header.get("X-Source-Language", "en") or "en"
    return build_text(catalog, load_text(source_path), source_path, source_lang)
