"""`[tool.termguard]` / `termguard.toml`: discovery, every key, and errors that name the problem."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termguard.config import Config, find_config_file, glob_match, load_config, repository_root
from termguard.errors import ConfigError
from termguard.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


FULL = """
[project]
name = "demo"

[tool.termguard]
glossary = "terms"
sources = ["sources/ru"]
select = ["ALL"]
ignore = ["missing-term"]
severity = {forbidden-term = "warning"}
exclude = ["vendor/", "*.generated.md"]
languages = ["ru", "tr"]
translit.scheme = "bgn-pcgn"

[tool.termguard.per-file-ignores]
"translations/old/*.po" = ["TG101"]
"""


def test_pyproject_found_from_a_subdirectory(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml", FULL)
    sub = tmp_path / "docs" / "deep"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config_file() == (tmp_path / "pyproject.toml").resolve()
    cfg = load_config()
    assert cfg.root == str(tmp_path.resolve())
    assert os.path.abspath(cfg.glossary) == str((tmp_path / "terms").resolve())
    assert cfg.glossary_required
    assert [os.path.abspath(s) for s in cfg.sources] == [str((tmp_path / "sources" / "ru").resolve())]
    assert cfg.select == ("ALL",) and cfg.ignore == ("missing-term",)
    assert cfg.severity == {"forbidden-term": Severity.WARNING}
    assert cfg.exclude == ("vendor/", "*.generated.md")
    assert cfg.per_file_ignores == (("translations/old/*.po", ("forbidden-term",)),)
    assert cfg.languages == ("ru", "tr") and cfg.options["languages"] == ("ru", "tr")
    from termguard.translit.schemes import resolve_scheme

    assert cfg.options["translit.scheme"] == resolve_scheme("bgn-pcgn").key
    assert "missing-term" not in cfg.resolve_rules() and "forbidden-term" in cfg.resolve_rules()


def test_pyproject_without_table_is_skipped_and_termguard_toml_wins(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml", "[tool.termguard]\nignore = ['missing-term']\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    monkeypatch.chdir(tmp_path / "pkg")
    assert load_config().ignore == ("missing-term",)  # the table-less pyproject.toml is not ours
    write(tmp_path / "pkg" / "termguard.toml", "select = ['forbidden-term']\n")
    cfg = load_config()
    assert cfg.select == ("forbidden-term",) and cfg.ignore == ()
    assert cfg.path == "termguard.toml"


def test_defaults_without_any_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.path is None and cfg.glossary == "glossary" and not cfg.glossary_required
    assert cfg.options["translit.scheme"] == "wikipedia"


def test_isolated_and_explicit_config(tmp_path, monkeypatch):
    write(tmp_path / "termguard.toml", "ignore = ['forbidden-term']\n")
    other = write(tmp_path / "ci" / "strict.toml", "[tool.termguard]\nseverity = {missing-term = 'info'}\n")
    monkeypatch.chdir(tmp_path)
    assert load_config(isolated=True).ignore == ()
    explicit = load_config(str(other))
    assert explicit.ignore == () and explicit.severity == {"missing-term": Severity.INFO}
    with pytest.raises(ConfigError, match="exclude each other"):
        load_config(str(other), isolated=True)


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("[tool.termguard]\nglossary = 'g'\nselectt = ['x']\n", 3, "unknown key 'selectt'"),
        ("[tool.termguard]\nignore = [\n  'missing-term',\n  'forbiden-term',\n]\n", 4, "unknown rule 'forbiden-term' in ignore"),
        ("[tool.termguard]\nseverity = {nope-rule = 'error'}\n", 2, "unknown rule 'nope-rule'"),
        ("[tool.termguard]\n\nseverity = {forbidden-term = 'fatal'}\n", 3, "unknown severity 'fatal'"),
        ("[tool.termguard]\n[tool.termguard.per-file-ignores]\n'a/*.po' = ['TG999']\n", 3, "unknown rule 'TG999'"),
        ("[tool.termguard]\ntranslit.scheme = 'klingon'\n", 2, "unknown romanisation scheme 'klingon'"),
        ("[tool.termguard]\ntranslit.schema = 'wikipedia'\n", 2, "unknown key 'translit.schema'"),
        ("[tool.termguard]\nlanguages = ['ru', 'xx-nonsense']\n", 2, "unknown language 'xx-nonsense'"),
        ("[tool.termguard]\nexclude = 3\n", 2, "'exclude' must be a string or a list"),
        ("[tool.termguard]\nselect = [\n", 2, "invalid TOML"),
        ("[tool.termguard]\nselect = 'a' 'b'\n", 2, "invalid TOML"),
    ],
)
def test_errors_name_file_line_and_key(tmp_path, monkeypatch, text, line, needle):
    write(tmp_path / "pyproject.toml", text)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as info:
        load_config()
    err = info.value
    assert needle in err.message
    assert (err.path, err.line) == ("pyproject.toml", line)


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(str(tmp_path / "nope.toml"))


def test_explicit_pyproject_without_table_is_an_error(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.termguard\] table"):
        load_config(str(path))


def test_cli_options_on_top_of_file(tmp_path, monkeypatch):
    write(tmp_path / "termguard.toml", "select = ['forbidden-term', 'missing-term']\nignore = ['missing-term']\n")
    monkeypatch.chdir(tmp_path)
    cfg = load_config().with_cli(select=("TG102",), ignore=("forbidden-term",), glossary="other", lang="ru")
    assert cfg.select == ("TG102",)
    assert cfg.ignore == ("missing-term", "forbidden-term")
    assert (cfg.glossary, cfg.glossary_required, cfg.lang) == ("other", True, "ru")
    with pytest.raises(ConfigError, match="unknown rule 'bogus' in --select"):
        load_config().with_cli(select=("bogus",))


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("vendor/", "vendor/x/a.po", True),
        ("vendor", "docs/vendor/b.md", True),
        ("*.pot", "translations/c.pot", True),
        ("*.pot", "translations/c.po", False),
        ("translations/*.po", "translations/ru.po", True),
        ("translations/*.po", "x/translations/ru.po", False),
        ("translations/*.po", "translations/old/ru.po", False),
        ("**/old/*.po", "a/b/old/x.po", True),
        ("**/old/*.po", "old/x.po", True),
        ("./seeds", "seeds/a.md", True),
        ("s[ae]eds/*.md", "seeds/a.md", True),
    ],
)
def test_glob_patterns(pattern, path, expected):
    assert glob_match(pattern, path) is expected


def test_exclude_and_per_file_ignores_are_relative_to_the_config(tmp_path, monkeypatch):
    write(tmp_path / "termguard.toml", "exclude = ['drafts/']\n[per-file-ignores]\n'translations/*.po' = ['forbidden-term']\n")
    (tmp_path / "translations").mkdir()
    monkeypatch.chdir(tmp_path / "translations")
    cfg = load_config()
    assert cfg.ignored_rules("ru.po") == {"forbidden-term"}
    assert cfg.ignored_rules("../seeds/a.md") == frozenset()
    assert cfg.is_excluded("../drafts/x.md") and not cfg.is_excluded("ru.po")


def test_repository_root_prefers_git_work_tree(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "docs" / "termguard.toml", "")
    monkeypatch.chdir(tmp_path / "docs")
    cfg = load_config()
    assert cfg.root == str((tmp_path / "docs").resolve())
    assert repository_root(cfg) == str(tmp_path.resolve())
    assert repository_root(Config(root="/somewhere"), start=str(tmp_path.parent)) in ("/somewhere", str(tmp_path.parent.resolve()))
