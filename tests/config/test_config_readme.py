"""The configuration and CI examples of the README and the docs are valid as written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from termguard.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def _blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, flags=re.S)


def test_configuration_example_loads(tmp_path, monkeypatch):
    toml, options = _blocks(_page("docs/configuration.md"), "toml")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.select == ("ALL",) and cfg.ignore == ("date-format",)
    assert cfg.per_file_ignores == (("translations/old/*.po", ("fuzzy", "untranslated")),)
    assert cfg.options["translit.scheme"] == "wikipedia"
    (tmp_path / "pyproject.toml").write_text(options, encoding="utf-8")
    assert load_config().options["translit.scheme"] == "bgn_pcgn"


def test_ci_examples_parse_and_use_real_options():
    github, gitlab = _blocks(_page("docs/ci-formats.md"), "yaml")[:2]
    workflow = yaml.safe_load(github)
    steps = workflow["jobs"]["termguard"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
    job = yaml.safe_load(gitlab)["termguard"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    from click.testing import CliRunner

    from termguard.cli import main

    help_text = CliRunner().invoke(main, ["check", "--help"]).stdout
    commands = [line for s in steps for line in str(s.get("run", "")).splitlines()] + job["script"]
    for command in commands:
        if command.startswith("termguard check"):
            for option in re.findall(r"(?<!\S)(--[a-z-]+|-o)(?=\s|$)", command.split("#")[0]):
                assert option in help_text, option


def test_readme_configuration_example_loads(tmp_path, monkeypatch):
    (toml,) = _blocks(_page("README.md"), "toml")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "sources").mkdir()
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.ignore == ("date-format",)
