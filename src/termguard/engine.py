"""The engine: collect files, read them into documents, run the rules, sort the findings."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termguard.checks import CheckContext, Rule, rules_named
from termguard.checks.base import terminology_mode
from termguard.config import Config
from termguard.errors import InputError
from termguard.gcpause import frozen, paused
from termguard.glossary import Glossary, load_glossary
from termguard.model import Document, Finding, Severity, Unit
from termguard.readers import SUFFIXES, load_text, read_document, utf8_error
from termguard.suppressions import has_directive, ignore_per_file, suppress_document, suppress_unit

# Translation files larger than this are streamed instead of read whole.
STREAM_THRESHOLD = 8 * 1024 * 1024
# In terminology mode (every unit rule is a term rule), PO files larger than this go
# through the term screen (termguard.screen), which reads them streamed.
SCREEN_THRESHOLD = 256 * 1024


@dataclass(frozen=True)
class Report:
    """The result of a run: sorted findings and what was read."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    units: int

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)


def collect_files(paths: Iterable[str], config: Config | None = None, force_exclude: bool = False) -> list[str]:
    """Expand directories into the checkable files below them (sorted); files pass as given.

    Files found in directories skip the configuration's `exclude` patterns; files named
    explicitly are checked anyway unless `force_exclude` (for pre-commit, which names them).
    """
    excluded = config.is_excluded if config is not None and config.exclude else None
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                str(f) for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in f.parts)
            )
            if not found:  # "0 files, no problems" would pass a run that checked nothing
                what = "is a directory, not a file, and holds" if p.suffix.lower() in SUFFIXES else "holds"
                raise InputError(f"{what} no file to check ({', '.join(SUFFIXES)}); check the path", raw)
            out.extend(f for f in found if excluded is None or not excluded(f))
        elif p.exists() or raw == "-":
            if excluded is None or not force_exclude or raw == "-" or not excluded(raw):
                out.append(raw)
        else:
            raise InputError("no such file or directory; check the path", raw)
    seen: set[str] = set()
    return [f for f in out if not (f in seen or seen.add(f))]


def display_path(path: str) -> str:
    """Paths in reports are relative to the working directory when they lie below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


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
        #: Every rule that looks at units is a term rule: PO files can be screened.
        self.terminology_mode = terminology_mode(self.rules)

    def context(self, doc: Document) -> CheckContext:
        """A fresh rule context for one document."""
        return CheckContext(
            glossary=self.glossary, document=doc, severities=dict(self.config.severity), options=dict(self.config.options)
        )

    def rules_for(self, doc: Document) -> list[Rule]:
        """The selected rules that apply to this kind of document."""
        kind = "translation" if doc.is_translation else "source"
        return [r for r in self.rules if r.applies_to in ("any", kind)]

    @staticmethod
    def unit_findings(units: Iterable[Unit], rules: list[Rule], ctx: CheckContext) -> tuple[list[Finding], int]:
        """Run the per-unit part of every rule; return the findings and the unit count."""
        findings: list[Finding] = []
        extend = findings.extend
        count = 0
        for unit in units:
            count += 1
            if unit.comments and has_directive(unit):
                # `# termguard: ignore RULE` on a PO entry: filter that entry's findings.
                extend(suppress_unit(unit, [f for rule in rules for f in rule.check_unit(unit, ctx)], rules, ctx))
                continue
            for rule in rules:
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
                if size > STREAM_THRESHOLD or (self.terminology_mode and size > SCREEN_THRESHOLD):
                    return self._check_streamed(path, shown, read)
            elif size > STREAM_THRESHOLD:
                return self._check_streamed_xml(path, shown, read)
        doc = read_document(shown, load_text(path), lang=self.config.lang)
        return self.check_document(doc), doc.path, len(doc.units)

    def _check_streamed(self, path: str, shown: str, read: Callable[[int], None] | None = None) -> tuple[list[Finding], str, int]:
        from termguard.readers.po import entries_in, stream_entries, stream_po_blocks
        from termguard.screen import screen_for, screened_entries

        try:
            # A checked entry leaves no reference cycles behind (tests/morph/test_screen.py
            # checks it): the cycle collector would only walk the findings, again and again.
            with open(path, "rb") as handle, contextlib.ExitStack() as stack, paused():
                doc, blocks = stream_po_blocks(handle, shown, lang=self.config.lang)
                ctx = self.context(doc)
                rules = self.rules_for(doc)
                screen = screen_for(rules, ctx)
                stack.enter_context(_long_lived_matchers(ctx, doc, rules, screen))
                cleared = [0]
                if read is not None:
                    blocks = _telling(blocks, handle, read)
                if screen is not None:
                    # Term rules only: clear the clean entries a block at a time (see
                    # termguard.screen); the rest are read and checked in full.
                    entries = screened_entries(blocks, doc.path, screen, cleared.append)
                else:
                    entries = (e for block, line in blocks for e in entries_in(str(block, "utf-8"), doc.path, line))
                _, units = stream_entries(entries, doc.path, lang=self.config.lang)
                findings, count = self.unit_findings(units, rules, ctx)
                count += sum(cleared)
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
                with _long_lived_matchers(ctx, doc, rules):
                    findings, count = self.unit_findings(units, rules, ctx)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", shown) from None
        for rule in rules:
            findings.extend(rule.check_document(doc, ctx))
        return findings, doc.path, count

    def run(
        self,
        paths: Iterable[str],
        jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
        force_exclude: bool = False,
    ) -> Report:
        """Check files and directories; return the sorted report.

        With `jobs > 1` files are checked in parallel processes, and a single large PO file
        is cut into chunks; the findings are the same as a serial run's.
        """
        files = collect_files(paths, self.config, force_exclude)
        if jobs > 1:
            from termguard.parallel import run_parallel

            report = run_parallel(self, files, jobs, progress)
            return Report(tuple(ignore_per_file(self.config, report.findings)), report.files, report.units)
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


@contextlib.contextmanager
def _long_lived_matchers(ctx: CheckContext, doc: Document, rules: list[Rule], screen=None) -> Iterator[None]:
    """Build the document's term matchers (and the term screen's tables) now, and keep the
    cycle collector off them (and the glossary) while a large file is read: for a
    10,000-term glossary they are over a million objects that every full collection of a
    long run would walk again."""
    if not (any(r.needs_glossary for r in rules) and len(ctx.glossary)):
        yield
        return
    ctx.matcher(doc.source_lang)
    if doc.target_lang:
        ctx.matcher(doc.target_lang)
    if screen is not None:
        with paused(lasting=True):
            screen.prepare()
    with frozen():
        yield


def file_size(path: str) -> int:
    """Bytes in a file (progress is counted in bytes); 0 for standard input."""
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0


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
