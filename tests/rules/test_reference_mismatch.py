"""reference-mismatch (TG202): references against their URLs and the citations."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"


def _run(text: str, path: str = "r.md"):
    return Engine(Config(select=("reference-mismatch",)), glossary=Glossary()).check_text(path, text)


def test_seed_armiys_and_reference_14():
    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    found = [(f.line, f.column, f.end_column, f.found, f.suggestions) for f in _run(seed)]
    assert found == [
        (94, 104, 113, "Armiys.az", ("Armiya.az",)),
        (99, 84, 94, "18.02.2025", ("18.12.2025",)),
    ]


def test_fixture_every_kind_of_mismatch():
    findings = _run((FIX / "references.en.md").read_text(encoding="utf-8"))
    messages = [(f.line, f.found, f.message.split(";")[0]) for f in findings]
    assert messages == [
        (3, "[7]", "citation [7] has no reference [7]"),
        (8, "Kommersnt", "outlet “Kommersnt” of reference [2] contradicts its URL's domain kommersant.ru"),
        (9, "18.02.2025", "reference [3] is dated 18.02.2025 but its URL says 18.12.2025"),
        (11, "Armiys.az", "outlet “Armiys.az” of reference [5] contradicts its URL's domain armiya.az"),
        (12, "[6]", "reference [6] is never cited in the text"),
        (13, "[6]", "reference [6] is numbered twice (first on line 12)"),
        (13, "[6]", "reference [6] is never cited in the text"),
    ]
    assert all(f.unit for f in findings)


def test_consistent_references_give_nothing():
    assert _run((FIX / "clean.en.md").read_text(encoding="utf-8")) == []


def test_different_outlet_on_another_site_is_not_a_typo():
    text = "See [1].\n\n## References\n\n- [1] «X». *Kremlin.ru*, 01.01.2025, <https://web.archive.org/web/2025/kremlin.ru/x> (accessed 02.01.2025).\n"
    assert _run(text) == []


def test_no_reference_list_no_findings():
    assert _run("A claim [3] with no reference list.\n") == []


def test_reference_date_fix_comes_from_the_url():
    from termguard.fixes import apply_fixes

    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    found = {f.found: f for f in _run(seed)}
    date = found["18.02.2025"].fix
    assert date.applicability.value == "safe"
    fixed = apply_fixes(seed, [date])[0]
    assert fixed == seed.replace("*РБК*, 18.02.2025", "*РБК*, 18.12.2025", 1) != seed
    assert found["Armiys.az"].fix.applicability.value == "unsafe"  # a guess at the outlet's spelling
    assert "Armiya.az" in apply_fixes(seed, [found["Armiys.az"].fix])[0]


# -- against the stored pages (`--sources DIR` with `termguard sources fetch`'s store) ---------

def _with_pages(text: str, *pages):
    from termguard.sources.store import PageMeta

    metas = tuple(PageMeta(reference=None, url=url, title=title, published=published, sitename=site)
                  for url, title, published, site in pages)
    engine = Engine(Config(select=("reference-mismatch",), options={"sources.pages": metas}), glossary=Glossary())
    return [(f.line, f.found, f.suggestions) for f in engine.check_text("r.md", text)]


def _doc(entry: str) -> str:
    return f"See [1].\n\n## References\n\n- [1] {entry}\n"


def test_page_title_quotes_case_punctuation_and_site_tail_agree():
    text = _doc("«Турецкий пат: ещё раз». *Kommersant*, 07.10.2025, <https://www.kommersant.ru/doc/1>")
    url = "https://www.kommersant.ru/doc/1"
    assert _with_pages(text, (url, "ТУРЕЦКИЙ „ПАТ“ — ЕЩЕ РАЗ | Коммерсантъ", "2025-10-07", "Коммерсантъ")) == []
    assert _with_pages(text, (url, "Турецкий пат: ещё раз. Что дальше", "2025-10-07", None)) == []  # one contains the other
    assert _with_pages(text, (url, "Турецкий пот: ещё раз", "2025-10-07", None)) == []  # a typo stays under the threshold
    found = _with_pages(text, (url, "Минобороны Турции опровергло сообщения", "2025-10-07", None))
    assert found == [(5, "Турецкий пат: ещё раз", ("Минобороны Турции опровергло сообщения",))]
    translated = _doc(f"“Turkish stalemate” (in Russian). *Kommersant*, 07.10.2025, <{url}>")
    assert _with_pages(translated, (url, "Турецкий пат", "2025-10-07", "Коммерсантъ")) == []


def test_page_date_allows_a_time_zone_day_and_follows_the_documents_order():
    url = "https://ria.ru/news/1"
    text = _doc(f"«ЕС хочет выкупить С-400». *РИА Новости*, 11.12.2025, <{url}>")
    assert _with_pages(text, (url, "ЕС хочет выкупить С-400", "2025-12-10", "РИА Новости")) == []
    assert _with_pages(text, (url, "ЕС хочет выкупить С-400", "2025-12-12", "РИА Новости")) == []
    assert _with_pages(text, (url, "ЕС хочет выкупить С-400", "2025-12-13", "РИА Новости")) == [(5, "11.12.2025", ("13.12.2025",))]
    us = "See [1] on 12/31/2025.\n\n## References\n\n- [1] «X». *Interfax*, 12/11/2025, <https://interfax.ru/a>\n"
    assert _with_pages(us, ("https://interfax.ru/a", "X", "2025-12-20", "Интерфакс")) == [(5, "12/11/2025", ("12/20/2025",))]


def test_a_date_already_contradicted_by_the_url_is_reported_once():
    url = "https://www.rbc.ru/politics/18/12/2025/6943d8709a7947e82b5b101e"
    text = _doc(f"«В Кремле оценили». *РБК*, 18.02.2025, <{url}>")
    found = _with_pages(text, (url, "В Кремле оценили", "2025-12-18", "РБК"))
    assert found == [(5, "18.02.2025", ("18.12.2025",))]


def test_outlet_romanised_translated_as_domain_or_misspelt():
    def outlet(cited: str, site: str, url: str = "https://example.org/a"):
        return _with_pages(_doc(f"«Заголовок статьи». *{cited}*, 01.02.2025, <{url}>"), (url, "Заголовок статьи", "2025-02-01", site))

    assert outlet("Kommersant", "Коммерсантъ") == []
    assert outlet("RIA Novosti", "РИА Новости") == []
    assert outlet("Lenta.ru", "Лента.ру") == []
    assert outlet("Izvestiya", "Izvestia") == []
    assert outlet("Интерфакс", "Interfax") == []
    assert outlet("Forbes", "Forbes.ru") == []
    assert outlet("RBC", "РБК") == []  # the brand's own Latin spelling
    assert outlet("Kommersant", "Kommersant.ru") == []
    assert outlet("Kremlin.ru", "Президент России", "http://kremlin.ru/events/1") == []  # the domain names the site
    assert outlet("Независимая Газета", "Коммерсантъ") == [(5, "Независимая Газета", ("Коммерсантъ",))]
    assert outlet("Izvestia", "Коммерсантъ") == [(5, "Izvestia", ("Kommersant",))]


def test_an_outlet_already_contradicted_by_the_domain_is_reported_once():
    url = "https://armiya.az/ru/news/147060"
    found = _with_pages(_doc(f"«Турция рассматривает». *Armiys.az*, 11.11.2019, <{url}>"),
                        (url, "Турция рассматривает", "2019-11-11", "Ордена Армия"))
    assert found == [(5, "Armiys.az", ("Armiya.az",))]


def test_what_the_store_does_not_know_is_not_reported():
    url = "https://www.kommersant.ru/doc/1"
    text = _doc(f"«Турецкий пат». *Известия*, 07.10.2020, <{url}>")
    assert _with_pages(text, (url, None, None, None)) == []
    assert _with_pages(text, ("https://www.kommersant.ru/doc/2", "Другое", "2025-01-01", "Коммерсантъ")) == []  # another URL's page
    assert _run(text) == []
