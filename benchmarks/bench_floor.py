"""The floor of a pure-Python terminology check, against pofilter's terminology mode.

    python benchmarks/bench_floor.py [--entries 100000] [--terms 10000] [--rounds 3]

A terminology check of a PO file cannot take less time than the steps every design in
Python with a multi-pattern library must take, with no rule logic and no PO parsing at all:

* start the interpreter and import the scanning library (`python -c "import ahocorasick"`);
* read and decode the file, and fold its case (the automaton keys are folded);
* have the Russian and English automatons of the glossary's forms: built from the keys
  the matcher cache keeps (pyahocorasick's own pickle is timed too; the smaller counts);
* scan the whole folded file once with each automaton and visit each hit in Python (a
  check must at least look at each hit to know which entry and which term it belongs to).

The sum is the floor. pofilter's terminology mode (`-t notranslatewords -t
musttranslatewords` with the generated word lists) runs in the same session, interleaved
with the floor's own child process (median of `--rounds`), and the script prints the
largest ratio any such design could reach, next to the issue's target of 15x.
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_terms import make_corpus  # noqa: E402


def _keys(tbx: Path) -> dict[str, list[str]]:
    """The padded, folded automaton keys of the glossary's Russian and English matchers."""
    from termguard.glossary import read_glossary
    from termguard.morph import TermMatcher

    glossary, _ = read_glossary(tbx)
    out = {}
    for lang in ("ru", "en"):
        matcher = TermMatcher(glossary, lang)
        out[lang] = list(matcher._automaton._keys)
    return out


def _build(keys: list[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for k, key in enumerate(keys):
        automaton.add_word(key, k)
    automaton.make_automaton()
    return automaton


def _seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def floor_steps(po: Path, keys: dict[str, list[str]]) -> dict[str, float]:
    """Seconds of each step of the floor, in this process (the start-up is timed apart)."""
    steps: dict[str, float] = {}
    start = time.perf_counter()
    text = po.read_text(encoding="utf-8")
    steps["read and decode"] = time.perf_counter() - start
    start = time.perf_counter()
    folded = text.casefold()
    steps["fold case"] = time.perf_counter() - start
    automatons = {}
    built = 0.0
    unpickled = 0.0
    for lang, lang_keys in keys.items():
        start = time.perf_counter()
        automatons[lang] = _build(lang_keys)
        built += time.perf_counter() - start
        blob = pickle.dumps(automatons[lang])
        start = time.perf_counter()
        pickle.loads(blob)
        unpickled += time.perf_counter() - start
    steps["automatons (least of build, unpickle)"] = min(built, unpickled)
    hits = 0

    def scan() -> None:
        nonlocal hits
        for automaton in automatons.values():
            for _end, _k in automaton.iter(folded):
                hits += 1

    steps["scan the file, visit each hit"] = _seconds(scan)
    steps["hits"] = hits
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    paths = make_corpus(args.entries, args.terms)
    keys = _keys(paths["tbx"])
    pofilter = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    out = paths["po"].with_suffix(".floor-pofilter.po")
    pf_cmd = [pofilter, "-t", "notranslatewords", "-t", "musttranslatewords",
              "--notranslatefile", str(paths["notranslate"]), "--musttranslatefile", str(paths["musttranslate"]),
              str(paths["po"]), "-o", str(out)]
    start_cmd = [sys.executable, "-c", "import ahocorasick"]
    pf_times, start_times, runs = [], [], []
    for _ in range(args.rounds):
        pf_times.append(_seconds(lambda: subprocess.run(pf_cmd, check=True, capture_output=True)))
        start_times.append(_seconds(lambda: subprocess.run(start_cmd, check=True)))
        runs.append(floor_steps(paths["po"], keys))
    steps = {"start Python, import the library": statistics.median(start_times)}
    for name in runs[0]:
        steps[name] = statistics.median(run[name] for run in runs)
    hits = int(steps.pop("hits"))
    floor = sum(steps.values())
    pf = statistics.median(pf_times)
    print(f"{args.entries:,} entries x {args.terms:,} terms; keys ru {len(keys['ru']):,}, en {len(keys['en']):,}; {hits:,} hits")
    for name, seconds in steps.items():
        print(f"  {name:<40} {seconds:6.2f} s")
    print(f"  {'floor (sum)':<40} {floor:6.2f} s")
    print(f"pofilter terminology mode: {pf:.2f} s (median of {args.rounds})")
    print(f"largest ratio a pure-Python design can reach: {pf / floor:.1f}x (target 15x needs <= {pf / 15:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
