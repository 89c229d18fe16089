"""Load `--sources DIR`: the Russian source texts a document cites, and the pages of the store.

A directory holds plain text or Markdown files saved by hand, or the store `termguard
sources fetch` writes (`.txt` files with YAML front matter, `termguard.sources.store`), or
both. Rules never open files: the CLI calls `source_options` and the rules read what it
returns from their context (`sources`: (path, text) pairs whose Russian names join the
document's; `sources.pages`: each stored page's title, publication date and site name).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from termguard.errors import InputError
from termguard.sources.store import PageMeta, parse_page

SOURCE_SUFFIXES = (".txt", ".md", ".markdown")


def _files(directory: str) -> list[Path]:
    root = Path(directory)
    if not root.is_dir():
        raise InputError("--sources needs a directory of .txt/.md files; check the path", directory)
    return sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def _read(directory: str) -> list[tuple[str, str, PageMeta | None]]:
    """(path, text, page metadata or None) of every source file; a stored page's text is its
    title and article, without the front matter."""
    from termguard.readers import load_text

    out: list[tuple[str, str, PageMeta | None]] = []
    for p in _files(directory):
        raw = load_text(p)
        page = parse_page(raw, str(p))
        if page is None:
            out.append((str(p), raw, None))
            continue
        meta = page.meta if page.meta.url else None
        title = meta.title if meta is not None and meta.title else None
        out.append((str(p), f"{title}\n\n{page.text}" if title else page.text, meta))
    return out


def load_sources(directory: str) -> list[tuple[str, str]]:
    """(path, text) of every .txt/.md file under `directory`, sorted by path (front matter
    left out: a stored page gives its title and article text)."""
    return [(path, text) for path, text, _meta in _read(directory)]


def load_pages(directory: str) -> list[PageMeta]:
    """The metadata of every stored page under `directory` (files without store front
    matter are not pages)."""
    return [meta for _path, _text, meta in _read(directory) if meta is not None]


def source_options(directories: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The check options for `--sources` directories: `sources` ((path, text) pairs) and
    `sources.pages` (the stored pages' metadata), each file read once."""
    texts: list[tuple[str, str]] = []
    pages: list[PageMeta] = []
    for directory in directories:
        for path, text, meta in _read(directory):
            texts.append((path, text))
            if meta is not None:
                pages.append(meta)
    return {"sources": texts, "sources.pages": tuple(pages)}
