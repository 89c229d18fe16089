"""Reference lists, citations and dates (SPEC §5.1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from termguard.errors import InputError
from termguard.sources import find_citations, find_dates, load_sources, parse_references, url_dates
from termguard.sources.dates import dominant_order

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
FIXTURES = ROOT / "tests" / "fixtures" / "translit"


def test_seed_reference_list():
    refs = parse_references(SEED)
    assert [r.number for r in refs] == list(range(1, 17))
    r3 = refs[2]
    assert (r3.authors, r3.title, r3.outlet, r3.date, r3.url, r3.access_date) == (
        "А. Ермаков", "Турецкий пат", "Kommersant", "07.10.2025", "https://www.kommersant.ru/doc/8098720", "06.02.2026")
    assert r3.line == 85
    r9 = refs[8]
    assert (r9.outlet, r9.date, r9.url) == ("Armiys.az", "11.16.2019", "https://armiya.az/ru/news/147060")
    # A Markdown link with escaped underscores gives the real URL.
    assert refs[9].url == "https://www.ng.ru/world/2023-12-14/1_8903_aviation.html"
    assert refs[15].authors == "Е. Белкова" and refs[15].outlet == "Forbes"
    assert refs[4].outlet == "U.S. Department of State" and refs[4].authors is None
    # Spans point at the text they name.
    assert SEED[slice(*r9.outlet_span)] == "Armiys.az"
    assert SEED[slice(*r9.date_span)] == "11.16.2019"


def test_seed_citations_cover_every_reference():
    cited = {c.number for c in find_citations(SEED)}
    assert cited == set(range(1, 17))  # [7, 8] counts both


def test_citation_forms():
    text = "A [1], B [2, 3], C [4–6], link [7](http://x), foot [^8].\n\n## References\n\n- [9] x\n"
    assert sorted(c.number for c in find_citations(text)) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    ("url", "dates"),
    [
        ("https://www.rbc.ru/politics/18/12/2025/6943d8709a7947e82b5b101e", [dt.date(2025, 12, 18)]),
        ("https://ria.ru/20240212/fl6-1926776245.html", [dt.date(2024, 2, 12)]),
        ("https://www.bloomberg.com/news/articles/2025-12-17/erdogan", [dt.date(2025, 12, 17)]),
        ("https://2017-2021-translations.state.gov/2020/12/14/caatsa/", [dt.date(2020, 12, 14)]),
        ("https://lenta.ru/?error=sso_error&state=61b637a3-dbf6-4153-b252-cd15e34c10c9", []),
        ("https://topwar.ru/188223-konsultacii.html", []),
        ("https://example.org/05/06/2025/x", [dt.date(2025, 6, 5), dt.date(2025, 5, 6)]),
    ],
)
def test_url_dates(url, dates):
    assert url_dates(url) == dates


def test_dates_and_convention():
    found = find_dates("on 17.12.2025, 12.17.2025, 11.02.2026 and 2025-12-17; not 1.2.3 or v2.10.2025x")
    assert [d.text for d in found] == ["17.12.2025", "12.17.2025", "11.02.2026", "2025-12-17"]
    assert [d.order for d in found] == ["dmy", "mdy", None, "iso"]
    assert dominant_order(find_dates("17.12.2025 18.12.2025 12.17.2025")) == "dmy"
    assert dominant_order(find_dates("17.12.2025 12.17.2025")) is None


def test_load_sources(tmp_path):
    pairs = load_sources(str(FIXTURES / "sources"))
    assert [Path(p).name for p, _t in pairs] == ["interview.txt"]
    assert "Ермаковым" in pairs[0][1]
    with pytest.raises(InputError, match="--sources needs a directory"):
        load_sources(str(tmp_path / "missing"))


def test_no_reference_section():
    assert parse_references("# Title\n\nText [1].\n") == []


def test_plain_text_reference_heading():
    text = "A claim [1].\n\nReferences\n\n[1] И. Стародубцев, «Статья». *РБК*, 03.02.2025, <https://www.rbc.ru/x>.\n"
    refs = parse_references(text)
    assert [(r.number, r.authors, r.outlet) for r in refs] == [(1, "И. Стародубцев", "РБК")]
