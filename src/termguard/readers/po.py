"""Gettext PO/POT reader with exact positions inside msgid and msgstr strings.

polib parses PO files well but keeps only the line where an entry starts, and builds a
full object per entry. Findings must point at the offending characters inside (possibly
multi-line, escaped) strings, and large files must stream, so reading is done by this small
lexer; polib is used where files are written (`termguard update`). The tests check that
this reader and polib decode the same strings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

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


def iter_po_entries(text: str, path: str) -> Iterator[PoEntry]:
    """Yield the active (non-obsolete) entries of a PO file, header included, in order."""
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

    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip("\r")
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
        candidates.append(p.parent.parent.name)
    for cand in candidates:
        if re.fullmatch(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?", cand):
            return cand.replace("-", "_")
    return None


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


def parse_po(text: str, path: str, lang: str | None = None, source_lang: str = "en") -> Document:
    """Read a PO or POT file into a Document; the target language comes from `Language:`."""
    entries = list(iter_po_entries(text, path))
    header: dict[str, str] = {}
    header_field = None
    if entries and entries[0].msgid.text == "" and entries[0].msgctxt is None:
        header_field = entries[0].msgstr[0]
        header = parse_header(header_field.text)
        entries = entries[1:]
    is_pot = path.endswith(".pot")
    target_lang = None
    if not is_pot:
        target_lang = lang or header.get("Language") or language_from_filename(path)
        target_lang = target_lang.replace("-", "_") if target_lang else None
    units = tuple(units_from_entries(iter(entries), path, source_lang, target_lang))
    return Document(
        path=path,
        kind="pot" if is_pot else "po",
        source_lang=source_lang,
        target_lang=target_lang,
        units=units,
        header=header,
        header_field=header_field,
    )
