"""`termguard.checkrun`: the decisions of `termguard check`, one function at a time, without
the command line (the CLI tests run the same paths end to end)."""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from termguard.checkrun import (
    CheckOptions,
    CheckSettings,
    Console,
    exit_code,
    output_format,
    resolve_paths,
    run_check,
    split_rules,
    use_color,
    validate_options,
)
from termguard.config import Config
from termguard.errors import ConfigError
from termguard.model import Finding, Report, Severity

DOC = "# Notes\n\nThe Triumph system arrived. It was 2.5 km long.\n"
GLOSSARY = """\
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф]
"""


class Recorder:
    """A Console that keeps what `check` says, in order."""

    def __init__(self, stdin: bytes = b"", tty: bool = False, environ: dict[str, str] | None = None) -> None:
        self.said: list[tuple[str, str]] = []
        self.console = Console(out=lambda text: self.said.append(("out", text)),
                               err=lambda line: self.said.append(("err", line)),
                               tty=lambda: tty, read_stdin=io.BytesIO(stdin).read, environ=environ or {})

    def text(self, stream: str) -> str:
        return "".join(text for where, text in self.said if where == stream)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "termguard.toml").write_text("", encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.en.md").write_text(DOC, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _finding(severity: Severity) -> Finding:
    return Finding("TG101", "forbidden-term", severity, "a.md", 1, 1, 1, 2, "m")


def test_split_rules_reads_commas_and_repeats():
    assert split_rules(("a, b", "", " c ,", "d")) == ("a", "b", "c", "d")


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        (CheckOptions(paths=("-", "x.po"), stdin_filename="x.po"), "cannot be mixed"),
        (CheckOptions(paths=("-",)), "needs --stdin-filename"),
        (CheckOptions(paths=("x.po",), stdin_filename="x.po"), "only applies"),
        (CheckOptions(fmt="xlsx"), "binary file"),
        (CheckOptions(statistics=True, fmt="json"), "--statistics"),
    ],
)
def test_impossible_combinations_are_refused(options, needle):
    with pytest.raises(ConfigError, match=needle):
        validate_options(options)


def test_good_combinations_pass():
    validate_options(CheckOptions(paths=("-",), stdin_filename="a.po"))
    validate_options(CheckOptions(fmt="xlsx", output="r.xlsx"))
    validate_options(CheckOptions(statistics=True, fmt="text"))


def test_exit_code():
    warning = Report((_finding(Severity.WARNING),), ("a.md",), 1)
    error = Report((_finding(Severity.ERROR),), ("a.md",), 1)
    assert exit_code(warning, strict=False, exit_zero=False) == 0
    assert exit_code(warning, strict=True, exit_zero=False) == 1
    assert exit_code(error, strict=False, exit_zero=False) == 1
    assert exit_code(error, strict=True, exit_zero=True) == 0
    assert exit_code(Report((), (), 0), strict=True, exit_zero=False) == 0


def test_format_and_colour():
    assert output_format(None, {}) == "text"
    assert output_format(None, {"GITHUB_ACTIONS": "true"}) == "github"
    assert output_format("json", {"GITHUB_ACTIONS": "true"}) == "json"
    def closed() -> bool:
        raise AssertionError("standard output is not asked about when the answer cannot matter")

    assert use_color("text", None, lambda: True, {})
    assert not use_color("text", None, lambda: True, {"NO_COLOR": "1"})
    assert not use_color("text", "r.txt", closed, {})
    assert not use_color("text", None, lambda: False, {})
    assert not use_color("json", None, closed, {})


def test_paths_from_configuration_and_force_exclude(project):
    config = Config()
    assert resolve_paths(CheckOptions(), config) == ("seeds",)  # translations/ does not exist here
    assert resolve_paths(CheckOptions(paths=("x.md",)), config) == ("x.md",)
    assert resolve_paths(CheckOptions(paths=("README.txt",), force_exclude=True), config) == ()
    (project / "seeds").rename(project / "elsewhere")
    with pytest.raises(ConfigError, match="nothing to check"):
        resolve_paths(CheckOptions(), config)


def test_settings_take_the_configured_baseline_unless_one_is_written(project):
    (project / "termguard.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    assert CheckSettings.from_options(CheckOptions(paths=("seeds",))).baseline.endswith("base.json")
    assert CheckSettings.from_options(CheckOptions(paths=("seeds",), write_baseline="new.json")).baseline is None
    given = CheckSettings.from_options(CheckOptions(paths=("seeds",), baseline="mine.json"))
    assert given.baseline == "mine.json"


def test_settings_refuse_bad_outputs_before_reading(project):
    for output, needle in (("", "empty"), ("seeds", "directory"), ("seeds/doc.en.md", "input")):
        with pytest.raises(ConfigError, match=needle):
            CheckSettings.from_options(CheckOptions(paths=("seeds",), output=output))


def test_a_run_renders_and_returns_its_exit_code(project):
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), select=("forbidden-term",)), said.console) == 1
    assert "TG101 [forbidden-term]" in said.text("out")
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), select=("forbidden-term",), exit_zero=True, fmt="json",
                                  output="report.json"), said.console) == 0
    assert said.text("out") == "" and '"forbidden-term"' in (project / "report.json").read_text(encoding="utf-8")


def test_standard_input_is_read_through_the_console(project):
    said = Recorder(stdin=DOC.encode())
    assert run_check(CheckOptions(paths=("-",), stdin_filename="seeds/other.en.md", select=("forbidden-term",)),
                     said.console) == 1
    assert "seeds/other.en.md:3:5: TG101" in said.text("out")


def test_baseline_written_then_hiding_what_it_knows(project):
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), write_baseline="base.json"), said.console) == 0
    assert said.said[-1][0] == "err" and "to baseline base.json" in said.said[-1][1]
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), baseline="base.json"), said.console) == 0
    assert any("hidden by baseline" in text for where, text in said.said if where == "err")


def test_diff_shows_and_writes_nothing_then_fix_writes(project):
    before = (project / "seeds" / "doc.en.md").read_text(encoding="utf-8")
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), show_diff=True, select=("forbidden-term",)), said.console) == 1
    assert "+The Triumf system" in said.text("out")
    assert (project / "seeds" / "doc.en.md").read_text(encoding="utf-8") == before
    said = Recorder()
    assert run_check(CheckOptions(paths=("seeds",), apply_fixes=True, select=("forbidden-term",)), said.console) == 0
    assert said.said[0] == ("err", "termguard: applied 1 fix(es) in 1 file(s)")
    assert "The Triumf system" in (project / "seeds" / "doc.en.md").read_text(encoding="utf-8")


def test_fix_refuses_standard_input(project):
    with pytest.raises(ConfigError, match="cannot read standard input"):
        run_check(CheckOptions(paths=("-",), stdin_filename="a.md", apply_fixes=True), Recorder().console)


def test_the_engine_never_imports_parallel():
    # The runner chooses serial or parallel; parallel calls the engine, never the reverse.
    import termguard.engine

    # (the module the tests import: the checkout's, or the installed package's)
    source = Path(termguard.engine.__file__).read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    imported |= {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import) for alias in node.names}
    assert not {name for name in imported if name and ("parallel" in name or "runner" in name)}
    code = (
        "import sys\nfrom termguard.config import Config\nfrom termguard.engine import Engine\n"
        "Engine(Config(glossary=None)).run(['seeds'])\nprint('termguard.parallel' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_option_of_the_command_reaches_the_settings():
    # An option added to `termguard check` but not to CheckOptions would be dropped silently.
    from dataclasses import fields

    from termguard.cli.check import check

    names = {param.name for param in check.params}
    assert names == {f.name for f in fields(CheckOptions)}


def test_closed_standard_streams_matter_only_when_used(tmp_path):
    # `termguard check FILE <&-` (no standard input) and `-o FILE >&-` (no standard output).
    doc = tmp_path / "doc.en.md"
    doc.write_text(DOC, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    base = [sys.executable, "-m", "termguard", "check", str(doc), "--isolated", "--glossary", str(root / "glossary")]
    closed_in = subprocess.run(base, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                               preexec_fn=lambda: os.close(0))
    assert closed_in.returncode == 1 and "Triumph" in closed_in.stdout, closed_in.stderr
    report = tmp_path / "r.json"
    closed_out = subprocess.run([*base, "--format", "json", "-o", str(report)], cwd=tmp_path,
                                stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert closed_out.returncode == 1, closed_out.stderr
    assert '"Triumph"' in report.read_text(encoding="utf-8")


def test_force_exclude_with_nothing_of_the_project_ends_quietly(project):
    (project / "notes.txt").write_text("The Triumph.\n", encoding="utf-8")
    settings = CheckSettings.from_options(CheckOptions(paths=("README.txt",), force_exclude=True))
    assert settings.nothing_to_check
    said = Recorder()
    assert run_check(CheckOptions(paths=("README.txt",), force_exclude=True), said.console) == 0
    assert said.said == []
    assert not CheckSettings.from_options(CheckOptions(paths=("seeds",), force_exclude=True)).nothing_to_check
