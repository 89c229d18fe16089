"""TMX 1.4 reader: translation memories as units, with exact positions of every segment.

A `<tu>` becomes one unit per target language: the source is the `<tuv>` whose language
is the header's `srclang` (or the first one), each other `<tuv>` a target. Inline codes
(`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`) are markup, not prose, and are left out of the
text; `<hi>` keeps its text.

Parsed with expat directly so that each piece of character data keeps its line and
column; as in defusedxml, entity declarations and external entities are refused, which
disarms entity-expansion bombs and external references. Large memories (`stream_tmx`)
are read a megabyte at a time, each unit handed on as its `<tu>` closes.
"""

from __future__ import annotations

import hashlib
import xml.parsers.expat as expat
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import IO, NoReturn

from termguard.errors import InputError
from termguard.model import Document, Field, Unit

_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
_XML_LANG = "http://www.w3.org/XML/1998/namespace lang"


@dataclass
class _Seg:
    lang: str
    parts: list[str] = field(default_factory=list)
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0
    # The file position right after the last piece, if it ended on that line: a piece
    # that continues there (expat splits text where a streamed read split its input)
    # needs no anchor of its own, so split and whole reads anchor alike.
    follows: tuple[int, int] | None = None

    def add(self, text: str, line: int, col: int) -> None:
        if self.follows != (line, col):
            self.anchors.append((self.length, line, col))
        self.parts.append(text)
        self.length += len(text)
        self.follows = (line, col + len(text)) if "\n" not in text else None

    def field(self) -> Field:
        return Field("".join(self.parts), tuple(self.anchors))


class _Forbidden(Exception):
    pass


def _forbid(*_args: object) -> NoReturn:
    raise _Forbidden("entity declarations and external entities are not allowed in TMX; remove the DOCTYPE")


def _doctype(_name: str, system_id: str | None, public_id: str | None, _internal: bool) -> None:
    from termguard.readers.xmlguard import external_dtd, refusal

    found = external_dtd(system_id, public_id)
    if found is not None:
        raise _Forbidden(refusal("TMX", found))


def _parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _doctype
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid
    return parser


def _feed(parser: expat.XMLParserType, data: bytes, final: bool, path: str) -> None:
    try:
        parser.Parse(data, final)
    except _Forbidden as exc:
        raise InputError(str(exc), path, parser.CurrentLineNumber) from None
    except expat.ExpatError as exc:
        raise InputError(f"malformed XML: {expat.errors.messages[exc.code]}; fix the file", path, exc.lineno) from None


_TU = tuple  # (tuid or None, line, segments)


class _Walker:
    """expat events → translation units (`tus`), each as its `<tu>` closes."""

    def __init__(self, path: str, source_lang: str | None, texts: bool = True) -> None:
        self.path = path
        self.srclang = source_lang
        self.texts = texts  # False: languages only (the first pass of a streamed read)
        self.tus: list[_TU] = []
        self.tu: list[_Seg] | None = None
        self.tu_id: str | None = None
        self.tu_line = 0
        self.tuv_lang: str | None = None
        self.seg: _Seg | None = None
        self.code_depth = 0
        self.parser = _parser()
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        if texts:
            self.parser.CharacterDataHandler = self.chars

    def feed(self, data: bytes, final: bool = False) -> None:
        _feed(self.parser, data, final, self.path)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "header" and not self.srclang:
            value = attrs.get("srclang")
            if value and value != "*all*":
                self.srclang = value
        elif local == "tu":
            self.tu = []
            self.tu_id = attrs.get("tuid")
            self.tu_line = self.parser.CurrentLineNumber
        elif local == "tuv":
            self.tuv_lang = attrs.get(_XML_LANG) or attrs.get("lang") or attrs.get("xml:lang")
        elif local == "seg" and self.tu is not None:
            self.seg = _Seg(self.tuv_lang or "")
        elif local in _CODES and self.seg is not None:
            self.code_depth += 1

    def end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local in _CODES and self.seg is not None:
            self.code_depth -= 1
        elif local == "seg" and self.seg is not None and self.tu is not None:
            self.tu.append(self.seg)
            self.seg = None
        elif local == "tu" and self.tu is not None:
            self.tus.append((self.tu_id, self.tu_line, self.tu))
            self.tu = None

    def chars(self, text: str) -> None:
        seg = self.seg
        if seg is None or self.code_depth:
            return
        seg.add(text, self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1)


def _source_of(segs: list[_Seg], src_default: str | None) -> _Seg:
    return next((s for s in segs if src_default and _same_lang(s.lang, src_default)), segs[0])


def _units_of(tu: _TU, src_default: str | None, path: str) -> list[Unit]:
    """One unit per target language of a translation unit."""
    tuid, line, segs = tu
    if not segs:
        return []
    source = _source_of(segs, src_default)
    src_field = source.field()
    base_id = tuid or "tu-" + hashlib.blake2b(src_field.text.encode("utf-8"), digest_size=4).hexdigest()
    return [
        Unit(
            id=base_id if len(segs) == 2 else f"{base_id}:{seg.lang.replace('-', '_')}",
            kind="entry",
            path=path,
            source=src_field,
            source_lang=(source.lang or "en").replace("-", "_").split("_")[0],
            targets=(seg.field(),),
            target_lang=seg.lang.replace("-", "_"),
            line=line,
        )
        for seg in segs
        if seg is not source
    ]


def _document(path: str, srclang: str | None, targets_seen: Collection[str | None], units: tuple, meta: dict) -> Document:
    src = (srclang or "en").replace("-", "_").split("_")[0]
    target = next(iter(targets_seen)) if len(targets_seen) == 1 else None
    return Document(path=path, kind="tmx", source_lang=src, target_lang=target, units=units,
                    meta={"format": "tmx", **meta})


def _not_tmx(path: str) -> InputError:
    return InputError("not a TMX file (no <tmx> root); export translation memories as TMX 1.4", path)


def parse_tmx(data: bytes | str, path: str, source_lang: str | None = None) -> Document:
    """Read a TMX document into units (one per translation unit and target language)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    walker = _Walker(path, source_lang)
    walker.feed(raw, True)
    if not walker.tus and b"<tmx" not in raw[:4096]:
        raise _not_tmx(path)
    units = tuple(u for tu in walker.tus for u in _units_of(tu, walker.srclang, path))
    return _document(path, walker.srclang, {u.target_lang for u in units}, units, {})


# A streamed read takes the file a megabyte at a time.
_PIECE = 1 << 20


def stream_tmx(handle: IO[bytes], path: str, source_lang: str | None = None) -> tuple[Document, Iterator[Unit]]:
    """Read a large TMX file lazily: a Document without units, and an iterator over them.

    Two passes, a megabyte at a time: the first checks the XML and learns the languages
    (the document's target language is the one language every unit translates into, if
    there is one), the second hands on each translation unit as its `<tu>` closes.
    """
    head = handle.read(4096)
    handle.seek(0)
    first = _Walker(path, source_lang, texts=False)
    targets_seen: set[str] = set()
    any_tu = False
    while True:
        piece = handle.read(_PIECE)
        first.feed(piece, not piece)
        for _tuid, _line, segs in first.tus:
            any_tu = True
            if segs:
                source = _source_of(segs, first.srclang)
                targets_seen.update(s.lang.replace("-", "_") for s in segs if s is not source)
        first.tus.clear()
        if not piece:
            break
    if not any_tu and b"<tmx" not in head:
        raise _not_tmx(path)
    handle.seek(0)
    doc = _document(path, first.srclang, targets_seen, (), {"streamed": True})

    def units() -> Iterator[Unit]:
        walker = _Walker(path, source_lang)
        walker.srclang = first.srclang  # the header comes first: the same in both passes
        while True:
            piece = handle.read(_PIECE)
            walker.feed(piece, not piece)
            for tu in walker.tus:
                yield from _units_of(tu, walker.srclang, path)
            walker.tus.clear()
            if not piece:
                return

    return doc, units()


def _same_lang(a: str, b: str) -> bool:
    return a.lower().replace("_", "-").split("-")[0] == b.lower().replace("_", "-").split("-")[0]
