"""The project as a language server sees it: configuration, glossary and engine found from
the workspace root, and checks of documents held in the editor's memory.

The configuration is read as `termguard check` reads it when run in the workspace root
(`load_config`, the glossary next to the configuration file or `glossary/` in the root, the
`sources` directories loaded). A document is checked from its in-memory text through the
engine's text path (`Engine.run_text`, what `check - --stdin-filename` uses), except PO
files: those are checked a chunk of entries at a time, as `--jobs` checks a large file
(`termguard.parallel`): each chunk's unit findings and rule states are kept by the chunk's
text, so a change to one entry re-checks one chunk, and the whole-document part of every
rule (`merge_states`, `check_document`, `wanted_lines`) runs over the kept states.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from termguard.checks import get_rule
from termguard.checks.base import CheckContext
from termguard.config import CONFIG_FILES, Config, load_config
from termguard.engine import Engine, display_path
from termguard.errors import TermguardError
from termguard.model import Document, Edit, Field, Finding, Unit
from termguard.prose import prose_view
from termguard.readers import SUFFIXES, read_document
from termguard.readers.po import PoEntry, duplicate_error
from termguard.suppressions import UNUSED, ignore_per_file

from .mapping import MARKDOWN_KINDS, PO_KINDS, TermHit, apply_edits

#: The documents the server checks (SPEC §7).
CHECKED_SUFFIXES = (".po", ".pot", ".md", ".xlf", ".xliff")
#: Files whose change means the configuration or glossary must be read again.
GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv", ".tbx", ".tsv")
# A chunk of a PO file ends after an entry whose text hashes to 0 modulo this: chunks are cut
# by content, so an edit moves no boundary but its own, and a chunk holds this many entries
# on average (at most CHUNK_MAX).
CHUNK_MODULUS = 16
CHUNK_MAX = 64


def kind_of(path: str) -> str:
    """The document kind a path's extension gives (po, pot, markdown, text, xliff, other)."""
    suffix = os.path.splitext(path)[1].lower()
    return {".po": "po", ".pot": "pot", ".md": "markdown", ".markdown": "markdown", ".txt": "text",
            ".xlf": "xliff", ".xliff": "xliff"}.get(suffix, "other")


def checked(path: str) -> bool:
    """Is this a document the server checks?"""
    return path.lower().endswith(CHECKED_SUFFIXES)


def workspace_config(root: str) -> Config:
    """The configuration `termguard check` uses when run in `root`."""
    config = load_config(cwd=root)
    if config.path is None:
        # No configuration file: the defaults, relative to the workspace root rather than to
        # wherever the editor started the server.
        config = replace(config, root=root, glossary=os.path.join(root, "glossary"))
    if config.sources and "sources" not in config.options:
        from termguard.sources.loader import load_sources

        loaded = [pair for directory in config.sources for pair in load_sources(directory)]
        config = replace(config, options={**config.options, "sources": loaded})
    return config


@dataclass
class _Chunk:
    """A chunk's unit findings and rule states, lines counted from the chunk's start, and
    the same moved to where the chunk stood in the last check (`offset` lines down)."""

    findings: list[Finding]
    states: dict[str, dict[str, Any]]
    units: int
    #: (msgctxt, msgid, line in the chunk) of each entry: duplicates across chunks.
    keys: list[tuple[str | None, str, int]] = field(default_factory=list)
    offset: int = 0
    placed: tuple[list[Finding], dict[str, dict[str, Any]]] | None = None

    def at(self, offset: int) -> tuple[list[Finding], dict[str, dict[str, Any]]]:
        """The findings and states `offset` lines down (kept: an edit moves few chunks)."""
        if self.placed is None or self.offset != offset:
            from termguard.parallel import _shift_state

            self.offset = offset
            self.placed = (
                [f.shifted(offset) for f in self.findings],
                {name: _shift_state(state, offset) for name, state in self.states.items()},
            )
        return self.placed


@dataclass
class _PoMemo:
    """What the last checks of one PO document left: its chunks' results by text."""

    header: str = ""
    chunks: dict[str, _Chunk] = field(default_factory=dict)


class _Engine(Engine):
    """The engine, its rule contexts sharing one set of term matchers across checks (a
    language server checks the same documents again and again, and building the matchers
    of a large glossary is the costliest part of a check)."""

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.matchers: dict[str, Any] = {}

    def context(self, doc: Document) -> CheckContext:
        """A fresh rule context whose matchers are the shared ones."""
        ctx = super().context(doc)
        ctx._matchers = self.matchers
        return ctx


class Project:
    """One workspace root: its configuration, engine and what the checks keep."""

    def __init__(self, root: str, config: Config | None = None) -> None:
        self.root = root
        self.config = config if config is not None else workspace_config(root)
        self.engine = _Engine(self.config)
        self.chunkable = all(r.chunkable for r in self.engine.rules)
        self._po: dict[str, _PoMemo] = {}

    # -- which files matter ---------------------------------------------------------------

    def affects_config(self, path: str) -> bool:
        """Does a change to `path` mean the configuration or glossary must be read again?"""
        name = os.path.basename(path)
        if name in CONFIG_FILES:
            return True
        glossary = self.config.glossary
        if glossary and path.lower().endswith(GLOSSARY_SUFFIXES):
            try:
                full = Path(path).resolve()
                target = Path(glossary if os.path.isabs(glossary) else os.path.abspath(glossary)).resolve()
            except OSError:
                return False
            return full == target or target in full.parents
        return False

    # -- checks ----------------------------------------------------------------------------

    def check(self, path: str, text: str, remember: bool = True) -> list[Finding]:
        """The findings for `text`, the current content of the document at `path`, sorted.

        Lines end in `\\n` (a carriage return before it changes no line or column). With
        `remember` false (a what-if check), what a PO check keeps for the next is left as
        it was.
        """
        text = text.replace("\r\n", "\n")
        if self.config.is_excluded(path):
            return []  # as `check` skips it in a directory it walks (and with --force-exclude)
        if kind_of(path) in ("po", "pot") and self.chunkable:
            return self._check_po(path, text, remember)
        if not path.lower().endswith(SUFFIXES):
            return []
        return list(self.engine.run_text(path, text).findings)

    def suppression_silences(self, path: str, text: str, finding: Finding, edit: Edit) -> bool:
        """Does `edit` (a suppression comment, `mapping.suppression_edit`) silence `finding`
        without leaving an unused suppression? Answered by checking the edited text: which
        findings an entry's comment covers depends on how the rule reports them."""
        after = self.check(path, apply_edits(text.replace("\r\n", "\n"), [edit]), remember=False)
        added = edit.content.count("\n") - (edit.end_line - edit.line)
        line = finding.line + added if finding.line >= edit.line else finding.line
        end_line = finding.end_line + added if finding.end_line >= edit.line else finding.end_line
        for f in after:
            if f.rule == finding.rule and (f.line, f.column, f.end_line, f.end_column) == (
                line, finding.column, end_line, finding.end_column
            ):
                return False
            if f.rule == UNUSED and edit.line <= f.line <= edit.line + added:
                return False
        return True

    def forget(self, path: str) -> None:
        """Drop what the checks kept for a closed document."""
        self._po.pop(path, None)

    def _check_po(self, path: str, text: str, remember: bool = True) -> list[Finding]:
        return self._check_po_chunks(path, text, remember)

    def _check_po_chunks(self, path: str, text: str, remember: bool) -> list[Finding]:
        shown = display_path(path)
        pieces = text.split("\n\n")
        header_doc, has_header = self._header_document(shown, pieces[0])
        memo = self._po.get(path)
        if memo is None or memo.header != pieces[0]:
            memo = _PoMemo(header=pieces[0])
            if remember:
                self._po[path] = memo
        rules = self.engine.rules_for(header_doc)
        findings: list[Finding] = []
        states: list[dict[str, dict[str, Any]]] = []
        kept: dict[str, _Chunk] = {}
        spans: list[tuple[int, str]] = []  # (first line, text) of each chunk, for wanted lines
        offset = 0
        seen: dict[tuple[str | None, str], int] = {}  # the first line of each entry's key
        for index, chunk_text in enumerate(_chunks(pieces)):
            chunk = memo.chunks.get(chunk_text)
            if chunk is None:
                chunk = self._check_chunk(header_doc, rules, chunk_text, index == 0 and has_header, offset)
            for msgctxt, msgid, line in chunk.keys:  # as a whole-file read refuses them
                first = seen.setdefault((msgctxt, msgid), line + offset)
                if first != line + offset:
                    raise duplicate_error(msgctxt, msgid, first, shown, line + offset)
            kept[chunk_text] = chunk
            placed_findings, placed_states = chunk.at(offset)
            findings.extend(placed_findings)
            states.append(placed_states)
            spans.append((offset + 1, chunk_text))
            offset += chunk_text.count("\n")
        if remember:
            memo.chunks = kept
        from termguard.parallel import merged_findings

        ctx = self.engine.context(header_doc)
        wanting = merged_findings(rules, header_doc, ctx, states, findings)
        if wanting:
            findings.extend(self._check_wanted(header_doc, spans, wanting, ctx))
        return sorted(ignore_per_file(self.config, findings), key=Finding.sort_key)

    def _header_document(self, shown: str, first: str) -> tuple[Document, bool]:
        """The document (header, languages, no units) of a PO text whose first piece is
        `first`, and whether that piece is the header entry."""
        from termguard.readers.po import parse_po

        doc = parse_po(first, shown, lang=self.config.lang)
        has_header = doc.header_field is not None
        if not has_header:
            doc = parse_po("", shown, lang=self.config.lang)
        return replace(doc, units=()), has_header

    def _check_chunk(self, doc: Document, rules: list, text: str, skip_header: bool, offset: int) -> _Chunk:
        """Check one chunk, its lines counted from 1 (`offset` lines down in the file)."""
        from termguard.readers.po import entries_in, units_from_entries

        ctx = self.engine.context(doc)
        ctx.chunked = True
        try:
            entries = entries_in(text, doc.path, 1)
            if skip_header:
                next(entries, None)
            keys: list[tuple[str | None, str, int]] = []

            def recorded(entries: Iterator[PoEntry]) -> Iterator[PoEntry]:
                for entry in entries:
                    keys.append((entry.msgctxt, entry.msgid.text, entry.line))
                    yield entry

            units = units_from_entries(recorded(entries), doc.path, doc.source_lang, doc.target_lang)
            found, count = self.engine.unit_findings(units, rules, ctx)
        except TermguardError as exc:
            if exc.line is not None:
                exc.line += offset  # where the file breaks, not where the chunk does
            raise
        return _Chunk(found, ctx._states, count, keys)

    def _check_wanted(self, doc: Document, spans: list[tuple[int, str]], wanting: list, ctx: CheckContext) -> list[Finding]:
        """The units of the chunks holding a wanted line, read again, for the rules that
        want them (`termguard.parallel.wanted_findings`, as `--jobs` does with the file)."""
        from termguard.parallel import wanted_findings

        return wanted_findings(((text, first) for first, text in spans), doc, wanting, ctx)

    # -- glossary terms under the cursor --------------------------------------------------------

    def terms_at(self, path: str, text: str, line: int, column: int) -> list[TermHit]:
        """The glossary terms whose span holds the 1-based `line`:`column` of the document
        (source and translation texts alike), in the language of the text they are in."""
        if not len(self.engine.glossary):
            return []
        text = text.replace("\r\n", "\n")
        hits: list[TermHit] = []
        for unit in self._units_near(path, text, line):
            for fld, lang in _fields(unit):
                if fld is None or not lang or not _spans_line(fld, line):
                    continue
                hits.extend(self._hits_in(fld, lang, line, column))
        return hits

    def _hits_in(self, fld: Field, lang: str, line: int, column: int) -> Iterator[TermHit]:
        view = prose_view(fld.text)
        matcher = self.engine.context(_NO_DOCUMENT).matcher(lang)
        for m in matcher.find(view.plain):
            start, end = view.to_text_span(m.start, m.end)
            first_line, first_col, last_line, last_col = fld.locate_span(start, end)
            if (first_line, first_col) <= (line, column) <= (last_line, last_col):
                yield TermHit(first_line, first_col, last_line, last_col, m.entry, fld.text[start:end], m.rendering.status, lang)

    def _units_near(self, path: str, text: str, line: int) -> list[Unit]:
        """The units that may stand on `line`: for PO, the entry around it; else every unit."""
        shown = display_path(path)
        if kind_of(path) in ("po", "pot"):
            from termguard.readers.po import entries_in, units_from_entries

            lines = text.split("\n")
            if not 1 <= line <= len(lines):
                return []
            first = line
            while first > 1 and lines[first - 2].strip():
                first -= 1
            last = line
            while last < len(lines) and lines[last].strip():
                last += 1
            doc, _ = self._header_document(shown, text.split("\n\n", 1)[0])
            block = "\n".join(lines[first - 1 : last]) + "\n"
            return list(units_from_entries(entries_in(block, shown, first), shown, doc.source_lang, doc.target_lang))
        if not path.lower().endswith(SUFFIXES):
            return []
        return list(read_document(shown, text, lang=self.config.lang).units)


def suppressible(kind: str, finding: Finding) -> bool:
    """Can a suppression comment silence this finding at all? A rule's finding (not an
    input error, not an unused suppression) in a PO entry, an XLIFF unit, or a Markdown or
    text document.
    Whether the comment does is `Project.suppression_silences`'s question: an entry's
    comment covers what its rules report on that entry, not what a rule reports over the
    whole file (`inconsistent-term`'s rival forms, the PO header's problems)."""
    if get_rule(finding.rule) is None or finding.rule == UNUSED:
        return False
    if kind in MARKDOWN_KINDS:
        return True
    return kind in (*PO_KINDS, "xliff") and finding.unit is not None


_NO_DOCUMENT = Document(path="", kind="text", source_lang="en", target_lang=None, units=())


def _fields(unit: Unit) -> Iterator[tuple[Field | None, str | None]]:
    yield unit.source, unit.source_lang
    yield unit.source_plural, unit.source_lang
    for target in unit.targets:
        yield target, unit.target_lang


def _spans_line(fld: Field, line: int) -> bool:
    if not fld.anchors:
        return False
    return fld.anchors[0][1] <= line <= fld.anchors[-1][1]


def _chunks(pieces: list[str]) -> Iterator[str]:
    """The PO text split at blank lines (`pieces`) regrouped into chunks cut by content."""
    group: list[str] = []
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        group.append(piece)
        if index == last:
            break
        # A checksum of the piece, not `hash` (salted per process): the same text is cut
        # the same way in every run, so a problem seen once can be seen again.
        if len(group) >= CHUNK_MAX or zlib.crc32(piece.encode("utf-8", "surrogatepass")) % CHUNK_MODULUS == 0:
            yield "\n\n".join(group) + "\n\n"
            group = []
    yield "\n\n".join(group)
