"""Gettext PO/POT reader with exact positions inside msgid and msgstr strings.

polib parses PO files well but keeps only the line where an entry starts, and builds a
full object per entry. Findings must point at the offending characters inside (possibly
multi-line, escaped) strings, and large files must stream, so reading is done by this small
lexer; polib is used where files are written (`termguard update`). The tests check that
this reader and polib decode the same strings.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from termguard.errors import InputError
from termguard.model import Document, Field, Unit

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)(?![\w\[])[ \t]*")

UNIT_KINDS = frozenset({"heading", "sentence", "reference", "footnote", "list-item", "caption", "quote"})


@dataclass
class _FieldBuilder:
    parts: list[str] = field(default_factory=list)
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0
    line: int = 0

    def build(self) -> Field:
        return Field("".join(self.parts), tuple(self.anchors))


@dataclass
class _Entry:
    line: int = 0
    comments: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    msgctxt: _FieldBuilder | None = None
    msgid: _FieldBuilder | None = None
    msgid_plural: _FieldBuilder | None = None
    msgstr: dict[int, _FieldBuilder] = field(default_factory=dict)

    @property
    def started(self) -> bool:
        return self.msgid is not None or self.msgctxt is not None


@dataclass(frozen=True, slots=True)
class PoEntry:
    """One parsed PO entry; the reader's output before it becomes a `Unit`."""

    line: int
    msgctxt: str | None
    msgid: Field
    msgid_plural: Field | None
    msgstr: tuple[Field, ...]
    comments: tuple[str, ...]
    extracted: tuple[str, ...]
    references: tuple[str, ...]
    flags: frozenset[str]


def _decode_literal(line: str, q: int, lineno: int, fb: _FieldBuilder, path: str) -> None:
    """Append the string literal whose opening quote is at `line[q]` to `fb`."""
    i = q + 1
    n = len(line)
    fb.anchors.append((fb.length, lineno, i + 1))
    while i < n:
        c = line[i]
        if c == '"':
            if line[i + 1 :].strip():
                raise InputError(f"unexpected text after the closing quote: {line[i + 1:].strip()[:30]!r}", path, lineno)
            return
        if c == "\\":
            if i + 1 >= n:
                break
            value = _ESCAPES.get(line[i + 1])
            if value is None:
                raise InputError(f"invalid escape \\{line[i + 1]} in string; write \\\\ for a backslash", path, lineno)
            fb.parts.append(value)
            fb.length += 1
            i += 2
            fb.anchors.append((fb.length, lineno, i + 1))
            continue
        j = line.find('"', i)
        k = line.find("\\", i)
        if j == -1:
            j = n
        if k != -1 and k < j:
            j = k
        fb.parts.append(line[i:j])
        fb.length += j - i
        i = j
    raise InputError("unterminated string; close it with a double quote", path, lineno)


def _lex_lines(text: str | Iterable[str], path: str, first_line: int = 1) -> Iterator[PoEntry]:
    """The general line-by-line lexer: every PO construct, exact errors with line numbers."""
    entry = _Entry()
    current: _FieldBuilder | None = None
    last_keyword = ""

    def finish() -> PoEntry | None:
        nonlocal entry, current, last_keyword
        e = entry
        entry = _Entry()
        current = None
        last_keyword = ""
        if not e.started:
            return None
        if e.msgid is None:
            raise InputError("msgctxt without msgid; every entry needs msgid and msgstr", path, e.line)
        if not e.msgstr:
            raise InputError("msgid without msgstr; add msgstr \"\" to the entry", path, e.line)
        if e.msgid_plural is None and set(e.msgstr) != {-1}:
            raise InputError("msgstr[n] without msgid_plural; use plain msgstr", path, e.line)
        if e.msgid_plural is not None and -1 in e.msgstr:
            raise InputError("plural entry needs msgstr[0], msgstr[1], ...", path, e.line)
        keys = sorted(e.msgstr)
        return PoEntry(
            line=e.line,
            msgctxt=e.msgctxt.build().text if e.msgctxt else None,
            msgid=e.msgid.build(),
            msgid_plural=e.msgid_plural.build() if e.msgid_plural else None,
            msgstr=tuple(e.msgstr[k].build() for k in keys),
            comments=tuple(e.comments),
            extracted=tuple(e.extracted),
            references=tuple(e.references),
            flags=frozenset(e.flags),
        )

    lines = io.StringIO(text) if isinstance(text, str) else text
    for lineno, raw in enumerate(lines, first_line):
        line = raw.rstrip("\r\n")
        stripped = line.lstrip()
        if not stripped:
            done = finish()
            if done:
                yield done
            continue
        if stripped.startswith("#"):
            if last_keyword.startswith("msgstr"):
                done = finish()
                if done:
                    yield done
            if not entry.line:
                entry.line = lineno
            marker = stripped[1:2]
            body = stripped[2:].strip() if marker in ".:,|~" else stripped[1:].strip()
            if marker == ".":
                entry.extracted.append(body)
            elif marker == ":":
                entry.references.extend(body.split())
            elif marker == ",":
                entry.flags.update(f.strip() for f in body.split(",") if f.strip())
            elif marker in "|~":
                pass  # previous msgid and obsolete entries are not checked
            else:
                entry.comments.append(body)
            continue
        indent = len(line) - len(stripped)
        if stripped.startswith('"'):
            if current is None:
                raise InputError("string without a keyword; start the entry with msgid", path, lineno)
            _decode_literal(line, indent, lineno, current, path)
            continue
        m = _KEYWORD.match(stripped)
        if not m:
            word = stripped.split()[0][:30]
            raise InputError(f"unknown keyword {word!r}; expected msgid, msgstr or a comment", path, lineno)
        keyword = m.group(1)
        if keyword in ("msgctxt", "msgid") and last_keyword.startswith("msgstr"):
            done = finish()
            if done:
                yield done
        if not entry.line:
            entry.line = lineno
        fb = _FieldBuilder(line=lineno)
        if keyword == "msgctxt":
            if entry.msgctxt is not None or entry.msgid is not None:
                raise InputError("msgctxt out of place; it must come before msgid", path, lineno)
            entry.msgctxt = fb
        elif keyword == "msgid":
            if entry.msgid is not None:
                raise InputError("second msgid in one entry; separate entries with a blank line", path, lineno)
            entry.msgid = fb
        elif keyword == "msgid_plural":
            if entry.msgid is None or entry.msgid_plural is not None:
                raise InputError("msgid_plural out of place; it follows msgid", path, lineno)
            entry.msgid_plural = fb
        else:
            if entry.msgid is None:
                raise InputError("msgstr before msgid; every entry starts with msgid", path, lineno)
            index = int(m.group(2)) if m.group(2) is not None else -1
            if index in entry.msgstr:
                raise InputError(f"duplicate {keyword}", path, lineno)
            entry.msgstr[index] = fb
        current = fb
        last_keyword = keyword
        rest_at = indent + m.end()
        if rest_at >= len(line) or line[rest_at] != '"':
            raise InputError(f"{keyword} needs a quoted string", path, lineno)
        _decode_literal(line, rest_at, lineno, fb, path)
    done = finish()
    if done:
        yield done


def parse_header(text: str) -> dict[str, str]:
    """Parse the `Key: value` lines of a PO header msgstr."""
    header: dict[str, str] = {}
    for line in text.split("\n"):
        if ":" in line:
            key, _, value = line.partition(":")
            header[key.strip()] = value.strip()
    return header


def _unit_id(entry: PoEntry) -> str:
    if entry.msgctxt:
        return entry.msgctxt
    digest = hashlib.blake2b(entry.msgid.text.encode("utf-8"), digest_size=4).hexdigest()
    return f"e-{digest}"


def _unit_kind(entry: PoEntry) -> str:
    for comment in entry.extracted:
        if comment in UNIT_KINDS:
            return comment
    return "entry"


def language_from_filename(path: str) -> str | None:
    """`ru.po`, `commentary.ru.po`, `ru/LC_MESSAGES/x.po` → `ru`; None if nothing fits."""
    p = Path(path)
    candidates = [p.stem.split(".")[-1], p.stem]
    if p.parent.name == "LC_MESSAGES":
        # The locale directory names the language; the domain (`app.po`) does not.
        candidates = [p.parent.parent.name]
    for cand in candidates:
        if re.fullmatch(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?", cand):
            return cand.replace("-", "_")
    return None


def locale_directory(path: str) -> str | None:
    """The locale of a `LOCALE/LC_MESSAGES/domain.po` path: gettext loads the file for it."""
    p = Path(path)
    if p.parent.name == "LC_MESSAGES" and re.fullmatch(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?(?:@\w+)?", p.parent.parent.name):
        return p.parent.parent.name.split("@")[0].replace("-", "_")
    return None


def resolve_language(explicit: str | None, header_value: str | None, path: str) -> str | None:
    """The target language of a PO file; the one rule `check` and `stats` share.

    An explicit `--lang` wins; then the locale directory of `ru/LC_MESSAGES/x.po` (gettext
    itself loads the file for that locale, whatever its header says); then the header's
    `Language:`; then the file name (`ru.po`, `commentary.tr.po`).
    """
    lang = explicit or locale_directory(path) or (header_value or "").strip() or language_from_filename(path)
    return lang.replace("-", "_") if lang else None


def language_disagreement(header_value: str | None, path: str) -> str | None:
    """A one-line note when the header's `Language:` and the file name name different
    languages (`pl` in `ru/LC_MESSAGES/django.po`); None when they agree or one is silent."""
    value = (header_value or "").strip()
    from_name = language_from_filename(path)
    if not value or not from_name:
        return None
    base = [re.split(r"[_-]", x)[0].lower() for x in (value, from_name)]
    if base[0] == base[1]:
        return None
    used = resolve_language(None, value, path)
    return f"the header says Language: {value} but the file name says {from_name}; read as {used}"


def units_from_entries(entries: Iterator[PoEntry], path: str, source_lang: str, target_lang: str | None) -> Iterator[Unit]:
    """Turn parsed entries (header excluded) into units."""
    for entry in entries:
        yield Unit(
            id=_unit_id(entry),
            kind=_unit_kind(entry),
            path=path,
            source=entry.msgid,
            source_lang=source_lang,
            targets=entry.msgstr,
            target_lang=target_lang,
            source_plural=entry.msgid_plural,
            flags=entry.flags,
            comments=entry.comments + entry.extracted,
            line=entry.line,
        )


def _split_header(entries: Iterator[PoEntry]) -> tuple[PoEntry | None, Iterator[PoEntry]]:
    """Take the header entry (msgid "" without context) off the front of `entries`."""
    first = next(entries, None)
    if first is not None and first.msgid.text == "" and first.msgctxt is None:
        return first, entries
    if first is None:
        return None, entries
    return None, itertools.chain([first], entries)


def _document(path: str, header_entry: PoEntry | None, units: tuple[Unit, ...], lang: str | None, source_lang: str, meta: dict) -> Document:
    header_field = header_entry.msgstr[0] if header_entry else None
    header = parse_header(header_field.text) if header_field else {}
    is_pot = path.endswith(".pot")
    target_lang = None
    if not is_pot:
        target_lang = resolve_language(lang, header.get("Language"), path)
    return Document(
        path=path,
        kind="pot" if is_pot else "po",
        source_lang=source_lang,
        target_lang=target_lang,
        units=units,
        header=header,
        header_field=header_field,
        meta=meta,
    )


def parse_po(text: str | IO[str] | IO[bytes], path: str, lang: str | None = None, source_lang: str = "en") -> Document:
    """Read a PO or POT file into a Document; the target language comes from `Language:`."""
    header_entry, rest = _split_header(iter_po_entries(text, path))
    doc = _document(path, header_entry, (), lang, source_lang, {})
    units = tuple(units_from_entries(rest, path, source_lang, doc.target_lang))
    return dataclasses.replace(doc, units=units)


def stream_po(lines: str | IO[str] | IO[bytes], path: str, lang: str | None = None, source_lang: str = "en") -> tuple[Document, Iterator[Unit]]:
    """Read a PO file lazily: a Document without units, and an iterator over its units.

    Used for large files so that memory stays flat whatever the number of entries.
    """
    return stream_entries(iter_po_entries(lines, path), path, lang, source_lang)


def _room(buffer: bytearray, used: int, need: int) -> bytearray:
    """`buffer`, or a larger copy of its first `used` bytes when it is shorter than `need`
    (the old one may still be seen through the last block's view: it is left as it is)."""
    if len(buffer) >= need:
        return buffer
    bigger = bytearray(2 * need)
    bigger[:used] = buffer[:used]
    return bigger


def stream_po_blocks(handle: io.BufferedIOBase, path: str, lang: str | None = None) -> tuple[Document, Iterator[tuple[memoryview, int]]]:
    """A large PO file opened in binary: its Document (header only, from the first block's
    first entry, without reading the file twice) and all its blocks, undecoded
    (`iter_po_buffers`: each valid until the one after the next is asked for)."""
    blocks = iter_po_buffers(handle)
    first = next(blocks, None)
    doc, _ = stream_po(_first_entry(first[0]) if first else "", path, lang=lang)
    return doc, (itertools.chain([first], blocks) if first is not None else blocks)


def _first_entry(block: memoryview) -> str:
    """The text of a block up to the end of its first entry (the header, if it has one)."""
    head = bytes(block[: 1 << 16])
    body = len(head) - len(head.lstrip(b"\n"))
    cut = head.find(b"\n\n", body)
    if cut == -1 and len(head) < len(block):
        head = bytes(block)  # a header longer than the first 64 KB
        cut = head.find(b"\n\n", body)
    return head[: cut + 2 if cut != -1 else len(head)].decode("utf-8")


def stream_entries(entries: Iterator[PoEntry], path: str, lang: str | None = None, source_lang: str = "en") -> tuple[Document, Iterator[Unit]]:
    """`stream_po` over entries already read (the header, if any, first)."""
    header_entry, rest = _split_header(entries)
    doc = _document(path, header_entry, (), lang, source_lang, {"streamed": True})
    return doc, units_from_entries(rest, path, source_lang, doc.target_lang)


# The fast path: an entry made of comment lines, an optional one-line msgctxt, and one-line
# msgid and msgstr, matched by one regular expression in C. Most entries of real files
# (and every entry of generated ones) have this shape; anything else (multi-line strings,
# plurals, obsolete entries, errors) goes through `_lex_lines`, so results are identical.
_STRING = r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"\n'
_SIMPLE = re.compile(r"((?:#[^\n]*\n)*)(?:msgctxt " + _STRING + r")?msgid " + _STRING + r"msgstr " + _STRING + r"(?:\n|\Z)")
_BLOCK = 1 << 22


def _simple_field(raw: str, line: int, col: int, path: str) -> Field:
    if "\\" not in raw:
        return Field(raw, ((0, line, col),))
    fb = _FieldBuilder()
    _decode_literal(" " * (col - 2) + '"' + raw + '"', col - 2, line, fb, path)
    return fb.build()


_NO_FLAGS: frozenset[str] = frozenset()


def _comments(block: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """Split a block of comment lines into translator, extracted, reference and flag parts."""
    if block.count("\n") == 1:
        # One comment line (usually `#: file:line`) is the common case: no loop.
        marker = block[1:2]
        body = block[2:-1]
        if marker == ":":
            return (), (), tuple(body.split()), _NO_FLAGS
        if marker == ",":
            return (), (), (), frozenset(f.strip() for f in body.split(",") if f.strip())
        if marker == ".":
            return (), (body.strip(),), (), _NO_FLAGS
        if marker in ("|", "~"):
            return (), (), (), _NO_FLAGS
        return (block[1:-1].strip(),), (), (), _NO_FLAGS
    comments: list[str] = []
    extracted: list[str] = []
    references: list[str] = []
    flags: set[str] = set()
    for line in block.splitlines():
        marker = line[1:2]
        if marker == ".":
            extracted.append(line[2:].strip())
        elif marker == ":":
            references.extend(line[2:].split())
        elif marker == ",":
            flags.update(f.strip() for f in line[2:].split(",") if f.strip())
        elif marker not in ("|", "~"):
            comments.append(line[1:].strip())
    return tuple(comments), tuple(extracted), tuple(references), frozenset(flags)


def _entries_in(text: str, path: str, first_line: int) -> Iterator[PoEntry]:
    """Entries of a block of whole entries, fast path first, the line lexer for the rest."""
    if "\x00" in text:
        from termguard.readers import refuse_nul

        refuse_nul(text, path, first_line)
    pos = 0
    line = first_line
    length = len(text)
    match = _SIMPLE.match
    count = text.count
    while pos < length:
        while pos < length and text[pos] == "\n":
            pos += 1
            line += 1
        if pos >= length:
            break
        m = match(text, pos)
        if m is None:
            end = text.find("\n\n", pos)
            end = length if end == -1 else end + 1
            yield from _lex_lines(text[pos:end], path, line)
            line += count("\n", pos, end)
            pos = end
            continue
        comment_block, ctxt, msgid, msgstr = m.groups()
        entry_line = line
        n_comments = count("\n", m.start(1), m.end(1)) if comment_block else 0
        kw_line = line + n_comments
        if comment_block:
            comments, extracted, references, flags = _comments(comment_block)
        else:
            comments = extracted = references = ()
            flags = _NO_FLAGS
        if ctxt is not None:
            id_line = kw_line + 1
            ctxt_text = _simple_field(ctxt, kw_line, 10, path).text
        else:
            id_line = kw_line
            ctxt_text = None
        yield PoEntry(
            line=entry_line,
            msgctxt=ctxt_text,
            msgid=_simple_field(msgid, id_line, 8, path),
            msgid_plural=None,
            msgstr=(_simple_field(msgstr, id_line + 1, 9, path),),
            comments=comments,
            extracted=extracted,
            references=references,
            flags=flags,
        )
        line += count("\n", pos, m.end())
        pos = m.end()


def iter_po_blocks(source: IO[str] | IO[bytes], first_line: int = 1) -> Iterator[tuple[str, int]]:
    """Blocks of whole entries of an open PO file (cut at blank lines), each with the file
    line it starts on: a million-entry file is never held in memory at once.

    `source` is a text file, or a binary one (read as UTF-8 with universal newlines, as
    `open(path, encoding="utf-8")` reads: a third faster, and its `tell()` is exact and
    cheap for progress: `iter_po_buffers`, decoded); invalid UTF-8 raises
    `UnicodeDecodeError`.
    """
    if isinstance(source.read(0), bytes):
        for view, line in iter_po_buffers(source, first_line):  # type: ignore[arg-type]
            yield str(view, "utf-8"), line
        return
    line = first_line
    rest = ""
    while True:
        chunk = source.read(_BLOCK)
        if not chunk:
            break
        buffer = rest + chunk  # type: ignore[operator]
        cut = buffer.rfind("\n\n")
        if cut == -1:
            rest = buffer
            continue
        block, rest = buffer[: cut + 2], buffer[cut + 2 :]
        yield block, line
        line += block.count("\n")
    if rest:
        yield rest, line


def iter_po_buffers(
    source: io.BufferedIOBase,
    first_line: int = 1,
    block: int | None = None,
    first: int | None = None,
) -> Iterator[tuple[memoryview, int]]:
    """Blocks of whole entries of a PO file opened in binary (cut at blank lines, each with
    the file line it starts on), undecoded: UTF-8 with universal newlines made `\n`
    (`iter_po_blocks` decodes them).

    The file is read straight into two buffers, in turn (no copy of a block is ever made):
    a block is a view of one of them, valid while the next block is read and checked, until
    the one after it is asked for. Whoever needs a block's text later copies or decodes it.
    Blocks are cut after about `block` bytes (4 MB), the first after `first`.
    """
    size = block or _BLOCK
    step = min(first or size, size)
    buffers = [bytearray(2 * size), bytearray(2 * size)]
    turn = 0
    buffer = buffers[0]
    filled = 0  # bytes in the buffer: what the last block left over comes first
    line = first_line
    while True:
        buffer = buffers[turn] = _room(buffer, filled, filled + step)
        read = source.readinto(memoryview(buffer)[filled : filled + step])
        if not read:
            break
        end = filled + read
        while buffer[end - 1] == 13:  # a \r\n cut in two must stay one newline
            buffer = buffers[turn] = _room(buffer, end, end + 1)
            if not source.readinto(memoryview(buffer)[end : end + 1]):
                break
            end += 1
        if buffer.find(b"\r", filled, end) != -1:
            # Universal newlines, as `iter_po_blocks` reads them; the text only shrinks, so
            # it is written back in place (a buffer with views cannot change its size).
            text = bytes(buffer[filled:end]).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
            buffer[filled : filled + len(text)] = text
            end = filled + len(text)
        cut = buffer.rfind(b"\n\n", 0, end)
        if cut == -1:
            filled = end
            continue
        step = size
        yield memoryview(buffer)[: cut + 2], line
        line += buffer.count(b"\n", 0, cut + 2)
        # What is left over starts the other buffer, which the next block is read into.
        left = end - cut - 2
        turn = 1 - turn
        buffer = buffers[turn] = _room(buffers[turn], 0, left)
        buffer[:left] = buffers[1 - turn][cut + 2 : end]
        filled = left
    if filled:
        yield memoryview(buffer)[:filled], line


def iter_po_entries(source: str | IO[str] | IO[bytes], path: str, first_line: int = 1) -> Iterator[PoEntry]:
    """Yield the active (non-obsolete) entries of a PO file, header included, in order.

    `source` is the whole text or an open file (text, or binary read as UTF-8); a file is
    read in blocks cut at blank lines (`iter_po_blocks`).
    """
    if isinstance(source, str):
        yield from _unique(_entries_in(source, path, first_line), path)
        return
    yield from _unique((e for block, line in iter_po_blocks(source, first_line) for e in _entries_in(block, path, line)), path)


def _unique(entries: Iterator[PoEntry], path: str) -> Iterator[PoEntry]:
    """`entries`, refusing a second entry with the msgctxt and msgid of an earlier one.

    gettext calls that a fatal "duplicate message definition": which of the two
    translations a program gets is undefined. The error names both lines. Only the
    (per-process randomised, 64-bit) hash of each key is kept with its line, so a
    million entries cost tens of megabytes, not a copy of every msgid; two different
    keys sharing a hash are a chance of about one in 10^7 for a million-entry file.
    """
    seen: dict[int, int] = {}  # hash of (msgctxt, msgid) -> line of the first entry
    for entry in entries:
        h = hash((entry.msgctxt, entry.msgid.text))
        first = seen.setdefault(h, entry.line)
        if first != entry.line:
            raise duplicate_error(entry.msgctxt, entry.msgid.text, first, path, entry.line)
        yield entry


def duplicate_error(msgctxt: str | None, msgid: str, first: int, path: str, line: int) -> InputError:
    """gettext's fatal "duplicate message definition", naming both lines."""
    where = f"msgctxt {msgctxt!r}, " if msgctxt is not None else ""
    return InputError(
        f"duplicate message definition ({where}msgid {msgid[:60]!r}); the first is at line "
        f"{first}: keep one of the two entries",
        path,
        line,
    )


def entries_in(text: str, path: str, first_line: int) -> Iterator[PoEntry]:
    """The entries of a string of whole entries starting at file line `first_line`."""
    return _entries_in(text, path, first_line)
