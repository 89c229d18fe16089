"""`termguard sources fetch` and `check --sources` end to end, against local servers only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pytest_httpserver import HTTPServer

from termguard.cli import main
from termguard.sources.store import parse_page

# A small timeout and no retries keep the silent server's test short.
FAST = ["--timeout", "0.5", "--retries", "0", "--delay", "0", "--max-size", "200000"]


def _fetch(note: Path, store: Path, *extra: str):
    return CliRunner().invoke(main, ["sources", "fetch", str(note), "--into", str(store), *FAST, *extra])


def _pages(store: Path) -> dict[int, tuple[dict, str]]:
    out = {}
    for p in store.glob("*.txt"):
        text = p.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---\n")[1])
        page = parse_page(text, str(p))
        assert page is not None
        out[front["reference"]] = (front, page.text)
    return out


EXPECTED = {  # reference: (title, published, sitename, a phrase of the article)
    1: ("Турецкий пат", "2025-10-07", None, "судьбе комплексов С-400"),
    2: ("Эрдоган объяснил покупку С-400 отказом США продать Patriot", "2021-09-30", "Интерфакс", "Реджеп Тайип Эрдоган"),
    3: ("Поставка США новых F-16 Турции может затянуться на несколько лет, пишут СМИ", "2024-02-12", "РИА Новости", "загруженности производственных линий"),
    4: ("Турецкие оценки реалистичности массового производства истребителя КААН", "2024-03-10", "Институт Ближнего Востока", "Игорь Стародубцев"),
    5: ("Турция произвела первые стрельбы зенитной ракетой SIPER 2", "2023-08-26", "Военное обозрение", "условную цель над морем"),
    6: ("Минобороны Турции опровергло сообщения о продаже С-400", "2025-12-05", "Лента.ру", "третьим странам"),
    7: ("В Кремле оценили последствия возможного возвращения Турцией С-400", "2025-12-18", "РБК", "в Ашхабаде"),
    8: ("Пакистан и КНР способны дать крылья турецкой авиации", "2023-12-14", "Коммерсантъ", "пакистанским разработкам"),
    9: ("ЕС хочет выкупить у Турции С-400 для передачи Киеву, сообщил источник", "2025-12-10", "РИА Новости", "передать их Киеву"),
    10: ("Эрдоган объяснил покупку С-400 отказом США продать Patriot", "2021-09-30", "Интерфакс", "второй партии"),
}


def test_fetch_stores_every_reachable_page_and_reports_each_failure(site, tmp_path):
    note, store = site.note(tmp_path), tmp_path / "store"
    result = _fetch(note, store)
    assert result.exit_code == 1, result.output
    pages = _pages(store)
    assert sorted(pages) == sorted(EXPECTED)
    for number, (title, published, sitename, phrase) in EXPECTED.items():
        front, text = pages[number]
        assert (front["title"], front["published"], front["sitename"]) == (title, published, sitename), number
        assert phrase in text, number
        assert front["status"] == 200 and front["url"].startswith("http://127.0.0.1:")
        assert re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", front["fetched"])
        assert list(front)[:7] == ["reference", "url", "fetched", "status", "title", "published", "sitename"]
    assert pages[4][0]["encoding"] == "cp1251" and pages[5][0]["encoding"] == "koi8-r"
    assert pages[10][0]["final_url"].startswith("http://localhost:")  # followed to another host
    failures = [line for line in result.stderr.splitlines() if ": reference [" in line]
    reasons = {int(re.search(r"reference \[(\d+)\]", line).group(1)): line for line in failures}
    assert sorted(reasons) == [11, 12, 13, 14, 15, 16] and len(failures) == 6
    for number, phrase in {11: "HTTP 404", 12: "timeout", 13: "too big", 14: "not HTML (application/pdf)",
                           15: "HTTP 500", 16: "robots.txt"}.items():
        line = reasons[number]
        assert phrase in line, line
        assert line.startswith(f"{note}:") and "(http://" in line
    assert "10 fetched, 6 failed" in result.stderr
    assert "\r" not in result.stderr  # no progress bar off a terminal


def test_check_with_the_store_reports_each_planted_mismatch_and_nothing_else(site, tmp_path):
    note, store = site.note(tmp_path), tmp_path / "store"
    _fetch(note, store)
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("[]\n", encoding="utf-8")
    args = ["check", str(note), "--isolated", "--glossary", str(glossary), "--select", "reference-mismatch,translit-drift",
            "--format", "json"]
    import json

    without = json.loads(CliRunner().invoke(main, args).output)["findings"]
    assert without == []
    found = json.loads(CliRunner().invoke(main, [*args, "--sources", str(store)]).output)["findings"]
    by_line = sorted((f["line"], f["rule"], f["found"], f["suggestions"]) for f in found)
    assert by_line == [
        (5, "translit-drift", "Starodubzev", ["Starodubcev"]),  # «Стародубцев» only in the article of [4]
        (19, "reference-mismatch", "Посол США рассказал о желании Турции отказаться от российских ПВО",
         ["Минобороны Турции опровергло сообщения о продаже С-400"]),
        (20, "reference-mismatch", "18.11.2025", ["18.12.2025"]),
        (21, "reference-mismatch", "Независимая Газета", ["Коммерсантъ"]),
    ]


def test_the_store_is_the_cache_and_offline_fetches_nothing(site, tmp_path):
    note, store = site.note(tmp_path), tmp_path / "store"
    _fetch(note, store)
    from collections import Counter

    before = Counter(site.page_requests())
    again = _fetch(note, store)
    # Stored pages are not asked for again; only the failures are tried again (404, huge,
    # PDF, 500; the silent socket logs nothing, the robots-disallowed page is never asked for).
    assert sorted((Counter(site.page_requests()) - before).elements()) == ["/broken", "/huge", "/missing", "/report.pdf"]
    assert again.output.count(" stored ") == 10
    offline = _fetch(note, store, "--offline")
    assert sum(Counter(site.page_requests()).values()) - before.total() == 4
    assert offline.exit_code == 1 and offline.stderr.count("not in the store") == 6
    empty = _fetch(note, tmp_path / "empty", "--offline")
    assert empty.exit_code == 1 and empty.stderr.count("not in the store") == 16
    assert not (tmp_path / "empty").exists()


def test_refresh_asks_with_the_stored_etag_and_keeps_the_page_on_304(tmp_path):
    from tests.sources.conftest import page

    server = HTTPServer(host="127.0.0.1")
    server.no_handler_status_code = 404
    server.start()
    try:
        server.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
        server.expect_request("/a").respond_with_data(page("og.html"), content_type="text/html; charset=utf-8",
                                                       headers={"ETag": '"v1"', "Last-Modified": "Thu, 30 Sep 2021 07:15:00 GMT"})
        note = tmp_path / "n.md"
        note.write_text(f"Text [1].\n\n## References\n\n- [1] «Эрдоган объяснил покупку С-400 отказом США продать Patriot». *Интерфакс*, 30.09.2021, <{server.url_for('/a')}>\n",
                        encoding="utf-8")
        first = _fetch(note, tmp_path / "s")
        assert first.exit_code == 0, first.output
        second = _fetch(note, tmp_path / "s", "--refresh")
        assert second.exit_code == 0 and "not-modified" in second.output
        sent = [r for r in server.log if r[0].path == "/a"]
        assert sent[-1][0].headers.get("If-None-Match") == '"v1"'
        assert sent[-1][0].headers.get("If-Modified-Since") == "Thu, 30 Sep 2021 07:15:00 GMT"
        assert sent[-1][0].headers["User-Agent"].startswith("termguard/")
        (front, text), = _pages(tmp_path / "s").values()
        assert front["title"].startswith("Эрдоган") and "Реджеп" in text
    finally:
        server.clear()
        server.stop()


def test_unusable_input_exits_2(tmp_path):
    no_refs = tmp_path / "plain.md"
    no_refs.write_text("Nothing cited here.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", "fetch", str(no_refs), "--into", str(tmp_path / "s")])
    assert result.exit_code == 2 and "no reference list" in result.stderr
    result = CliRunner().invoke(main, ["sources", "fetch", str(tmp_path / "missing.md")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    doc = tmp_path / "d.md"
    doc.write_text("A [1].\n\n## References\n\n- [1] «X». *Y*, 01.01.2025, <http://127.0.0.1:9/x>\n", encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", "fetch", str(doc), "--into", str(tmp_path / "file")])
    assert result.exit_code == 2 and "must be a directory" in result.stderr
    result = CliRunner().invoke(main, ["sources", "fetch", str(doc), "--into", str(tmp_path / "file" / "sub")])
    assert result.exit_code == 2 and "cannot create the store" in result.stderr
    assert "Traceback" not in result.output


def test_without_the_extra_fetch_says_what_to_install(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    doc = tmp_path / "d.md"
    doc.write_text("A [1].\n\n## References\n\n- [1] «X». *Y*, 01.01.2025, <http://127.0.0.1:9/x>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", "fetch", str(doc), "--into", str(tmp_path / "s")])
    assert result.exit_code == 2 and "termguard[fetch]" in result.stderr


def test_sources_without_a_subcommand_still_lists(tmp_path):
    doc = tmp_path / "d.md"
    doc.write_text("A [1].\n\n## References\n\n- [1] А. Ермаков, «Турецкий пат». *Kommersant*, 07.10.2025, <https://www.kommersant.ru/doc/8098720>\n",
                   encoding="utf-8")
    listed = CliRunner().invoke(main, ["sources", str(doc)])
    assert listed.exit_code == 0 and "Турецкий пат" in listed.output and "Ермаков" in listed.output
    assert CliRunner().invoke(main, ["sources", "list", str(doc)]).output == listed.output


@pytest.mark.parametrize("broken", ["---\nreference: [\n---\ntext\n", "---\nreference: x\nurl: http://a/\n---\ntext\n"])
def test_a_damaged_store_file_is_one_error_line_in_check(tmp_path, broken):
    store = tmp_path / "store"
    store.mkdir()
    (store / "001-a.txt").write_text(broken, encoding="utf-8")
    doc = tmp_path / "d.md"
    doc.write_text("Text.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(doc), "--isolated", "--sources", str(store)])
    assert result.exit_code == 2 and "001-a.txt" in result.stderr and "Traceback" not in result.output
