"""Readers turn files into `Document`s of `Unit`s with exact file positions.

Dispatch is by file extension; every reader takes the decoded text, so rules and tests can
feed text that never touched the disk (standard input, fixtures).
"""

from __future__ import annotations

import os
from pathlib import Path

from termguard.errors import InputError
from termguard.model import Document

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
TRANSLATION_SUFFIXES = (".po", ".pot", ".tmx", ".xlf", ".xliff")
SUFFIXES = SOURCE_SUFFIXES + TRANSLATION_SUFFIXES


def load_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 file, turning OS and decoding errors into one-line `InputError`s."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; check the path", str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a file", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", str(path)) from None
    return decode_utf8(data, str(path))


def decode_utf8(data: bytes, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped); name the line of the first bad byte on failure."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8", path, line
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n")


def read_document(path: str, text: str, lang: str | None = None) -> Document:
    """Parse `text` as the file type that `path`'s extension names."""
    suffix = Path(path).suffix.lower()
    if suffix == ".tmx":
        from termguard.readers.tmx import parse_tmx

        return parse_tmx(text, path)
    if suffix in (".xlf", ".xliff"):
        from termguard.readers.xliff import parse_xliff

        return parse_xliff(text, path, lang=lang)
    if suffix in TRANSLATION_SUFFIXES:
        from termguard.readers.po import parse_po

        return parse_po(text, path, lang=lang)
    if suffix in SOURCE_SUFFIXES:
        from termguard.readers.markdown import parse_markdown

        return parse_markdown(text, path, lang=lang or "en")
    raise InputError(
        f"unsupported file type {suffix or '(none)'}; termguard reads {', '.join(SUFFIXES)}", path
    )
