"""Document-level transliteration and date rules on streamed and parallel PO files."""

from __future__ import annotations

from pathlib import Path

import termguard.engine as engine_mod
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.runner import check_paths
from termguard.sources.loader import load_sources

FIX = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "translit"
RULES = ("inconsistent-term", "date-format", "translit-house-scheme")


def _engine() -> Engine:
    options = {"sources": load_sources(str(FIX / "sources"))}
    return Engine(Config(select=RULES, options=options), glossary=Glossary())


def _summary(report):
    return [(f.rule, f.line, f.found, f.suggestions) for f in report.findings]


EXPECTED = [
    ("translit-house-scheme", 13, "Ermakov", ("Yermakov",)),
    ("inconsistent-term", 13, "Ermakov", ("Yermakov",)),
    ("date-format", 13, "12.19.2025", ("19.12.2025",)),
]


def test_whole_file():
    assert sorted(_summary(_engine().run([str(FIX / "variants.en_GB.po")]))) == sorted(EXPECTED)


def test_streamed_file_reports_the_same(monkeypatch):
    monkeypatch.setattr(engine_mod, "STREAM_THRESHOLD", 0)
    assert sorted(_summary(_engine().run([str(FIX / "variants.en_GB.po")]))) == sorted(EXPECTED)


def test_parallel_chunks_report_the_same(monkeypatch):
    import termguard.parallel as parallel_mod

    # Cut even this small file into chunks: the chunk states must merge into one report.
    monkeypatch.setattr(parallel_mod, "CHUNK_THRESHOLD", 0)
    report = check_paths(_engine(), [str(FIX / "variants.en_GB.po")], jobs=2)
    assert sorted(_summary(report)) == sorted(EXPECTED)
