"""`termguard translit`, `termguard sources` and `check --sources`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from termguard.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"
SEED = str(ROOT / "seeds" / "triumf-commentary.en.md")


def test_translit_every_scheme():
    result = CliRunner().invoke(main, ["translit", "ЦИК"])
    assert result.exit_code == 0
    lines = dict(line.split()[:2] for line in result.output.splitlines())
    assert lines["wikipedia"] == "TSIK" and lines["gost_779"] == "CIK" and lines["iso_9_1968_alt"] == "TSYK"
    assert len(lines) == 27


def test_translit_one_scheme_and_diacritics():
    runner = CliRunner()
    assert runner.invoke(main, ["translit", "Е.", "Белкова", "--scheme", "bgn"]).output == "Ye. Belkova\n"
    assert runner.invoke(main, ["translit", "Горбачёв", "-s", "bgn_pcgn", "--diacritics"]).output == "Gorbachëv\n"
    out = json.loads(runner.invoke(main, ["translit", "Ермаков", "--format", "json"]).output)
    assert {r["scheme"]: r["text"] for r in out["romanizations"]}["icao_doc_9303"] == "Ermakov"


def test_translit_unknown_scheme_is_one_line_exit_2():
    result = CliRunner().invoke(main, ["translit", "Ермаков", "--scheme", "klingon"])
    assert result.exit_code == 2
    assert "unknown romanisation scheme 'klingon'" in result.output
    assert "Traceback" not in result.output


def test_sources_lists_references_and_names():
    result = CliRunner().invoke(main, ["sources", SEED])
    assert result.exit_code == 0
    assert "[14] line 99" in result.output and "outlet   Armiys.az" in result.output
    assert "Белкова" in result.output and "Ермаков" in result.output


def test_sources_json_with_extra_sources():
    result = CliRunner().invoke(main, ["sources", SEED, "--sources", str(FIX / "sources"), "--format", "json"])
    data = json.loads(result.output)
    assert len(data["references"]) == 16
    assert data["references"][13]["url"].endswith("/18/12/2025/6943d8709a7947e82b5b101e")
    names = {n["lemma"]: n for n in data["names"]}
    assert names["Белкова"]["romanized"] == "Belkova"
    # «Максимом» comes from the extra source text, lemmatised.
    assert "Максим" in names and "interview.txt" in names["Максим"]["found"][0]["where"]


def test_sources_missing_file():
    result = CliRunner().invoke(main, ["sources", str(FIX / "nope.md")])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_check_with_sources_option(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = ["check", "--isolated", "tests/fixtures/translit/drift.en.md", "--glossary", "tests/fixtures/translit/glossary",
            "--select", "translit-drift", "--format", "json"]
    without = json.loads(CliRunner().invoke(main, args).output)
    with_sources = json.loads(CliRunner().invoke(main, [*args, "--sources", "tests/fixtures/translit/sources"]).output)
    assert "Maxim" not in [f["found"] for f in without["findings"]]
    assert "Maxim" in [f["found"] for f in with_sources["findings"]]
    bad = CliRunner().invoke(main, [*args, "--sources", str(tmp_path / "missing")])
    assert bad.exit_code == 2
