"""Load `--sources DIR`: the Russian source texts (plain text or Markdown) a document cites."""

from __future__ import annotations

from pathlib import Path

from termguard.errors import InputError

SOURCE_SUFFIXES = (".txt", ".md", ".markdown")


def load_sources(directory: str) -> list[tuple[str, str]]:
    """(path, text) of every .txt/.md file under `directory`, sorted by path."""
    from termguard.readers import load_text

    root = Path(directory)
    if not root.is_dir():
        raise InputError("--sources needs a directory of .txt/.md files; check the path", directory)
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES and not any(part.startswith(".") for part in p.relative_to(root).parts)
    )
    return [(str(p), load_text(p)) for p in files]
