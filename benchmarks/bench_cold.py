"""Benchmark: a cold `termguard` process (the SPEC target for `check translations/ru.po`).

    python benchmarks/bench_cold.py [--runs 7] [--target translations/ru.po]

Starts a new process each time, as a user at a terminal does, and prints the median of
`--runs` for:

* `termguard check TARGET` with an empty cache (a fresh cache directory per run: the
  glossary is parsed, the term matchers and the lexicons are built and written);
* `termguard check TARGET` with a warm cache (the directory a first run left);
* `termguard --version` and `termguard --help`.

Each line gives wall time and CPU time (user + system of the child). On a shared,
loaded machine the wall time includes waiting for a core; the CPU time is what the
process itself spent, and is what a quiet machine's wall time comes close to.

Bytecode matters: a pip install compiles every module, a checkout run with
PYTHONDONTWRITEBYTECODE=1 does not. The script compiles `src/` first (as pip would) and
runs the children with bytecode writing on, so that no run pays for compiling.

Targets (issue 20): warm <= 0.3 s, empty cache <= 0.45 s. A benchmark, not a test:
exits 0 whatever it measures.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WARM_TARGET = 0.3
EMPTY_TARGET = 0.45


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"bench_cold: {' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def measure(target: str, runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, cpu) per case, the cases interleaved so that load falls on all alike."""
    program = [sys.executable, "-m", "termguard"]
    check = [*program, "check", target, "--exit-zero"]
    base_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TERMGUARD_NO_CACHE")}
    samples: dict[str, list[tuple[float, float]]] = {"empty": [], "warm": [], "version": [], "help": []}
    with tempfile.TemporaryDirectory(prefix="tg-bench-cold-") as tmp:
        warm_env = {**base_env, "TERMGUARD_CACHE_DIR": str(Path(tmp) / "warm")}
        _timed(check, warm_env)  # fills the warm cache
        for run in range(runs):
            empty_dir = Path(tmp) / f"empty-{run}"
            samples["empty"].append(_timed(check, {**base_env, "TERMGUARD_CACHE_DIR": str(empty_dir)}))
            shutil.rmtree(empty_dir, ignore_errors=True)
            samples["warm"].append(_timed(check, warm_env))
            samples["version"].append(_timed([*program, "--version"], warm_env))
            samples["help"].append(_timed([*program, "--help"], warm_env))
    return {name: _median(values) for name, values in samples.items()}


def main() -> None:
    """Print the medians and whether the targets are met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--target", default="translations/ru.po")
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    results = measure(args.target, args.runs)
    print(f"cold `termguard check {args.target}`, median of {args.runs} (wall / cpu):")
    for name, label in (("warm", "warm cache"), ("empty", "empty cache"), ("version", "--version"), ("help", "--help")):
        wall, cpu = results[name]
        print(f"  {label:12} {wall:.3f} s / {cpu:.3f} s")
    warm, empty = results["warm"], results["empty"]
    print(f"target warm <= {WARM_TARGET} s: wall {'met' if warm[0] <= WARM_TARGET else 'NOT met'}, "
          f"cpu {'met' if warm[1] <= WARM_TARGET else 'NOT met'}")
    print(f"target empty <= {EMPTY_TARGET} s: wall {'met' if empty[0] <= EMPTY_TARGET else 'NOT met'}, "
          f"cpu {'met' if empty[1] <= EMPTY_TARGET else 'NOT met'}")


if __name__ == "__main__":
    main()
