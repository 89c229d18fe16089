"""Baselines: adopt termguard on a repository with known findings, fail only on new ones.

`termguard check --write-baseline FILE` records today's findings; `--baseline FILE` then
hides every finding the baseline records. A finding is keyed by what it is, not where it
is: (path, rule, matched text, hash of its unit's whitespace-normalised text), with a
count for identical ones. Lines can move, paragraphs can be inserted above: the key stays.
Editing the sentence that holds a baselined finding changes its context hash, so the
finding comes back (the sentence was touched; look at it again).

Paths are stored relative to the baseline file's directory, so the same baseline works
from any working directory.

```json
{"version": 1, "tool": "termguard",
 "findings": [{"path": "seeds/doc.md", "rule": "forbidden-term", "code": "TG101",
               "found": "Triumph", "context": "9f0c…", "count": 2}]}
```
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from termguard.config import read_settings_file
from termguard.errors import ConfigError
from termguard.fileio import write_atomic
from termguard.model import Finding, Report

VERSION = 1
Key = tuple[str, str, str, str]


def _base_dir(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def _stored_path(path: str, base: str) -> str:
    """A finding's path relative to the baseline's directory, `/`-separated."""
    rel = os.path.relpath(os.path.abspath(path), base)
    return rel.replace(os.sep, "/")


def finding_key(f: Finding, base: str) -> Key:
    """The baseline key: path, rule, matched text and context (message when there is neither)."""
    found = f.found or ""
    context = f.context or ("" if found else f.message)
    return (_stored_path(f.path, base), f.rule, found, context)


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Record `findings` in a baseline file at `path`; return how many were recorded."""
    base = _base_dir(path)
    findings = list(findings)
    counts: Counter[Key] = Counter()
    codes: dict[Key, str] = {}
    for f in findings:
        key = finding_key(f, base)
        counts[key] += 1
        codes[key] = f.code
    entries = [
        {"path": k[0], "rule": k[1], "code": codes[k], "found": k[2], "context": k[3], "count": n}
        for k, n in sorted(counts.items())
    ]
    doc = {"version": VERSION, "tool": "termguard", "findings": entries}
    write_atomic(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return len(findings)


@dataclass(frozen=True)
class Baseline:
    """Known findings with their counts, read from a baseline file."""

    path: str
    counts: dict[Key, int]

    def filter(self, report: Report) -> tuple[Report, int]:
        """The report without the baselined findings, and how many were hidden.

        Each baseline entry hides at most `count` findings with its key, so a second
        occurrence of a known problem in the same sentence is still reported.
        """
        base = _base_dir(self.path)
        left = dict(self.counts)
        kept: list[Finding] = []
        hidden = 0
        for f in report.findings:
            key = finding_key(f, base)
            if left.get(key, 0) > 0:
                left[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        return replace(report, findings=tuple(kept)), hidden


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; a missing or malformed one is a ConfigError (exit 2)."""
    text = read_settings_file(path, path, "baseline", "create it with --write-baseline")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"baseline is not valid JSON ({exc.msg}); write it again with --write-baseline", path, exc.lineno) from None
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"not a termguard baseline (version {VERSION}); write it again with --write-baseline", path)
    counts: dict[Key, int] = {}
    for index, entry in enumerate(doc["findings"]):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry.get("found") or ""), str(entry.get("context") or ""))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ConfigError(
                f"baseline entry {index + 1} lacks path/rule or has a bad count; write it again with --write-baseline", path
            ) from None
        counts[key] = counts.get(key, 0) + count
    return Baseline(path, counts)
