"""The fetch client's parts: decoding, extraction, politeness, retries, limits, the store."""

from __future__ import annotations

import httpx
import pytest

from termguard.sources.extract import decode_html, extract_page, text_date
from termguard.sources.fetch import Fetcher, FetchFailure, FetchOptions, HostGate
from termguard.sources.store import PageMeta, StoredPage, page_filename, parse_page, render_page
from tests.sources.conftest import page

RU = "<html><head><title>Заголовок</title></head><body><p>Съешь же ещё этих мягких французских булок, да выпей чаю.</p></body></html>"


# -- decoding -------------------------------------------------------------------------------
@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_undeclared_legacy_cyrillic_is_recognised(codec):
    text, used = decode_html(RU.encode(codec), "text/html")
    assert "французских булок" in text and used.replace("-", "_") == codec.replace("-", "_")


def test_header_charset_wins_over_a_missing_meta():
    text, used = decode_html(RU.encode("koi8_r"), "text/html; charset=KOI8-R")
    assert used == "koi8-r" and "мягких" in text


def test_a_western_default_header_yields_to_the_page_meta():
    data = ('<meta charset="windows-1251">' + RU).encode("cp1251")
    text, used = decode_html(data, "text/html; charset=ISO-8859-1")
    assert used == "cp1251" and "Заголовок" in text


def test_a_wrong_utf8_header_falls_back_to_the_meta_tag():
    data = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">' + RU).encode("cp1251")
    text, used = decode_html(data, "text/html; charset=utf-8")
    assert used == "cp1251" and "булок" in text


def test_utf8_bom_and_plain_utf8():
    assert decode_html(b"\xef\xbb\xbf" + RU.encode(), None)[1] == "utf-8"
    assert decode_html(RU.encode(), None) == (RU, "utf-8")


def test_the_fixture_pages_decode_to_correct_cyrillic():
    assert "Стародубцев" in decode_html(page("cp1251.html"), "text/html")[0]
    assert "зенитной ракетой" in decode_html(page("koi8r.html"), "text/html; charset=koi8-r")[0]


# -- extraction -----------------------------------------------------------------------------
def test_dates_written_in_the_article():
    assert text_date("Опубликовано 7 октября 2025 года\nТекст") == "2025-10-07"
    assert text_date("Москва, 12.02.2024. Текст") == "2024-02-12"
    assert text_date("Без даты. " + "слово " * 100 + "1 мая 2020") is None  # past the byline
    assert text_date("31 февраля 2024") is None


def test_a_bare_year_is_not_a_publication_date():
    html = "<html><head><title>Т</title></head><body><article><p>" + "Комплексы купили в 2017 году. " * 20 + "</p></article><footer>© 2025</footer></body></html>"
    assert extract_page(html.encode(), "text/html").published is None


def test_title_date_sitename_from_each_structure():
    og = extract_page(page("og.html"), "text/html; charset=utf-8")
    assert (og.title, og.published, og.sitename) == ("Эрдоган объяснил покупку С-400 отказом США продать Patriot", "2021-09-30", "Интерфакс")
    ld = extract_page(page("jsonld.html"), "text/html")
    assert ld.published == "2024-02-12" and ld.sitename == "РИА Новости" and ld.title.startswith("Поставка США новых F-16")
    only = extract_page(page("title-only.html"), "text/html")
    assert (only.title, only.published, only.sitename) == ("Турецкий пат", "2025-10-07", None)
    assert "Главная" not in only.text and "Редакция" not in only.text  # menus and footers are not the article


# -- politeness -----------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def test_host_gate_spaces_requests_to_one_host_only():
    clock = Clock()
    gate = HostGate(2.0, clock, clock.sleep)
    with gate.slot("a.ru"):
        clock.now += 0.5
    with gate.slot("b.ru"):
        pass
    with gate.slot("a.ru"):
        pass
    assert clock.slept == [2.0]
    gate.slow_down("a.ru", 5)
    with gate.slot("a.ru"):
        pass
    assert clock.slept == [2.0, 5.0]
    gate.slow_down("a.ru", 10_000)  # a Crawl-delay of hours is capped
    with gate.slot("a.ru"):
        pass
    assert clock.slept[-1] == 60.0


def _fetcher(handler, **options) -> tuple[Fetcher, Clock]:
    clock = Clock()
    opts = FetchOptions(**{"host_delay": 0.0, "robots": False, **options})
    return Fetcher(opts, transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep), clock


HTML_OK = httpx.Response(200, headers={"Content-Type": "text/html"}, content=RU.encode())


def test_retries_with_growing_pauses_then_succeeds():
    calls = []

    def handler(request):
        calls.append(request.url.path)
        return httpx.Response(503) if len(calls) < 3 else HTML_OK

    fetcher, clock = _fetcher(handler, retries=2, backoff=0.5)
    assert fetcher.get_page("http://a.ru/x").status == 200
    assert len(calls) == 3 and clock.slept == [0.5, 1.0]


def test_retry_after_is_respected_and_the_last_answer_reported():
    def handler(request):
        return httpx.Response(429, headers={"Retry-After": "7"})

    fetcher, clock = _fetcher(handler, retries=1)
    with pytest.raises(FetchFailure, match="HTTP 429"):
        fetcher.get_page("http://a.ru/x")
    assert clock.slept == [7.0]


def test_dns_failure_is_named_and_not_retried():
    calls = []

    def handler(request):
        calls.append(1)
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    fetcher, _clock = _fetcher(handler, retries=3)
    with pytest.raises(FetchFailure, match="DNS"):
        fetcher.get_page("http://no-such-host.invalid/x")
    assert calls == [1]


def test_timeouts_are_retried_then_reported():
    calls = []

    def handler(request):
        calls.append(1)
        raise httpx.ReadTimeout("timed out", request=request)

    fetcher, clock = _fetcher(handler, retries=2, timeout=3)
    with pytest.raises(FetchFailure, match="timeout: no answer within 3 s"):
        fetcher.get_page("http://a.ru/x")
    assert len(calls) == 3 and clock.slept == [1.0, 2.0]


def test_a_page_without_content_length_is_cut_at_the_cap():
    def handler(request):
        return httpx.Response(200, headers={"Content-Type": "text/html"},
                              stream=httpx.ByteStream(b"<html>" + b"x" * 5000))

    fetcher, _clock = _fetcher(handler, max_bytes=2048)
    with pytest.raises(FetchFailure, match="too big: more than 2,048 bytes"):
        fetcher.get_page("http://a.ru/x")


def test_pdf_without_a_content_type_is_not_html():
    def handler(request):
        return httpx.Response(200, content=b"%PDF-1.7\n...")

    fetcher, _clock = _fetcher(handler)
    with pytest.raises(FetchFailure, match="not HTML"):
        fetcher.get_page("http://a.ru/report")


def test_redirects_are_limited_and_checked_against_robots_at_every_hop():
    def loop(request):
        return httpx.Response(302, headers={"Location": f"/r{int(request.url.path[2:] or 0) + 1}"})

    fetcher, _clock = _fetcher(loop, max_redirects=3)
    with pytest.raises(FetchFailure, match="more than 3 redirects"):
        fetcher.get_page("http://a.ru/r0")

    def hop(request):
        if request.url.host == "a.ru":
            return httpx.Response(301, headers={"Location": "http://b.ru/private/page"})
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: termguard\nDisallow: /private/\n")
        return HTML_OK

    fetcher, _clock = _fetcher(hop, robots=True)
    with pytest.raises(FetchFailure, match=r"robots\.txt of b\.ru disallows it"):
        fetcher.get_page("http://a.ru/x")


def test_robots_server_error_means_disallow_and_missing_robots_means_allow():
    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(503 if request.url.host == "down.ru" else 404)
        return HTML_OK

    fetcher, _clock = _fetcher(handler, robots=True, retries=0)
    assert fetcher.get_page("http://up.ru/x").status == 200
    with pytest.raises(FetchFailure, match=r"robots\.txt unreadable: HTTP 503"):
        fetcher.get_page("http://down.ru/x")


def test_user_agent_names_termguard_and_its_version():
    from termguard import __version__

    seen = []

    def handler(request):
        seen.append(request.headers["User-Agent"])
        return HTML_OK

    fetcher, _clock = _fetcher(handler)
    fetcher.get_page("http://a.ru/x")
    assert seen[0].startswith(f"termguard/{__version__} ")


# -- the store ------------------------------------------------------------------------------
def test_store_round_trip_and_names():
    meta = PageMeta(reference=3, url="https://www.kommersant.ru/doc/8098720", fetched="2026-02-06T10:00:00+00:00", status=200,
                    title="Турецкий пат: «Анкара» — снова", published="2025-10-07", sitename="Коммерсантъ")
    text = render_page(StoredPage(meta, "Текст статьи.\n---\nещё"))
    back = parse_page(text, "x.txt")
    assert back is not None and back.text == "Текст статьи.\n---\nещё"
    assert back.meta == PageMeta(**{**meta.to_front_matter(), "path": "x.txt"})
    name = page_filename(3, meta.url)
    assert name.startswith("003-kommersant.ru-") and name.endswith(".txt")
    assert page_filename(3, meta.url + "#top") == name != page_filename(3, meta.url + "?x=1")


def test_a_hand_saved_text_is_not_a_page():
    assert parse_page("Просто текст.\n", "a.txt") is None
    page_ = parse_page("---\ntitle: Заметки\n---\nТекст.\n", "a.md")
    assert page_ is not None and page_.meta.url == "" and page_.text == "Текст."


def test_malformed_urls_fail_one_by_one_without_a_traceback(tmp_path):
    from termguard.sources.fetch import fetch_references

    doc = tmp_path / "d.md"
    doc.write_text("A [1] [2] [3] [4].\n\n## References\n\n"
                   "- [1] «X». *Y*, 01.01.2025, <http://[::1/x>\n"
                   "- [2] «X». *Y*, 01.01.2025, <http://a.ru:99999/x>\n"
                   "- [3] «X». *Y*, 01.01.2025, <ftp://a.ru/x>\n"
                   "- [4] «X». *Y*, 01.01.2025, <http://a.ru/x>\n", encoding="utf-8")

    def handler(request):
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=RU.encode())

    results = fetch_references(str(doc), str(tmp_path / "s"), options=FetchOptions(robots=False, host_delay=0),
                               transport=httpx.MockTransport(handler))
    assert [(r.number, r.outcome, (r.reason or "").split(":")[0]) for r in results] == [
        (1, "failed", "invalid URL"), (2, "failed", "invalid URL"), (3, "failed", "not an http(s) URL"), (4, "fetched", ""),
    ]


def test_a_huge_robots_txt_is_read_up_to_the_limit():
    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n" + "# comment\n" * 100_000)
        return HTML_OK

    fetcher, _clock = _fetcher(handler, robots=True)
    assert fetcher.get_page("http://a.ru/x").status == 200
    with pytest.raises(FetchFailure, match="disallows"):
        fetcher.get_page("http://a.ru/private/y")
