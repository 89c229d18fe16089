"""A cache file is only valid under the name it was written for: one copied or renamed over
another entry is a miss, rebuilt silently, never trusted (wrong findings, a traceback)."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from termguard import diskcache
from termguard.cli import main


def test_a_copied_entry_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(tmp_path))
    diskcache.store("a" * 40, ("data", 1), ".glossary")
    assert diskcache.load("a" * 40, ".glossary") == ("data", 1)
    shutil.copy(tmp_path / f"{'a' * 40}.glossary", tmp_path / f"{'c' * 40}.glossary")
    shutil.copy(tmp_path / f"{'a' * 40}.glossary", tmp_path / f"{'a' * 40}.matcher")  # another kind
    assert diskcache.load("c" * 40, ".glossary") is None
    assert diskcache.load("a" * 40, ".matcher") is None


def test_check_is_right_whatever_cache_file_stands_under_its_name(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(cache))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("- id: triumf\n  en: [Triumf, {text: Triumph, status: forbidden}]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- id: kyiv\n  en: [Kyiv, {text: Kiev, status: forbidden}]\n", encoding="utf-8")
    (tmp_path / "doc.md").write_text("The Triumph system was sold to Kiev.\n", encoding="utf-8")

    def findings(glossary: str) -> str:
        result = CliRunner().invoke(main, ["check", "--glossary", glossary, "doc.md", "--format", "json"])
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
        return result.output

    first_a, first_b = findings("a.yaml"), findings("b.yaml")
    files = sorted(cache.iterdir())
    assert files
    # Every cache file copied over every other one of its kind: each run must still be right.
    for victim in files:
        for source in files:
            if source != victim and source.suffix == victim.suffix:
                shutil.copy(source, victim)
        assert findings("a.yaml") == first_a
        assert findings("b.yaml") == first_b
