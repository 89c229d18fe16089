"""`termguard segment`: POT, JSON, text and XLIFF output, SRX options, one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from defusedxml import ElementTree

from termguard.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "triumf-commentary.en.md"
FIXTURES = ROOT / "tests" / "fixtures" / "segment"


@pytest.fixture()
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    return tmp_path


def _run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_pot_output(workdir):
    result = _run("segment", "seeds/triumf-commentary.en.md", "-o", "commentary.pot")
    assert result.exit_code == 0, result.output
    pot = polib.pofile(str(workdir / "commentary.pot"))
    assert len(pot) == 99
    first = pot[0]
    assert first.msgctxt.startswith("h-") and first.msgid == "**“Triumf” in Turkish-Russian relations**"
    assert first.occurrences == [("seeds/triumf-commentary.en.md", "3")]
    assert first.comment == "heading"
    assert len({e.msgctxt for e in pot}) == 99
    raw = (workdir / "commentary.pot").read_text(encoding="utf-8")
    assert "#. footnote\n#: seeds/triumf-commentary.en.md:25\n" in raw


def test_json_output_shape(workdir):
    result = _run("segment", "seeds/triumf-commentary.en.md", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["source"] == "seeds/triumf-commentary.en.md" and doc["lang"] == "en"
    unit = doc["units"][0]
    assert set(unit) == {"id", "kind", "text", "spans", "line"}
    joined = [u for u in doc["units"] if len(u["spans"]) == 2]
    assert [u["line"] for u in joined] == [39, 53, 67]


def test_text_output_one_unit_per_line(workdir):
    result = _run("segment", "seeds/triumf-commentary.en.md", "--format", "text")
    lines = result.output.splitlines()
    assert len(lines) == 99
    assert "These conditions are of an unprecedentedly tough nature." in lines


def test_xliff_output_parses(workdir):
    result = _run("segment", "seeds/triumf-commentary.en.md", "-o", "out.xlf")
    assert result.exit_code == 0
    root = ElementTree.parse(str(workdir / "out.xlf")).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = root.findall(".//x:trans-unit", ns)
    assert len(units) == 99
    assert root.find("x:file", ns).get("source-language") == "en"
    assert units[1].find("x:source", ns).text == "**ARVAK Center comment, 11.02.2026<sup>1</sup>**"


def test_language_from_the_file_name_and_stdin(workdir):
    (workdir / "doc.ru.md").write_text("Мы были в г. Москва. Он ушёл.\n", encoding="utf-8")
    result = _run("segment", "doc.ru.md", "--format", "text")
    assert result.output.splitlines() == ["Мы были в г. Москва.", "Он ушёл."]
    result = _run("segment", "-", "--format", "json", "--lang", "tr", "--stdin-filename", "x.md", input="Prof. Dr. Ali geldi. Bu iyi.\n")
    doc = json.loads(result.output)
    assert doc["lang"] == "tr" and [u["text"] for u in doc["units"]] == ["Prof. Dr. Ali geldi.", "Bu iyi."]


def test_srx_option_and_export(workdir):
    result = _run("segment", "--export-srx", "-o", "rules.srx")
    assert result.exit_code == 0
    exported = _run("segment", "seeds/triumf-commentary.en.md", "--srx", "rules.srx", "--format", "text")
    assert exported.exit_code == 0
    assert len(exported.output.splitlines()) == 99
    custom = _run("segment", "seeds/triumf-commentary.en.md", "--srx", str(FIXTURES / "cascade.srx"), "--format", "text")
    assert custom.exit_code == 0 and "Moscow." in custom.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["segment", "missing.md"], "termguard: error: missing.md: no such file; check the path"),
        (["segment"], "termguard: error: no DOC given"),
        (["segment", "seeds/triumf-commentary.en.md", "--srx", "bad.srx"], "termguard: error: bad.srx:1: not well-formed XML"),
    ],
)
def test_errors_are_one_line_and_exit_2(workdir, args, expected):
    (workdir / "bad.srx").write_text("<srx", encoding="utf-8")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), result.output


def test_language_from_front_matter(workdir):
    (workdir / "doc.md").write_text("---\ntitle: x\nlang: ru\n---\nМы были в г. Москва. Он ушёл.\n", encoding="utf-8")
    doc = json.loads(_run("segment", "doc.md", "--format", "json").output)
    assert doc["lang"] == "ru"
    assert [u["text"] for u in doc["units"]] == ["Мы были в г. Москва.", "Он ушёл."]
