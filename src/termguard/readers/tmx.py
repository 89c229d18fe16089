"""TMX 1.4 reader: translation memories as units, with exact positions of every segment.

A `<tu>` becomes one unit per target language: the source is the `<tuv>` whose language
is the header's `srclang` (or the first one), each other `<tuv>` a target. Inline codes
(`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`) are markup, not prose, and are left out of the
text; `<hi>` keeps its text.

Parsed with expat directly so that each piece of character data keeps its line and
column; as in defusedxml, entity declarations and external entities are refused, which
disarms entity-expansion bombs and external references.
"""

from __future__ import annotations

import hashlib
import xml.parsers.expat as expat
from dataclasses import dataclass, field

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

    def field(self) -> Field:
        return Field("".join(self.parts), tuple(self.anchors))


class _Forbidden(Exception):
    pass


def _forbid(*_args: object) -> None:
    raise _Forbidden("entity declarations and external entities are not allowed in TMX")


def parse_tmx(data: bytes | str, path: str, source_lang: str | None = None) -> Document:
    """Read a TMX document into units (one per translation unit and target language)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid

    state: dict = {"srclang": source_lang, "tu": None, "tuv_lang": None, "seg": None, "code_depth": 0, "tu_line": 0}
    tus: list[tuple[str | None, int, list[_Seg]]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local == "header" and not state["srclang"]:
            value = attrs.get("srclang")
            if value and value != "*all*":
                state["srclang"] = value
        elif local == "tu":
            state["tu"] = []
            state["tu_id"] = attrs.get("tuid")
            state["tu_line"] = parser.CurrentLineNumber
        elif local == "tuv":
            state["tuv_lang"] = attrs.get(_XML_LANG) or attrs.get("lang") or attrs.get("xml:lang")
        elif local == "seg" and state["tu"] is not None:
            state["seg"] = _Seg(state["tuv_lang"] or "")
        elif local in _CODES and state["seg"] is not None:
            state["code_depth"] += 1

    def end(name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        if local in _CODES and state["seg"] is not None:
            state["code_depth"] -= 1
        elif local == "seg" and state["seg"] is not None:
            state["tu"].append(state["seg"])
            state["seg"] = None
        elif local == "tu" and state["tu"] is not None:
            tus.append((state.get("tu_id"), state["tu_line"], state["tu"]))
            state["tu"] = None

    def chars(text: str) -> None:
        seg = state["seg"]
        if seg is None or state["code_depth"]:
            return
        seg.anchors.append((seg.length, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        seg.parts.append(text)
        seg.length += len(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(raw, True)
    except _Forbidden as exc:
        raise InputError(f"{exc}; remove the DOCTYPE", path, parser.CurrentLineNumber) from None
    except expat.ExpatError as exc:
        raise InputError(f"malformed XML: {expat.errors.messages[exc.code]}; fix the file", path, exc.lineno) from None
    if not tus and b"<tmx" not in raw[:4096]:
        raise InputError("not a TMX file (no <tmx> root); export translation memories as TMX 1.4", path)

    units: list[Unit] = []
    targets_seen: set[str] = set()
    src_default = state["srclang"]
    for index, (tuid, line, segs) in enumerate(tus, 1):
        if not segs:
            continue
        source = next((s for s in segs if src_default and _same_lang(s.lang, src_default)), segs[0])
        src_field = source.field()
        base_id = tuid or "tu-" + hashlib.blake2b(src_field.text.encode("utf-8"), digest_size=4).hexdigest()
        for seg in segs:
            if seg is source:
                continue
            lang = seg.lang.replace("-", "_")
            targets_seen.add(lang)
            units.append(
                Unit(
                    id=base_id if len(segs) == 2 else f"{base_id}:{lang}",
                    kind="entry",
                    path=path,
                    source=src_field,
                    source_lang=(source.lang or "en").replace("-", "_").split("_")[0],
                    targets=(seg.field(),),
                    target_lang=lang,
                    line=line,
                )
            )
    src = (src_default or "en").replace("-", "_").split("_")[0]
    target = next(iter(targets_seen)) if len(targets_seen) == 1 else None
    return Document(path=path, kind="tmx", source_lang=src, target_lang=target, units=tuple(units), meta={"format": "tmx"})


def _same_lang(a: str, b: str) -> bool:
    return a.lower().replace("_", "-").split("-")[0] == b.lower().replace("_", "-").split("-")[0]
