"""Every command's output path goes through one validation (`fileio.check_output`): an empty
name, a directory and an input of the run are refused with one error line and exit 2, and
nothing is written."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from termguard.cli import main
from termguard.errors import ConfigError
from termguard.fileio import check_output, check_output_dir

DOC = "# Notes\n\nThe first sentence is here. The second one follows it.\n"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _one_error(result, needle: str) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("termguard: error:")]
    assert len(lines) == 1, result.output
    assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "termguard.toml").write_text("", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.en.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "g.csv").write_text("source,target,forbidden,note\nnotes,заметки,,\n", encoding="utf-8")
    (tmp_path / "sheet.xlsx").write_bytes(b"not read: the output is refused first")
    monkeypatch.chdir(tmp_path)
    assert _run("segment", "seeds/doc.en.md", "-o", "translations/doc.pot").exit_code == 0
    pot = (tmp_path / "translations" / "doc.pot").read_text(encoding="utf-8")
    po = pot.replace('"Content-Type', '"Language: ru\\n"\n"Content-Type', 1)
    (tmp_path / "translations" / "ru.po").write_text(po, encoding="utf-8")
    return tmp_path


# (command before the output path, option, an input of that command)
COMMANDS = [
    (["check", "translations/ru.po"], "-o", "translations/ru.po"),
    (["check", "translations/ru.po"], "--output", "translations/ru.po"),
    (["check", "translations/ru.po"], "--write-baseline", "translations/ru.po"),
    (["segment", "seeds/doc.en.md"], "-o", "seeds/doc.en.md"),
    (["build", "translations/ru.po"], "-o", "translations/ru.po"),
    (["init", "translations/doc.pot", "--lang", "de"], "-o", "translations/doc.pot"),
    (["glossary", "lint", "g.csv", "--glossary-langs", "en:ru"], "-o", "g.csv"),
    (["glossary", "import", "g.csv", "--glossary-langs", "en:ru"], "-o", "g.csv"),
    (["glossary", "export", "--format", "tbx", "--glossary", "g.csv", "--glossary-langs", "en:ru"], "-o", "g.csv"),
    (["review", "import", "sheet.xlsx"], "-o", "sheet.xlsx"),
]


def _snapshot(root) -> dict[str, bytes]:
    return {
        os.path.relpath(os.path.join(folder, name), root): open(os.path.join(folder, name), "rb").read()
        for folder, _dirs, files in os.walk(root) for name in files
    }


@pytest.mark.parametrize(("command", "option", "_input"), COMMANDS)
def test_an_empty_output_name_is_refused(project, command, option, _input):
    before = _snapshot(project)
    _one_error(_run(*command, option, ""), "empty file name")
    assert _snapshot(project) == before


@pytest.mark.parametrize(("command", "option", "_input"), COMMANDS)
@pytest.mark.parametrize("folder", ["out", "out/", "missing/"])
def test_a_directory_as_output_is_refused(project, command, option, _input, folder):
    before = _snapshot(project)
    _one_error(_run(*command, option, folder), "is a directory")
    assert _snapshot(project) == before
    assert not (project / "missing").exists()


@pytest.mark.parametrize(("command", "option", "victim"), COMMANDS)
def test_an_input_as_output_is_refused(project, command, option, victim):
    before = _snapshot(project)
    _one_error(_run(*command, option, victim), "input")
    assert _snapshot(project) == before


@pytest.mark.parametrize(("into", "needle"), [("", "empty folder name"), ("g.csv", "must be a directory")])
def test_sources_fetch_refuses_an_unusable_store(project, into, needle):
    (project / "cited.md").write_text(
        "A claim [1].\n\n## References\n\n- [1] «X». *Y*, 01.01.2025, <http://127.0.0.1:9/x>\n", encoding="utf-8")
    before = _snapshot(project)
    _one_error(_run("sources", "fetch", "cited.md", "--into", into, "--offline"), needle)
    assert _snapshot(project) == before


def test_a_good_output_is_written(project):
    result = _run("check", "translations/ru.po", "--format", "json", "-o", "out/report.json")
    assert result.exit_code in (0, 1), result.output
    assert (project / "out" / "report.json").read_text(encoding="utf-8").startswith("{")


def test_the_validation_itself(tmp_path):
    check_output(None, ["x"])  # no output: nothing to check
    check_output(str(tmp_path / "new.json"), [str(tmp_path)])  # a report beside the inputs
    for bad in ("", "   ", str(tmp_path), str(tmp_path / "sub") + os.sep):
        with pytest.raises(ConfigError):
            check_output(bad, [])
    taken = tmp_path / "in.po"
    taken.write_text("", encoding="utf-8")
    with pytest.raises(ConfigError, match="--write-baseline"):
        check_output(str(taken), [str(taken)], "--write-baseline")
    check_output_dir(str(tmp_path / "store"))
    with pytest.raises(ConfigError):
        check_output_dir(str(taken))
