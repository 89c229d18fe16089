"""The engine: read files into documents, run the rules, sort the findings.

`Report` lives in `termguard.model`, and finding and naming files in `termguard.files`;
both are imported here too, for the callers that know them from here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from termguard.checks import CheckContext, Rule, rules_named
from termguard.config import Config
from termguard.errors import InputError
from termguard.files import collect_files, display_path, file_size
from termguard.glossary import Glossary, load_glossary
from termguard.model import Document, Finding, Report, Unit
from termguard.readers import load_text, read_document, utf8_error
from termguard.suppressions import has_directive, ignore_per_file, suppress_document, suppress_unit
from termguard.triggers import Dispatcher

# Translation files larger than this are streamed instead of read whole.
STREAM_THRESHOLD = 8 * 1024 * 1024
# Entries whose triggers are computed together (`termguard.triggers`).
_BLOCK_UNITS = 512


def build_glossary(config: Config) -> Glossary:
    """Load the configured glossary; a missing default glossary means an empty one."""
    if config.glossary is None:
        return Glossary()
    if not Path(config.glossary).exists() and not config.glossary_required:
        return Glossary()
    # `glossary.langs` (from --glossary-langs en:ru) names a CSV glossary's column languages.
    return load_glossary(config.glossary, langs=config.options.get("glossary.langs"))  # type: ignore[arg-type]


class Engine:
    """Runs the selected rules over documents."""

    def __init__(self, config: Config, glossary: Glossary | None = None) -> None:
        self.config = config
        self.glossary = glossary if glossary is not None else build_glossary(config)
        self.rules: list[Rule] = [cls() for cls in rules_named(config.resolve_rules())]
        if not len(self.glossary):
            self.rules = [r for r in self.rules if not r.needs_glossary]

    def context(self, doc: Document) -> CheckContext:
        """A fresh rule context for one document."""
        return CheckContext(
            glossary=self.glossary, document=doc, severities=dict(self.config.severity), options=dict(self.config.options),
            selected=frozenset(r.name for r in self.rules),
        )

    def rules_for(self, doc: Document) -> list[Rule]:
        """The selected rules that apply to this kind of document."""
        kind = "translation" if doc.is_translation else "source"
        return [r for r in self.rules if r.applies_to in ("any", kind)]

    #: Hand each entry only to the rules whose triggers fire on it (`termguard.triggers`);
    #: False runs every rule on every entry (the differential tests compare the two).
    triggered = True

    def unit_findings(self, units: Iterable[Unit], rules: list[Rule], ctx: CheckContext) -> tuple[list[Finding], int]:
        """Run the per-unit part of every rule; return the findings and the unit count."""
        findings: list[Finding] = []
        extend = findings.extend
        count = 0
        dispatcher = Dispatcher(rules, ctx) if self.triggered else None
        if dispatcher is None or not dispatcher.active:
            blocks: Iterable[list[Unit]] = ([unit] for unit in units)
        else:
            blocks = _blocks(units, _BLOCK_UNITS)
        for block in blocks:
            per_unit = dispatcher.rules_per_unit(block) if dispatcher is not None and dispatcher.active else [rules]
            for unit, chosen in zip(block, per_unit):
                count += 1
                if unit.comments and has_directive(unit):
                    # `# termguard: ignore RULE` on a PO entry: filter that entry's findings
                    # (every rule runs: unused-suppression must see what each would report).
                    extend(suppress_unit(unit, [f for rule in rules for f in rule.check_unit(unit, ctx)], rules, ctx))
                    continue
                for rule in chosen:
                    extend(rule.check_unit(unit, ctx))
        return findings, count

    def check_document(self, doc: Document) -> list[Finding]:
        """Run every applicable rule over one document."""
        ctx = self.context(doc)
        rules = self.rules_for(doc)
        findings, _ = self.unit_findings(doc.units, rules, ctx)
        for rule in rules:
            findings.extend(rule.check_document(doc, ctx))
        return suppress_document(doc, findings, rules, ctx)

    def check_text(self, path: str, text: str) -> list[Finding]:
        """Check text that belongs to `path` (used for standard input and tests)."""
        return list(self.run_text(path, text).findings)

    def run_text(self, path: str, text: str) -> Report:
        """Check text that belongs to `path` (standard input with --stdin-filename)."""
        doc = read_document(display_path(path), text, lang=self.config.lang)
        findings = ignore_per_file(self.config, self.check_document(doc))
        return Report(tuple(sorted(findings, key=Finding.sort_key)), (doc.path,), len(doc.units))

    def check_file(self, path: str, read: Callable[[int], None] | None = None) -> tuple[list[Finding], str, int]:
        """Check one file: (findings, display path, unit count). Large PO files are streamed,
        and `read(n)` is told after each block how many bytes of the file have been read."""
        shown = display_path(path)
        if path != "-" and path.lower().endswith((".po", ".xlf", ".xliff", ".tmx")):
            size = os.path.getsize(path)
            if path.lower().endswith(".po"):
                if size > STREAM_THRESHOLD:
                    return self._check_streamed(path, shown, read)
            elif size > STREAM_THRESHOLD:
                return self._check_streamed_xml(path, shown, read)
        doc = read_document(shown, load_text(path), lang=self.config.lang)
        return self.check_document(doc), doc.path, len(doc.units)

    def _check_streamed(self, path: str, shown: str, read: Callable[[int], None] | None = None) -> tuple[list[Finding], str, int]:
        from termguard.readers.po import entries_in, stream_entries, stream_po_blocks

        try:
            with open(path, "rb") as handle:
                doc, blocks = stream_po_blocks(handle, shown, lang=self.config.lang)
                ctx = self.context(doc)
                rules = self.rules_for(doc)
                if read is not None:
                    blocks = _telling(blocks, handle, read)
                entries = (e for block, line in blocks for e in entries_in(str(block, "utf-8"), doc.path, line))
                _, units = stream_entries(entries, doc.path, lang=self.config.lang)
                findings, count = self.unit_findings(units, rules, ctx)
        except UnicodeDecodeError:
            raise utf8_error(path, shown) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", shown) from None
        for rule in rules:
            findings.extend(rule.check_document(doc, ctx))
        return findings, doc.path, count

    def _check_streamed_xml(self, path: str, shown: str, read: Callable[[int], None] | None = None) -> tuple[list[Finding], str, int]:
        """A large XLIFF or TMX file, read a piece at a time (see their readers)."""
        try:
            with open(path, "rb") as handle:
                if path.lower().endswith(".tmx"):
                    from termguard.readers.tmx import stream_tmx

                    doc, units = stream_tmx(handle, shown)
                else:
                    from termguard.readers.xliff import stream_xliff

                    doc, units = stream_xliff(handle, shown, lang=self.config.lang)
                if read is not None:
                    units = _telling_units(units, handle, read)
                ctx = self.context(doc)
                rules = self.rules_for(doc)
                findings, count = self.unit_findings(units, rules, ctx)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", shown) from None
        for rule in rules:
            findings.extend(rule.check_document(doc, ctx))
        return findings, doc.path, count

    def run(
        self,
        paths: Iterable[str],
        progress: Callable[[int, int], None] | None = None,
        force_exclude: bool = False,
    ) -> Report:
        """Check files and directories in this process; return the sorted report.

        `termguard.runner.check_paths` chooses between this and worker processes
        (`termguard.parallel`), which call the engine: the engine never calls them.
        """
        files = collect_files(paths, self.config, force_exclude)
        findings: list[Finding] = []
        units = 0
        shown = []
        sizes = [file_size(path) for path in files]
        total = sum(sizes)
        done = 0
        for path, size in zip(files, sizes):
            found, name, count = self.check_file(path, _reading(progress, done, size, total))
            findings.extend(found)
            shown.append(name)
            units += count
            done += size
            if progress:
                progress(done, total)
        findings = ignore_per_file(self.config, findings)
        findings.sort(key=Finding.sort_key)
        return Report(tuple(findings), tuple(shown), units)


def _reading(
    progress: Callable[[int, int], None] | None, base: int, size: int, total: int
) -> Callable[[int], None] | None:
    """What a file's check tells as it reads (`check_file`'s `read`): bytes of this file,
    as progress over all files."""
    if progress is None:
        return None
    return lambda n: progress(base + min(n, size), total)


def _blocks(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    """`units` in lists of `size` (the last may be shorter)."""
    block: list[Unit] = []
    for unit in units:
        block.append(unit)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


def _telling(blocks: Iterator[tuple[memoryview, int]], handle, read: Callable[[int], None]) -> Iterator[tuple[memoryview, int]]:
    """The blocks, calling `read` with the file position (bytes; `handle` is binary) after
    each one."""
    for block in blocks:
        yield block
        read(handle.tell())


def _telling_units(units: Iterator[Unit], handle, read: Callable[[int], None], every: int = 1000) -> Iterator[Unit]:
    """The units, calling `read` with the file position (bytes) every `every` units."""
    for n, unit in enumerate(units, 1):
        yield unit
        if n % every == 0:
            read(handle.tell())


def iter_documents(paths: Iterable[str], lang: str | None = None) -> Iterator[Document]:
    """Read every file under `paths` into a Document (for commands other than check)."""
    for path in collect_files(paths):
        yield read_document(display_path(path), load_text(path), lang=lang)


__all__ = ["Engine", "Report", "build_glossary", "collect_files", "display_path", "file_size", "iter_documents"]
