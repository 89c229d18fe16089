"""Parallel checking: files across processes, and one large PO file cut into chunks.

Chunks are cut at blank lines (entry boundaries), checked in worker processes with
line numbers relative to the chunk, and shifted back in the parent. Rules that keep
per-document state (see `Rule.check_document`) have their chunk states merged with
`Rule.merge_states` before `check_document` runs once in the parent, so a parallel run
reports exactly what a serial run does.

`run_parallel` is three steps: `plan_tasks` (which files, which chunks), `execute` (the
worker pool) and `merge` (the report). The workers call the engine; the engine never calls
this module (`termguard.runner` chooses serial or parallel).
"""

from __future__ import annotations

import io
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from termguard.errors import TermguardError
from termguard.files import display_path, file_size
from termguard.model import Finding, Report

if TYPE_CHECKING:
    from termguard.checks.base import Rule
    from termguard.engine import Engine

# A PO file at least this large is cut into chunks when --jobs > 1.
CHUNK_THRESHOLD = 2 * 1024 * 1024
CHUNK_TARGET = 64 * 1024 * 1024
_ENGINE: Engine | None = None


@dataclass(frozen=True)
class _Task:
    path: str
    start: int = 0
    end: int = -1
    index: int = 0
    chunked: bool = False


def _init(engine: Engine) -> None:
    global _ENGINE
    _ENGINE = engine


def _chunk_bounds(path: str, pieces: int) -> list[tuple[int, int]]:
    """Byte ranges of about equal size, each starting right after a blank line."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, "rb") as handle:
        for k in range(1, pieces):
            target = size * k // pieces
            if target <= cuts[-1]:
                continue
            handle.seek(target)
            # (a small window first, doubled until it holds a blank line: entries are short)
            window = b""
            found = -1
            while found == -1 and len(window) < 1 << 20:
                more = handle.read(max(1 << 12, len(window)))
                if not more:
                    break
                window += more
                found = window.find(b"\n\n")
            if found == -1:
                continue
            cut = target + found + 2
            if cut < size and cut > cuts[-1]:
                cuts.append(cut)
    cuts.append(size)
    return list(itertools.pairwise(cuts))


def _run_task(task: _Task) -> tuple[int, Any]:
    """Worker: check a whole file, or one chunk of a PO file."""
    engine = _ENGINE
    assert engine is not None
    try:
        if not task.chunked:
            return task.index, ("file", engine.check_file(task.path))
        return task.index, ("chunk", _check_chunk(engine, task))
    except TermguardError as exc:
        return task.index, ("error", exc)


# Header documents by (path, size, modification time): read once in the parent before the
# fork, not again for every chunk of the file.
_HEADERS: dict[tuple[str, int, int, str | None], Any] = {}


def _header_document(engine: Engine, path: str):
    from termguard.readers.po import stream_po_blocks

    try:
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns, engine.config.lang)
        if key in _HEADERS:
            return _HEADERS[key]
        with open(path, "rb") as handle:
            doc, _ = stream_po_blocks(handle, display_path(path), lang=engine.config.lang)
        if len(_HEADERS) > 256:
            _HEADERS.clear()
        _HEADERS[key] = doc
        return doc
    except UnicodeDecodeError:
        from termguard.readers import utf8_error

        raise utf8_error(path, display_path(path)) from None


def _check_chunk(engine: Engine, task: _Task) -> tuple[list[Finding], int, int, dict[str, dict]]:
    from termguard.readers.po import iter_po_entries, units_from_entries

    doc = _header_document(engine, task.path)
    with open(task.path, "rb") as handle:
        handle.seek(task.start)
        data = handle.read(task.end - task.start)
    # Read a block at a time (as the serial streamed path reads), not the whole chunk at
    # once: a worker holds its chunk's bytes, not copies of its text.
    stream = io.BytesIO(data)
    ctx = engine.context(doc)
    ctx.chunked = True
    rules = engine.rules_for(doc)
    entries = iter_po_entries(stream, doc.path)
    try:
        if task.start == 0:
            first = next(entries, None)
            if first is not None and not (first.msgid.text == "" and first.msgctxt is None):
                entries = itertools.chain([first], entries)
        units = units_from_entries(entries, doc.path, doc.source_lang, doc.target_lang)
        findings, count = engine.unit_findings(units, rules, ctx)
    except UnicodeDecodeError:
        from termguard.readers import utf8_error

        raise utf8_error(task.path, doc.path) from None
    return findings, count, data.count(b"\n"), ctx._states


def wanted_findings(blocks: Iterable[tuple[str, int]], doc, wanting: list, ctx) -> list[Finding]:
    """Read again the units of `blocks` ((text of whole entries, its first file line))
    whose target starts on a wanted line, and let each rule that wants them report on them
    (after the chunks' states are merged: here for `--jobs`, in the language server for
    its chunks)."""
    from bisect import bisect_left, bisect_right

    from termguard.readers.po import entries_in, units_from_entries

    every = sorted(set().union(*(lines for _rule, lines in wanting)))
    out: list[Finding] = []
    for block, first in blocks:
        last = first + block.count("\n")
        at = bisect_left(every, first)
        if at == len(every) or every[at] > last:
            continue  # no wanted line in this block
        for text, start in _entries_on(block, first, every[at:bisect_right(every, last)]):
            entries = entries_in(text, doc.path, start)
            for unit in units_from_entries(entries, doc.path, doc.source_lang, doc.target_lang):
                line = unit.targets[0].line if unit.targets else None
                for rule, lines in wanting:
                    if line in lines:
                        out.extend(rule.check_wanted(unit, ctx))
    return out


def _entries_on(block: str, first: int, lines: list[int]) -> list[tuple[str, int]]:
    """The entries of `block` (whole entries, its first line `first`) that hold one of the
    sorted file `lines`, each as (text, its first line): entries are cut at blank lines, as
    the blocks are, so only those few entries are parsed again, not the whole file."""
    out: list[tuple[str, int]] = []
    offset, at_line = 0, first
    covered = -1
    for line in lines:
        while at_line < line:  # the offset where `line` starts
            nl = block.find("\n", offset)
            if nl == -1:
                break
            offset, at_line = nl + 1, at_line + 1
        if offset < covered:
            continue  # in the entry taken for an earlier line
        cut = block.rfind("\n\n", 0, offset)
        start = cut + 2 if cut != -1 else 0
        end = block.find("\n\n", offset)
        end = end + 2 if end != -1 else len(block)
        out.append((block[start:end], at_line - block.count("\n", start, offset)))
        covered = end
    return out


def merged_findings(rules: Iterable[Rule], doc, ctx, states: list[dict[str, dict]], findings: list[Finding]) -> list[tuple[Rule, set[int]]]:
    """After the chunks of one document: merge each rule's chunk `states` (in file order)
    into `ctx`, add its `check_document` findings to `findings`, and return the rules that
    want units read again, with their lines (for `wanted_findings`)."""
    wanting: list[tuple[Rule, set[int]]] = []
    for rule in rules:
        ctx._states[rule.name] = rule.merge_states([s.get(rule.name, {}) for s in states])
        findings.extend(rule.check_document(doc, ctx))
        lines = rule.wanted_lines(ctx)
        if lines:
            wanting.append((rule, lines))
    return wanting


def _check_wanted(path: str, doc, wanting: list, ctx) -> list[Finding]:
    """`wanted_findings` over the file's blocks."""
    from termguard.readers.po import iter_po_blocks

    with open(path, encoding="utf-8") as handle:
        return wanted_findings(iter_po_blocks(handle), doc, wanting, ctx)


def _shift(finding: Finding, lines: int) -> Finding:
    return finding.shifted(lines)


def _shift_state(value: Any, lines: int) -> Any:
    """Shift every Finding a rule kept in its state (rules report some from `check_document`)."""
    if not lines:
        return value
    if isinstance(value, Finding):
        return _shift(value, lines)
    if hasattr(value, "shift_lines"):
        return value.shift_lines(lines)  # a rule's own record of file lines
    if isinstance(value, dict):
        return {key: _shift_state(item, lines) for key, item in value.items()}
    if isinstance(value, list):
        return [_shift_state(item, lines) for item in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_shift_state(item, lines) for item in value)
    if isinstance(value, (set, frozenset)):
        return type(value)(_shift_state(item, lines) for item in value)
    return value


def _warm_matchers(engine: Engine, files: list[str]) -> None:
    """Build the term matchers before forking, so workers share them instead of each
    building its own (generating every inflected form of a 10,000-term glossary takes
    seconds)."""
    if not len(engine.glossary) or not any(r.needs_glossary for r in engine.rules):
        return
    langs: set[str] = set()
    for path in files:
        if path.lower().endswith(".po"):
            try:
                doc = _header_document(engine, path)
            except (OSError, UnicodeDecodeError, TermguardError):
                continue  # the worker reports it
            langs.add(doc.source_lang)
            if doc.target_lang:
                langs.add(doc.target_lang)
    from termguard.morph import matcher_for

    for lang in sorted(langs):
        matcher_for(engine.glossary, lang)


@dataclass(frozen=True)
class Plan:
    """The tasks of a parallel run, and for each file its path and the indexes of its tasks."""

    tasks: tuple[_Task, ...]
    layout: tuple[tuple[str, tuple[int, ...]], ...]
    #: Bytes each task reads (for the progress bar).
    sizes: tuple[int, ...]


def plan_tasks(engine: Engine, files: list[str], jobs: int) -> Plan:
    """One task per file; a large PO file becomes chunks when every rule's chunk states
    merge into exactly the serial result."""
    tasks: list[_Task] = []
    layout: list[tuple[str, tuple[int, ...]]] = []
    chunking = all(r.chunkable for r in engine.rules)
    for path in files:
        big = chunking and path.lower().endswith(".po") and os.path.getsize(path) >= CHUNK_THRESHOLD
        # Two chunks per worker, or more for a file above 128 MB (one per 64 MB and worker):
        # enough to even out their speeds and to move the progress bar; each more costs a
        # task's round trip and a cold start of its buffers.
        pieces = jobs * max(2, -(-os.path.getsize(path) // CHUNK_TARGET)) if big else 1
        bounds = _chunk_bounds(path, pieces) if big else [(0, -1)]
        first = len(tasks)
        tasks.extend(_Task(path, start, end, first + k, chunked=big) for k, (start, end) in enumerate(bounds))
        layout.append((path, tuple(range(first, len(tasks)))))
    sizes = tuple((t.end - t.start) if t.chunked else file_size(t.path) for t in tasks)
    return Plan(tuple(tasks), tuple(layout), sizes)


def execute(engine: Engine, plan: Plan, jobs: int, progress: Callable[[int, int], None] | None) -> dict[int, Any]:
    """Run the plan's tasks in `jobs` forked worker processes; each task's result by index."""
    _warm_matchers(engine, [path for path, _ in plan.layout])
    results: dict[int, Any] = {}
    total = sum(plan.sizes)
    done = 0
    workers = min(jobs, len(plan.tasks)) or 1
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init, initargs=(engine,)) as pool:
        for index, result in pool.imap_unordered(_run_task, plan.tasks):
            results[index] = result
            done += plan.sizes[index]
            if progress:
                progress(done, total)
    return results


def _merge_chunks(engine: Engine, path: str, parts: list[Any]) -> tuple[list[Finding], int]:
    """One chunked file: shift each chunk's findings and states to file lines, merge the
    rules' states, run `check_document` once and re-read the entries rules still want."""
    doc = _header_document(engine, path)
    findings: list[Finding] = []
    units = offset = 0
    states: list[dict[str, dict]] = []
    for found, count, newlines, state in parts:
        findings.extend(_shift(f, offset) for f in found)
        units += count
        states.append(_shift_state(state, offset))
        offset += newlines
    ctx = engine.context(doc)
    wanting = merged_findings(engine.rules_for(doc), doc, ctx, states, findings)
    if wanting:
        findings.extend(_check_wanted(path, doc, wanting, ctx))
    return findings, units


def merge(engine: Engine, plan: Plan, results: dict[int, Any]) -> Report:
    """The report of a parallel run from its tasks' results (the first error is raised)."""
    findings: list[Finding] = []
    shown: list[str] = []
    units = 0
    for path, indexes in plan.layout:
        for index in indexes:
            if results[index][0] == "error":
                raise results[index][1]
        if not plan.tasks[indexes[0]].chunked:
            found, name, count = results[indexes[0]][1]
        else:
            found, count = _merge_chunks(engine, path, [results[index][1] for index in indexes])
            name = display_path(path)
        findings.extend(found)
        shown.append(name)
        units += count
    findings.sort(key=Finding.sort_key)
    return Report(tuple(findings), tuple(shown), units)


def run_parallel(engine: Engine, files: list[str], jobs: int, progress: Callable[[int, int], None] | None) -> Report:
    """Check `files` with `jobs` worker processes; same report as `Engine.run` serially."""
    plan = plan_tasks(engine, files, jobs)
    return merge(engine, plan, execute(engine, plan, jobs, progress))
