"""`.pre-commit-hooks.yaml`: valid hook definitions whose patterns and commands work."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from termguard.cli import main
from termguard.readers import SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BY_ID = {h["id"]: h for h in HOOKS}


def test_hook_schema():
    assert set(BY_ID) == {"termguard", "termguard-glossary", "termguard-project"}
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"
        assert hook["entry"].split()[0] == "termguard"
        re.compile(hook["files"])
        assert set(hook) <= {
            "id", "name", "entry", "language", "files", "exclude", "types", "types_or", "description",
            "pass_filenames", "require_serial", "args", "stages", "always_run", "minimum_pre_commit_version",
        }


@pytest.mark.parametrize(
    ("name", "hook"),
    [
        ("translations/ru.po", "termguard"), ("translations/commentary.pot", "termguard"),
        ("l10n/tr.xlf", "termguard"), ("l10n/tr.xliff", "termguard"), ("seeds/doc.md", "termguard"),
        ("notes.txt", "termguard"), ("glossary/terms.yaml", "termguard-glossary"),
        ("docs/glossary/systems.yml", "termguard-glossary"), ("glossary/terms.yaml", "termguard-project"),
    ],
)
def test_patterns_select_the_right_files(name, hook):
    assert re.search(BY_ID[hook]["files"], name)


@pytest.mark.parametrize("name", ["src/app.py", "pyproject.toml", "data/terms.yaml", "README.rst"])
def test_patterns_skip_other_files(name):
    assert not any(re.search(h["files"], name) for h in HOOKS)


def test_every_suffix_the_readers_take_is_covered():
    for suffix in SUFFIXES:
        assert re.search(BY_ID["termguard"]["files"], f"x/file{suffix}"), suffix


def test_hook_entries_run_as_pre_commit_would(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "doc.md").write_text("The S-400 Triumph.\n", encoding="utf-8")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "old.md").write_text("The S-400 Triumph.\n", encoding="utf-8")
    (tmp_path / "termguard.toml").write_text('exclude = ["vendor/"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()

    def hook(hook_id, *files):
        args = shlex.split(BY_ID[hook_id]["entry"])[1:]
        if BY_ID[hook_id].get("pass_filenames", True):
            args += list(files)
        return runner.invoke(main, args)

    result = hook("termguard", "doc.md", "vendor/old.md")
    assert result.exit_code == 1 and result.stderr == ""
    assert "doc.md:1:11: TG101" in result.stdout and "vendor" not in result.stdout
    result = hook("termguard-glossary", "glossary/systems.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
