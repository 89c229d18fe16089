"""Recall of `glossary candidates` against candidates listed by hand for two commentaries:
the seed, and a second commentary written for these tests (tests/fixtures/candidates/).

An expected candidate counts as found when some candidate has exactly its text. The
floors are the recall measured when the lists were written (seed 81/82, second 45/47);
a change that loses candidates fails here and names them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.glossary import Glossary
from termguard.glossary.candidates import find_candidates
from termguard.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "candidates"


def _expected(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def recall(doc_path: Path, expected: list[str]) -> tuple[float, list[str]]:
    """Share of `expected` among the candidates of the document (empty glossary), and the misses."""
    doc = read_document(str(doc_path), doc_path.read_text(encoding="utf-8"))
    found = {c.text for c in find_candidates(doc, Glossary(()))}
    missed = [e for e in expected if e not in found]
    return 1 - len(missed) / len(expected), missed


@pytest.mark.parametrize(
    ("doc", "expected", "floor"),
    [
        (ROOT / "seeds" / "triumf-commentary.en.md", "triumf-commentary.expected.txt", 81 / 82),
        (FIXTURES / "gas-hub-commentary.en.md", "gas-hub-commentary.expected.txt", 45 / 47),
    ],
)
def test_recall_against_hand_listed_candidates(doc, expected, floor):
    listed = _expected(expected)
    assert len(listed) == len(set(listed)) and len(listed) >= 40
    value, missed = recall(doc, listed)
    assert value >= floor - 1e-9, f"recall {value:.3f} below {floor:.3f}; missed: {missed}"
