"""`termguard cache info` and `termguard cache clear`."""

from __future__ import annotations

from click.testing import CliRunner

from termguard.cli import main

GLOSSARY = "- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n"
PO = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The Triumf"\nmsgstr "Система"\n'


def test_info_and_clear(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(where))
    monkeypatch.delenv("TERMGUARD_NO_CACHE", raising=False)
    (tmp_path / "g.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "ru.po").write_text(PO, encoding="utf-8")
    runner = CliRunner()
    check = runner.invoke(main, ["check", str(tmp_path / "ru.po"), "--glossary", str(tmp_path / "g.yaml"), "--isolated"])
    assert check.exit_code == 1, check.output
    stored = sorted(p.name for p in where.iterdir())
    assert any(n.endswith(".glossary") for n in stored) and any(n.endswith(".matcher") for n in stored)
    (where / "notes.txt").write_text("not the cache's", encoding="utf-8")

    info = runner.invoke(main, ["cache", "info"])
    assert info.exit_code == 0
    assert f"cache: {where}" in info.output and f"files: {len(stored)}" in info.output

    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0 and f"removed {len(stored)} cache files" in cleared.output
    assert [p.name for p in where.iterdir()] == ["notes.txt"]
    again = runner.invoke(main, ["check", str(tmp_path / "ru.po"), "--glossary", str(tmp_path / "g.yaml"), "--isolated"])
    assert again.output == check.output  # rebuilt, same findings


def test_info_when_the_cache_is_off(monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    result = CliRunner().invoke(main, ["cache", "info"])
    assert result.exit_code == 0 and "cache: off" in result.output
    assert "removed 0" in CliRunner().invoke(main, ["cache", "clear"]).output
