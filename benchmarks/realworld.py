"""Hygiene rules on real translation files: `python benchmarks/realworld.py`.

Downloads (at run time, with `pip download --no-deps`, cached outside the repository in
`$TERMGUARD_REALWORLD_CACHE`, default `~/.cache/termguard-realworld`) the wheels of
well-known PyPI packages that ship Russian and Turkish gettext catalogs, extracts their
`ru` and `tr` `.po` files, and runs on them:

* `termguard check --isolated --format json` (no glossary: only the hygiene rules speak);
* `msgfmt --check` (GNU gettext, from the OS package `gettext`): the entries it rejects,
  those about format strings ("placeholders") apart, and how many of them termguard's
  `placeholders` rule reports or misses;
* pofilter (translate-toolkit, the `bench` extra) with the checks that match termguard's
  hygiene rules: printf / pythonbraceformat (placeholders), numbers (number-mismatch),
  unchanged / untranslated (untranslated).

It prints, per rule, the number of findings and how many of them were judged by hand
(`benchmarks/realworld-verdicts.tsv`, keyed by package, file, msgid hash and rule: one
verdict per entry and rule, `ok` for a true finding, `false` for a false alarm), the false
alarm rate on the judged ones (info-level findings are counted apart and not judged), and the findings nobody has judged yet (`--show-new`), so
that a new run shows new findings only. `--dump-new FILE` writes those unjudged findings
as verdict rows with an empty verdict, to be filled in and appended to the verdicts file.

Needs network on the first run only (later runs read the cache); never run by the tests.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = ROOT / "benchmarks" / "realworld-verdicts.tsv"
#: Packages whose wheels ship `ru` and `tr` PO files (checked when this list was made).
PACKAGES = (
    "Django",
    "django-allauth",
    "wagtail",
    "django-filer",
    "Sphinx",
    "django-import-export",
    "django-taggit",
    "WTForms",
    "django-debug-toolbar",
    "django-cms",
    "django-reversion",
    "django-two-factor-auth",
    "django-celery-beat",
    "django-guardian",
    "django-oscar",
    "Flask-AppBuilder",
    "django-axes",
    "django-constance",
    "django-formtools",
    "django-mptt",
    "django-phonenumber-field",
    "django-rosetta",
    "django-autocomplete-light",
    "django-countries",
    "django-extensions",
    "django-tables2",
    "django-jazzmin",
)
LANGS = ("ru", "tr")
HYGIENE = ("placeholders", "number-mismatch", "mixed-script", "plural-forms", "untranslated", "fuzzy", "po-header")
POFILTER_TESTS = {
    "placeholders": ("printf", "pythonbraceformat"),
    "number-mismatch": ("numbers",),
    "untranslated": ("unchanged", "untranslated"),
}
_FORMAT_ERROR = re.compile(r"format specification|format string|format directive", re.I)


def cache_dir() -> Path:
    """Where wheels and extracted catalogs are kept between runs."""
    return Path(os.environ.get("TERMGUARD_REALWORLD_CACHE", Path.home() / ".cache" / "termguard-realworld"))


def normalise(name: str) -> str:
    """A project name as wheel file names spell it (PEP 503, then `-` → `_`)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def download(packages: tuple[str, ...], wheels: Path) -> dict[str, Path]:
    """One wheel per package, downloaded once into `wheels`."""
    wheels.mkdir(parents=True, exist_ok=True)
    found: dict[str, Path] = {}
    for name in packages:
        have = [w for w in wheels.glob("*.whl") if normalise(w.name.split("-")[0]) == normalise(name)]
        if not have:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d", str(wheels), name],
                check=True,
            )
            have = [w for w in wheels.glob("*.whl") if normalise(w.name.split("-")[0]) == normalise(name)]
        if have:
            found[name] = sorted(have)[-1]
    return found


def extract(wheels: dict[str, Path], into: Path) -> list[tuple[str, str, Path]]:
    """The `ru`/`tr` PO files of each wheel, as (package, path inside the wheel, path on disk)."""
    out = []
    pattern = re.compile(rf"/({'|'.join(LANGS)})/LC_MESSAGES/[^/]+\.po$")
    for package, wheel in wheels.items():
        with zipfile.ZipFile(wheel) as zf:
            for member in sorted(zf.namelist()):
                if not pattern.search(member):
                    continue
                target = into / normalise(package) / member
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(zf.read(member))
                out.append((package, member, target))
    return out


@dataclass
class Blocks:
    """Entry blocks of one PO file: a line number → the block (entry) it belongs to, and
    each block's key (a hash of its msgctxt/msgid/msgid_plural lines)."""

    index: list[int]
    keys: list[str]

    @classmethod
    def read(cls, path: Path) -> Blocks:
        """Cut the file at blank lines; hash the source lines of each block."""
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        index = [0]
        keys: list[str] = []
        block = 0
        source: list[str] = []
        in_source = False
        content = False
        for line in lines:
            if not line.strip():
                if content:
                    keys.append(_hash(source))
                    block += 1
                    source = []
                    content = False
                index.append(block)
                in_source = False
                continue
            content = True
            index.append(block)
            stripped = line.removeprefix("#~ ").lstrip()
            if stripped.startswith(("msgctxt", "msgid")):
                in_source = True
            elif stripped.startswith("msgstr"):
                in_source = False
            if in_source:
                source.append(stripped)
        keys.append(_hash(source))
        return cls(index, keys)

    def key(self, line: int) -> str:
        """The key of the entry that holds 1-based `line`."""
        line = min(max(line, 1), len(self.index) - 1)
        return self.keys[min(self.index[line], len(self.keys) - 1)]


def _hash(lines: list[str]) -> str:
    return hashlib.blake2b("\n".join(lines).encode("utf-8"), digest_size=6).hexdigest()


def run_termguard(files: list[Path], workdir: Path, command: list[str]) -> list[dict]:
    """termguard's findings on every file (JSON), with no glossary and no configuration."""
    glossary = workdir / "empty-glossary.yaml"
    glossary.write_text("[]\n", encoding="utf-8")
    out = workdir / "termguard.json"
    cmd = [*command, "check", "--isolated", "--glossary", str(glossary), "--format", "json", "--exit-zero",
           "-o", str(out), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"termguard check failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def run_msgfmt(path: Path) -> list[tuple[int, str]]:
    """(line, message) of every error `msgfmt --check` prints for one file (warnings,
    such as a header field left out, are not rejections)."""
    proc = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
    errors = []
    for line in proc.stderr.splitlines():
        m = re.match(rf"^{re.escape(str(path))}:(\d+): (.*)$", line)
        if m and not m.group(2).startswith("warning:"):
            errors.append((int(m.group(1)), m.group(2)))
    return errors


def run_pofilter(path: Path, workdir: Path) -> collections.Counter[str]:
    """How many entries each pofilter check of `POFILTER_TESTS` flags (fuzzy entries skipped)."""
    out = workdir / "pofilter.po"
    tests = sorted({t for ts in POFILTER_TESTS.values() for t in ts})
    cmd = ["pofilter", "--progress=none", "--nofuzzy", *[a for t in tests for a in ("-t", t)], str(path), str(out)]
    subprocess.run(cmd, capture_output=True, text=True)
    counts: collections.Counter[str] = collections.Counter()
    if out.exists():
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^# \(pofilter\) (\w+):", line)
            if m:
                counts[m.group(1)] += 1
        out.unlink()
    return counts


def read_class_verdicts(path: Path) -> list[tuple[str, str]]:
    """(rule, message prefix) of the verdict rows that judge a whole class of findings:
    package, file and hash `*`, verdict `ok`, the note the message's start ("not
    translated: msgstr is empty" is true by construction). Such findings are not counted
    as new; the false-alarm rate is still computed on the entries judged one by one."""
    out: list[tuple[str, str]] = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 6 and cols[0] == cols[1] == cols[2] == "*" and cols[4] == "ok":
            out.append((cols[3], cols[5]))
    return out


def read_verdicts(path: Path) -> dict[tuple[str, str, str, str], str]:
    """(package, file, msgid hash, rule) → verdict, from the TSV file (comments start with #)."""
    verdicts: dict[tuple[str, str, str, str], str] = {}
    if not path.exists():
        return verdicts
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 5 and cols[4] in ("ok", "false") and cols[0] != "*":
            verdicts[(cols[0], cols[1], cols[2], cols[3])] = cols[4]
    return verdicts


def main(argv: list[str] | None = None) -> int:
    """Download, extract, run the three tools, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-new", metavar="RULE", action="append", default=[],
                        help="print the unjudged findings of this rule (repeatable; 'all' for every rule)")
    parser.add_argument("--dump-new", metavar="FILE", help="write the unjudged findings as verdict rows to FILE")
    parser.add_argument("--sample", type=int, default=0, help="with --dump-new: at most this many per rule, chosen at random")
    parser.add_argument("--no-pofilter", action="store_true", help="skip pofilter (the slowest part)")
    parser.add_argument("--termguard", default="termguard", metavar="COMMAND",
                        help="how to run termguard (e.g. 'python -m termguard' with another PYTHONPATH, to compare versions)")
    parser.add_argument("--show-missed", action="store_true", help="print the msgfmt rejections termguard misses")
    args = parser.parse_args(argv)
    for tool in ("msgfmt", args.termguard.split()[0]) + (() if args.no_pofilter else ("pofilter",)):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH (msgfmt: apt-get install gettext; pofilter: pip install -e '.[bench]')")

    cache = cache_dir()
    wheels = download(PACKAGES, cache / "wheels")
    catalogs = extract(wheels, cache / "po")
    files = [p for _pkg, _member, p in catalogs]
    where = {p: (pkg, member) for pkg, member, p in catalogs}
    entries = sum(Blocks.read(p).keys.__len__() for p in files)
    print(f"{len(wheels)} packages, {len(files)} PO files ({', '.join(LANGS)}), ~{entries} entries; cache {cache}")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        findings = run_termguard(files, workdir, args.termguard.split())
        blocks = {p: Blocks.read(p) for p in files}
        by_path = {str(p): p for p in files}

        tg_entries: dict[str, set[tuple[Path, str]]] = collections.defaultdict(set)
        rows: list[tuple[str, str, str, str, dict]] = []
        for f in findings:
            path = by_path.get(f["path"]) or by_path.get(str(Path(f["path"]).resolve()))
            if path is None:
                continue
            key = blocks[path].key(f["line"])
            tg_entries[f["rule"]].add((path, key))
            pkg, member = where[path]
            rows.append((normalise(pkg), member, key, f["rule"], f))

        rejected: dict[tuple[Path, str], list[str]] = collections.defaultdict(list)
        for path in files:
            for line, message in run_msgfmt(path):
                rejected[(path, blocks[path].key(line))].append(message)
        placeholder_rejects = {k for k, msgs in rejected.items() if any(_FORMAT_ERROR.search(m) for m in msgs)}
        other_rejects = set(rejected) - placeholder_rejects

        pofilter: collections.Counter[str] = collections.Counter()
        if not args.no_pofilter:
            for path in files:
                pofilter.update(run_pofilter(path, workdir))

    verdicts = read_verdicts(VERDICTS)
    classes = read_class_verdicts(VERDICTS)
    print()
    print(f"{'rule':<17}{'info':>6}{'findings':>9}{'entries':>9}{'judged':>8}{'false':>7}{'false %':>9}{'new':>6}   pofilter (same checks)")
    per_rule: dict[str, list] = collections.defaultdict(list)
    for row in rows:
        per_rule[row[3]].append(row)
    new_rows: list[tuple[str, str, str, str, dict]] = []
    for rule in sorted(set(per_rule) | set(HYGIENE)):
        rule_rows = [r for r in per_rule.get(rule, []) if r[4]["severity"] != "info"]
        infos = len(per_rule.get(rule, [])) - len(rule_rows)
        keys = {(r[0], r[1], r[2], r[3]) for r in rule_rows}
        judged = [verdicts[k] for k in keys if k in verdicts]
        false = judged.count("false")
        fresh = [r for r in rule_rows if (r[0], r[1], r[2], r[3]) not in verdicts
                 and not any(rule == c_rule and r[4]["message"].startswith(prefix) for c_rule, prefix in classes)]
        new_rows.extend(fresh)
        rate = f"{100 * false / len(judged):.1f}" if judged else "-"
        pof = ", ".join(f"{t} {pofilter[t]}" for t in POFILTER_TESTS.get(rule, ())) if not args.no_pofilter else ""
        new_entries = len({(r[0], r[1], r[2]) for r in fresh})
        print(f"{rule:<17}{infos:>6}{len(rule_rows):>9}{len(keys):>9}{len(judged):>8}{false:>7}{rate:>9}{new_entries:>6}   {pof}")

    reported = placeholder_rejects & tg_entries.get("placeholders", set())
    missed = placeholder_rejects - tg_entries.get("placeholders", set())
    print()
    print(f"msgfmt --check rejects {len(rejected)} entries: {len(placeholder_rejects)} for format strings "
          f"(placeholders reports {len(reported)}, misses {len(missed)}), {len(other_rejects)} for other reasons")
    if args.show_missed:
        for path, key in sorted(missed, key=lambda k: (str(k[0]), k[1])):
            print(f"  missed {path}: {rejected[(path, key)][0]}")

    wanted = set(args.show_new)
    for pkg, member, key, rule, f in new_rows:
        if "all" in wanted or rule in wanted:
            print(f"NEW {pkg}\t{member}\t{key}\t{rule}\tline {f['line']}: {f['message']} [{f.get('found', '')}]")
    if args.dump_new:
        chosen: list[tuple[str, str, str, str, dict]] = []
        by_rule: dict[str, dict] = collections.defaultdict(dict)
        for row in new_rows:
            by_rule[row[3]].setdefault((row[0], row[1], row[2]), row)
        rng = random.Random(22)
        for _rule, unique in sorted(by_rule.items()):
            items = list(unique.values())
            if args.sample and len(items) > args.sample:
                items = rng.sample(items, args.sample)
            chosen.extend(items)
        with open(args.dump_new, "w", encoding="utf-8") as fh:
            for pkg, member, key, rule, f in chosen:
                note = f"line {f['line']}: {f['message']} [{f.get('found', '')}]".replace("\t", " ").replace("\n", " ")
                fh.write(f"{pkg}\t{member}\t{key}\t{rule}\t\t{note}\n")
        print(f"wrote {len(chosen)} unjudged findings to {args.dump_new}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
