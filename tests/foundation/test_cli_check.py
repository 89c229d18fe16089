"""End-to-end: `termguard check` on the seed, exit codes, and one-line errors for bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/triumf-commentary.en.md"


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "termguard", *args], cwd=cwd, capture_output=True, text=True, env=full_env, timeout=120
    )


def test_seed_triumph_reported_everywhere_with_suggestion():
    result = run("check", SEED, "--select", "forbidden-term", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert doc["tool"] == {"name": "termguard", "version": "0.1.0"}
    triumph = [f for f in doc["findings"] if f["found"] == "Triumph"]
    assert [f["line"] for f in triumph] == [11, 15, 29, 73, 79]
    first = next(f for f in triumph if f["line"] == 15)
    assert (first["column"], first["end_column"]) == (85, 92)
    assert first["suggestions"] == ["Triumf"]
    assert first["rule"] == "forbidden-term" and first["code"] == "TG101"
    assert first["severity"] == "error" and first["term"] == "triumf" and first["lang"] == "en"
    assert set(first) == {
        "code", "rule", "severity", "path", "line", "column", "end_line", "end_column",
        "unit", "lang", "message", "term", "found", "suggestions", "fix", "source", "target",
    }
    assert first["fix"] == {"applicability": "safe", "message": "replace “Triumph” with “Triumf”",
                            "edits": [{"line": 15, "column": 85, "end_line": 15, "end_column": 92, "content": "Triumf"}]}
    # The unit's texts: the sentence the finding stands in (a source document has no target).
    assert first["source"].startswith("On 12.17.2025, it became known") and "“Triumph”" in first["source"]
    assert first["target"] is None
    assert doc["summary"]["files"] == 1 and doc["summary"]["error"] == len(doc["findings"])


def test_text_format_lines_and_summary():
    result = run("check", SEED, "--select", "forbidden-term")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{SEED}:15:85: TG101 [forbidden-term] " in "\n".join(lines)
    assert lines[-1].startswith("Found ") and "1 file" in lines[-1]
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_clean_text_exits_zero(tmp_path):
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "ok.md").write_text("The S-400 Triumf systems.\n", encoding="utf-8")
    result = run("check", "ok.md", "--select", "forbidden-term", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("No problems found in 1 file")


def test_exit_zero_reports_without_failing():
    result = run("check", SEED, "--select", "forbidden-term", "--exit-zero")
    assert result.returncode == 0
    assert "TG101" in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.md", None, "missing.md: no such file or directory"),
        ("latin1.md", "caf\xe9\nna\xefve\n".encode("latin-1"), "latin1.md:1: not valid UTF-8"),
        ("bad.po", b'msgid "a"\nmsgstr "unterminated\n', "bad.po:2: unterminated string"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, name, content, expected):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = run("check", name, "--glossary", str(ROOT / "glossary"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_glossary_yaml_is_one_line(tmp_path):
    (tmp_path / "g.yaml").write_text("- id: a\n  en: [x\n- id: b\n", encoding="utf-8")
    (tmp_path / "doc.md").write_text("Text.\n", encoding="utf-8")
    result = run("check", "doc.md", "--glossary", "g.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("termguard: error: g.yaml:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_duplicate_yaml_key_is_an_error(tmp_path):
    (tmp_path / "g.yaml").write_text("- id: a\n  en: [x]\n  en: [y]\n", encoding="utf-8")
    (tmp_path / "doc.md").write_text("Text.\n", encoding="utf-8")
    result = run("check", "doc.md", "--glossary", "g.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "g.yaml:3: duplicate key 'en'" in result.stderr


def test_unknown_rule_is_a_usage_error():
    result = run("check", SEED, "--select", "no-such-rule")
    assert result.returncode == 2
    assert "unknown rule 'no-such-rule'" in result.stderr


def test_default_paths_check_seeds_and_translations():
    result = run("check", "--select", "forbidden-term", "--exit-zero")
    assert result.returncode == 0
    assert SEED in result.stdout


