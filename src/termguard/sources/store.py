"""The source store: one `.txt` per fetched reference, YAML front matter then the article text.

```
---
reference: 3
url: https://www.kommersant.ru/doc/8098720
fetched: '2026-02-06T10:12:03+00:00'
status: 200
title: Турецкий пат
published: '2025-10-07'
sitename: Коммерсантъ
document: seeds/triumf-commentary.en.md
final_url: https://www.kommersant.ru/doc/8098720
etag: '"5f1-3a"'
last_modified: Tue, 07 Oct 2025 08:00:00 GMT
encoding: utf-8
---
Article text ...
```

The first seven keys are the contract (SPEC §7); the rest let a later `--refresh` ask
the server whether the page changed. The store is read without any network library:
`check --sources` needs only this module.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from termguard.errors import InputError

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the store says about one fetched page (its front matter)."""

    reference: int | None
    url: str
    fetched: str | None = None
    status: int | None = None
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    document: str | None = None
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None
    path: str | None = None

    def to_front_matter(self) -> dict[str, Any]:
        """The front-matter mapping, contract keys first, empty extras left out."""
        out: dict[str, Any] = {
            "reference": self.reference, "url": self.url, "fetched": self.fetched, "status": self.status,
            "title": self.title, "published": self.published, "sitename": self.sitename,
        }
        for key in ("document", "final_url", "etag", "last_modified", "encoding"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(frozen=True, slots=True)
class StoredPage:
    """A page of the store: its front matter and its article text."""

    meta: PageMeta
    text: str


def normalize_url(url: str) -> str:
    """A URL as the store matches it: trimmed, without its fragment."""
    return url.strip().split("#", 1)[0]


def page_filename(number: int, url: str) -> str:
    """The store's file name for reference `number` at `url`: `003-kommersant.ru-1a2b3c4d.txt`.

    The host keeps the name readable; the URL's hash keeps two documents' reference [3]
    (or an edited URL) from overwriting each other.
    """
    host = (urlsplit(url).hostname or "page").lower()
    host = re.sub(r"[^a-z0-9.-]+", "-", host.removeprefix("www.")).strip(".-") or "page"
    digest = hashlib.sha1(normalize_url(url).encode("utf-8")).hexdigest()[:8]
    return f"{number:03d}-{host[:60]}-{digest}.txt"


def render_page(page: StoredPage) -> str:
    """The file text of a stored page: front matter, a blank line, the article text."""
    import yaml  # (here, not at the top: a check that only normalises URLs does not load it)

    front = yaml.safe_dump(page.meta.to_front_matter(), allow_unicode=True, sort_keys=False, width=10_000)
    body = page.text.strip("\n")
    return f"---\n{front}---\n\n{body}\n"


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front-matter YAML or None, the rest) of a file's text."""
    m = _FRONT.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def _str(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def parse_page(text: str, path: str) -> StoredPage | None:
    """The stored page in `text`, or None when the file has no store front matter
    (a source text someone saved by hand). Broken front matter is an `InputError`."""
    front, body = split_front_matter(text)
    if front is None:
        return None
    import yaml

    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise InputError(f"the front matter is not valid YAML ({getattr(exc, 'problem', exc)}); fix it or fetch the page again", path, line) from None
    if not isinstance(data, dict) or "url" not in data:
        return StoredPage(PageMeta(reference=None, url="", path=path), body.strip("\n"))
    reference = data.get("reference")
    status = data.get("status")
    try:
        number = int(reference) if reference is not None else None
        code = int(status) if status is not None else None
    except (TypeError, ValueError):
        raise InputError("`reference` and `status` in the front matter must be numbers; fix them or fetch the page again", path, 2) from None
    published = data.get("published")
    if isinstance(published, (_dt.date, _dt.datetime)):
        published = published.isoformat()[:10]  # YAML reads an unquoted 2025-10-07 as a date
    meta = PageMeta(
        reference=number, url=str(data["url"]), fetched=_str(data.get("fetched")), status=code,
        title=_str(data.get("title")), published=_str(published),
        sitename=_str(data.get("sitename")), document=_str(data.get("document")), final_url=_str(data.get("final_url")),
        etag=_str(data.get("etag")), last_modified=_str(data.get("last_modified")), encoding=_str(data.get("encoding")),
        path=path,
    )
    return StoredPage(meta, body.strip("\n"))


def read_store(directory: str | Path) -> list[StoredPage]:
    """Every stored page (files with store front matter) under `directory`, sorted by path."""
    from termguard.readers import load_text

    root = Path(directory)
    if not root.is_dir():
        return []
    pages = []
    for p in sorted(root.glob("*.txt")):
        page = parse_page(load_text(p), str(p))
        if page is not None and page.meta.url:
            pages.append(page)
    return pages
