"""The seed commentary segments into exactly the units checked by eye (fixture), with repairs."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest

from termguard.segment import segment_text

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "triumf-commentary.en.md"
EXPECTED = ROOT / "tests" / "fixtures" / "segment" / "seed_expected.tsv"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def units(seed_text):
    return segment_text(seed_text, "en")


def _expected():
    rows = []
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        kind, number, spans, text = line.split("\t")
        rows.append((kind, int(number), int(spans), text))
    return rows


def test_seed_matches_the_checked_segmentation(units):
    got = [(u.kind, u.line, len(u.spans), u.text) for u in units]
    assert got == _expected()


def test_seed_unit_counts_by_kind(units):
    counts = collections.Counter(u.kind for u in units)
    assert counts == {"sentence": 71, "reference": 16, "heading": 11, "footnote": 1}


def test_three_page_breaks_are_joined_with_two_spans(units, seed_text):
    joined = [u for u in units if len(u.spans) > 1]
    lines = [(seed_text.count("\n", 0, u.spans[0][0]) + 1, seed_text.count("\n", 0, u.spans[1][0]) + 1) for u in joined]
    assert lines == [(39, 41), (53, 55), (67, 69)]
    assert joined[0].text.endswith("as a political action necessary for R. T. Erdogan to turn his country into a full-fledged subject of geopolitical processes in the logic of the trends of the new reorganization of the global order.")
    assert joined[1].text.endswith("which cannot be said about the situation with manned fighter aviation.")
    assert joined[2].text == "These conditions are of an unprecedentedly tough nature."
    assert all(len(u.spans) == 2 for u in joined)


def test_footnote_block_is_its_own_unit(units):
    footnotes = [u for u in units if u.kind == "footnote"]
    assert [(u.line, u.text) for u in footnotes] == [
        (25, "<sup>1</sup> The original (in Rus.) was posted on our website on 10.02.2026.")
    ]


def test_no_junk_units(units):
    for u in units:
        assert re.search(r"\w{2}", u.text), u.text
        assert u.text == u.text.strip()
        assert "\n" not in u.text
        assert not re.fullmatch(r"[*_#>\-\s]+", u.text)


def test_headings_are_never_split(units):
    headings = [u.text for u in units if u.kind == "heading"]
    assert "**1. Crisis of Turkey's air defense systems and the search for an alternative within NATO**" in headings
    assert "**8. Conclusion**" in headings


def test_hard_cases_stay_in_one_unit(units):
    texts = [u.text for u in units]

    def one(fragment: str) -> str:
        hits = [t for t in texts if fragment in t]
        assert len(hits) == 1, fragment
        return hits[0]

    one("R. T. Erdogan's foreign policy")
    one("imposition of U.S. CAATSA sanctions")
    one("the U.S. Ambassador to Turkey, Tom Barrack")
    one("President R. Erdogan, in a private conversation with V. Putin, voiced")
    assert one("\\$2.5 billion") == "We are talking about the amount of \\$2.5 billion."
    one("On 12.17.2025, it became known")
    assert one("А. Ермаков").startswith("[3] А. Ермаков, «Турецкий пат».")
    assert one("https://www.iimes.ru/?p=106754").endswith("(download date: 06.02.2026).")
    one("https://lenta.ru/?error=sso\\\\_error&state=")
    assert one("(in Rus.) was posted").startswith("<sup>1</sup>")


def test_closing_markup_stays_with_its_sentence(units):
    abstract = [u.text for u in units if u.line == 9]
    assert abstract[0].startswith("*ARVAK analyzes")
    assert abstract[-1].endswith("within NATO.*")
    assert all(u.text not in ("*", "**") for u in units)


def test_spans_and_pieces_reproduce_the_text(units, seed_text):
    for u in units:
        covered = " ".join(seed_text[a:b] for a, b in u.spans)
        assert re.sub(r"\s*\n\s*", " ", covered) == u.text
        for (t0, f0), nxt in zip(u.pieces, [*u.pieces[1:], (len(u.text) + 1, None)]):
            chunk = u.text[t0: nxt[0] - 1]
            assert seed_text[f0: f0 + len(chunk)] == chunk


def test_reader_positions_follow_the_page_break(seed_text):
    from termguard.readers.markdown import parse_markdown

    doc = parse_markdown(seed_text, "seeds/triumf-commentary.en.md")
    unit = next(u for u in doc.units if u.source.text == "These conditions are of an unprecedentedly tough nature.")
    field = unit.source
    assert field.locate(0) == (67, seed_text.splitlines()[66].index("These") + 1)
    assert field.locate(field.text.index("conditions")) == (69, 1)
    assert field.locate_span(field.text.index("tough"), field.text.index("tough") + 5) == (69, 38, 69, 43)
