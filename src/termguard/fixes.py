"""Apply the fixes findings carry (SPEC §7): `check --fix`, `--diff`, `--unsafe-fixes`.

As in ruff: a file is read once, checked, and its applicable fixes are applied in memory;
fixes whose edits overlap one already taken wait for the next round, and the file is
checked again until no fix applies (or `MAX_ROUNDS`), so applying fixes twice changes
nothing the second time. A fixed file is written atomically, and only when its bytes on
disk are still those read at the start (`unchanged_since`): a file someone changed
meanwhile is not overwritten, and the run ends with exit 2 naming it. A result that the
file's reader can no longer parse is never written either.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termguard.errors import InputError
from termguard.model import Applicability, Edit, Finding, Fix
from termguard.positions import LineIndex

if TYPE_CHECKING:
    from termguard.engine import Engine

#: Rounds of check-and-apply per file; fixes that depend on each other settle in two or three.
MAX_ROUNDS = 8


@dataclass(frozen=True)
class Snapshot:
    """A file as it was read: its bytes and what `os.stat` said, to tell a later change."""

    path: str
    data: bytes
    mtime_ns: int
    size: int


@dataclass
class FileFix:
    """What fixing one file did: its text before and after, and how many fixes were applied."""

    path: str
    shown: str
    before: str
    after: str
    applied: int = 0
    snapshot: Snapshot | None = None
    crlf: bool = False
    bom: bool = False
    #: In a file whose lines end in both ways: per line break of `before`, True for "\r\n"
    #: (None when every break is the same), so a fix leaves each line's ending as it was.
    endings: tuple[bool, ...] | None = None

    @property
    def changed(self) -> bool:
        """True when the fixes changed the text."""
        return self.before != self.after


@dataclass
class FixRun:
    """Every file's result."""

    files: list[FileFix] = field(default_factory=list)

    @property
    def applied(self) -> int:
        """Fixes applied over all files."""
        return sum(f.applied for f in self.files)

    @property
    def changed(self) -> list[FileFix]:
        """The files whose text changed."""
        return [f for f in self.files if f.changed]


def read_snapshot(path: str) -> Snapshot:
    """Read a file's bytes and stat together (the state a later write is compared with)."""
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    return Snapshot(path, data, st.st_mtime_ns, st.st_size)


def unchanged_since(snapshot: Snapshot) -> bool:
    """True when the file still holds the bytes read into `snapshot` (the check made right
    before a fixed file replaces it)."""
    try:
        st = os.stat(snapshot.path)
        if st.st_size != snapshot.size:
            return False
        with open(snapshot.path, "rb") as handle:
            return handle.read() == snapshot.data
    except OSError:
        return False


def wanted(fix: Fix | None, unsafe: bool) -> bool:
    """Whether a fix is applied in this run (safe ones always, unsafe ones on request)."""
    return fix is not None and (unsafe or fix.applicability is Applicability.SAFE)


def _offset(lines: LineIndex, text: str, line: int, column: int) -> int | None:
    """The offset in `text` of a 1-based (line, column), None when it is not in the text."""
    if line < 1 or line > len(lines.starts) or column < 1:
        return None
    start = lines.starts[line - 1]
    end = lines.starts[line] - 1 if line < len(lines.starts) else len(text)
    offset = start + column - 1
    return offset if offset <= end else None


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """`text` with the fixes applied, in order, skipping any fix whose edits overlap an edit
    already taken (it is tried again in the next round); returns the text and the count.

    Identical edits of several fixes (two rules proposing the same replacement) are one."""
    lines = LineIndex(text)
    taken: list[tuple[int, int, str]] = []
    count = 0
    for fix in fixes:
        spans: list[tuple[int, int, str]] = []
        for edit in fix.edits:
            start = _offset(lines, text, edit.line, edit.column)
            end = _offset(lines, text, edit.end_line, edit.end_column)
            if start is None or end is None or end < start:
                spans = []
                break
            spans.append((start, end, edit.content))
        if not spans:
            continue
        if all(s in taken for s in spans):
            count += 1
            continue
        if any(_overlap(s, t) for s in spans for t in taken if s != t):
            continue
        taken.extend(s for s in spans if s not in taken)
        count += 1
    out: list[str] = []
    pos = 0
    for start, end, content in sorted(taken, key=lambda s: (s[0], s[1])):
        out.append(text[pos:start])
        out.append(content)
        pos = end
    out.append(text[pos:])
    return "".join(out), count


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] == b[0] or (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])
    return a[0] < b[1] and b[0] < a[1]


def fix_file(
    path: str, shown: str, check: Callable[[str, str], list[Finding]], unsafe: bool = False
) -> FileFix:
    """Check and fix one file in memory until no applicable fix is left (nothing is written).

    `check(path, text)` returns the findings for `text` as the content of `path`.
    """
    snapshot = read_snapshot(path)
    data = snapshot.data
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return FileFix(path, shown, "", "", snapshot=snapshot)  # the check reports it; nothing to fix
    if bom:
        text = text[1:]
    crlf = "\r\n" in text
    endings = None
    if crlf:
        flags = tuple(k > 0 and text[k - 1] == "\r" for k, char in enumerate(text) if char == "\n")
        if not all(flags):
            endings = flags
        text = text.replace("\r\n", "\n")
    result = FileFix(path, shown, text, text, snapshot=snapshot, crlf=crlf, bom=bom, endings=endings)
    for _ in range(MAX_ROUNDS):
        fixes = [f.fix for f in check(path, result.after) if f.fix is not None and wanted(f.fix, unsafe)]
        if not fixes:
            break
        new, count = apply_fixes(result.after, fixes)
        if new == result.after:
            break
        _still_readable(shown, new)
        result.after = new
        result.applied += count
    return result


def _still_readable(shown: str, text: str) -> None:
    """Refuse a fixed text the file's reader cannot parse (a fix must never break a file)."""
    from termguard.readers import read_document

    try:
        read_document(shown, text)
    except InputError as exc:
        raise InputError(f"a fix would make the file unreadable ({exc.message}); fix it by hand or report it", shown) from None


def fix_files(
    paths: Iterable[tuple[str, str]], check: Callable[[str, str], list[Finding]], unsafe: bool = False
) -> FixRun:
    """Fix every (path, shown name) in memory; `write_fixes` or `render_diff` then use it."""
    run = FixRun()
    for path, shown in paths:
        if path == "-":
            continue
        run.files.append(fix_file(path, shown, check, unsafe))
    return run


def _on_disk(result: FileFix) -> str:
    if result.endings is not None:
        text = _with_endings(result.before, result.after, result.endings)
    else:
        text = result.after.replace("\n", "\r\n") if result.crlf else result.after
    return ("\ufeff" + text) if result.bom else text


def _with_endings(before: str, after: str, endings: tuple[bool, ...]) -> str:
    """`after` with each line ending as the matching line of `before` ended (lines a fix
    added take the ending of the line they replace, or of the line before them)."""
    import difflib

    old = before.split("\n")
    new = after.split("\n")
    # the ending after new line j (the last line has none)
    out_flags: list[bool] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "delete":
            continue
        for k in range(j2 - j1):
            i = max(i1 - 1, 0) if tag == "insert" else min(i1 + k, i2 - 1)
            out_flags.append(endings[i] if i < len(endings) else (endings[-1] if endings else False))
    pieces = []
    for j, line in enumerate(new):
        pieces.append(line)
        if j < len(new) - 1:
            pieces.append("\r\n" if out_flags[j] else "\n")
    return "".join(pieces)


def write_fixes(run: FixRun) -> None:
    """Write every changed file atomically; refuse (exit 2) a file changed since it was read.

    Every file is checked before any is written, then each is checked again right before
    its replacement."""
    stale = [r.shown for r in run.changed if r.snapshot is None or not unchanged_since(r.snapshot)]
    if stale:
        raise InputError("changed since it was read; nothing was written, run termguard check --fix again", stale[0])
    for result in run.changed:
        assert result.snapshot is not None
        _replace_if_unchanged(result.snapshot, _on_disk(result), result.shown)


def _replace_if_unchanged(snapshot: Snapshot, text: str, shown: str) -> None:
    """Replace the file with `text` through the one in-place rewrite every command uses
    (`fileio.replace_if_unchanged`: under the file's lock, only if it still holds the
    bytes read into `snapshot`, atomically)."""
    from termguard.fileio import replace_if_unchanged, snapshot_of

    replace_if_unchanged(snapshot.path, snapshot_of(snapshot.path, snapshot.data), text)


def render_diff(run: FixRun) -> str:
    """The unified diff of every changed file (`a/PATH`, `b/PATH`), as `--diff` prints it."""
    out: list[str] = []
    for result in run.changed:
        out.extend(
            difflib.unified_diff(
                result.before.splitlines(keepends=True),
                result.after.splitlines(keepends=True),
                fromfile=f"a/{result.shown}",
                tofile=f"b/{result.shown}",
            )
        )
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
    return "".join(out)


def edits_of(findings: Iterable[Finding]) -> list[Edit]:
    """Every edit of every fix in `findings` (for reporters and tests)."""
    return [e for f in findings if f.fix is not None for e in f.fix.edits]


def fix_paths(engine: Engine, paths: Iterable[str], unsafe: bool = False, force_exclude: bool = False) -> FixRun:
    """Fix the files under `paths` with `engine`'s rules (in memory; see `write_fixes`)."""
    from termguard.engine import collect_files, display_path

    files = collect_files(paths, engine.config, force_exclude)
    return fix_files(((p, display_path(p)) for p in files), engine.check_text, unsafe)
