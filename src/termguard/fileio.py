"""Safe file writes: atomic replacement, outputs that are inputs, and in-place rewrites.

* `write_atomic`: a temporary file in the same directory, then a rename; a crash or a full
  disk never leaves a half-written report, template or translation.
* `check_output`: the one validation of an output file (empty, a directory, an input);
  `check_output_dir` the same for an output folder.
* `refuse_output_over_input`: an output path that is one of the run's input files (the
  same file by device and inode, whatever the path says: `./ru.po`, a hard link, a
  symbolic link) is refused before anything is read or written.
* `read_snapshot` / `replace_if_unchanged`: the protocol of every command that rewrites a
  file in place (`termguard update`, `check --fix`): remember what was read, and replace
  the file only if it still holds exactly that, under a lock that serialises termguard
  runs on the same file.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termguard.errors import ConfigError, InputError

_PIECE = 1 << 20  # characters written at a time


def write_atomic(path: str | os.PathLike[str], text: str | bytes | Iterable[str]) -> None:
    """Write `text` (UTF-8; bytes as they are; an iterable of strings one after another) to
    `path` atomically, keeping the old file's permissions."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    # The mode bits are checked too: root may write anywhere, but a file someone made
    # read-only is a file they did not want changed.
    if target.exists() and (not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222):
        raise InputError("file is read-only; make it writable or choose another output", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", str(path)) from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                # A piece at a time: a large report is not encoded into a second copy of
                # itself in memory.
                for piece in [text] if isinstance(text, str) else text:
                    for start in range(0, len(piece), _PIECE):
                        handle.write(piece[start:start + _PIECE])
                handle.flush()
                os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"cannot write: {exc.strerror}", str(path)) from None
    except BaseException:  # the text could not be made or encoded: no half-written file is left
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def refuse_output_over_input(
    output: str | os.PathLike[str] | None,
    inputs: Iterable[str | os.PathLike[str]],
    option: str = "-o",
    dir_suffixes: tuple[str, ...] = (),
) -> None:
    """Raise `ConfigError` when `output` is the same file as one of `inputs`.

    Files are compared by device and inode, so any spelling of the path (relative,
    absolute, through a symbolic or hard link) is caught; an output that does not exist
    yet cannot be an input. `inputs` may name directories: a file below one of them whose
    suffix is in `dir_suffixes` (the files the command reads from a directory) counts as
    an input too (`check translations/ -o translations/ru.po`). `option` names the
    command-line option in the message.
    """
    if output is None:
        return
    target = _identity(output)
    if target is None:
        return
    out_dir = Path(output).resolve().parent
    for raw in inputs:
        if raw is None or str(raw) == "-":
            continue
        if _identity(raw) == target:
            raise ConfigError(
                f"this {option} output is also an input of this run ({raw}); writing it would destroy "
                "the input: choose another output file",
                str(output),
            )
        if dir_suffixes and os.path.isdir(raw):
            base = Path(raw).resolve()
            if out_dir == base or base in out_dir.parents:
                # Only files the command would read are inputs: `-o report.json` beside
                # the sources is fine.
                if Path(output).suffix.lower() in dir_suffixes:
                    raise ConfigError(
                        f"this {option} output lies in input directory {raw} and is read as an input "
                        "of this run; choose an output outside it",
                        str(output),
                    )


def check_output(
    output: str | os.PathLike[str] | None,
    inputs: Iterable[str | os.PathLike[str]] = (),
    option: str = "-o",
    dir_suffixes: tuple[str, ...] = (),
) -> None:
    """The one validation of every command's output path (`-o`, `--write-baseline`, ...):
    raise `ConfigError` when it is empty, names a directory, or is one of the run's
    `inputs` (see `refuse_output_over_input`). None means "no output": nothing to check."""
    if output is None:
        return
    text = os.fspath(output)
    if not text.strip():
        raise ConfigError(f"{option} was given an empty file name; name the file to write")
    if text.endswith(("/", os.sep)) or os.path.isdir(text):
        raise ConfigError(f"this {option} output is a directory; name a file to write (inside it, for example)", text)
    refuse_output_over_input(output, inputs, option, dir_suffixes)


def check_output_dir(output: str | os.PathLike[str], option: str = "--into") -> None:
    """An output folder (`sources fetch --into`): refuse an empty name and an existing file."""
    text = os.fspath(output)
    if not text.strip():
        raise ConfigError(f"{option} was given an empty folder name; name the folder to write into")
    if os.path.exists(text) and not os.path.isdir(text):
        raise ConfigError(f"{option} must be a directory (the store of what is written), not a file", text)


@dataclass(frozen=True)
class Snapshot:
    """What a file held when it was read: its size and a SHA-256 of its bytes.

    Taken by `read_snapshot` (or `snapshot_of` for bytes read elsewhere) and checked by
    `replace_if_unchanged`. Content, not the modification time, decides: a file touched
    but not changed is still the file that was read, and an edit within the same
    timestamp tick is still caught.
    """

    path: str
    size: int
    digest: str


def snapshot_of(path: str | os.PathLike[str], data: bytes) -> Snapshot:
    """The snapshot of `path` as holding `data` (the bytes the caller read from it)."""
    return Snapshot(str(path), len(data), hashlib.sha256(data).hexdigest())


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read `path` whole, turning OS errors into one-line `InputError`s that say what to do."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; check the path", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None


def read_snapshot(path: str | os.PathLike[str]) -> tuple[bytes, Snapshot]:
    """Read `path` whole; return its bytes and their snapshot (OS errors: one-line `InputError`)."""
    data = read_bytes(path)
    return data, snapshot_of(path, data)


class FileChangedError(InputError):
    """A file to be rewritten in place changed (or vanished) after termguard read it."""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file that serialises termguard's rewrites of `path` (beside it, hidden)."""
    target = Path(path)
    return target.with_name(f".{target.name}.termguard-lock")


@contextlib.contextmanager
def file_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on `path`'s lock file (`lock_path`) until the block ends.

    A second termguard run waits for the first, then sees the file the first one wrote.
    The lock file is removed on release; a run that locked a lock file someone removed
    meanwhile locks the new one instead, so two runs never both hold the lock.
    """
    where = lock_path(path)
    while True:
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise InputError(f"cannot create lock file {where.name}: {exc.strerror}", str(path)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                current = os.stat(where)
            except FileNotFoundError:
                current = None
            mine = os.fstat(fd)
            if current is not None and (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # the lock file was replaced while we waited: lock the new one
    try:
        yield
    finally:
        try:
            os.unlink(where)
        except OSError:
            pass
        os.close(fd)


def replace_if_unchanged(path: str | os.PathLike[str], snapshot: Snapshot, text: str) -> None:
    """Replace `path` by `text` (UTF-8, atomically) if it still holds what `snapshot` saw.

    The in-place rewrite of every termguard command (`termguard update`, `check --fix`):
    read with `read_snapshot` (or take `snapshot_of` the bytes read), compute the new
    content, then call this. Under the file's lock (`file_lock`: termguard runs on the
    same file go one at a time) the file is read again and compared with the snapshot;
    if it changed or vanished since, nothing is written and `FileChangedError` (an
    `InputError`, exit 2) names the file, so an edit made meanwhile, by a person or by a
    concurrent run, is never lost. Otherwise `write_atomic` replaces it.
    """
    with file_lock(path):
        try:
            now = Path(path).read_bytes()
        except FileNotFoundError:
            raise FileChangedError("was removed after termguard read it; nothing was written: run again", str(path)) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", str(path)) from None
        if len(now) != snapshot.size or hashlib.sha256(now).hexdigest() != snapshot.digest:
            raise FileChangedError(
                "changed after termguard read it (edited meanwhile, or by another run); "
                "nothing was written to it: run again on the current file",
                str(path),
            )
        write_atomic(path, text)
