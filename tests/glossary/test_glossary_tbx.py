"""TBX import (v2 martif, v3 TBX-Basic), export (v3 TBX-Basic), safety, and the round trip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from termguard.errors import InputError
from termguard.glossary import read_glossary
from termguard.glossary.tbx import read_tbx, write_tbx
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary.yaml_writer import glossary_yaml

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "glossary"
# The shared TBX samples (GPL, not copied into the project) sit next to the checkout in CI.
SHARED_TBX = Path(os.environ.get("TERMGUARD_SHARED_TBX", ROOT.parent / "shared" / "bench" / "tbx"))


def _read(name: str):
    path = FIXTURES / name
    return read_tbx(path.read_bytes(), str(path))


def _norm(entry):
    """Everything TBX carries of an entry (positions excluded)."""
    return (
        entry.id, entry.kind, entry.note, entry.origin, entry.dnt, entry.case_sensitive,
        {lang: tuple((r.text, r.status, r.note, r.case_sensitive, r.exact, r.indeclinable) for r in forms)
         for lang, forms in entry.renderings.items()},
        tuple((t.lang, t.text, t.expect_ok) for t in entry.tests),
    )


def test_v3_tbx_basic_statuses_notes_and_lines():
    entries, problems = _read("sample_v3.tbx")
    kyiv, caatsa = entries
    assert kyiv.id == "kyiv" and kyiv.line == 9
    assert kyiv.note == "Capital of Ukraine."
    assert [(r.text, r.status, r.note, r.line) for r in kyiv.renderings["en"]] == [
        ("Kyiv", "preferred", None, 13), ("Kiev", "superseded", "Russian-based spelling.", 17)]
    assert caatsa.kind == "acronym"
    assert [(r.text, r.status) for r in caatsa.renderings["en"]] == [
        ("CAATSA", "preferred"), ("Caatsa", "forbidden"), ("Kaatsa", "forbidden")]
    assert [r.status for r in caatsa.renderings["tr_TR"]] == ["admitted"]
    assert [p.severity for p in problems] == ["info"]  # the id Kyiv → kyiv


def test_v2_martif_weblate_dnt_obsolete_ntig_and_doctype():
    entries, problems = _read("sample_v2.tbx")
    bloomberg, triumf = entries
    assert bloomberg.dnt is True
    assert bloomberg.renderings["en"][0].note == "An outlet name."
    assert triumf.note == "Use the transliteration."
    assert [(r.text, r.status) for r in triumf.renderings["en"]] == [("Triumf", "preferred"), ("Triumph", "forbidden")]
    assert [(r.text, r.status) for r in triumf.renderings["ru"]] == [("Триумф", "preferred"), ("Триумпф", "forbidden")]
    assert problems == []


@pytest.mark.parametrize("name,message,line", [
    ("bomb.tbx", "XML bomb", 3),
    ("external.tbx", "external", 3),
    ("malformed.tbx", "malformed XML", 4),
    ("latin1.tbx", "not valid UTF-8", 3),
    ("empty.tbx", "empty file", None),
    ("not_tbx.tbx", "not a TBX file", 1),
])
def test_unsafe_or_broken_files_are_one_clear_error(name, message, line):
    with pytest.raises(InputError) as info:
        _read(name)
    assert message in str(info.value)
    assert info.value.line == line
    assert "\n" not in str(info.value)


def test_declared_latin1_encoding_is_honoured():
    data = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<martif><text><body><termEntry id="a"><langSet xml:lang="de"><tig><term>Straße</term></tig></langSet></termEntry></body></text></martif>'.encode("latin-1")
    entries, _ = read_tbx(data, "x.tbx")
    assert entries[0].renderings["de"][0].text == "Straße"


def test_export_is_tbx_v3_basic():
    glossary, _ = read_glossary(FIXTURES / "sample_v2.tbx")
    text = write_tbx(glossary)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">' in text
    assert "<conceptEntry id=\"t2\">" in text and "deprecatedTerm-admn-sts" in text
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text.encode("utf-8"))
    ns = "{urn:iso:std:iso:30042:ed-2}"
    assert [e.get("id") for e in root.iter(f"{ns}conceptEntry")] == ["t1", "t2"]


def test_round_trip_of_the_project_glossary_loses_nothing():
    glossary, problems = read_glossary(ROOT / "glossary")
    assert problems == []
    tbx = write_tbx(glossary)
    back, tbx_problems = read_tbx(tbx.encode("utf-8"), "exported.tbx")
    assert tbx_problems == []
    assert [_norm(e) for e in back] == [_norm(e) for e in glossary]
    # ... and on to YAML, which reads back to the same entries again.
    again, yaml_problems = parse_yaml_glossary(glossary_yaml(back), "imported.yaml")
    assert yaml_problems == []
    assert [_norm(e) for e in again] == [_norm(e) for e in glossary]


def test_round_trip_keeps_tricky_text():
    text = ('- id: tricky\n  note: "a: b, [c] #d"\n  en: ["yes", "1.5", "S-400 «Триумф» & <x>", {text: "it\'s", status: forbidden, note: "q\\"uote"}]\n')
    entries, problems = parse_yaml_glossary(text, "t.yaml")
    assert problems == []
    from termguard.glossary import Glossary

    back, _ = read_tbx(write_tbx(Glossary(tuple(entries))).encode("utf-8"), "t.tbx")
    again, problems = parse_yaml_glossary(glossary_yaml(back), "t2.yaml")
    assert problems == [] and [_norm(e) for e in again] == [_norm(e) for e in entries]


def test_exported_tbx_checks_like_the_yaml_glossary(tmp_path):
    from termguard.config import Config
    from termguard.engine import Engine

    seed = ROOT / "seeds" / "triumf-commentary.en.md"
    glossary, _ = read_glossary(ROOT / "glossary")
    exported = tmp_path / "exported.tbx"
    exported.write_text(write_tbx(glossary), encoding="utf-8")
    yaml_report = Engine(Config(glossary=str(ROOT / "glossary"))).run([str(seed)])
    tbx_report = Engine(Config(glossary=str(exported))).run([str(seed)])
    assert any(f.rule == "forbidden-term" for f in yaml_report.findings)  # "Triumph", "Armiys.az"
    assert [f.to_dict() for f in tbx_report.findings] == [f.to_dict() for f in yaml_report.findings]


def _shared(name: str) -> Path:
    path = SHARED_TBX / name
    if not path.exists():
        pytest.skip(f"shared TBX sample {name} not available here (it is not copied into the project)")
    return path


def test_shared_weblate_sample_imports():
    path = _shared("weblate_fr-extended-metadata.tbx")
    entries, _ = read_tbx(path.read_bytes(), str(path))
    by_id = {e.id: e for e in entries}
    assert by_id["e002"].dnt is True
    assert [r.status for r in by_id["e001"].renderings["en"]] == ["forbidden"]
    assert by_id["e002"].renderings["en"][0].note == "Do not translate error codes."


def test_shared_omegat_sample_imports():
    path = _shared("omegat_sampleTBXfile.tbx")
    entries, _ = read_tbx(path.read_bytes(), str(path))
    assert [e.id for e in entries] == ["eid-oracle-67"]
    assert entries[0].renderings["en"][0].text == "alpha smoothing factor"
    assert "hu" in entries[0].renderings


def test_shared_tbx3_basic_sample_imports():
    path = _shared("project_example_tbx3_basic.tbx")
    entries, problems = read_tbx(path.read_bytes(), str(path))
    by_id = {e.id: e for e in entries}
    assert [(r.text, r.status) for r in by_id["kyiv"].renderings["en"]] == [("Kyiv", "preferred"), ("Kiev", "forbidden")]
    assert [(r.text, r.status) for r in by_id["kaan"].renderings["ru"]] == [("KAAN", "preferred"), ("Каан", "forbidden")]
    assert [p for p in problems if p.severity == "error"] == []


def test_dct_style_and_missing_language():
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="en">
        <termSec><term>Kyiv</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
        <termSec><term>Kiev</term><basic:administrativeStatus>supersededTerm-admn-sts</basic:administrativeStatus></termSec>
      </langSec>
      <langSec><termSec><term>nowhere</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>"""
    entries, problems = read_tbx(data, "dct.tbx")
    assert [(r.text, r.status) for r in entries[0].renderings["en"]] == [("Kyiv", "preferred"), ("Kiev", "superseded")]
    assert [(p.severity, p.line) for p in problems] == [("warning", 4)]
    assert list(entries[0].renderings) == ["en"]


def test_csv_target_column_is_named_target_in_lint_messages():
    from termguard.glossary import Glossary
    from termguard.glossary.csv_io import read_csv
    from termguard.glossary_lint import lint

    entries, problems = read_csv("source,target,forbidden\nKyiv,Киев,\nKiev,Киев,\n", "x.csv")
    found = lint(Glossary(tuple(entries)), problems)
    assert len(found) == 1 and "approved target form “Киев”" in found[0].message and found[0].lang is None


def test_lines_are_exact_even_with_a_commented_out_entry():
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2">
<text><body>
<!-- <conceptEntry id="old"><langSec xml:lang="en"><termSec><term>Old</term></termSec></langSec></conceptEntry> -->
<conceptEntry id="a">
  <langSec xml:lang="en">
    <termSec>
      <term>Kyiv</term>
    </termSec>
  </langSec>
</conceptEntry>
</body></text>
</tbx>"""
    entries, _ = read_tbx(data, "c.tbx")
    assert [e.id for e in entries] == ["a"]
    assert entries[0].line == 5 and entries[0].renderings["en"][0].line == 8
