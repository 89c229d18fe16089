"""Glossary exchange: CSV and TBX (v2 and v3) round trips stay lint-clean, losses are named,
v3 output validates against the TBX-Basic schema, v2 output is read by translate-toolkit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from termguard.cli import main
from termguard.glossary import read_glossary
from termguard.glossary_lint import lint

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = str(ROOT / "glossary")
RNG = ROOT / "tests" / "fixtures" / "tbx" / "tbx-basic-v3-dca.rng"

# Everything a format may fail to carry: case-only pairs inside one entry and across two,
# a form listed twice with different flags, English forbidden and superseded forms, a third
# language, notes, origins, tests, an id that starts with a digit, a form with a `|`.
HOSTILE = """\
- id: kaan
  kind: name
  case_sensitive: true
  en: [KAAN, {text: Kaan, status: forbidden, note: capitals}]
  ru: [KAAN, {text: Kaan, status: forbidden, note: "в прописных"}]
  tr: [KAAN]
- id: us
  kind: acronym
  en: [US]
  ru: [США]
- id: us-pronoun
  kind: term
  case_sensitive: true
  en: [us]
  ru: [нас]
- id: akkuyu-npp
  kind: place
  origin: {lang: ru, text: Аккую}
  en: [Akkuyu NPP, {text: Akkuyu plant, status: superseded}]
  ru: [{text: АЭС «Аккую», indeclinable: true}, {text: АЭС «Аккую», exact: true, status: admitted}]
  tests:
    - {lang: ru, ok: "строительство АЭС «Аккую»"}
- id: 5th-generation-fighter
  en: [fifth-generation fighter, {text: 5th generation fighter, status: admitted}]
  ru: [истребитель пятого поколения]
- id: either-or
  en: [either, {text: either|or, status: admitted}]
  ru: [либо]
- id: source-only
  en: [{text: Triumph, status: forbidden}]
  ru: [Триумф]
"""


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _lint_findings(path: Path) -> list[str]:
    glossary, problems = read_glossary(path)
    return [f"{f.line}: {f.code} {f.message}" for f in lint(glossary, problems)]


@pytest.fixture
def hostile(tmp_path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    assert _lint_findings(path) == []
    return path


@pytest.mark.parametrize("glossary", ["project", "hostile"])
@pytest.mark.parametrize("lang", ["ru", "tr"])
def test_csv_round_trip_is_lint_clean(tmp_path, hostile, glossary, lang):
    source = GLOSSARY if glossary == "project" else str(hostile)
    exported = run("glossary", "export", "--format", "csv", "--glossary", source, "--glossary-langs", f"en:{lang}",
                   "-o", str(tmp_path / "g.csv"))
    assert exported.exit_code == 0, exported.output
    imported = run("glossary", "import", str(tmp_path / "g.csv"), "--glossary-langs", f"en:{lang}",
                   "-o", str(tmp_path / "back.yaml"))
    assert imported.exit_code == 0, imported.output
    assert _lint_findings(tmp_path / "back.yaml") == []
    assert run("glossary", "lint", str(tmp_path / "back.yaml")).exit_code == 0


def test_csv_export_names_what_it_cannot_carry(tmp_path, hostile):
    result = run("glossary", "export", "--format", "csv", "--glossary", str(hostile), "--glossary-langs", "en:ru")
    assert result.exit_code == 0
    err = result.stderr
    assert all(line.startswith("termguard: warning: CSV cannot carry this: ") for line in err.splitlines())
    # English forbidden and superseded forms: named with their entries.
    assert "“Kaan” ('kaan')" in err and "“Akkuyu plant” ('akkuyu-npp')" in err
    assert "left out: tr" in err
    assert "entry without an approved en form left out: source-only" in err
    assert "ru “АЭС «Аккую»” ('akkuyu-npp')" in err  # two settings, one CSV form
    assert "“either|or” ('either-or')" in err
    for what in ("kind", "origin", "tests", "case_sensitive", "exact", "indeclinable", "rendering notes"):
        assert f"no column for {what} (" in err, what
    assert "entry ids are not carried" in err
    # The CSV itself parses and holds each form once.
    assert result.stdout.count("АЭС «Аккую»") == 1


def test_csv_import_reads_case_only_pairs_as_case_sensitive(tmp_path):
    csv_file = tmp_path / "g.csv"
    csv_file.write_text("source,target,forbidden\nKAAN,KAAN,Kaan\nUS,США,\nus,нас,\nair defense,ПВО,\n", encoding="utf-8")
    from termguard.glossary import read_entries

    entries, _ = read_entries(csv_file, ("en", "ru"))
    by_id = {e.id: e for e in entries}
    assert [r.case_sensitive for r in by_id["kaan"].renderings["ru"]] == [True, True]
    assert by_id["us"].renderings["en"][0].case_sensitive is True
    assert by_id["us-2"].renderings["en"][0].case_sensitive is True
    assert by_id["air-defense"].renderings["en"][0].case_sensitive is None  # nothing to tell apart


@pytest.mark.parametrize("version", ["2", "3"])
@pytest.mark.parametrize("glossary", ["project", "hostile"])
def test_tbx_round_trip_is_lint_clean_and_lossless(tmp_path, hostile, version, glossary):
    source = GLOSSARY if glossary == "project" else str(hostile)
    tbx = tmp_path / "g.tbx"
    exported = run("glossary", "export", "--format", "tbx", "--tbx-version", version, "--glossary", source, "-o", str(tbx))
    assert (exported.exit_code, exported.stderr) == (0, "")
    imported = run("glossary", "import", str(tbx), "-o", str(tmp_path / "back.yaml"))
    assert imported.exit_code == 0, imported.output
    assert "warning" not in imported.stderr
    assert _lint_findings(tmp_path / "back.yaml") == []
    before, _ = read_glossary(source)
    after, _ = read_glossary(tmp_path / "back.yaml")

    def strip(g):
        return [(e.id, e.kind, e.note, e.origin, e.dnt, e.case_sensitive,
                 {lang: [(r.text, r.status, r.note, r.case_sensitive, r.exact, r.indeclinable) for r in forms]
                  for lang, forms in e.renderings.items()},
                 [(t.lang, t.text, t.expect_ok) for t in e.tests]) for e in g]

    assert strip(after) == strip(before)


def test_tbx_v3_carries_the_schema_pointers_and_validates_against_tbx_basic(tmp_path, hostile):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    for source in (GLOSSARY, str(hostile)):
        text = run("glossary", "export", "--format", "tbx", "--glossary", source).stdout
        head = text.split("<tbx ", 1)[0]
        assert 'schematypens="http://relaxng.org/ns/structure/1.0"' in head
        assert 'schematypens="http://purl.oclc.org/dsdl/schematron"' in head
        doc = etree.fromstring(text.encode("utf-8"))
        assert schema.validate(doc), schema.error_log.last_error


def test_the_tbx_basic_schema_has_teeth(tmp_path):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.RelaxNG(etree.parse(str(RNG)))
    good = run("glossary", "export", "--format", "tbx", "--glossary", GLOSSARY).stdout
    assert schema.validate(etree.fromstring(good.encode()))
    broken = [
        good.replace("preferredTerm-admn-sts", "preferred", 1),          # not a TBX-Basic status
        good.replace("<langSec", "<langSet", 1).replace("</langSec>", "</langSet>", 1),  # a v2 name in v3
        good.replace('style="dca"', 'style="dct"', 1),
        good.replace("<term>NATO</term>", "", 1),                          # a termSec without a term
        good.replace('<conceptEntry id="nato">', '<conceptEntry id="1nato">', 1),  # not an XML id
    ]
    for text in broken:
        assert text != good
        assert not schema.validate(etree.fromstring(text.encode()))


def test_tbx_v2_is_martif_with_tbx_basic_categories(tmp_path):
    from xml.etree import ElementTree

    text = run("glossary", "export", "--format", "tbx", "--tbx-version", "2", "--glossary", GLOSSARY).stdout
    root = ElementTree.fromstring(text.encode("utf-8"))
    assert root.tag == "martif" and root.get("type") == "TBX-Basic"
    assert root.find("martifHeader/fileDesc/sourceDesc") is not None
    entries = root.findall("text/body/termEntry")
    assert len(entries) == 83
    tigs = root.findall("text/body/termEntry/langSet/tig")
    assert tigs and all(t.find("term") is not None for t in tigs)
    statuses = {n.text for n in root.iter("termNote") if n.get("type") == "administrativeStatus"}
    assert statuses <= {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"}
    assert "deprecatedTerm-admn-sts" in statuses


def test_tbx_v2_is_read_by_translate_toolkit(tmp_path):
    tbx = pytest.importorskip("translate.storage.tbx")
    path = tmp_path / "g.tbx"
    assert run("glossary", "export", "--format", "tbx", "--tbx-version", "2", "--glossary", GLOSSARY, "-o", str(path)).exit_code == 0
    store = tbx.tbxfile.parsefile(str(path))
    units = {u.getid(): u for u in store.units}
    assert len(units) == 83
    assert units["triumf"].source == "Triumf" and units["nato"].source == "NATO"
    assert units["nato"].target == "НАТО"  # the first language section after English
