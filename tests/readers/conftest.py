"""Shared by the reader tests: a streamed check against a whole-file check of one file."""

from __future__ import annotations

from pathlib import Path

import pytest

import termguard.engine as engine_module
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import load_glossary

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def streamed_and_whole(monkeypatch):
    """`run(path, reader_module)`: the findings (sorted) and unit counts of `path` checked
    whole and then streamed in 1,000-character pieces, term rules and mixed-script on."""

    def run(path: Path, reader) -> tuple[list, int, list, int]:
        engine = Engine(
            Config(select=("forbidden-term", "missing-term", "untranslated-term", "mixed-script")),
            glossary=load_glossary(FIXTURES / "morph" / "glossary.yaml"),
        )
        whole, _, whole_units = engine.check_file(str(path))
        with monkeypatch.context() as m:
            m.setattr(engine_module, "STREAM_THRESHOLD", 0)
            m.setattr(reader, "_PIECE", 1000)
            streamed, _, units = engine.check_file(str(path))
        key = lambda f: f.sort_key()  # noqa: E731
        return sorted(whole, key=key), whole_units, sorted(streamed, key=key), units

    return run
