"""XLIFF 1.2 and 2.x reader (`.xlf`, `.xliff`) with exact positions of source and target text.

Two passes over the file:

1. defusedxml parses it, refusing DTDs, entity declarations and external references (the
   XML attacks: billion laughs, external entities), and reports malformed XML as one line.
2. expat, with no DTD allowed, walks it again only to learn *where* each piece of text
   stands: expat reports the line and column (0-based, in characters) at which every
   character-data event starts. A run of plain text maps one to one onto the file; an
   entity or character reference (`&amp;`, `&#x41;`) arrives as its own event, so each
   piece gets its own anchor and offsets after a reference stay exact.

Large files (`stream_xliff`) are read a megabyte at a time: a first expat pass refuses
DTDs and malformed XML and counts the <file> elements, the second hands each unit on as
its element closes. Entity references are recognised in the bytes just fed, not in the
whole text, so both reads anchor every character alike.

Text inside inline markup that holds text (`<g>`, `<mrk>`, `<pc>`) is part of the unit's
text; native code (`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<sub>`, 2.x `<originalData>`) is not.
Only a `<source>`/`<target>` directly inside a 1.2 `<trans-unit>` or a 2.x `<segment>` is
read: `<alt-trans>` suggestions and `<seg-source>` are not the translation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.parsers import expat

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from termguard.errors import InputError
from termguard.model import Document, Field, Unit
from termguard.readers.po import UNIT_KINDS

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"

# 1.2 states that mean "a translator must look at this again".
_REVIEW_STATES = frozenset({
    "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation",
    "needs-review-adaptation", "needs-review-l10n",
})
_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "sub", "originalData", "sc", "ec", "cp"})


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0
    # Where the file position would be if the next piece of text continues the last one:
    # expat splits a text where its input was split (a streamed read), and a piece that
    # just continues needs no anchor of its own, so split and whole reads anchor alike.
    follows: tuple[int, int] | None = None

    def add(self, data: str, line: int, col: int) -> None:
        if self.follows != (line, col):
            self.anchors.append((self.length, line, col))
        start = 0
        while True:
            nl = data.find("\n", start)
            if nl == -1:
                break
            line += 1
            col = 1 - (nl + 1)  # so that col + len(data) below is the column after the text
            self.anchors.append((self.length + nl + 1, line, 1))
            start = nl + 1
        self.parts.append(data)
        self.length += len(data)
        self.follows = (line, col + len(data))

    def add_reference(self, data: str, line: int, col: int) -> None:
        # A reference's replacement text all points at the `&` that produced it.
        for i in range(len(data)):
            self.anchors.append((self.length + i, line, col))
        self.parts.append(data)
        self.length += len(data)
        self.follows = None

    def build(self) -> Field:
        anchors: list[tuple[int, int, int]] = []
        for a in self.anchors:
            if anchors and anchors[-1][0] == a[0]:
                anchors[-1] = a
            else:
                anchors.append(a)
        return Field("".join(self.parts), tuple(anchors))


@dataclass
class _UnitState:
    id: str
    line: int
    file_index: int
    flags: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    source: _Text | None = None
    target: _Text | None = None
    target_flags: set[str] = field(default_factory=set)


@dataclass
class _FileInfo:
    source_lang: str | None
    target_lang: str | None
    id: str


def _local(name: str) -> tuple[str, str]:
    ns, _, local = name.rpartition(" ")
    return ns, local


def _lang(value: str | None) -> str | None:
    return value.replace("-", "_") if value else None


def _validate(text: str, path: str) -> None:
    """Pass 1: defusedxml refuses DTDs and entities and reports malformed XML."""
    try:
        DET.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except DET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        reason = str(exc).split(":")[0]
        raise InputError(f"not well-formed XML ({reason}); fix the markup", path, line) from None
    except DefusedXmlException as exc:
        raise InputError(
            f"XLIFF must not use DTDs or entity declarations ({type(exc).__name__}); remove the <!DOCTYPE>", path
        ) from None


class _Walker:
    """Pass 2: expat events → units with positioned fields."""

    def __init__(self, path: str) -> None:
        self.path = path
        # The bytes fed last (and a tail of those before, where an event may have started):
        # enough to tell an entity reference (`&amp;`) from plain text at an event's offset.
        self.window = b""
        self.window_start = 0
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = False
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.chars
        self.parser.StartDoctypeDeclHandler = self._refuse
        self.parser.EntityDeclHandler = self._refuse
        self.parser.StartCdataSectionHandler = lambda: setattr(self, "in_cdata", True)
        self.parser.EndCdataSectionHandler = lambda: setattr(self, "in_cdata", False)
        self.in_cdata = False
        self.stack: list[str] = []
        self.version: str | None = None
        self.files: list[_FileInfo] = []
        self.units: list[_UnitState] = []
        self.unit: _UnitState | None = None
        self.segment: str | None = None
        self.segment_count = 0
        self.capture: _Text | None = None
        self.capture_depth = 0
        self.skip_depth = 0
        self.note: list[str] | None = None
        self.root_langs: tuple[str | None, str | None] = (None, None)

    def _refuse(self, *args: object) -> None:
        raise InputError("XLIFF must not use DTDs or entity declarations; remove the <!DOCTYPE>", self.path,
                         self.parser.CurrentLineNumber)

    def _where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1

    def feed(self, data: bytes, final: bool = False) -> None:
        """Parse the next piece of the file; completed units are appended to `self.units`."""
        keep = self.window[-_TAIL:]
        self.window_start += len(self.window) - len(keep)
        self.window = keep + data
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError as exc:
            raise InputError(f"not well-formed XML ({expat.ErrorString(exc.code)}); fix the markup", self.path,
                             exc.lineno) from None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        ns, local = _local(name)
        parent = self.stack[-1] if self.stack else None
        self.stack.append(local)
        line, _col = self._where()
        if parent is None:
            self._root(ns, local, attrs, line)
            return
        if self.capture is not None:
            self.capture_depth += 1
        if self.skip_depth:
            self.skip_depth += 1
            return
        if self.capture is not None:
            if local in _NATIVE_CODE:
                self.skip_depth = 1
            return
        if local == "file" and len(self.stack) == 2:  # <file> is a child of <xliff> only
            if self.version == "1.2":
                info = _FileInfo(attrs.get("source-language"), attrs.get("target-language"),
                                 attrs.get("original") or attrs.get("id") or str(len(self.files) + 1))
            else:
                info = _FileInfo(self.root_langs[0], self.root_langs[1], attrs.get("id") or str(len(self.files) + 1))
            self.files.append(info)
        elif local in ("alt-trans", "seg-source", "originalData", "ignorable", "sub"):
            self.skip_depth = 1
        elif self.version == "1.2" and local == "trans-unit":
            self._open_unit(attrs, line)
        elif self.version == "2.0" and local == "unit":
            self._open_unit(attrs, line)
            self.segment_count = 0
        elif self.version == "2.0" and local == "segment" and self.unit is not None:
            self.segment_count += 1
            self.segment = attrs.get("id") or str(self.segment_count)
            self.unit.source = self.unit.target = None
            self.unit.target_flags = set()
        elif local in ("source", "target") and self.unit is not None and parent in ("trans-unit", "segment"):
            buf = _Text()
            # An element with no text still has a place: a finding about an empty target
            # points at its tag, not at the top of the file. Text that follows re-anchors
            # offset 0 where it starts.
            buf.anchors.append((0, line, _col))
            if local == "source":
                self.unit.source = buf
            else:
                self.unit.target = buf
                state = attrs.get("state")
                if state in _REVIEW_STATES:
                    self.unit.target_flags.add("fuzzy")
            self.capture = buf
            self.capture_depth = 1
        elif local == "note" and self.unit is not None:
            self.note = []

    def _root(self, ns: str, local: str, attrs: dict[str, str], line: int) -> None:
        if local != "xliff":
            raise InputError(f"not an XLIFF document (root element <{local}>); expected <xliff>", self.path, line)
        version = attrs.get("version", "")
        if ns == NS_12 or version.startswith("1."):
            self.version = "1.2"
        elif ns == NS_20 or version.startswith("2."):
            self.version = "2.0"
            self.root_langs = (attrs.get("srcLang"), attrs.get("trgLang"))
        else:
            raise InputError(f"unsupported XLIFF version {version or '(none)'}; termguard reads 1.2 and 2.x",
                             self.path, line)

    def _open_unit(self, attrs: dict[str, str], line: int) -> None:
        uid = attrs.get("id")
        if not uid:
            raise InputError("translation unit without an id attribute; give every unit an id", self.path, line)
        if not self.files:
            self.files.append(_FileInfo(*self.root_langs, id="1"))
        self.unit = _UnitState(uid, line, len(self.files) - 1)
        if attrs.get("translate") == "no":
            self.unit.flags.add("no-translate")
        self.segment = None

    def end(self, name: str) -> None:
        _ns, local = _local(name)
        self.stack.pop()
        if self.capture is not None:
            self.capture_depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
            return
        if self.capture is not None:
            if self.capture_depth == 0:
                self.capture = None
            return
        if local == "note" and self.note is not None and self.unit is not None:
            self.unit.notes.append("".join(self.note).strip())
            self.note = None
        elif self.version == "1.2" and local == "trans-unit" and self.unit is not None:
            self._emit(self.unit.id)
            self.unit = None
        elif self.version == "2.0" and local == "segment" and self.unit is not None:
            self._emit(f"{self.unit.id}/{self.segment}")
        elif self.version == "2.0" and local == "unit":
            if self.unit is not None and self.segment_count == 1:
                # One segment (the common case): the unit's own id names it.
                self.units[-1].id = self.unit.id
            self.unit = None

    def _emit(self, uid: str) -> None:
        unit = self.unit
        assert unit is not None
        if unit.source is None:
            raise InputError(f"unit {uid!r} has no <source>; every unit needs one", self.path, unit.line)
        snapshot = _UnitState(uid, unit.line, unit.file_index, set(unit.flags) | unit.target_flags, list(unit.notes),
                              unit.source, unit.target)
        self.units.append(snapshot)
        unit.target_flags = set()

    def chars(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.note is not None:
            self.note.append(data)
            return
        if self.capture is None:
            return
        line, col = self._where()
        offset = self.parser.CurrentByteIndex - self.window_start
        if not self.in_cdata and 0 <= offset < len(self.window) and self.window[offset] == 0x26:  # "&"
            self.capture.add_reference(data, line, col)
        else:
            self.capture.add(data, line, col)


# How much of the bytes fed before a piece is kept: an event starts at most a token back.
_TAIL = 1 << 16
_PIECE = 1 << 20


def _unit(st: _UnitState, files: list[_FileInfo], many_files: bool, path: str, lang: str | None, source_lang: str) -> Unit:
    info = files[st.file_index] if files else _FileInfo(None, None, "1")
    uid = f"{info.id}/{st.id}" if many_files else st.id
    # `termguard segment --format xliff` records the unit kind in a note, as the POT's `#.`.
    kind = next((n for n in st.notes if n in UNIT_KINDS), "entry")
    return Unit(
        id=uid,
        kind=kind,
        path=path,
        source=st.source.build() if st.source else Field(""),
        source_lang=_lang(info.source_lang) or source_lang,
        targets=(st.target.build(),) if st.target is not None else (),
        target_lang=_lang(lang) or _lang(info.target_lang),
        flags=frozenset(st.flags),
        comments=tuple(st.notes),
        line=st.line,
    )


def _document(path: str, walker: _Walker, first: Unit | None, lang: str | None, source_lang: str, units: tuple,
              meta: dict) -> Document:
    doc_source = first.source_lang if first else None
    doc_target = _lang(lang) or (first.target_lang if first else None)
    if doc_source is None and walker.files:
        doc_source = _lang(walker.files[0].source_lang)
    if doc_target is None and walker.files:
        doc_target = _lang(walker.files[0].target_lang)
    return Document(path=path, kind="xliff", source_lang=doc_source or source_lang, target_lang=doc_target,
                    units=units, meta={"version": walker.version, **meta})


def parse_xliff(text: str, path: str, lang: str | None = None, source_lang: str = "en") -> Document:
    """Read an XLIFF 1.2 or 2.x file into a Document of kind `xliff` (one unit per segment)."""
    _validate(text, path)
    walker = _Walker(path)
    walker.feed(text.encode("utf-8"), True)
    many_files = len(walker.files) > 1
    units = tuple(_unit(st, walker.files, many_files, path, lang, source_lang) for st in walker.units)
    return _document(path, walker, units[0] if units else None, lang, source_lang, units, {})


def _count_files(handle: IO[bytes], path: str) -> int:
    """First pass of a streamed read: the number of <file> elements, and the whole file
    checked to be well-formed XML without a DTD, before any unit is reported."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0
    files = 0

    def start(name: str, _attrs: dict[str, str]) -> None:
        nonlocal depth, files
        depth += 1
        if depth == 2 and name.rpartition(" ")[2] == "file":
            files += 1

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    def refuse(*_args: object) -> None:
        raise InputError("XLIFF must not use DTDs or entity declarations; remove the <!DOCTYPE>", path,
                         parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        while piece := handle.read(_PIECE):
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise InputError(f"not well-formed XML ({expat.ErrorString(exc.code)}); fix the markup", path,
                         exc.lineno) from None
    return files


def stream_xliff(handle: IO[bytes], path: str, lang: str | None = None, source_lang: str = "en") -> tuple[Document, Iterator[Unit]]:
    """Read a large XLIFF file lazily: a Document without units, and an iterator over them.

    The file is read twice, a megabyte at a time: once to check it and count its <file>
    elements (unit ids carry the file's id when there are several), then for the units,
    which are handed on as their elements close. Memory stays flat whatever the size.
    """
    many_files = _count_files(handle, path) > 1
    handle.seek(0)
    walker = _Walker(path)
    ready: list[Unit] = []

    def more() -> bool:
        piece = handle.read(_PIECE)
        walker.feed(piece, not piece)
        ready.extend(_unit(st, walker.files, many_files, path, lang, source_lang) for st in walker.units)
        walker.units.clear()
        return bool(piece)

    # Read up to the first unit: the document's languages are those of its file.
    going = True
    while going and not ready:
        going = more()

    def units() -> Iterator[Unit]:
        nonlocal going
        while True:
            yield from ready
            ready.clear()
            if not going:
                return
            going = more()

    doc = _document(path, walker, ready[0] if ready else None, lang, source_lang, (), {"streamed": True})
    return doc, units()
