"""A progress line on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import os
import sys
import time
from typing import Callable


def progress_reporter(quiet: bool = False, min_seconds: float = 0.5) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` callback, or None in CI, in pipes and with --quiet.

    Nothing is drawn for runs shorter than `min_seconds`, so quick checks stay silent.
    """
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    started = time.monotonic()
    shown = False

    def report(done: int, total: int) -> None:
        nonlocal shown
        if time.monotonic() - started < min_seconds and done < total:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rtermguard: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        shown = True
        if done >= total and shown:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()

    return report
