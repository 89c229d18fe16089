"""Segmenter benchmark: Golden Rules accuracy and speed, termguard vs pySBD in the same run.

    python benchmarks/bench_segment.py [--quick] [--json] [--data DIR] [--sizes 0.5,5]

Accuracy: the Golden Rules sets (`golden_rules_en.json`, `golden_rules_en_extra.json`,
`golden_rules_ru.json`) are read in place from the shared benchmark folder (`--data`, else
`$TERMGUARD_BENCH_DIR/segmentation`, else `../shared/bench/segmentation` beside the
checkout); they are never copied into the project. A case passes when the list of stripped
sentences equals the expected one (whitespace collapsed for the cases flagged
`needs_whitespace_normalisation`). The project's own Turkish set is scored too.

Speed: a deterministic Markdown document of the given sizes (MB of text) is generated and
segmented by termguard (`segment_text`, the full Markdown pipeline) and by pySBD
(`Segmenter(clean=False)`, fed paragraph by paragraph, which is kinder to pySBD than one
huge string). Characters per second and the ratio are printed. Needs the `bench` extra.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termguard.segment import segment_text, split_sentences  # noqa: E402

SETS = (("golden_rules_en.json", "en"), ("golden_rules_en_extra.json", "en"), ("golden_rules_ru.json", "ru"))


def data_dir(arg: str | None) -> Path | None:
    """The shared segmentation folder, if it can be found."""
    for cand in (arg, os.environ.get("TERMGUARD_BENCH_DIR") and Path(os.environ["TERMGUARD_BENCH_DIR"]) / "segmentation",
                 ROOT.parent / "shared" / "bench" / "segmentation"):
        if cand and Path(cand, "golden_rules_en.json").exists():
            return Path(cand)
    return None


def _norm(sentences: list[str], collapse: bool) -> list[str]:
    out = [s.strip() for s in sentences if s.strip()]
    return [" ".join(s.split()) for s in out] if collapse else out


def score(cases: list[dict], lang: str, pysbd_seg) -> tuple[int, int, list[str], list[str]]:
    """(termguard passes, pySBD passes, termguard failures, pySBD failures) on one set."""
    ours = theirs = 0
    our_fail: list[str] = []
    their_fail: list[str] = []
    for case in cases:
        collapse = bool(case.get("needs_whitespace_normalisation"))
        expected = _norm(case["expected"], collapse)
        if _norm(split_sentences(case["text"], lang), collapse) == expected:
            ours += 1
        else:
            our_fail.append(case["id"])
        if pysbd_seg is not None:
            if _norm(pysbd_seg.segment(case["text"]), collapse) == expected:
                theirs += 1
            else:
                their_fail.append(case["id"])
    return ours, theirs, our_fail, their_fail


_SENTENCES = [
    "On 12.17.2025, it became known that Turkey was going to return the S-400 systems purchased 10 years ago.",
    "According to Bloomberg, R. T. Erdogan raised the topic with V. Putin in Ashgabat [1].",
    "The U.S. Ambassador to Turkey, Tom Barrack, stated that Ankara was ready to give up the system.",
    "We are talking about the amount of $2.5 billion.",
    "At 5 a.m. Mr. Smith went to the bank, i.e. before the markets opened.",
    "Prof. Dr. Jones (see p. 55) disagreed with approx. 40 colleagues.",
    "Did the *KAAN* project reach the finish line by the mid-2030s?",
    "The original (in Rus.) was posted on our website on 10.02.2026.",
    "Details are at https://www.example.org/news?id=42&lang=en for anyone who asks.",
    "She wrote to jane.doe@example.com. . . and waited.",
    "“This is great,” he said, “but not enough.”",
    "Turkish generals convinced R. Erdogan that the initiative is much weightier than the ambitions.",
]
_RU = [
    "А. Ермаков пишет, что в 2010-2012 гг. Турция закупила системы С-400.",
    "Россия выделила $9 млрд на строительство АЭС «Аккую».",
]


def make_document(size: int, seed: int = 4) -> str:
    """A Markdown commentary-like document of about `size` characters (deterministic)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    section = 0
    while total < size:
        if rng.random() < 0.08:
            section += 1
            block = f"## **{section}. Section heading number {section}**"
        elif rng.random() < 0.05:
            block = "\n".join(f"- [{k}] A. Author, «Title {k}». *Outlet*, 0{k % 9 + 1}.12.2025, <https://example.org/{k}?p={k}>."
                              for k in range(1, rng.randint(2, 6)))
        else:
            sentences = [rng.choice(_SENTENCES if rng.random() < 0.9 else _RU) for _ in range(rng.randint(2, 8))]
            para = " ".join(sentences)
            if rng.random() < 0.05:
                # A page break in the middle of a sentence.
                para = para[: len(para) // 2].rsplit(" ", 1)[0] + " which continues on the\n\nnext page after a break."
            block = para
        parts.append(block)
        total += len(block) + 2
    return "\n\n".join(parts) + "\n"


def _nonspace_index(text: str) -> list[int]:
    """For each offset, the number of non-whitespace characters before it."""
    out = [0]
    count = 0
    for ch in text:
        if not ch.isspace():
            count += 1
        out.append(count)
    return out


def _f1(gold: set[int], found: set[int]) -> float:
    hits = len(gold & found)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def seed_boundaries(pysbd) -> tuple[float, float | None, int, int | None]:
    """Boundary F1 on the seed against the checked segmentation (tests/fixtures/segment/seed_expected.tsv).

    A boundary is where a unit ends, counted in non-whitespace characters of the file, so
    markup and line breaks do not matter; a page-break split or a heading cut at "1." counts
    as a wrong boundary.
    """
    text = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    gold_rows = [line.split("\t")[3] for line in (ROOT / "tests" / "fixtures" / "segment" / "seed_expected.tsv")
                 .read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    units = segment_text(text, "en")
    if [u.text for u in units] != gold_rows:
        raise SystemExit("termguard no longer reproduces the checked seed segmentation; run the tests")
    index = _nonspace_index(text)
    # The checked units are the gold; their last character marks each boundary.
    gold = {index[u.spans[-1][1]] for u in units}
    ours = _f1(gold, {index[u.spans[-1][1]] for u in units})
    theirs = None
    count = None
    if pysbd is not None:
        spans = pysbd.Segmenter(language="en", clean=False, char_span=True).segment(text)
        found = {index[len(sp.sent.rstrip()) + sp.start] for sp in spans if sp.sent.strip()}
        theirs = _f1(gold, found)
        count = len(found)
    return ours, theirs, len(units), count


def timed(fn, repeat: int) -> float:
    """Best wall time of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=None, help="folder with the Golden Rules JSON files")
    parser.add_argument("--sizes", default=None, help="document sizes in MB, comma-separated (default 0.5,5)")
    parser.add_argument("--quick", action="store_true", help="0.5 MB only")
    parser.add_argument("--json", action="store_true", help="print rows as JSON (for benchmarks/run.py)")
    args = parser.parse_args(argv)
    try:
        import pysbd
    except ImportError:
        pysbd = None
        print("pySBD is not installed (pip install -e '.[bench]'); scoring termguard alone", file=sys.stderr)
    rows: list[dict] = []
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print

    folder = data_dir(args.data)
    sets = []
    if folder is None:
        log("Golden Rules data not found (pass --data DIR); skipping accuracy")
    else:
        for name, lang in SETS:
            sets.append((name, lang, json.loads((folder / name).read_text(encoding="utf-8"))))
    turkish = ROOT / "tests" / "fixtures" / "segment" / "tr_golden.json"
    sets.append(("termguard Turkish set", "tr", json.loads(turkish.read_text(encoding="utf-8"))))
    combined = {"ours": 0, "theirs": 0, "n": 0}
    for name, lang, cases in sets:
        seg = pysbd.Segmenter(language=lang, clean=False) if pysbd is not None and lang in ("en", "ru") else None
        ours, theirs, our_fail, their_fail = score(cases, lang, seg)
        anchor = f"{theirs}/{len(cases)}" if seg is not None else "-"
        log(f"{name:32} termguard {ours}/{len(cases)}  pySBD {anchor}"
            f"{'  termguard fails: ' + ', '.join(our_fail) if our_fail else ''}"
            f"{'  pySBD fails: ' + ', '.join(their_fail) if their_fail and seg is not None else ''}")
        rows.append({"what": f"Golden Rules: {name}", "termguard": f"{ours}/{len(cases)}", "anchor": f"pySBD {anchor}",
                     "ratio": "-" if seg is None else f"{ours - theirs:+d} cases"})
        if name.startswith("golden_rules_en"):
            combined["ours"] += ours
            combined["theirs"] += theirs
            combined["n"] += len(cases)
    if combined["n"] == 52:
        log(f"{'English 52-rule set':32} termguard {combined['ours']}/52  pySBD {combined['theirs']}/52")
        rows.append({"what": "Golden Rules: English 52-rule set", "termguard": f"{combined['ours']}/52",
                     "anchor": f"pySBD {combined['theirs']}/52", "ratio": f"{combined['ours'] - combined['theirs']:+d} cases"})

    ours_f1, theirs_f1, n_ours, n_theirs = seed_boundaries(pysbd)
    anchor = "-" if theirs_f1 is None else f"pySBD {theirs_f1:.3f} ({n_theirs} segments)"
    log(f"{'seed boundary F1':32} termguard {ours_f1:.3f} ({n_ours} units)  {anchor}")
    rows.append({"what": "seed commentary, boundary F1 vs checked segmentation", "termguard": f"{ours_f1:.3f} ({n_ours} units)",
                 "anchor": anchor, "ratio": "-"})

    sizes = [0.5] if args.quick else [float(x) for x in (args.sizes or "0.5,5").split(",")]
    for mb in sizes:
        doc = make_document(int(mb * 1_000_000))
        n = len(doc)
        units = segment_text(doc, "en")
        ours = timed(lambda doc=doc: segment_text(doc, "en"), 3 if mb <= 1 else 2)
        line = f"speed {mb:g} MB ({n:,} chars, {len(units):,} units): termguard {ours:.2f} s = {n / ours / 1e6:.2f} M chars/s"
        row = {"what": f"segmenter speed, {mb:g} MB document", "termguard": f"{n / ours / 1e6:.2f} M chars/s ({ours:.2f} s)",
               "anchor": "-", "ratio": "-"}
        if pysbd is not None:
            seg = pysbd.Segmenter(language="en", clean=False)
            paragraphs = [p for p in re.split(r"\n\s*\n", doc) if p.strip()]
            theirs = timed(lambda seg=seg, paragraphs=paragraphs: [seg.segment(p) for p in paragraphs], 1)
            line += f"; pySBD {theirs:.1f} s = {n / theirs / 1e3:.0f} k chars/s; ratio {theirs / ours:.1f}x"
            row["anchor"] = f"pySBD {n / theirs / 1e3:.0f} k chars/s ({theirs:.1f} s)"
            row["ratio"] = f"{theirs / ours:.1f}x"
        log(line)
        rows.append(row)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
