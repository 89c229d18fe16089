"""Term matching benchmark: termguard's term rules against pofilter's terminology mode.

    python benchmarks/bench_terms.py                       # 100k entries x 100 and 10,000 terms
    python benchmarks/bench_terms.py --entries 1000000     # the 1M-entry corpora
    python benchmarks/bench_terms.py --terms 100 --skip-pofilter

For each corpus (generated once into benchmarks/.cache/ by the shared `make_corpus.py`,
found through `$TERMGUARD_BENCH_DIR` or `../shared/bench` beside the checkout, else by
`benchmarks/corpus_gen.py`), in the same run:

* termguard, in a child process: the glossary is loaded from the corpus TBX, the per-language
  matchers are built (Russian morphology on), and `Engine.check_file` streams the PO file
  through forbidden-term, missing-term and untranslated-term (as
  `termguard check --select TG101,TG102,TG103` does). Printed:
  glossary load and matcher build time, entries/s of the check itself and of the whole
  process (start-up, load and build included), and peak memory (ru_maxrss of the child).
* pofilter `-t notranslatewords -t musttranslatewords` with the generated word lists, in a
  child process: entries/s and peak memory.
* Precision and recall of both against the corpus's `truth.jsonl`, per planted-error kind
  (an entry counts as found when the tool flags it; `number` errors belong to another rule
  and are listed apart).
* The ru and tr fixtures of tests/fixtures/morph/: pofilter's word-list checks (word lists
  derived from the fixture glossary) and termguard, errors found and correct entries flagged.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "benchmarks" / ".cache"
FIXTURES = ROOT / "tests" / "fixtures" / "morph"
RULES = ("forbidden-term", "missing-term", "untranslated-term")
TERM_KINDS = ("forbidden", "untranslated", "dropped", "homoglyph", "inconsistent")
_CTX = re.compile(r'^msgctxt "([^"]*)"', re.M)


# -- corpora ------------------------------------------------------------------------------

def corpus_script() -> Path:
    """The corpus generator: the shared one when present, else the project's own."""
    for cand in (os.environ.get("TERMGUARD_BENCH_DIR"), ROOT.parent / "shared" / "bench"):
        if cand and Path(cand, "corpus", "make_corpus.py").exists():
            return Path(cand, "corpus", "make_corpus.py")
    return ROOT / "benchmarks" / "corpus_gen.py"


def make_corpus(entries: int, terms: int) -> dict[str, Path]:
    """Generate (once) a corpus with its glossary, word lists and truth into the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    paths = {
        "po": CACHE / f"corpus_e{entries}_t{terms}.po",
        "truth": CACHE / f"corpus_e{entries}_t{terms}.truth.jsonl",
        "tbx": CACHE / f"glossary_t{terms}.tbx",
        "notranslate": CACHE / f"notranslate_t{terms}.txt",
        "musttranslate": CACHE / f"musttranslate_t{terms}.txt",
    }
    if not all(p.exists() for p in paths.values()):
        subprocess.run(
            [sys.executable, str(corpus_script()), "--entries", str(entries), "--terms", str(terms), "--out", str(CACHE)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return paths


# -- measuring child processes ------------------------------------------------------------

def measured(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run `cmd` in a wrapper process; return wall seconds, the command's peak RSS (MB), result."""
    wrapper = (
        "import json,resource,subprocess,sys,time\n"
        "t=time.perf_counter(); r=subprocess.run(sys.argv[1:])\n"
        "print(json.dumps({'rc': r.returncode, 'wall': time.perf_counter()-t,"
        " 'rss': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True)
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    return stats["wall"], stats["rss"] / 1024, result


def worker(po: str, glossary: str, out: str) -> None:
    """(child) Load, build, read-only pass, then the term rules end to end; write JSON stats."""
    t0 = time.perf_counter()
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary import read_glossary
    from termguard.morph import matcher_for
    g, _problems = read_glossary(glossary)
    t1 = time.perf_counter()
    matcher_for(g, "en")
    matcher_for(g, "ru")
    t3 = t2 = time.perf_counter()
    engine = Engine(Config(select=RULES), glossary=g)
    findings, _shown, count = engine.check_file(po)
    t4 = time.perf_counter()
    flagged: dict[str, list[str]] = {}
    for f in findings:
        flagged.setdefault(f.unit, []).append(f.rule)
    Path(out).write_text(json.dumps({
        "load_s": t1 - t0, "build_s": t2 - t1, "check_s": t4 - t3,
        "entries": count, "terms": len(g), "findings": len(findings),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "flagged": flagged,
    }), encoding="utf-8")


# -- scoring ------------------------------------------------------------------------------

def load_truth(path: Path) -> dict[str, str]:
    """Entry context → planted error kind."""
    with open(path, encoding="utf-8") as handle:
        return {row["ctx"]: row["kind"] for row in map(json.loads, handle)}


def score(flagged: set[str], truth: dict[str, str]) -> dict:
    """Precision over flagged entries; recall per kind, and over the term-error kinds."""
    by_kind = Counter(truth.values())
    hit = Counter(kind for ctx, kind in truth.items() if ctx in flagged)
    in_scope = {ctx for ctx, kind in truth.items() if kind in TERM_KINDS}
    tp = len(flagged & set(truth))
    return {
        "flagged": len(flagged),
        "precision": tp / len(flagged) if flagged else 0.0,
        "recall_terms": len(flagged & in_scope) / len(in_scope) if in_scope else 0.0,
        "per_kind": {k: (hit[k], by_kind[k]) for k in sorted(by_kind)},
    }


def print_score(name: str, s: dict) -> None:
    kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in s["per_kind"].items())
    print(f"  {name:<10} precision {s['precision']:.3f}  recall (term errors) {s['recall_terms']:.3f}"
          f"  flagged {s['flagged']}  [{kinds}]")


def pofilter_cmd(src: Path, dst: Path, notranslate: Path, musttranslate: Path, lang: str) -> list[str]:
    exe = Path(sys.executable).with_name("pofilter")
    return [str(exe) if exe.exists() else "pofilter", "--language", lang, "-t", "notranslatewords",
            "-t", "musttranslatewords", "--notranslatefile", str(notranslate),
            "--musttranslatefile", str(musttranslate), str(src), str(dst)]


def pofilter_flagged(path: Path) -> set[str]:
    return set(_CTX.findall(path.read_text(encoding="utf-8"))) if path.exists() else set()


# -- the corpus benchmark -----------------------------------------------------------------

def bench_corpus(entries: int, terms: int, skip_pofilter: bool) -> None:
    paths = make_corpus(entries, terms)
    truth = load_truth(paths["truth"])
    print(f"\ncorpus {entries:,} entries x {terms:,} terms ({len(truth):,} planted errors)")
    with tempfile.TemporaryDirectory() as tmp:
        stats_path = Path(tmp, "stats.json")
        wall, rss, result = measured([sys.executable, __file__, "--worker", str(paths["po"]), str(paths["tbx"]), str(stats_path)])
        if not stats_path.exists():
            raise SystemExit(f"termguard worker failed:\n{result.stderr[-2000:]}")
        st = json.loads(stats_path.read_text(encoding="utf-8"))
        n = st["entries"]
        check_rate = n / st["check_s"]
        e2e = n / wall
        print(f"  termguard  glossary load {st['load_s']:.2f} s, matcher build (en+ru) {st['build_s']:.2f} s; "
              f"check {st['check_s']:.2f} s = {check_rate:,.0f} entries/s; "
              f"process wall {wall:.1f} s = {e2e:,.0f} entries/s end to end; peak {rss:.0f} MB")
        tg = score(set(st["flagged"]), truth)
        pf = None
        if not skip_pofilter:
            out = Path(tmp, "pofilter.po")
            pf_wall, pf_rss, pf_result = measured(pofilter_cmd(paths["po"], out, paths["notranslate"], paths["musttranslate"], "ru"))
            if not out.exists():
                raise SystemExit(f"pofilter failed:\n{pf_result.stderr[-2000:]}")
            pf_rate = entries / pf_wall
            print(f"  pofilter   {pf_wall:.2f} s = {pf_rate:,.0f} entries/s; peak {pf_rss:.0f} MB")
            print(f"  ratio      end to end {e2e / pf_rate:.1f}x, check stage {check_rate / pf_rate:.1f}x; "
                  f"termguard peak {rss:.0f} MB vs pofilter {pf_rss:.0f} MB")
            pf = score(pofilter_flagged(out), truth)
        print_score("termguard", tg)
        if pf:
            print_score("pofilter", pf)


# -- the fixtures -------------------------------------------------------------------------

def fixture_expectations(po: Path) -> dict[str, set[str]]:
    from termguard.readers.po import parse_po

    doc = parse_po(po.read_text(encoding="utf-8"), str(po))
    return {u.id: {w for c in u.comments if c.startswith("expect:") for w in c.split()[1:]} - {"ok"} for u in doc.units}


def fixture_word_lists(lang: str, tmp: Path) -> tuple[Path, Path]:
    """pofilter word lists from the fixture glossary: single-word English forms to keep
    (the target form is the same) and to translate (lowercased, as pofilter compares)."""
    from termguard.glossary import load_glossary

    keep, must = set(), set()
    for entry in load_glossary(FIXTURES / "glossary.yaml"):
        targets = {r.text for r in entry.approved(lang)}
        for r in entry.approved("en"):
            if " " in r.text:
                continue
            if entry.dnt or r.text in targets:
                keep.add(r.text)
            elif targets:
                must.add(r.text.lower())
    nt, mt = tmp / f"notranslate_{lang}.txt", tmp / f"musttranslate_{lang}.txt"
    nt.write_text("".join(w + "\n" for w in sorted(keep)), encoding="utf-8")
    mt.write_text("".join(w + "\n" for w in sorted(must)), encoding="utf-8")
    return nt, mt


def bench_fixtures(skip_pofilter: bool) -> None:
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary import load_glossary

    engine = Engine(Config(select=RULES), glossary=load_glossary(FIXTURES / "glossary.yaml"))
    print("\nfixtures (tests/fixtures/morph): errors found / planted, correct entries flagged / correct")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("ru", "tr"):
            po = FIXTURES / f"{lang}.po"
            expected = fixture_expectations(po)
            errors = {k for k, v in expected.items() if v}
            correct = set(expected) - errors
            tg = {f.unit for f in engine.check_text(str(po), po.read_text(encoding="utf-8"))}
            line = (f"  {lang}.po ({len(expected)} entries)  termguard {len(tg & errors)}/{len(errors)} errors, "
                    f"{len(tg & correct)}/{len(correct)} correct flagged")
            if not skip_pofilter:
                nt, mt = fixture_word_lists(lang, Path(tmp))
                out = Path(tmp, f"pofilter_{lang}.po")
                subprocess.run(pofilter_cmd(po, out, nt, mt, lang), capture_output=True, check=False)
                pf = pofilter_flagged(out)
                line += f"  |  pofilter {len(pf & errors)}/{len(errors)} errors, {len(pf & correct)}/{len(correct)} correct flagged"
            print(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, nargs="+", default=[100_000], help="corpus sizes (default 100000)")
    parser.add_argument("--terms", type=int, nargs="+", default=[100, 10_000], help="glossary sizes (default 100 10000)")
    parser.add_argument("--skip-pofilter", action="store_true", help="measure termguard only")
    parser.add_argument("--no-fixtures", action="store_true", help="skip the ru/tr fixture comparison")
    parser.add_argument("--worker", nargs=3, metavar=("PO", "GLOSSARY", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(*args.worker)
        return 0
    if not args.no_fixtures:
        bench_fixtures(args.skip_pofilter)
    for entries in args.entries:
        for terms in args.terms:
            bench_corpus(entries, terms, args.skip_pofilter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
