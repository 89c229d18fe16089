"""Atomic file writes: a temporary file in the same directory, then a rename.

A crash or a full disk never leaves a half-written report, template or translation.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from termguard.errors import InputError


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write `text` (UTF-8; bytes as they are) to `path` atomically, keeping the old file's permissions."""
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
                handle.write(text)
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
