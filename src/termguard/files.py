"""Finding the files to check, and naming them in reports."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from termguard.errors import InputError
from termguard.readers import SUFFIXES

if TYPE_CHECKING:
    from termguard.config import Config


def _checkable_below(p: Path) -> list[str]:
    return sorted(
        str(f) for f in p.rglob("*")
        if f.is_file() and f.suffix.lower() in SUFFIXES and not any(part.startswith(".") for part in f.parts)
    )


def has_checkable(path: str) -> bool:
    """Whether `path` is a file, or a directory holding a file termguard reads: a configured
    path that is empty today (a new project's translations/) is skipped, not an error."""
    p = Path(path)
    return p.is_file() or (p.is_dir() and bool(_checkable_below(p)))


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
            found = _checkable_below(p)
            if not found:  # "0 files, no problems" would pass a run that checked nothing
                what = "is a directory, not a file, and holds" if p.suffix.lower() in SUFFIXES else "holds"
                raise InputError(f"{what} no file to check ({', '.join(SUFFIXES)}); check the path", raw)
            out.extend(f for f in found if excluded is None or not excluded(f))
        elif p.exists() or raw == "-":
            if excluded is None or not force_exclude or raw == "-" or not excluded(raw):
                out.append(raw)
        else:
            raise InputError("no such file or directory; check the path", raw)
    return list(dict.fromkeys(out))  # each file once, in the order first named


def display_path(path: str) -> str:
    """Paths in reports are relative to the working directory when they lie below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


def file_size(path: str) -> int:
    """Bytes in a file (progress is counted in bytes); 0 for standard input."""
    try:
        return os.path.getsize(path) if path != "-" else 0
    except OSError:
        return 0
