"""Local HTTP servers for the fetch tests: Russian news-like pages on 127.0.0.1 and localhost.

Nothing here reaches the internet: two pytest-httpserver instances (two host names, so a
redirect crosses hosts) and a socket that accepts connections and never answers.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "pages"
NOTE = Path(__file__).resolve().parents[1] / "fixtures" / "sources" / "note.en.md"
HTML = "text/html; charset=utf-8"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@dataclass
class Site:
    base: HTTPServer
    other: HTTPServer
    silent: str

    def url(self, path: str) -> str:
        return self.base.url_for(path)

    def note(self, directory: Path) -> Path:
        text = NOTE.read_text(encoding="utf-8").format(
            base=self.base.url_for("").rstrip("/"), silent=self.silent,
        )
        out = directory / "note.en.md"
        out.write_text(text, encoding="utf-8")
        return out

    def page_requests(self) -> list[str]:
        return [r.path for server in (self.base, self.other) for r, _resp in server.log if r.path != "/robots.txt"]


def _serve(server: HTTPServer) -> None:
    server.no_handler_status_code = 404


@pytest.fixture()
def silent() -> Iterator[str]:
    """A server that accepts the connection (the kernel's backlog does) and never answers."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


@pytest.fixture()
def site(silent: str) -> Iterator[Site]:
    base = HTTPServer(host="127.0.0.1")
    other = HTTPServer(host="localhost")
    for server in (base, other):
        _serve(server)
        server.start()
    try:
        base.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        routes = {
            "/kommersant/doc/8098720": page("title-only.html"),
            "/interfax/world/794407": page("og.html"),
            "/ria/fl6-1926776245.html": page("jsonld.html"),
            "/topwar/224681-siper-2.html": page("koi8r.html"),
            "/lenta/news/ambassador": page("other-title.html"),
            "/rbc/politics/6943d8709a7947e82b5b101e": page("late-date.html"),
            "/ng/world/8903-aviation.html": page("wrong-outlet.html"),
            "/ria/s-400-2061265447.html": page("tz.html"),
            "/private/secret.html": page("og.html"),
        }
        for path, body in routes.items():
            ctype = "text/html; charset=koi8-r" if path.startswith("/topwar") else HTML
            base.expect_request(path).respond_with_data(body, content_type=ctype, headers={"ETag": f'"{len(body)}"'})
        # windows-1251 declared only in a meta tag; the header names no charset
        base.expect_request("/iimes/").respond_with_data(page("cp1251.html"), content_type="text/html")
        base.expect_request("/moved/794407").respond_with_data(
            "", status=301, headers={"Location": other.url_for("/interfax/world/794407")})
        other.expect_request("/interfax/world/794407").respond_with_data(page("og.html"), content_type=HTML)
        base.expect_request("/huge").respond_with_data(b"<html><body>" + b"<p>\xd0\x9f\xd0\xb0\xd1\x82</p>" * 40_000 + b"</body></html>",
                                                       content_type=HTML)
        base.expect_request("/report.pdf").respond_with_data(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                                                             content_type="application/pdf")
        base.expect_request("/broken").respond_with_data("internal error", status=500, content_type="text/plain")
        yield Site(base, other, silent)
    finally:
        for server in (base, other):
            server.clear()
            if server.is_running():
                server.stop()
