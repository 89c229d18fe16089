"""A progress line on stderr for long runs, shown only when stderr is a terminal."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable


def progress_reporter(quiet: bool = False, min_seconds: float = 0.5) -> Callable[[int, int], None] | None:
    """A `progress(done, total)` callback (bytes read of all files), or None in CI, in
    pipes and with --quiet.

    Nothing is drawn for runs shorter than `min_seconds`, so quick checks stay silent;
    the line is redrawn at most ten times a second and erased at the end.
    """
    if quiet or not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    started = time.monotonic()
    last = 0.0
    shown = False
    width = 30

    def report(done: int, total: int) -> None:
        nonlocal shown, last
        now = time.monotonic()
        finished = done >= total
        if not finished and (now - started < min_seconds or now - last < 0.1):
            return
        if finished and not shown:
            return  # a quick run: nothing was drawn, nothing to erase
        last = now
        filled = width * done // max(total, 1)
        percent = 100 * done // max(total, 1)
        sys.stderr.write(f"\rtermguard: [{'#' * filled}{'.' * (width - filled)}] {percent:3d}%")
        shown = True
        if finished:
            sys.stderr.write("\r" + " " * (width + 20) + "\r")
            shown = False
        sys.stderr.flush()

    return report
