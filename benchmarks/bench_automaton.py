"""pyahocorasick against ahocorasick-rs on a term matcher's keys.

    python benchmarks/bench_automaton.py [--entries 100000] [--terms 10000]

Builds the Russian and English term matchers of a generated glossary, takes their
automaton keys (the padded, folded forms `TermMatcher` scans for), and measures with each
library: building the automaton from the keys, scanning every entry's text one call at a
time (as `TermMatcher.scan` does), and scanning the joined texts of blocks of 512 entries
(as the term trigger, `TermMatcher.texts_hit`, does). Both must report the same
(end, key) hits. ahocorasick-rs is optional (`pip install ahocorasick-rs`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from bench_terms import make_corpus  # noqa: E402


def _texts(po: Path, lang: str) -> list[str]:
    from termguard.readers.po import parse_po

    doc = parse_po(po.read_text(encoding="utf-8"), str(po))
    if lang == "en":
        return [u.source.text for u in doc.units]
    return [t.text for u in doc.units for t in u.targets]


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(keys: list[str], texts: list[str]) -> list[tuple[str, float, float, float, list]]:
    """(library, build s, scan per text s, scan per block s, the first texts' hits) per library."""
    import ahocorasick

    try:
        import ahocorasick_rs
    except ImportError:
        ahocorasick_rs = None
    blocks = ["".join(texts[i : i + 512]) for i in range(0, len(texts), 512)]

    def build_py():
        a = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for k, key in enumerate(keys):
            a.add_word(key, k)
        a.make_automaton()
        return a

    py = build_py()
    rows = [("pyahocorasick", _best(build_py, 1),
             _best(lambda: [list(py.iter(t)) for t in texts]),
             _best(lambda: [list(py.iter(b)) for b in blocks]),
             sorted((end, k) for t in texts[:2000] for end, k in py.iter(t)))]
    if ahocorasick_rs is not None:
        def build_rs():
            return ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)

        rs = build_rs()
        rows.append(("ahocorasick-rs", _best(build_rs, 1),
                     _best(lambda: [rs.find_matches_as_indexes(t, overlapping=True) for t in texts]),
                     _best(lambda: [rs.find_matches_as_indexes(b, overlapping=True) for b in blocks]),
                     sorted((end - 1, k) for t in texts[:2000] for k, _s, end in rs.find_matches_as_indexes(t, overlapping=True))))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    args = parser.parse_args(argv)
    from termguard.glossary import read_glossary
    from termguard.morph import TermMatcher
    from termguard.morph.matcher import _padded as padded

    paths = make_corpus(args.entries, args.terms)
    glossary, _ = read_glossary(paths["tbx"])
    print(f"{args.entries:,} entries x {args.terms:,} terms")
    for lang in ("ru", "en"):
        matcher = TermMatcher(glossary, lang)
        keys = list(matcher._automaton._keys)
        texts = [padded(matcher.morph.fold(t)) for t in _texts(paths["po"], lang)]
        print(f"  {lang}: {len(keys):,} keys, {len(texts):,} texts")
        rows = measure(keys, texts)
        for name, built, per_text, per_block, hits in rows:
            same = "same hits" if hits == rows[0][4] else "DIFFERENT hits"
            print(f"    {name:<15} build {built:.2f} s; scan per text {per_text:.2f} s; per block of 512 {per_block:.2f} s; {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
