"""Serial or parallel: the one place that chooses how files are checked.

`Engine.run` checks in this process; `termguard.parallel` spreads files (and chunks of a
large PO file) over worker processes that each call the engine. Choosing here keeps the
relation one-way: parallel knows the engine, the engine knows neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from termguard.engine import Engine
from termguard.files import collect_files
from termguard.model import Report
from termguard.suppressions import ignore_per_file


def check_paths(
    engine: Engine,
    paths: Iterable[str],
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    force_exclude: bool = False,
) -> Report:
    """Check files and directories; return the sorted report.

    With `jobs > 1` files are checked in worker processes and a single large PO file is
    cut into chunks; the findings are the same as a serial run's.
    """
    if jobs <= 1:
        return engine.run(paths, progress=progress, force_exclude=force_exclude)
    from termguard.parallel import run_parallel

    files = collect_files(paths, engine.config, force_exclude)
    report = run_parallel(engine, files, jobs, progress)
    return Report(tuple(ignore_per_file(engine.config, report.findings)), report.files, report.units)
