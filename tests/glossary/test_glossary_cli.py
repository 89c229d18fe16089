"""`termguard glossary ...` end to end: lint, show, find, import, export, candidates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termguard.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "glossary"
GLOSSARY = str(ROOT / "glossary")
SEED = str(ROOT / "seeds" / "triumf-commentary.en.md")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_lint_project_glossary_is_clean():
    result = run("glossary", "lint", GLOSSARY)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("No problems found in 6 files")


def test_lint_broken_glossary_text_and_json():
    result = run("glossary", "lint", str(FIXTURES / "broken.yaml"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(":2:7: TG501 [glossary-schema]" in line for line in lines)
    assert any(":10:1: TG502 [glossary-duplicate]" in line for line in lines)
    assert any("TG503" in line for line in lines) and any("TG504" in line for line in lines)
    assert any("TG505" in line for line in lines)
    doc = json.loads(run("glossary", "lint", str(FIXTURES / "broken.yaml"), "--format", "json").output)
    codes = {f["code"] for f in doc["findings"]}
    assert codes == {"TG501", "TG502", "TG503", "TG504", "TG505"}
    assert doc["summary"]["error"] >= 10


def test_lint_warnings_only_exit_zero_unless_strict(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_text("# entries to come\n", encoding="utf-8")  # an empty glossary file: a warning
    assert run("glossary", "lint", str(g)).exit_code == 0
    assert run("glossary", "lint", str(g), "--strict").exit_code == 1


@pytest.mark.parametrize("name", ["bomb.tbx", "malformed.tbx", "latin1.tbx", "empty.tbx", "unclosed.csv"])
def test_lint_unreadable_is_exit_2_one_line(name):
    result = run("glossary", "lint", str(FIXTURES / name))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith("termguard: error: ") and name in result.output


def test_lint_invalid_yaml_is_a_finding_at_line_and_column_and_the_other_files_are_linted(tmp_path):
    g = tmp_path / "g.yaml"
    g.write_text("- id: kyiv\n  en: [Kyiv\n- id: x\n  en: [X]\n", encoding="utf-8")
    (tmp_path / "other.yaml").write_text("- id: a\n  en: [A, {text: A, status: forbidden}]\n", encoding="utf-8")
    result = run("glossary", "lint", str(tmp_path))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    broken = [line for line in lines if line.startswith(f"{g}:")]
    assert len(broken) == 1
    # Where the parser stopped (line 3, column 5), its reason, and where the list opened.
    assert broken[0].startswith(f"{g}:3:5: TG501 [glossary-schema] invalid YAML: ")
    assert "did not find expected ',' or ']'" in broken[0] and "started at line 2, column 7" in broken[0]
    # The other file is still linted.
    assert any("other.yaml:2:" in line and "TG503" in line for line in lines)
    # `check` cannot run on a broken glossary: one line naming file and line, exit 2.
    checked = run("check", "--glossary", str(g), str(tmp_path / "none.md"))
    assert checked.exit_code == 2 and "g.yaml:3: invalid YAML" in checked.output


def test_show_by_id_form_and_origin():
    result = run("glossary", "show", "--glossary", GLOSSARY, "Kiev")
    assert result.exit_code == 0
    assert result.output.startswith("kyiv  (place)") and "Kiev [superseded]" in result.output
    assert "kyiv" in run("glossary", "show", "--glossary", GLOSSARY, "Киев").output
    data = json.loads(run("glossary", "show", "--glossary", GLOSSARY, "triumf", "--format", "json").output)
    assert data[0]["origin"] == {"lang": "ru", "text": "Триумф"}
    missing = run("glossary", "show", "--glossary", GLOSSARY, "no-such-thing-at-all")
    assert missing.exit_code == 1


def test_show_says_when_there_is_no_exact_match():
    exact = run("glossary", "show", "--glossary", GLOSSARY, "Kyiv")
    assert "no exact match" not in exact.output
    partial = run("glossary", "show", "--glossary", GLOSSARY, "ng")
    assert partial.exit_code == 0
    first, rest = partial.output.split("\n", 1)
    assert first.startswith("no exact match for 'ng'; ") and first.endswith("contain it:")
    assert "washington  (place)" in rest
    as_json = run("glossary", "show", "--glossary", GLOSSARY, "ng", "--format", "json")
    assert as_json.stderr.startswith("no exact match for 'ng'")
    assert {e["id"] for e in json.loads(as_json.stdout)} >= {"washington", "beijing"}


def test_find_prints_line_and_column_and_a_nested_match_once():
    text = "Donald Trump met\nRecep Tayyip Erdogan on the *S-400 Triumph*.\n"
    result = run("glossary", "find", "--glossary", GLOSSARY, text)
    lines = result.output.splitlines()
    assert lines[0] == "1:1: Donald Trump  trump (admitted: Donald Trump)"
    assert lines[1] == "2:1: Recep Tayyip Erdogan  erdogan (admitted: Recep Tayyip Erdogan)"
    assert "2:30: S-400  s-400 (preferred: S-400)" in lines
    assert "2:36: Triumph  triumf (forbidden: Triumph) → Triumf" in lines
    # "Trump" and "Erdogan" inside the longer forms of their own entries are not listed again.
    assert len(lines) == 4
    rows = json.loads(run("glossary", "find", "--glossary", GLOSSARY, "--format", "json", text).output)
    assert [(r["line"], r["column"], r["end_column"]) for r in rows][:2] == [(1, 1, 13), (2, 1, 21)]
    assert [r["found"] for r in rows] == ["Donald Trump", "Recep Tayyip Erdogan", "S-400", "Triumph"]


def test_find_terms_in_text_with_markup():
    result = run("glossary", "find", "--glossary", GLOSSARY, "the *S-400 “Triumph”* systems in Kyiv")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any("Triumph  triumf (forbidden: Triumph) → Triumf" in line for line in lines)
    assert any("s-400" in line for line in lines) and any("kyiv" in line for line in lines)
    data = json.loads(run("glossary", "find", "--glossary", GLOSSARY, "--lang", "ru", "--format", "json", "С-400 «Триумф»").output)
    assert {d["term"] for d in data} == {"s-400", "triumf"}


def test_import_tbx_to_yaml_and_lint_it(tmp_path):
    out = tmp_path / "imported.yaml"
    result = run("glossary", "import", str(FIXTURES / "sample_v3.tbx"), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "- id: kyiv" in text and "{text: Kiev, status: superseded" in text
    assert run("glossary", "lint", str(out)).exit_code == 0


def test_import_csv_needs_languages(tmp_path):
    result = run("glossary", "import", str(FIXTURES / "sample.csv"))
    assert result.exit_code == 2 and "--glossary-langs" in result.output
    result = run("glossary", "import", str(FIXTURES / "sample.csv"), "--glossary-langs", "en:ru")
    assert result.exit_code == 0 and "  ru: [Триумф, {text: Триумпф, status: forbidden}" in result.output


def test_export_tbx_then_check_finds_the_same(tmp_path):
    exported = tmp_path / "exported.tbx"
    assert run("glossary", "export", "--glossary", GLOSSARY, "--format", "tbx", "-o", str(exported)).exit_code == 0
    a = run("check", "--glossary", GLOSSARY, "--format", "json", "--select", "forbidden-term", SEED)
    b = run("check", "--glossary", str(exported), "--format", "json", "--select", "forbidden-term", SEED)
    assert a.exit_code == b.exit_code == 1
    assert json.loads(a.output)["findings"] == json.loads(b.output)["findings"]


def test_export_csv_needs_a_pair_when_several_targets():
    result = run("glossary", "export", "--glossary", GLOSSARY, "--format", "csv")
    assert result.exit_code == 2 and "--glossary-langs" in result.output
    result = run("glossary", "export", "--glossary", GLOSSARY, "--format", "csv", "--glossary-langs", "en:tr")
    assert result.exit_code == 0 and result.output.splitlines()[0] == "source,target,forbidden,note"
    assert any(line.startswith("Erdogan|") and ",Erdoğan|" in line for line in result.output.splitlines())


def test_check_accepts_glossary_langs(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "Triumf"\nmsgstr "Триумпф"\n', encoding="utf-8")
    csv = str(FIXTURES / "sample.csv")
    hit = run("check", "--glossary", csv, "--select", "forbidden-term", str(po))
    assert hit.exit_code == 1 and "Триумпф" in hit.output
    miss = run("check", "--glossary", csv, "--glossary-langs", "en:tr", "--select", "forbidden-term", str(po))
    assert miss.exit_code == 0
    bad = run("check", "--glossary", csv, "--glossary-langs", "english", str(po))
    assert bad.exit_code == 2 and "SOURCE:TARGET" in bad.output


def test_candidates_on_the_seed():
    result = run("glossary", "candidates", "--glossary", str(FIXTURES / "sample_v2.tbx"), SEED, "--format", "json")
    assert result.exit_code == 0
    found = {(c["text"], c["kind"]): c for c in json.loads(result.output)}
    assert ("NATO", "acronym") in found and found[("NATO", "acronym")]["count"] >= 10
    assert ("Lockheed Martin", "name") in found
    assert ("Ермаков", "russian-name") in found and ("Стародубцев", "russian-name") in found
    assert ("Bloomberg", "name") not in found and not any(text == "Bloomberg" for text, _ in found)  # in the glossary
    counts = [c["count"] for c in json.loads(result.output)]
    assert counts == sorted(counts, reverse=True)
    first = json.loads(result.output)[0]
    assert first["line"] >= 1 and first["context"]


def test_candidates_against_the_project_glossary_are_few():
    result = run("glossary", "candidates", "--glossary", GLOSSARY, SEED, "--format", "json")
    texts = {c["text"] for c in json.loads(result.output)}
    for known in ("NATO", "Lockheed Martin", "Ермаков", "HQ-9", "SSB", "Tom Barrack", "Институт Ближнего Востока"):
        assert known not in texts


def test_export_a_csv_glossary_needs_its_languages(tmp_path):
    csv = str(FIXTURES / "sample.csv")
    assert run("glossary", "export", "--glossary", csv, "--format", "tbx").exit_code == 2
    result = run("glossary", "export", "--glossary", csv, "--glossary-langs", "en:ru", "--format", "tbx")
    assert result.exit_code == 0 and '<langSec xml:lang="ru">' in result.output


def test_a_glossary_directory_merges_yaml_tbx_and_csv(tmp_path):
    gdir = tmp_path / "glossary"
    gdir.mkdir()
    (gdir / "systems.yaml").write_text(
        "- id: triumf\n  kind: name\n  en: [Triumf, {text: Triumph, status: forbidden}]\n  ru: [Триумф]\n", encoding="utf-8")
    # A client's TBX beside it: exported from a YAML of its own, then read back with the rest.
    client = tmp_path / "client.yaml"
    client.write_text("- id: kaan\n  kind: name\n  en: [KAAN, {text: Kaan, status: forbidden}]\n  ru: [KAAN]\n",
                      encoding="utf-8")
    exported = run("glossary", "export", "--glossary", str(client), "--format", "tbx", "-o", str(gdir / "client.tbx"))
    assert exported.exit_code == 0, exported.output
    (gdir / "terms.csv").write_text("source,target,forbidden,note\nSMO,СВО,ССО,\n", encoding="utf-8")
    (gdir / ".hidden.yaml").write_text("not: [a, glossary\n", encoding="utf-8")
    shown = run("glossary", "show", "kaan", "--glossary", str(gdir))
    assert shown.exit_code == 0 and "KAAN" in shown.output
    po = tmp_path / "ru.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "Triumph, Kaan and SMO"\nmsgstr "«Триумф», KAAN и ССО"\n',
                  encoding="utf-8")
    checked = run("check", str(po), "--glossary", str(gdir), "--isolated", "--format", "json", "--exit-zero",
                  "--select", "forbidden-term")
    found = {f["found"] for f in json.loads(checked.output)["findings"]}
    assert found == {"ССО"}  # the CSV's forbidden form; the msgid is checked in its own document
    source = tmp_path / "doc.md"
    source.write_text("Triumph and Kaan.\n", encoding="utf-8")
    checked = run("check", str(source), "--glossary", str(gdir), "--isolated", "--format", "json", "--exit-zero",
                  "--select", "forbidden-term")
    assert {f["found"] for f in json.loads(checked.output)["findings"]} == {"Triumph", "Kaan"}
    # The same entry in two files of the directory is a duplicate the lint reports.
    (gdir / "copy.tbx").write_bytes((gdir / "client.tbx").read_bytes())
    linted = run("glossary", "lint", str(gdir))
    assert linted.exit_code == 1 and "glossary-duplicate" in linted.output


def test_find_and_show_read_a_run_of_white_space_as_one_space():
    text = "at the White  house, then the White\nHouse and the\u00a0\u202fUkraine\n"
    result = run("glossary", "find", "--glossary", GLOSSARY, text)
    lines = result.output.splitlines()
    assert "1:8: White house  white-house (forbidden: White house) → White House" in lines
    assert "1:31: White House  white-house (preferred: White House)" in lines
    assert any(line.startswith("2:11: the Ukraine  ukraine (forbidden") for line in lines)
    rows = json.loads(run("glossary", "find", "--glossary", GLOSSARY, "--format", "json", text).output)
    spans = {(r["found"], r["line"], r["column"], r["end_line"], r["end_column"]) for r in rows}
    assert {("White  house", 1, 8, 1, 20), ("White\nHouse", 1, 31, 2, 6)} <= spans
    for args in (("White  house",), ("white\n\thouse",), ("White\u00a0House",)):
        shown = run("glossary", "show", "--glossary", GLOSSARY, *args)
        assert shown.exit_code == 0 and shown.output.startswith("white-house  (organization)")
