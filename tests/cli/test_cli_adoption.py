"""`termguard check` for CI: formats, configuration, stdin, excludes, exit codes, colour.

Every test asserts exit code, standard output and standard error together.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from defusedxml import ElementTree as SafeET

from termguard.cli import main

GLOSSARY = """\
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
- id: kiev
  kind: place
  en: [Kyiv, {text: Kiev, status: superseded}]
  ru: [Киев]
"""

DOC = """\
# The S-400 Triumf

The S-400 Triumph systems were delivered.

Ankara and Kyiv watched.
"""

PO = """\
msgid ""
msgstr ""
"Language: ru\\n"

#. sentence
msgctxt "s-1"
msgid "The S-400 Triumf systems were delivered."
msgstr "Комплексы С-400 «Триумпф» были поставлены."
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small repository: glossary, one source with an error, one translation with an error."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "ru.po").write_text(PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


def run(*args: str, env: dict | None = None, input: str | bytes | None = None):
    result = CliRunner().invoke(main, ["check", *args], env=env, input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


SELECT = ("--select", "forbidden-term")


def test_text_default(project):
    code, out, err = run(*SELECT)
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "seeds/doc.md:3:11: TG101 [forbidden-term] " + out.splitlines()[0].split("[forbidden-term] ", 1)[1],
        "translations/ru.po:8:26: TG101 [forbidden-term] " + out.splitlines()[1].split("[forbidden-term] ", 1)[1],
        "Found 2 errors, 0 warnings in 2 files (4 units).",
    ]


@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab"])
def test_json_formats_parse(project, fmt):
    code, out, err = run(*SELECT, "--format", fmt)
    assert (code, err) == (1, "")
    doc = json.loads(out)
    if fmt == "json":
        assert [f["path"] for f in doc["findings"]] == ["seeds/doc.md", "translations/ru.po"]
    elif fmt == "sarif":
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]]
        assert uris == ["seeds/doc.md", "translations/ru.po"]
        assert "uri" not in doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]  # no local absolute path
    else:
        assert [i["location"]["path"] for i in doc] == ["seeds/doc.md", "translations/ru.po"]


def test_junit_format(project):
    code, out, err = run(*SELECT, "--format", "junit")
    assert (code, err) == (1, "")
    root = SafeET.fromstring(out.encode())
    assert len(root.findall("testsuite/testcase/failure")) == 2


def test_github_picked_in_actions_and_paths_from_repo_root(project, monkeypatch):
    monkeypatch.chdir(project / "seeds")
    code, out, err = run("doc.md", *SELECT, "--glossary", "../glossary", env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.startswith("::error file=seeds/doc.md,line=3,col=11,endLine=3,endColumn=18,title=TG101 forbidden-term::")
    # Standard output holds workflow commands only; the summary line goes to stderr.
    assert all(line.startswith("::") for line in out.splitlines())
    assert err.startswith("Found 1 error") and err.count("\n") == 1
    code, out, err = run("doc.md", *SELECT, "--glossary", "../glossary", "--quiet", env={"GITHUB_ACTIONS": "true"})
    assert err == "" and out.startswith("::error")
    code, out, _ = run("doc.md", *SELECT, "--glossary", "../glossary", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert out.startswith("doc.md:3:11: TG101")


def test_output_file(project):
    code, out, err = run(*SELECT, "--format", "sarif", "-o", "report.sarif")
    assert (code, out, err) == (1, "", "")
    assert json.loads((project / "report.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_exit_zero_strict_quiet_statistics(project):
    (project / "seeds" / "doc.md").write_text("Fine Triumf.\n\n<!-- termguard: ignore forbidden-term -->\nStill fine.\n", encoding="utf-8")
    args = ("seeds", "--select", "forbidden-term,unused-suppression")
    code, out, err = run(*args)
    assert (code, err) == (0, "")  # one warning, no error
    assert "TG901" in out and out.endswith("Found 0 errors, 1 warning in 1 file (2 units).\n")
    assert run(*args, "--strict")[0] == 1
    assert run(*args, "--strict", "--exit-zero")[0] == 0
    code, out, err = run(*args, "--quiet")
    assert (code, err) == (0, "") and len(out.splitlines()) == 1 and out.startswith("seeds/doc.md:3:1: TG901")
    code, out, err = run("--select", "forbidden-term", "--statistics")
    assert (code, err) == (1, "")
    assert out.splitlines() == ["1  TG101  forbidden-term         error", "Found 1 error, 0 warnings in 2 files (3 units)."]


def test_statistics_rejects_other_formats(project):
    code, out, err = run("--statistics", "--format", "json")
    assert (code, out) == (2, "")
    assert err == "termguard: error: --statistics prints a table; drop --format or --statistics\n"


def test_config_file_applies_and_cli_overrides(project):
    (project / "pyproject.toml").write_text(
        '[tool.termguard]\nselect = ["forbidden-term"]\nseverity = {forbidden-term = "warning"}\n'
        '[tool.termguard.per-file-ignores]\n"translations/*.po" = ["forbidden-term"]\n',
        encoding="utf-8",
    )
    code, out, err = run()
    assert (code, err) == (0, "")  # downgraded to a warning; ru.po ignored per file
    assert out.splitlines()[0].startswith("seeds/doc.md:3:11: TG101") and len(out.splitlines()) == 2
    code, out, err = run("--isolated", *SELECT)
    assert (code, err) == (1, "") and out.count("TG101") == 2
    (project / "ci.toml").write_text('select = ["missing-term"]\n', encoding="utf-8")
    code, out, err = run("--config", "ci.toml")
    assert (code, err) == (0, "") and out == "No problems found in 2 files (4 units).\n"


def test_config_errors_exit_2_with_one_line(project):
    (project / "termguard.toml").write_text('select = ["forbidden-term"]\nfoo = 1\n', encoding="utf-8")
    code, out, err = run()
    assert (code, out) == (2, "")
    assert err == (
        "termguard: error: termguard.toml:2: unknown key 'foo' in termguard configuration; known keys: "
        "glossary, sources, select, ignore, severity, per-file-ignores, exclude, languages, paths, baseline, translit\n"
    )
    (project / "termguard.toml").write_text('ignore = ["forbiden-term"]\n', encoding="utf-8")
    code, out, err = run()
    assert (code, out) == (2, "")
    assert err == "termguard: error: termguard.toml:1: unknown rule 'forbiden-term' in ignore; did you mean 'forbidden-term'?; `termguard rules` lists them\n"
    code, out, err = run("--isolated", "--config", "termguard.toml")
    assert (code, out, err) == (2, "", "termguard: error: --config and --isolated exclude each other; drop one\n")


def test_stdin(project):
    code, out, err = run("-", "--stdin-filename", "seeds/piped.md", *SELECT, input=b"A Triumph.\n")
    assert (code, err) == (1, "")
    assert out.splitlines() == [out.splitlines()[0], "Found 1 error, 0 warnings in 1 file (1 unit)."]
    assert out.startswith("seeds/piped.md:1:3: TG101 [forbidden-term]")
    code, out, err = run("-", *SELECT, input="x")
    assert (code, out) == (2, "")
    assert err == "termguard: error: reading standard input needs --stdin-filename NAME (its extension picks the reader)\n"
    code, out, err = run("-", "--stdin-filename", "x.docx", input="x")
    assert (code, out) == (2, "") and err.startswith("termguard: error: x.docx: unsupported file type .docx")


def test_exclude_and_force_exclude(project):
    (project / "termguard.toml").write_text('exclude = ["translations/"]\nselect = ["forbidden-term"]\n', encoding="utf-8")
    code, out, err = run()
    assert (code, err) == (1, "") and "translations/ru.po" not in out and "1 file" in out
    # Named explicitly, an excluded file is checked ... unless --force-exclude (pre-commit).
    assert "translations/ru.po:8:26" in run("translations/ru.po")[1]
    code, out, err = run("translations/ru.po", "--force-exclude")
    assert (code, out, err) == (0, "No problems found in 0 files (0 units).\n", "")
    code, out, err = run("-", "--stdin-filename", "translations/ru.po", "--force-exclude", input=PO.encode())
    assert (code, out, err) == (0, "No problems found in 0 files (0 units).\n", "")


def _run_on_tty(args: list[str], cwd: Path, env: dict) -> str:
    """Run termguard with stdout on a pseudo-terminal; return what it wrote."""
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "termguard", *args], cwd=cwd, stdout=slave, stderr=subprocess.PIPE, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_colour_only_on_a_terminal_and_never_with_no_color(project):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GITHUB_ACTIONS", "CI")}
    coloured = _run_on_tty(["check", *SELECT], project, env)
    assert "\x1b[1;31mTG101\x1b[0m" in coloured
    plain = _run_on_tty(["check", *SELECT], project, {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in plain and "TG101 [forbidden-term]" in plain
    _code, out, _err = run(*SELECT)  # not a terminal
    assert "\x1b[" not in out


# --- baseline ------------------------------------------------------------------------------

def test_baseline_end_to_end(project):
    """Adopt with a baseline; move lines; add one new error: only it is reported, exit 1."""
    doc = project / "seeds" / "doc.md"
    code, out, err = run(*SELECT, "--write-baseline", ".termguard-baseline.json")
    assert (code, out) == (0, "")
    assert err == "termguard: wrote 2 finding(s) to baseline .termguard-baseline.json\n"
    stored = json.loads((project / ".termguard-baseline.json").read_text(encoding="utf-8"))
    assert {(e["path"], e["rule"], e["found"], e["count"]) for e in stored["findings"]} == {
        ("seeds/doc.md", "forbidden-term", "Triumph", 1),
        ("translations/ru.po", "forbidden-term", "Триумпф", 1),
    }
    assert all("line" not in e for e in stored["findings"])

    # Same tree: everything known, exit 0.
    code, out, err = run(*SELECT, "--baseline", ".termguard-baseline.json")
    assert (code, out) == (0, "No problems found in 2 files (4 units).\n")
    assert err == "termguard: 2 known finding(s) hidden by baseline .termguard-baseline.json\n"

    # Lines move (new paragraphs above, re-wrapped PO header) and one new error appears.
    doc.write_text(
        "# The S-400 Triumf\n\nA new introduction.\n\nAnother new paragraph.\n\n"
        "The S-400 Triumph systems were delivered.\n\nAnkara and Kyiv watched.\n\n"
        "A new sentence about the Triumph deal.\n",
        encoding="utf-8",
    )
    po = project / "translations" / "ru.po"
    po.write_text(PO.replace('"Language: ru\\n"\n', '"Project-Id-Version: demo\\n"\n"Language: ru\\n"\n'), encoding="utf-8")
    code, out, err = run(*SELECT, "--baseline", ".termguard-baseline.json", "--format", "json")
    assert code == 1
    assert err == "termguard: 2 known finding(s) hidden by baseline .termguard-baseline.json\n"
    findings = json.loads(out)["findings"]
    assert [(f["path"], f["line"], f["found"]) for f in findings] == [("seeds/doc.md", 11, "Triumph")]

    # From a subdirectory the same baseline still matches (paths are relative to it).
    os.chdir(project / "seeds")
    code, out, err = run("doc.md", *SELECT, "--glossary", "../glossary", "--baseline", "../.termguard-baseline.json")
    assert code == 1 and out.startswith("doc.md:11:") and out.count("TG101") == 1


def test_baseline_counts_identical_findings(project):
    doc = project / "seeds" / "doc.md"
    doc.write_text("Triumph and Triumph.\n", encoding="utf-8")
    assert run("seeds", *SELECT, "--write-baseline", "b.json")[0] == 0
    assert run("seeds", *SELECT, "--baseline", "b.json")[:2] == (0, "No problems found in 1 file (1 unit).\n")
    # A third one in the same sentence is new, although the sentence text changed ...
    doc.write_text("Triumph and Triumph.\n\nTriumph and Triumph.\n", encoding="utf-8")
    code, out, err = run("seeds", *SELECT, "--baseline", "b.json", "--quiet")
    assert (code, err) == (1, "") and out.count("TG101") == 2 and out.startswith("seeds/doc.md:3:1:")


def test_bad_baseline_exit_2(project):
    (project / "b.json").write_text("{not json", encoding="utf-8")
    code, out, err = run("--baseline", "b.json")
    assert (code, out) == (2, "")
    assert err.startswith("termguard: error: b.json:1: baseline is not valid JSON") and err.count("\n") == 1
    code, out, err = run("--baseline", "missing.json")
    assert (code, out, err) == (2, "", "termguard: error: missing.json: baseline file not found; create it with --write-baseline\n")


def test_per_file_ignores_and_exclude_with_jobs(project):
    (project / "termguard.toml").write_text(
        'select = ["forbidden-term"]\nexclude = ["*.txt"]\n[per-file-ignores]\n"seeds/*" = ["TG101"]\n', encoding="utf-8"
    )
    (project / "seeds" / "notes.txt").write_text("Triumph.\n", encoding="utf-8")
    for jobs in ("1", "2"):
        code, out, err = run("--jobs", jobs)
        assert (code, err) == (1, "")
        assert out.splitlines()[0].startswith("translations/ru.po:8:26: TG101") and "2 files" in out


def test_configured_sources_must_exist(project):
    (project / "termguard.toml").write_text('sources = ["sources/ru"]\n', encoding="utf-8")
    code, out, err = run(*SELECT)
    assert (code, out) == (2, "")
    # The error names the configuration file, the line and the key, not just the path.
    assert err.startswith("termguard: error: termguard.toml:1: key 'sources' names 'sources/ru', which does not exist")
    assert err.count("\n") == 1
    (project / "sources" / "ru").mkdir(parents=True)
    (project / "sources" / "ru" / "a.md").write_text("Комплекс «Триумф».\n", encoding="utf-8")
    assert run(*SELECT)[0] == 1


def test_cli_offers_every_reporter():
    from termguard.cli.check import FORMAT_NAMES
    from termguard.reporters import FORMATS

    assert list(FORMATS) == FORMAT_NAMES


def test_sarif_with_a_baseline_marks_results_new_and_has_no_local_path(project):
    assert run(*SELECT, "--write-baseline", "base.json")[0] == 0
    with open(project / "seeds" / "doc.md", "a", encoding="utf-8") as f:
        f.write("\nA second Triumph here.\n")
    code, out, _ = run(*SELECT, "--baseline", "base.json", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    results = log["runs"][0]["results"]
    assert len(results) == 1 and results[0]["baselineState"] == "new"
    assert str(project) not in out and "file://" not in out
    _, out, _ = run(*SELECT, "--format", "sarif")
    assert all("baselineState" not in r for r in json.loads(out)["runs"][0]["results"])
