"""The baseline file: deterministic, keyed without line numbers, strict about its format."""

from __future__ import annotations

import dataclasses
import json

import pytest

from termguard.baseline import load_baseline, write_baseline
from termguard.engine import Report
from termguard.errors import ConfigError
from termguard.model import Finding, Severity


def finding(line: int, found: str = "Triumph", context: str = "ctx1", path: str = "seeds/doc.md") -> Finding:
    return Finding("TG101", "forbidden-term", Severity.ERROR, path, line, 3, line, 10, "m", found=found, context=context)


def test_written_file_is_sorted_counted_and_line_free(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    findings = [finding(9, context="b"), finding(2), finding(5), finding(1, "Kiev")]
    assert write_baseline("base.json", findings) == 4
    first = (tmp_path / "base.json").read_text(encoding="utf-8")
    write_baseline("base.json", list(reversed(findings)))
    assert (tmp_path / "base.json").read_text(encoding="utf-8") == first  # order-independent
    doc = json.loads(first)
    assert doc["version"] == 1
    assert [(e["found"], e["context"], e["count"]) for e in doc["findings"]] == [("Kiev", "ctx1", 1), ("Triumph", "b", 1), ("Triumph", "ctx1", 2)]
    assert "line" not in first


def test_filter_hides_known_moved_findings_and_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("base.json", [finding(2), finding(5)])
    base = load_baseline("base.json")
    moved = Report((finding(40), finding(45), finding(50)), ("seeds/doc.md",), 3)
    kept, hidden = base.filter(moved)
    assert hidden == 2 and [f.line for f in kept.findings] == [50]
    changed = Report((dataclasses.replace(finding(2), context="edited"),), ("seeds/doc.md",), 1)
    assert base.filter(changed)[1] == 0
    other_file = Report((finding(2, path="seeds/other.md"),), ("seeds/other.md",), 1)
    assert base.filter(other_file)[1] == 0


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[]", "not a termguard baseline"),
        ('{"version": 2, "findings": []}', "not a termguard baseline"),
        ('{"version": 1, "findings": [{"rule": "x"}]}', "baseline entry 1 lacks path/rule"),
        ('{"version": 1, "findings": [{"path": "a", "rule": "x", "count": "many"}]}', "bad count"),
    ],
)
def test_malformed_baselines(tmp_path, text, needle):
    (tmp_path / "b.json").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle):
        load_baseline(str(tmp_path / "b.json"))
