"""One command for every benchmark: `python benchmarks/run.py [--quick] [--skip-1m]`.

Measures termguard against the anchor tools in the same run and prints one table of
ratios:

* glossary check throughput and peak memory vs pofilter's terminology mode
  (`-t notranslatewords -t musttranslatewords` with the generated word lists), on
  synthetic en→ru corpora (100k and 1M entries × 100 and 10,000 terms), with precision and
  recall against the corpus's planted errors;
* every rule (a default check) vs pofilter with its default checks, on 100k entries × 100
  and 10,000 terms;

pofilter and termguard run interleaved in the same run (each once per round, three rounds,
the median shown), so that a shared machine's load falls on both alike.
* segmenter accuracy (Golden Rules) and speed vs pySBD (benchmarks/bench_segment.py);
* glossary load time for a 10,000-term TBX;
* a cold `termguard check translations/ru.po`.

Corpora come from the shared generator `make_corpus.py` when it is present (looked up in
`$TERMGUARD_BENCH_DIR`, then `../shared/bench` beside the checkout), else from
`benchmarks/corpus_gen.py`, a generator of the same shape. Needs the `bench` extra:
`pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
TERM_RULES = "forbidden-term,missing-term,untranslated-term"


def shared_bench_dir() -> Path | None:
    """The shared benchmark data folder, if this checkout has one beside it."""
    candidates = [os.environ.get("TERMGUARD_BENCH_DIR"), ROOT.parent / "shared" / "bench"]
    for cand in candidates:
        if cand and Path(cand, "corpus", "make_corpus.py").exists():
            return Path(cand)
    return None


def make_corpus(entries: int, terms: int) -> Path:
    """Generate (once) the corpus and glossary files for this size into the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    po = CACHE / f"corpus_e{entries}_t{terms}.po"
    if po.exists() and (CACHE / f"glossary_t{terms}.tbx").exists():
        return po
    shared = shared_bench_dir()
    script = shared / "corpus" / "make_corpus.py" if shared else ROOT / "benchmarks" / "corpus_gen.py"
    subprocess.run(
        [sys.executable, str(script), "--entries", str(entries), "--terms", str(terms), "--out", str(CACHE)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return po


def timed(cmd: list[str], **kwargs) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run a command; return wall seconds, peak RSS of the child in MB, and the result."""
    wrapper = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    result = subprocess.run(wrapper + cmd, capture_output=True, text=True, **kwargs)
    elapsed = time.perf_counter() - start
    peak = 0
    if wrapper:
        tail = result.stderr.strip().splitlines()
        if tail and tail[-1].strip().isdigit():
            peak = int(tail[-1].strip()) // 1024
    return elapsed, peak, result


def compile_sources() -> None:
    """Write termguard's bytecode before timing, as `pip install .` does (and as pip did
    for pofilter): an editable install under PYTHONDONTWRITEBYTECODE would otherwise
    compile every module in every timed process."""
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "termguard"), quiet=1)


def termguard_cmd() -> list[str]:
    """The `termguard` program as users run it (the console script beside this Python, as
    pofilter's is run), or `python -m termguard` where there is none."""
    script = Path(sys.executable).with_name("termguard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "termguard"]


def score(report_path: Path, truth_path: Path) -> tuple[float, float]:
    """Precision and recall of term findings against the planted errors.

    Recall counts the term errors (forbidden, untranslated, dropped); precision counts a
    finding as right when its entry has any planted error (a homoglyph or an inconsistent
    rendering also takes away the approved term).
    """
    term_kinds = {"forbidden", "untranslated", "dropped"}
    truth: set[str] = set()
    planted: set[str] = set()
    with open(truth_path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            planted.add(row["ctx"])
            if row["kind"] in term_kinds:
                truth.add(row["ctx"])
    doc = json.loads(report_path.read_text(encoding="utf-8"))
    found = {f["unit"] for f in doc["findings"]}
    precision = len(found & planted) / len(found) if found else 0.0
    recall = len(found & truth) / len(truth) if truth else 0.0
    return precision, recall


def interleaved(commands: dict[str, list[str]], rounds: int, **kwargs) -> dict[str, tuple[float, int]]:
    """Run each command once per round, in turn (so that the load of a shared machine falls
    on all of them alike); per command, the median wall time and the largest peak RSS."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            elapsed, peak, result = timed(cmd, **kwargs)
            if result.returncode not in (0, 1):
                raise SystemExit(f"{name} failed: {result.stderr.strip()[-500:]}")
            samples[name].append((elapsed, peak))
    return {name: (statistics.median(t for t, _ in got), max(m for _, m in got)) for name, got in samples.items()}


def bench_terms(entries: int, terms: int, jobs: int, rounds: int = 3) -> list[dict]:
    """termguard's term rules vs pofilter's terminology mode on one corpus, interleaved.

    termguard runs as whole processes, as pofilter does: once with an empty cache (every
    inflected form generated, the glossary parsed), then, interleaved with pofilter, with
    the cache the first run left (as in CI with a cached ~/.cache/termguard, or any second
    run), `rounds` times each (the median time and the largest memory are shown).
    """
    po = make_corpus(entries, terms)
    truth = po.with_suffix(".truth.jsonl")
    glossary = CACHE / f"glossary_t{terms}.tbx"
    out = CACHE / f"report_e{entries}_t{terms}.json"
    pofilter = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    pf_cmd = [pofilter, "-t", "notranslatewords", "-t", "musttranslatewords",
              "--notranslatefile", str(CACHE / f"notranslate_t{terms}.txt"),
              "--musttranslatefile", str(CACHE / f"musttranslate_t{terms}.txt"),
              str(po), "-o", str(CACHE / f"pofilter_e{entries}_t{terms}.po")]
    rows = []
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "TERMGUARD_CACHE_DIR": cache_dir}

        def tg(n: int) -> list[str]:
            return [*termguard_cmd(), "check", str(po), "--glossary", str(glossary), "--select", TERM_RULES,
                    "--format", "json", "-o", str(out), "--jobs", str(n), "--exit-zero"]

        cold, cold_mem, _ = timed(tg(1), cwd=ROOT, env=env)
        commands = {"pofilter": pf_cmd, "warm cache": tg(1)}
        if jobs > 1:
            commands[f"warm cache, --jobs {jobs}"] = tg(jobs)
        got = interleaved(commands, rounds, cwd=ROOT, env=env)
        pf_time, pf_mem = got.pop("pofilter")
        precision, recall = score(out, truth)
        for label, (tg_time, tg_mem) in [("cold cache", (cold, cold_mem)), *got.items()]:
            rows.append({
                "what": f"terminology mode, {entries // 1000}k entries x {terms} terms ({label})",
                "termguard": f"{entries / tg_time:,.0f} entries/s ({tg_time:.2f} s), {tg_mem} MB, P={precision:.3f} R={recall:.3f}",
                "anchor": f"pofilter -t notranslatewords -t musttranslatewords: {entries / pf_time:,.0f} entries/s ({pf_time:.2f} s), {pf_mem} MB",
                "ratio": f"{pf_time / tg_time:.1f}x faster, {pf_mem / max(tg_mem, 1):.1f}x less memory",
            })
    return rows


def bench_all_rules(entries: int, terms: int, jobs: int, rounds: int = 3) -> list[dict]:
    """Every rule (a default `termguard check`) against pofilter with its default checks, on
    the same corpus, interleaved, serially and with `--jobs` (the matcher cache warm)."""
    po = make_corpus(entries, terms)
    glossary = CACHE / f"glossary_t{terms}.tbx"
    pofilter = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    commands = {"pofilter": [pofilter, str(po), "-o", str(CACHE / f"pofilter_all_e{entries}.po")]}
    for n in sorted({1, jobs}):
        commands[f"--jobs {n}"] = [*termguard_cmd(), "check", str(po), "--glossary", str(glossary), "--format", "json",
                                   "-o", str(CACHE / f"report_all_e{entries}.json"), "--jobs", str(n), "--exit-zero"]
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "TERMGUARD_CACHE_DIR": cache_dir}
        timed(commands["--jobs 1"], cwd=ROOT, env=env)  # fills the matcher cache
        got = interleaved(commands, rounds, cwd=ROOT, env=env)
    pf_time, pf_mem = got.pop("pofilter")
    return [{
        "what": f"default check, {entries // 1000}k entries x {terms} terms, all rules ({label})",
        "termguard": f"{entries / tg_time:,.0f} entries/s ({tg_time:.2f} s), {tg_mem} MB",
        "anchor": f"pofilter, default checks: {entries / pf_time:,.0f} entries/s ({pf_time:.2f} s), {pf_mem} MB",
        "ratio": f"{pf_time / tg_time:.1f}x faster",
    } for label, (tg_time, tg_mem) in got.items()]


def bench_cold_check(runs: int = 7) -> dict:
    """Wall time of a new `termguard check translations/ru.po` process: the first with an
    empty matcher cache, then the median of `runs` with the cache it left."""
    target = ROOT / "translations" / "ru.po"
    cmd = [*termguard_cmd(), "check", str(target.relative_to(ROOT)), "--exit-zero"]
    with tempfile.TemporaryDirectory() as cache_dir:
        env = {**os.environ, "TERMGUARD_CACHE_DIR": cache_dir}
        first, _, _ = timed(cmd, cwd=ROOT, env=env)
        times = [timed(cmd, cwd=ROOT, env=env)[0] for _ in range(runs)]
    median = statistics.median(times)
    return {
        "what": "cold `termguard check translations/ru.po` (new process)",
        "termguard": f"{median:.2f} s with the matcher cache (median of {runs}), {first:.2f} s without",
        "anchor": "textlint+prh 1.3 s (SPEC, measured once)",
        "ratio": f"{1.3 / median:.1f}x faster; target <= 0.5 s: {'met' if max(median, first) <= 0.5 else 'NOT met'}",
    }


def bench_glossary_load(terms: int = 10000) -> dict:
    """Time to load a 10,000-term TBX into the glossary model (in process): a parse with the
    cache off (the target), and a load from the cache a first load left, with and without
    building every entry (a check builds only those its texts hit)."""
    # (the generator writes the glossary beside each corpus: made with the 100k corpus, as
    # the other benchmarks use it, it is not written again with other contents)
    make_corpus(100_000, terms)
    path = CACHE / f"glossary_t{terms}.tbx"
    from termguard.glossary import read_glossary

    saved = {name: os.environ.get(name) for name in ("TERMGUARD_NO_CACHE", "TERMGUARD_CACHE_DIR")}
    try:
        os.environ["TERMGUARD_NO_CACHE"] = "1"
        start = time.perf_counter()
        glossary, _ = read_glossary(path)
        parsed = time.perf_counter() - start
        del os.environ["TERMGUARD_NO_CACHE"]
        with tempfile.TemporaryDirectory() as cache_dir:
            os.environ["TERMGUARD_CACHE_DIR"] = cache_dir
            read_glossary(path)
            start = time.perf_counter()
            loaded, _ = read_glossary(path)
            cached = time.perf_counter() - start
            for _entry in loaded:  # entries from the cache are built when first used
                pass
            built = time.perf_counter() - start
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return {
        "what": f"load a {terms:,}-term TBX",
        "termguard": f"{parsed:.2f} s parsed ({len(glossary):,} entries), {cached:.2f} s from the cache"
        f" ({built:.2f} s with every entry built)",
        "anchor": "-",
        "ratio": f"target < 1 s: {'met' if parsed < 1 else 'NOT met'}",
    }


def bench_segmenter(quick: bool) -> list[dict]:
    """Rows from benchmarks/bench_segment.py (Golden Rules and speed vs pySBD)."""
    script = ROOT / "benchmarks" / "bench_segment.py"
    if not script.exists():
        return []
    args = [sys.executable, str(script), "--json"] + (["--quick"] if quick else [])
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        return [{"what": "segmenter", "termguard": "failed", "anchor": "-", "ratio": result.stderr.strip()[-200:]}]
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return [{"what": "segmenter", "termguard": result.stdout.strip()[-200:], "anchor": "pySBD", "ratio": "-"}]


def print_table(rows: list[dict]) -> None:
    """Print the rows as one Markdown table (ready for the README)."""
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print()
    print("| benchmark | termguard | anchor | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| {row['what']} | {row['termguard']} | {row['anchor']} | {row['ratio']} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100k entries only, fewer repetitions")
    parser.add_argument("--skip-1m", action="store_true", help="skip the 1M-entry corpora")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="termguard --jobs for the corpus checks")
    args = parser.parse_args(argv)
    compile_sources()
    rows: list[dict] = []
    rows.extend(bench_segmenter(args.quick))
    rows.append(bench_glossary_load())
    rows.append(bench_cold_check(3 if args.quick else 7))
    sizes = [(100_000, 100), (100_000, 10_000)]
    if not (args.quick or args.skip_1m):
        sizes += [(1_000_000, 100), (1_000_000, 10_000)]
    for entries, terms in sizes:
        rows.extend(bench_terms(entries, terms, args.jobs, 1 if args.quick else 3))
    for terms in (100, 10_000):
        rows.extend(bench_all_rules(100_000, terms, args.jobs, 1 if args.quick else 3))
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
