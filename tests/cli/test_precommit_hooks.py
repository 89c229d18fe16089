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
        ("docs/glossary/systems.yml", "termguard-glossary"), ("glossary/terms.yaml", "termguard"),
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
    (tmp_path / "termguard.toml").write_text('exclude = ["vendor/"]\npaths = [".", "vendor"]\n', encoding="utf-8")
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


def test_the_superseded_project_hook_matches_no_file():
    assert not any(re.search(BY_ID["termguard-project"]["files"], name)
                   for name in ("glossary/terms.yaml", "translations/ru.po", "seeds/doc.md"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    for folder in ("seeds", "translations", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seeds" / "doc.md").write_text("The S-400 Triumph.\n", encoding="utf-8")
    (tmp_path / "docs" / "guide.md").write_text("The Triumph of the docs.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("Our S-400 Triumph project.\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("- Triumph renamed.\n", encoding="utf-8")
    (tmp_path / "requirements.txt").write_text("termguard>=0.1\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.termguard]\nselect = [\"forbidden-term\"]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def _hook(hook_id, *files):
    args = shlex.split(BY_ID[hook_id]["entry"])[1:]
    if BY_ID[hook_id].get("pass_filenames", True):
        args += [f for f in files if re.search(BY_ID[hook_id]["files"], f)]
    elif not any(re.search(BY_ID[hook_id]["files"], f) for f in files):
        return None  # pre-commit skips a hook that matches no file
    return CliRunner().invoke(main, args)


ALL_FILES = ["README.md", "CHANGELOG.md", "requirements.txt", "seeds/doc.md", "docs/guide.md",
             "glossary/systems.yaml", "glossary/terms.yaml", "pyproject.toml"]


def test_hook_checks_only_the_configured_paths_by_default(project):
    result = _hook("termguard", "README.md", "CHANGELOG.md", "requirements.txt", "docs/guide.md")
    assert (result.exit_code, result.stdout) == (0, "")  # nothing of seeds/ or translations/
    result = _hook("termguard", "README.md", "seeds/doc.md")
    assert result.exit_code == 1
    assert "seeds/doc.md:1:11: TG101" in result.stdout and "README" not in result.stdout


def test_hook_paths_can_be_widened_in_the_configuration(project):
    (project / "pyproject.toml").write_text(
        '[tool.termguard]\nselect = ["forbidden-term"]\npaths = ["seeds", "translations", "docs"]\n', encoding="utf-8")
    result = _hook("termguard", "README.md", "docs/guide.md")
    assert result.exit_code == 1 and "docs/guide.md:1:5: TG101" in result.stdout and "README" not in result.stdout


def test_all_files_reports_each_finding_once(project):
    outputs = [r.stdout for r in (_hook(h["id"], *ALL_FILES) for h in HOOKS) if r is not None]
    findings = [line for out in outputs for line in out.splitlines() if ": TG" in line]
    assert findings == ["seeds/doc.md:1:11: TG101 [forbidden-term] " + findings[0].split("] ", 1)[1]]


def test_a_glossary_change_rechecks_every_configured_path(project):
    result = _hook("termguard", "glossary/systems.yaml")
    assert result.exit_code == 1 and "seeds/doc.md:1:11: TG101" in result.stdout


def test_baseline_from_the_configuration(project):
    assert CliRunner().invoke(main, ["check", "--write-baseline", ".termguard-baseline.json"]).exit_code == 0
    (project / "pyproject.toml").write_text(
        '[tool.termguard]\nselect = ["forbidden-term"]\nbaseline = ".termguard-baseline.json"\n', encoding="utf-8")
    result = _hook("termguard", "seeds/doc.md")
    assert (result.exit_code, result.stdout.count(": TG")) == (0, 0)
    assert "hidden by baseline" in result.stderr
    with open(project / "seeds" / "doc.md", "a", encoding="utf-8") as f:
        f.write("\nA new Triumph.\n")
    result = _hook("termguard", "seeds/doc.md")
    assert result.exit_code == 1 and result.stdout.count(": TG101") == 1
    # An explicit --baseline still wins; a missing configured file is one clear error.
    (project / "pyproject.toml").write_text(
        '[tool.termguard]\nselect = ["forbidden-term"]\nbaseline = "missing.json"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "seeds"])
    assert result.exit_code == 2 and "missing.json" in result.stderr
