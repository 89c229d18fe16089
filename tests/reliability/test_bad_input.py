"""Bad input gives one error line with exit code 2 (or a finding), never a traceback, a
file read outside the project, a destroyed input or a silent pass.

Every fixture is written here; each test names the class of defect it guards against.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from termguard.cli import main

DOC = "# Notes\n\nThe first sentence is here. The second one follows it.\n"
HEADER = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def one_error(result, *needles: str) -> str:
    """The run failed with exit 2 and one `termguard: error:` line holding every needle."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("termguard: error:")]
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (termguard.toml) with a source document and its translation."""
    (tmp_path / "termguard.toml").write_text("", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "doc.en.md").write_text(DOC, encoding="utf-8")
    (tmp_path / "translations").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run("segment", "seeds/doc.en.md", "-o", "translations/doc.pot")
    assert result.exit_code == 0, result.output
    pot = (tmp_path / "translations" / "doc.pot").read_text(encoding="utf-8")
    po = pot.replace('"Content-Type', '"Language: ru\\n"\n"Content-Type', 1)
    (tmp_path / "translations" / "ru.po").write_text(po, encoding="utf-8")
    return tmp_path


# --- build reads no file outside the project ---------------------------------------------------


def _po_citing(where: Path, ref: str) -> Path:
    po = where / "evil.ru.po"
    po.write_text(HEADER + f'#: {ref}:1\nmsgid "x"\nmsgstr "y"\n', encoding="utf-8")
    return po


@pytest.mark.parametrize("ref", ["/etc/passwd", "/proc/self/environ", "../../../../../../../../etc/hostname"])
def test_build_refuses_a_reference_outside_the_project(project, ref):
    po = _po_citing(project / "translations", ref)
    result = run("build", str(po), "-o", "out.md")
    one_error(result, "evil.ru.po:", "outside the project", "--source")
    assert not (project / "out.md").exists()


def test_build_refuses_a_symbolic_link_that_leads_out(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.md"
    outside.write_text("SECRET TOKEN\n", encoding="utf-8")
    (project / "seeds" / "link.md").symlink_to(outside)
    po = _po_citing(project / "translations", "seeds/link.md")
    result = run("build", str(po))
    one_error(result, "outside the project")
    assert "SECRET" not in result.output


def test_build_follows_references_inside_the_project_and_any_named_source(project):
    result = run("build", "translations/ru.po")
    assert result.exit_code == 0 and "The first sentence" in result.output
    po = _po_citing(project / "translations", "/etc/passwd")
    named = run("build", str(po), "--source", "seeds/doc.en.md")
    assert named.exit_code == 0, named.output


# --- an output that is an input is refused -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "victim"),
    [
        (["build", "translations/ru.po", "-o", "translations/ru.po"], "translations/ru.po"),
        (["build", "translations/ru.po", "-o", "./seeds/../seeds/doc.en.md"], "seeds/doc.en.md"),
        (["segment", "seeds/doc.en.md", "-o", "seeds/doc.en.md"], "seeds/doc.en.md"),
        (["check", "translations/ru.po", "-o", "translations/ru.po"], "translations/ru.po"),
        (["check", "translations", "-o", "translations/ru.po"], "translations/ru.po"),
        (["check", "translations/ru.po", "--write-baseline", "translations/ru.po"], "translations/ru.po"),
        (["glossary", "import", "g.csv", "--glossary-langs", "en:ru", "-o", "g.csv"], "g.csv"),
        (["glossary", "export", "--format", "csv", "--glossary", "g.csv", "--glossary-langs", "en:ru", "-o", "g.csv"], "g.csv"),
    ],
)
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(project, args, victim):
    (project / "g.csv").write_text("source,target,forbidden,note\nTriumf,Триумф,,\n", encoding="utf-8")
    before = (project / victim).read_bytes()
    one_error(run(*args), "input")
    assert (project / victim).read_bytes() == before


def test_an_output_reached_through_a_link_is_the_same_file(project):
    os.link(project / "translations" / "ru.po", project / "hard.po")
    (project / "soft.po").symlink_to(project / "translations" / "ru.po")
    before = (project / "translations" / "ru.po").read_bytes()
    for out in ("hard.po", "soft.po"):
        one_error(run("build", "translations/ru.po", "-o", out), "also an input")
    assert (project / "translations" / "ru.po").read_bytes() == before


def test_a_report_beside_the_inputs_is_fine(project):
    assert run("check", "translations", "--format", "json", "-o", "translations/report.json").exit_code in (0, 1)


# --- YAML glossaries: tags and merge keys ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("- !x\n", 1, "'!x'"),
        ("- id: a\n  en: [A]\n  ru: !x [B]\n", 3, "'!x'"),
        ("- id: a\n  <<: {en: [A]}\n", 2, "merge keys"),
        ("- !!python/name:os.system\n", 1, "python/name:os.system"),
        ("- id: a\n  en: !!python/object/new:os.system [\"touch pwned\"]\n", 2, "python/object/new"),
        ("- !i +:", 1, "'!i'"),
        ("- id: a\n  en: !!set {A: null}\n", 2, "'set'"),
        ("- id: a\n  en: [!!binary aGVsbG8=]\n", 2, "'binary'"),
    ],
)
def test_yaml_tags_and_merge_keys_are_refused_at_their_line(project, text, line, needle):
    (project / "g.yaml").write_text(text, encoding="utf-8")
    one_error(run("glossary", "lint", "--glossary", "g.yaml"), f"g.yaml:{line}:", needle)
    one_error(run("check", "--glossary", "g.yaml", "seeds"), f"g.yaml:{line}:", needle)
    assert not (project / "pwned").exists()


def test_an_alias_bomb_is_checked_once_per_node(project):
    lines = ["- id: a", "  en: &a0 [A]"]
    for i in range(1, 40):
        lines.append(f"  x{i}: &a{i} [*a{i-1}, *a{i-1}]")
    (project / "g.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("glossary", "lint", "--glossary", "g.yaml")
    assert result.exit_code in (1, 2) and "Traceback" not in result.output


# --- garbage that was accepted -----------------------------------------------------------------


def test_a_duplicate_message_is_refused_naming_both_lines(project):
    entry = 'msgctxt "s-1"\nmsgid "Hello world."\nmsgstr "{}"\n\n'
    (project / "dup.ru.po").write_text(HEADER + entry.format("Привет") + entry.format("Здравствуй"), encoding="utf-8")
    for args in (["check", "dup.ru.po"], ["stats", "dup.ru.po"], ["build", "dup.ru.po", "--source", "seeds/doc.en.md"]):
        one_error(run(*args), "dup.ru.po:10:", "duplicate message definition", "line 6")


def test_the_same_msgid_in_two_contexts_is_no_duplicate(project):
    text = HEADER + 'msgctxt "a"\nmsgid "Hi."\nmsgstr "Привет."\n\nmsgctxt "b"\nmsgid "Hi."\nmsgstr "Привет."\n'
    (project / "two.ru.po").write_text(text, encoding="utf-8")
    assert run("stats", "two.ru.po").exit_code == 0


@pytest.mark.parametrize("name", ["nul.ru.po", "nul.en.md", "nul.ru.xlf"])
def test_a_nul_byte_is_refused_at_its_line(project, name):
    body = {
        ".po": HEADER + 'msgid "x"\nmsgstr "a\x00b"\n',
        ".md": "# T\n\nText \x00 here.\n",
        ".xlf": '<?xml version="1.0"?>\n<xliff version="1.2">\x00</xliff>\n',
    }[Path(name).suffix]
    (project / name).write_bytes(body.encode("utf-8"))
    one_error(run("check", name), name, "NUL")


def test_an_empty_xliff_file_in_stats_is_an_error(project):
    (project / "empty.ru.xlf").write_bytes(b"")
    one_error(run("stats", "empty.ru.xlf"), "empty.ru.xlf", "not an XLIFF file")


@pytest.mark.parametrize("suffix", [".tbx", ".tmx"])
def test_an_external_dtd_in_tbx_or_tmx_is_refused(project, suffix):
    body = {
        ".tbx": '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
                '<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>hello</term></termSec></langSec>'
                '<langSec xml:lang="ru"><termSec><term>привет</term></termSec></langSec></conceptEntry></body></text></tbx>',
        ".tmx": '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                'o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="en"><seg>hello</seg>'
                '</tuv><tuv xml:lang="ru"><seg>привет</seg></tuv></tu></body></tmx>',
    }[suffix]
    root = body[1:4]
    for system in ("http://127.0.0.1:9/evil.dtd", "file:///etc/passwd", "../x.dtd"):
        path = project / f"ext{suffix}"
        path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE {root} SYSTEM "{system}">\n{body}\n', encoding="utf-8")
        if suffix == ".tbx":
            one_error(run("glossary", "import", path.name), "external DTD", f"{path.name}:2")
            one_error(run("glossary", "lint", "--glossary", path.name), "external DTD")
            one_error(run("check", "--glossary", path.name, "seeds"), "external DTD")
        else:
            one_error(run("check", path.name), "external DTD", f"{path.name}:2")
    # A standard DTD named by a bare file name (as TBX v2 and TMX tools write it) is fine.
    path = project / f"std{suffix}"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE {root} SYSTEM "{root}14.dtd">\n{body}\n', encoding="utf-8")
    result = run("glossary", "import", path.name) if suffix == ".tbx" else run("check", path.name)
    assert result.exit_code in (0, 1), result.output


def test_a_directory_named_like_a_file_is_no_silent_pass(project):
    (project / "x.po").mkdir()
    one_error(run("check", "x.po"), "x.po", "is a directory")
    (project / "empty").mkdir()
    one_error(run("check", "empty"), "empty", "no file to check")


@pytest.mark.parametrize("args", [["check", "--lang", "zz-NOPE", "translations/ru.po"],
                                  ["segment", "--lang", "xx_YY", "seeds/doc.en.md"],
                                  ["build", "translations/ru.po", "--lang", "nope"],
                                  ["update", "translations/doc.pot", "translations/ru.po", "--lang", "q1"]])
def test_an_unknown_language_is_refused(project, args):
    one_error(run(*args), "unknown language")


@pytest.mark.parametrize(("key", "value"), [("glossary", '"glosary"'), ("sources", '["sources/rus"]')])
def test_a_missing_configured_path_names_the_file_and_key(project, key, value):
    (project / "termguard.toml").unlink()
    (project / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.termguard]\n{key} = {value}\n", encoding="utf-8")
    one_error(run("check", "seeds"), "pyproject.toml:5:", f"key '{key}'", "does not exist")


# --- no silent pass without a glossary ---------------------------------------------------------


def test_no_glossary_says_what_was_tried_and_that_term_rules_did_not_run(project):
    result = CliRunner().invoke(main, ["check", "translations/ru.po"])
    assert result.exit_code == 0
    assert "no glossary found (tried " in result.output and str(project / "glossary") in result.output
    assert "term rules" in result.output and "missing-term" in result.output and "did not run" in result.output
    quiet = run("check", "-q", "translations/ru.po")
    assert "no glossary" not in quiet.output


@pytest.mark.parametrize("select", ["missing-term", "TG101", "forbidden-term,fuzzy"])
def test_a_term_rule_selected_without_a_glossary_is_an_error(project, select):
    one_error(run("check", "--select", select, "translations/ru.po"), "no glossary was found")


def test_a_glossary_makes_the_note_go_away(project):
    (project / "glossary").mkdir()
    (project / "glossary" / "t.yaml").write_text("- id: sentence\n  en: [sentence]\n  ru: [предложение]\n", encoding="utf-8")
    result = run("check", "--select", "missing-term", "translations/ru.po")
    assert result.exit_code in (0, 1) and "no glossary" not in result.output


# --- crashes: one line, exit 2; the traceback on request ---------------------------------------


def _boom(*_args, **_kwargs):
    raise RuntimeError("kaboom")


def test_an_unexpected_exception_is_one_line_exit_2(project, monkeypatch):
    monkeypatch.setattr("termguard.workflow.stats.collect", _boom)
    result = run("stats", "translations/ru.po")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "internal error" in lines[0] and "bug" in lines[0] and "kaboom" in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("args", "env"), [(["--debug"], {}), ([], {"TERMGUARD_DEBUG": "1"})])
def test_debug_shows_the_traceback(project, monkeypatch, args, env):
    monkeypatch.setattr("termguard.workflow.stats.collect", _boom)
    result = run(*args, "stats", "translations/ru.po", env=env)
    assert result.exit_code == 2 and "Traceback" in result.output and "kaboom" in result.output


def test_a_closed_pipe_ends_quietly(project):
    import subprocess
    import sys

    big = project / "big.md"
    big.write_text("\n\n".join(f"Sentence number {i} is here." for i in range(40000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "termguard", "segment", str(big), "--format", "text"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the first line (`termguard ... | head -0`)
    err = proc.stderr.read()
    assert proc.wait() == 141
    assert err == b""
