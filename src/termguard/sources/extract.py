"""A fetched page's text and metadata: decode its bytes, then extract with trafilatura.

Decoding follows what browsers do, tuned for old Russian sites: a byte-order mark wins,
then the charset of the `Content-Type` header, then a `<meta charset>` or
`<meta http-equiv="Content-Type">` in the first bytes; a header that names a Western
default (ISO-8859-1, ASCII) while the page's meta tag names another charset is a server
default, not the page's own word. A page that declares nothing is UTF-8 when it decodes
as such; otherwise windows-1251 and KOI8-R are told apart by their letters (each
decoded as the other reads as mostly capitals).

The main text, title, publication date and site name come from trafilatura (its date
from the page's metadata: `article:published_time`, JSON-LD `datePublished`, `<time>`,
...); where it finds none, a date written in the first lines of the article text
(«Опубликовано 7 октября 2025 года», `07.10.2025`), and last htmldate's wide search of
the page (which knows no Russian month names).
trafilatura and htmldate are the `termguard[fetch]` extra, imported on first use.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import re
from dataclasses import dataclass

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WEAK = {"iso8859-1", "latin-1", "ascii", "cp1252", "iso-8859-1", "us-ascii", "windows-1252", "latin1"}
_ALIASES = {"x-cp1251": "cp1251", "win-1251": "cp1251", "windows1251": "cp1251", "win1251": "cp1251", "koi8r": "koi8_r",
            "x-koi8-r": "koi8_r", "cskoi8r": "koi8_r", "unicode": "utf-8", "utf8": "utf-8"}
_CYR_LOWER = re.compile(r"[а-яё]")
_CYR_UPPER = re.compile(r"[А-ЯЁ]")

_MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_RU_DATE = re.compile(r"(?<![\w])(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})(?![\d])", re.I)
_NUM_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w]|\.\d)")
#: How far into the article text a written date still dates the article (its byline).
_TEXT_DATE_WINDOW = 400


@dataclass(frozen=True, slots=True)
class Extracted:
    """The article a page holds: main text, title, publication date (YYYY-MM-DD), site name."""

    text: str
    title: str | None
    published: str | None
    sitename: str | None
    encoding: str


def charset_of(content_type: str | None) -> str | None:
    """The `charset=` parameter of a `Content-Type` header value, or None."""
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.I)
    return m.group(1) if m else None


def _codec(name: str | None) -> str | None:
    """The Python codec for a declared charset name, or None when there is no such codec."""
    if not name:
        return None
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _guess_cyrillic(data: bytes) -> str:
    """windows-1251 or KOI8-R, whichever reads as lower-case prose (cp1252 with no Cyrillic)."""
    best, best_score = "cp1252", 0
    for codec in ("cp1251", "koi8_r"):
        text = data.decode(codec, errors="replace")
        score = len(_CYR_LOWER.findall(text)) - len(_CYR_UPPER.findall(text))
        if score > best_score:
            best, best_score = codec, score
    return best


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, codec) of an HTML page's bytes (see the module docstring for the order)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff"), codec
    header = _codec(charset_of(content_type))
    meta = _codec(_meta_charset(data))
    candidates = []
    if header and not (header in _WEAK and meta and meta != header):
        candidates.append(header)
    if meta:
        candidates.append(meta)
    candidates.append("utf-8")
    for codec in dict.fromkeys(candidates):
        if codec.startswith("utf-16"):
            continue  # a meta tag read as ASCII cannot be UTF-16; the BOM case is above
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    codec = _guess_cyrillic(data)
    return data.decode(codec, errors="replace"), codec


def _iso(value: object) -> str | None:
    """A date value from the extractors as YYYY-MM-DD, or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def text_date(text: str) -> str | None:
    """The date written near the start of an article's text (its byline), or None."""
    head = text[:_TEXT_DATE_WINDOW]
    found: list[tuple[int, _dt.date]] = []
    for m in _RU_DATE.finditer(head):
        try:
            found.append((m.start(), _dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))))
        except ValueError:
            pass
    for m in _NUM_DATE.finditer(head):
        try:
            found.append((m.start(), _dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
        except ValueError:
            pass
    return min(found)[1].isoformat() if found else None


def _html_date(html: str) -> str | None:
    from htmldate import find_date

    try:
        # No URL: the page's own word is wanted, the URL's date is compared separately.
        found = _iso(find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d"))
    except Exception:  # htmldate raises on odd markup; no date is then the honest answer
        return None
    # The wide search turns a bare year («в 2017 году», a copyright line) into 1 January
    # of that year: a guess, not the article's date.
    return None if found is None or found.endswith("-01-01") else found


def _clean_sitename(name: str | None, url: str | None) -> str | None:
    """The page's site name, or None when the extractor only echoed the URL's host."""
    if not name:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url or "").hostname or "").lower()
    if name.lower() in (host, host.removeprefix("www.")):
        return None
    return name.strip() or None


def extract_page(data: bytes, content_type: str | None = None, url: str | None = None) -> Extracted:
    """Decode a page and extract its main text and metadata."""
    import trafilatura

    html, codec = decode_html(data, content_type)
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses a declared encoding in a str
    doc = trafilatura.bare_extraction(
        html, url=None, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    text = title = date = sitename = None
    if isinstance(doc, dict):
        text, title, date, sitename = doc.get("text"), doc.get("title"), doc.get("date"), doc.get("sitename")
    elif doc is not None:
        text, title, date, sitename = doc.text, doc.title, doc.date, doc.sitename
    if not text:
        text = trafilatura.html2txt(html) or ""
    published = _iso(date) or text_date(text) or _html_date(html)
    return Extracted(text=text.strip(), title=(title or "").strip() or None, published=published,
                     sitename=_clean_sitename(sitename, url), encoding=codec)
