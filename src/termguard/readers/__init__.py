"""Readers turn files into `Document`s of `Unit`s with exact file positions.

Dispatch is by file extension; every reader takes the decoded text, so rules and tests can
feed text that never touched the disk (standard input, fixtures).
"""

from __future__ import annotations

import codecs
import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from termguard.errors import InputError
from termguard.model import Document


@dataclass(frozen=True)
class Reader:
    """One file type: its suffixes, the module and function that parse it
    (`function(text, path, lang=...)`; `lang` only when `takes_lang`), whether its files
    are translations (source and target) or documents in one language, and what it is."""

    suffixes: tuple[str, ...]
    module: str
    function: str
    translation: bool
    description: str
    takes_lang: bool = True


#: The one table of file types: dispatch, file discovery and the docs' list read it.
READERS: tuple[Reader, ...] = (
    Reader((".md", ".markdown", ".txt"), "termguard.readers.markdown", "parse_markdown", False,
           "a Markdown or plain-text document in one language, segmented into sentences"),
    Reader((".po", ".pot"), "termguard.readers.po", "parse_po", True, "a gettext catalog or template (streamed)"),
    Reader((".tmx",), "termguard.readers.tmx", "parse_tmx", True, "a TMX translation memory", takes_lang=False),
    Reader((".xlf", ".xliff"), "termguard.readers.xliff", "parse_xliff", True, "XLIFF 1.2 or 2.x"),
)
#: Suffix (lowercase, with the dot) → reader.
BY_SUFFIX: dict[str, Reader] = {suffix: r for r in READERS for suffix in r.suffixes}
SOURCE_SUFFIXES = tuple(s for r in READERS if not r.translation for s in r.suffixes)
TRANSLATION_SUFFIXES = tuple(s for r in READERS if r.translation for s in r.suffixes)
SUFFIXES = SOURCE_SUFFIXES + TRANSLATION_SUFFIXES


def load_text(path: str | os.PathLike[str]) -> str:
    """Read a UTF-8 file, turning OS and decoding errors into one-line `InputError`s."""
    from termguard.fileio import read_bytes

    return decode_text(read_bytes(path), str(path))


# An XML declaration's encoding, read from the raw bytes (always ASCII-compatible there).
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\1""")
_DECLARED = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*)(["'])([A-Za-z][A-Za-z0-9._-]*)\2""")


def refuse_nul(text: str, path: str, first_line: int = 1) -> None:
    """Raise `InputError` at the line of the first NUL character of `text`, if any.

    No text format termguard reads allows one (gettext stops a string there, XML forbids
    it): a NUL means a binary or damaged file, whose content cannot be what was meant.
    """
    at = text.find("\x00")
    if at != -1:
        line = first_line + text.count("\n", 0, at)
        raise InputError("contains a NUL byte: a binary or damaged file, not text; remove it or re-save the file", path, line)


def decode_text(data: bytes, path: str) -> str:
    """Decode a file: UTF-8 by default; UTF-16 or UTF-32 with a byte-order mark, and XML
    (TMX, XLIFF) in the encoding its declaration names, as translation tools write them
    (UTF-16 TMX from CAT tools, windows-1251 XLIFF).

    The XML declaration of a re-decoded file is rewritten to say UTF-8, padded to the same
    length so that columns on its line do not move, since the readers parse the UTF-8 form.
    """
    encoding = None
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(b"<\x00?\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<\x00?"):
        encoding = "utf-16-be"
    else:
        m = _XML_ENCODING.match(data[3:300] if data.startswith(codecs.BOM_UTF8) else data[:300])
        if m and m.group(2).decode("ascii").lower().replace("_", "-") not in ("utf-8", "utf8"):
            encoding = m.group(2).decode("ascii")
    if encoding is None:
        text = decode_utf8(data, path)
        refuse_nul(text, path)
        return text
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} in the XML declaration; re-save the file as UTF-8", path, 1) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].decode(encoding, "replace").count("\n") + 1
        raise InputError(f"not valid {encoding}; re-save the file as UTF-8", path, line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    declared = _DECLARED.match(text)
    if declared:
        pad = " " * max(0, len(declared.group(3)) - len("UTF-8"))
        text = f"{declared.group(1)}{declared.group(2)}UTF-8{declared.group(2)}{pad}{text[declared.end():]}"
    text = text.replace("\r\n", "\n")
    refuse_nul(text, path)
    return text


def utf8_error(path: str | os.PathLike[str], shown: str) -> InputError:
    """The error for a file found not to be UTF-8 while streaming it: the line and byte of
    the first bad byte, found by reading the file again (only ever on this error path)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    line = 1
    try:
        with open(path, "rb") as handle:
            while True:
                piece = handle.read(1 << 20)
                try:
                    decoder.decode(piece, final=not piece)
                except UnicodeDecodeError as exc:
                    # `exc.start` counts from the decoder's buffered bytes plus this piece.
                    buffered = exc.object
                    bad = buffered[exc.start]
                    line += buffered[: exc.start].count(b"\n")
                    return InputError(f"not valid UTF-8 (byte 0x{bad:02x}); re-save the file as UTF-8", shown, line)
                line += piece.count(b"\n")
                if not piece:
                    break
    except OSError:
        pass
    return InputError("not valid UTF-8; re-save the file as UTF-8", shown)


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
    """Parse `text` as the file type that `path`'s extension names (`READERS`)."""
    suffix = Path(path).suffix.lower()
    reader = BY_SUFFIX.get(suffix)
    if reader is not None:
        parse = getattr(importlib.import_module(reader.module), reader.function)
        if not reader.takes_lang:
            return parse(text, path)
        if not reader.translation:
            return parse(text, path, lang=lang or "en")
        return parse(text, path, lang=lang)
    raise InputError(
        f"unsupported file type {suffix or '(none)'}; termguard reads {', '.join(SUFFIXES)}", path
    )
