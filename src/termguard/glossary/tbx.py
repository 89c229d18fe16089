"""TBX in and out: TBX v2 (`<martif>`) and v3 (ISO 30042:2019) TBX-Basic, safely parsed.

Reading goes through defusedxml: entity declarations (XML bombs) and external references
are refused, and a malformed, mis-encoded or empty file is one `InputError` naming its line.
Both DCA (`<termNote type="administrativeStatus">`) and DCT (`<basic:administrativeStatus>`)
styles are read; v2 `termEntry/langSet/tig|ntig` and v3 `conceptEntry/langSec/termSec`.

Status mapping (SPEC §4): `preferredTerm-admn-sts` → preferred, `admittedTerm-admn-sts` →
admitted, `deprecatedTerm-admn-sts` → forbidden, `supersededTerm-admn-sts` → superseded; on
import `obsolete`, `forbidden`, `notRecommended` (and `deprecated`) → forbidden. Weblate's
`<descrip type="Translation needed">No</descrip>` → `dnt: true`. Definitions, usage notes and
notes become the entry's or rendering's `note`.

Writing produces TBX v3 TBX-Basic (DCA), with the `<?xml-model?>` pointers to the
TBX-Basic schemas that the standard's examples carry, or (`version=2`) TBX-Basic v2
(`<martif type="TBX-Basic">`, `termEntry/langSet/tig`), which translate-toolkit and other
older tools read. What TBX-Basic has no data category for (`kind`,
`origin`, `dnt`, `case_sensitive`, `exact`, `indeclinable`, inline `tests`) travels in a
`<note>` that starts with `termguard:` followed by JSON, so YAML → TBX → YAML loses nothing;
other tools show it as an ordinary note.
"""

from __future__ import annotations

import json
import re
from xml.etree.ElementTree import Element, ParseError, TreeBuilder
from xml.parsers.expat import ExpatError
from xml.parsers.expat import errors as expat_errors
from xml.sax.saxutils import escape, quoteattr

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from termguard.errors import InputError
from termguard.glossary.files import Problem, known_language
from termguard.glossary.model import (
    APPROVED,
    KINDS,
    Entry,
    Glossary,
    GlossaryTest,
    Origin,
    Rendering,
)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EXPAT_XML_LANG = "http://www.w3.org/XML/1998/namespace}lang"
TBX3_NS = "urn:iso:std:iso:30042:ed-2"
META_PREFIX = "termguard:"

#: TBX administrative status values → glossary statuses (SPEC §4); keys are lower-cased.
STATUS_IN = {
    "preferredterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "forbidden",
    "supersededterm-admn-sts": "superseded",
    "preferred": "preferred",
    "admitted": "admitted",
    "deprecated": "forbidden",
    "superseded": "superseded",
    "obsolete": "forbidden",
    "forbidden": "forbidden",
    "notrecommended": "forbidden",
    "legal": "admitted",
    "standardized": "preferred",
}
STATUS_OUT = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
    "superseded": "supersededTerm-admn-sts",
}
# The termNote types that carry a term's status in the TBX dialects and versions seen in use.
STATUS_TYPES = {"administrativestatus", "normativeauthorization", "usagestatus"}
NOTE_DESCRIPS = {"definition", "usage note", "usagenote", "explanation", "comment", "context note"}
_ENTRY_TAGS = {"conceptEntry", "termEntry"}
_LANG_TAGS = {"langSec", "langSet"}
_TERM_TAGS = {"termSec", "tig", "ntig"}
_ID_CHARS = re.compile(r"[^a-z0-9]+")
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """An element's name without its namespace (`{urn:...}term` and `basic:term` → `term`)."""
    local = _LOCAL.get(tag)
    if local is None:
        local = _LOCAL[tag] = tag.rsplit("}", 1)[-1] if "}" in tag else tag.split(":")[-1]
    return local


_LINED = _ENTRY_TAGS | _TERM_TAGS | {"term"}


def _check_encoding(data: bytes, path: str) -> None:
    """A file that says (or defaults to) UTF-8 must be UTF-8: name the line of the first bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    head = data[:200].decode("ascii", "replace")
    m = re.match(r"\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)", head)
    if m and m.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8 or declare its encoding",
            path, line,
        ) from None


_ENTRY_RE = re.compile(rb"<(?:[\w.-]+:)?(?:conceptEntry|termEntry)[\s>/]")
_TERM_RE = re.compile(rb"<(?:[\w.-]+:)?term[\s>/]")


def _line_map(root: Element, data: bytes) -> dict[int, int] | None:
    """Lines of entries and terms from their start tags in the raw bytes, matched in order.

    Returns None when the tags found in the bytes do not pair one to one with the elements
    (a commented-out entry, CDATA, a UTF-16 file): the caller then tracks lines while
    parsing, which is exact but slower.
    """
    entry_pos = [m.start() for m in _ENTRY_RE.finditer(data)]
    term_pos = [m.start() for m in _TERM_RE.finditer(data)]
    entries: list[Element] = []
    terms: list[Element] = []
    kinds: dict[str, int] = {}
    for elem in root.iter():
        tag = elem.tag
        kind = kinds.get(tag)
        if kind is None:
            local = _local(tag)
            kind = kinds[tag] = 1 if local in _ENTRY_TAGS else 2 if local == "term" else 0
        if kind == 1:
            entries.append(elem)
        elif kind == 2:
            terms.append(elem)
    if len(entries) != len(entry_pos) or len(terms) != len(term_pos):
        return None
    pairs = sorted([*zip(entry_pos, entries), *zip(term_pos, terms)], key=lambda pair: pair[0])
    lines: dict[int, int] = {}
    line, prev = 1, 0
    count = data.count
    for pos, elem in pairs:
        line += count(b"\n", prev, pos)
        prev = pos
        lines[id(elem)] = line
    return lines


def _parse(data: bytes, path: str, track_lines: bool) -> tuple[Element, dict[int, int]]:
    """One guarded expat pass into an ElementTree; with `track_lines`, note entries' and terms' lines."""
    builder = TreeBuilder()
    guard = DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    expat_parser = guard.parser
    expat_parser.ordered_attributes = False
    external: list[str] = []

    def on_doctype(name: str, system_id: str | None, public_id: str | None, internal: bool) -> None:
        from termguard.readers.xmlguard import external_dtd

        found = external_dtd(system_id, public_id)
        if found is not None:
            external.append(found)
            raise ExpatError("external DTD")
        if previous_doctype is not None:
            previous_doctype(name, system_id, public_id, internal)

    previous_doctype = getattr(expat_parser, "StartDoctypeDeclHandler", None)
    expat_parser.StartDoctypeDeclHandler = on_doctype
    lines: dict[int, int] = {}
    if track_lines:
        start = builder.start
        lined: dict[str, bool] = {}

        def on_start(tag: str, attrs: dict[str, str]) -> None:
            elem = start(tag, attrs)
            wanted = lined.get(tag)
            if wanted is None:
                wanted = lined[tag] = _local(tag) in _LINED
            if wanted:
                lines[id(elem)] = expat_parser.CurrentLineNumber

        expat_parser.StartElementHandler = on_start
    else:
        expat_parser.StartElementHandler = builder.start
    expat_parser.EndElementHandler = builder.end
    expat_parser.CharacterDataHandler = builder.data
    try:
        expat_parser.Parse(data, True)
        root = builder.close()
    except DefusedXmlException as exc:
        line = expat_parser.CurrentLineNumber
        what = type(exc).__name__
        if what == "EntitiesForbidden" and getattr(exc, "sysid", None):
            what = "ExternalReferenceForbidden"
        reason = {
            "EntitiesForbidden": "declares XML entities (a possible XML bomb); remove the <!ENTITY> declarations",
            "ExternalReferenceForbidden": "refers to an external resource (external entity); remove the reference",
            "DTDForbidden": "has a DTD; remove it",
        }.get(what, f"is refused as unsafe XML ({what})")
        raise InputError(f"the file {reason}", path, line) from None
    except (ExpatError, ParseError) as exc:
        if external:
            from termguard.readers.xmlguard import refusal

            raise InputError(refusal("TBX", external[0]), path, expat_parser.CurrentLineNumber) from None
        # pyexpat sets `lineno` on an ExpatError; ElementTree sets `position` on a ParseError.
        position = getattr(exc, "position", None)
        line = getattr(exc, "lineno", None) or (position[0] if position else None)
        code = getattr(exc, "code", None)
        msg = expat_errors.messages.get(code, str(exc).split(":")[0]) if code else str(exc).split(":")[0]
        raise InputError(f"malformed XML ({msg}); fix the markup", path, line) from None
    except (ValueError, LookupError, AssertionError) as exc:
        raise InputError(f"cannot parse XML: {exc}", path) from None
    return root, lines


def parse_xml(data: bytes, path: str) -> tuple[Element, dict[int, int]]:
    """Parse TBX bytes safely; return (root element, line map). Errors are one `InputError`.

    defusedxml's parser installs the guards (no entity declarations, no external
    references) on its expat parser; the element handlers are then pointed straight at C
    `TreeBuilder` methods, several times faster than ElementTree's pure-Python `XMLParser`
    layer. Entries' and terms' lines come from their start tags in the bytes (see
    `_line_map`), or from a second, line-tracking pass when those do not pair up.
    """
    if not data.strip():
        raise InputError("empty file; a TBX glossary has a <tbx> or <martif> root element", path)
    _check_encoding(data, path)
    root, _ = _parse(data, path, track_lines=False)
    local = _local(root.tag)
    if local not in ("tbx", "martif"):
        raise InputError(f"not a TBX file: the root element is <{local}>, expected <tbx> (TBX v3) or <martif> (TBX v2)", path, 1)
    lines = _line_map(root, data)
    if lines is None:
        root, lines = _parse(data, path, track_lines=True)
    return root, lines


def _attr(elem: Element, name: str) -> str | None:
    """An attribute by local name (`xml:lang` arrives as `...namespace}lang`)."""
    value = elem.get(name)
    if value is None and name == "lang":
        value = elem.get(_EXPAT_XML_LANG) or elem.get(XML_LANG)
    if value is not None:
        return value
    for key, value in elem.attrib.items():
        if _local(key) == name:
            return value
    return None


def _text(elem: Element) -> str:
    """An element's text content, stripped (a leaf's own text without walking)."""
    text = elem.text if not len(elem) else "".join(elem.itertext())
    return text.strip() if text else ""


_LANGS: dict[str, str] = {}


def _normalise_lang(code: str | None) -> str | None:
    """`en-US` → `en_US`, `TR` → `tr` (cached: a file repeats a few codes thousands of times)."""
    if not code:
        return None
    cached = _LANGS.get(code)
    if cached is not None:
        return cached
    parts = code.strip().replace("_", "-").split("-")
    out = parts[0].lower()
    for part in parts[1:]:
        out += "_" + (part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part)
    _LANGS[code] = out
    return out


def _slug(text: str) -> str:
    return _ID_CHARS.sub("-", text.lower()).strip("-")


def _read_meta(text: str, path: str, line: int, problems: list[Problem]) -> dict | None:
    """The JSON of a `termguard:` note, or None (with a warning) when it does not parse."""
    try:
        value = json.loads(text[len(META_PREFIX):])
    except ValueError:
        problems.append(Problem("glossary-schema", "warning", path, line, "a termguard: note is not valid JSON; it is kept as a note"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem("glossary-schema", "warning", path, line, "a termguard: note must hold a JSON object; it is kept as a note"))
        return None
    return value


def _note_or_meta(elem: Element, path: str, line: int, notes: list[str], meta: dict, problems: list[Problem]) -> None:
    text = _text(elem)
    if not text:
        return
    if text.startswith(META_PREFIX):
        value = _read_meta(text, path, line, problems)
        if value is not None:
            meta.update(value)
            return
    notes.append(text)


_NOTE_TAGS = {"termNote", "descrip", "admin", "termType"}


def _term_status(value: str, path: str, line: int, problems: list[Problem]) -> str:
    """A TBX term status (`preferredTerm-admn-sts`, `deprecated`, ...) as a rendering status;
    an unknown one is read as admitted, with a warning."""
    status = STATUS_IN.get(value.lower())
    if status is None:
        problems.append(Problem("glossary-schema", "warning", path, line, f"unknown term status {value!r}; read as admitted"))
        return "admitted"
    return status


def _term_settings(meta: dict | None, path: str, line: int, problems: list[Problem]) -> tuple[bool | None, bool, bool]:
    """A term's termguard settings from its `termguard:` note: (case_sensitive, exact,
    indeclinable); unknown keys are warned about and ignored."""
    if not meta:
        return None, False, False
    for key in meta:
        if key not in ("case_sensitive", "exact", "indeclinable"):
            problems.append(Problem("glossary-schema", "warning", path, line, f"unknown termguard term setting {key!r}; ignored"))
    cs = meta.get("case_sensitive")
    return (cs if isinstance(cs, bool) else None), meta.get("exact") is True, meta.get("indeclinable") is True


def _read_term(tsec: Element, approved_seen: int, lines: dict[int, int], path: str,
               problems: list[Problem]) -> tuple[Rendering, str | None] | None:
    """One term section (termSec, tig, ntig) as a rendering, plus its termType if any.

    Written with locals rather than helper objects: a 10,000-term file has tens of
    thousands of these, and this loop is most of the loading time.
    """
    term_elem = None
    line = lines.get(id(tsec), 0)
    status = term_type = None
    notes: list[str] | None = None
    meta: dict | None = None
    # termSec and tig hold term, termNote and note directly; ntig nests them in termGrp.
    children = list(tsec)
    i = 0
    while i < len(children):
        child = children[i]
        i += 1
        local = _LOCAL.get(child.tag) or _local(child.tag)
        if local == "term":
            # The first <term> is the term (a second one is not TBX; it is passed over).
            term_elem = term_elem if term_elem is not None else child
            line = lines.get(id(term_elem), line)
        elif local in _NOTE_TAGS or local.lower() in STATUS_TYPES:
            low = (child.get("type") or local).strip().lower()
            value = _text(child)
            if low in STATUS_TYPES:
                status = _term_status(value, path, line, problems)
            elif low == "termtype":
                term_type = value
            elif low in NOTE_DESCRIPS and value:
                notes = [*(notes or ()), value]
        elif local == "note":
            notes = notes or []
            meta = meta if meta is not None else {}
            _note_or_meta(child, path, line, notes, meta, problems)
        elif local == "termGrp":
            children[i:i] = list(child)
    if term_elem is None:
        problems.append(Problem("glossary-schema", "warning", path, line, "a term section without <term>; skipped"))
        return None
    case_sensitive, exact, indeclinable = _term_settings(meta, path, line, problems)
    rendering = Rendering(
        text=_text(term_elem),
        status=status or ("preferred" if approved_seen == 0 else "admitted"),
        note=" ".join(notes) if notes else None,
        case_sensitive=case_sensitive,
        exact=exact,
        indeclinable=indeclinable,
        line=line,
    )
    return rendering, term_type


def _entry_meta(meta: dict, entry_id: str, path: str, line: int, problems: list[Problem]) -> dict:
    """Validate the entry-level termguard settings; unknown or ill-typed ones are warned and dropped."""
    out: dict = {}
    for key, value in meta.items():
        ok = (
            (key == "kind" and value in KINDS)
            or (key in ("dnt", "case_sensitive") and isinstance(value, bool))
            or (key == "origin" and isinstance(value, dict) and isinstance(value.get("lang"), str) and isinstance(value.get("text"), str))
            or (key == "tests" and isinstance(value, list))
        )
        if ok:
            out[key] = value
        else:
            problems.append(Problem("glossary-schema", "warning", path, line,
                                    f"termguard setting {key}={value!r} of '{entry_id}' is not understood; ignored", term=entry_id))
    return out


def _tests(raw: list, path: str, line: int, entry_id: str, problems: list[Problem]) -> tuple[GlossaryTest, ...]:
    tests = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("lang"), str) and len({"ok", "bad"} & set(item)) == 1:
            kind = "ok" if "ok" in item else "bad"
            tests.append(GlossaryTest(lang=item["lang"], text=str(item[kind]), expect_ok=kind == "ok", line=line))
        else:
            problems.append(Problem("glossary-schema", "warning", path, line, f"a test of '{entry_id}' is not {{lang, ok|bad}}; ignored", term=entry_id))
    return tuple(tests)


def _entries(root: Element) -> list[Element]:
    """The entry elements: the children of <body> (found without walking every element)."""
    for section in root:
        if _local(section.tag) == "text":
            for body in section:
                if _local(body.tag) == "body":
                    return [e for e in body if _local(e.tag) in _ENTRY_TAGS]
    return [e for e in root.iter() if _local(e.tag) in _ENTRY_TAGS]


def _entry_field(child: Element, notes: list[str]) -> bool | None:
    """An entry-level `descrip` or `admin`: a note joins `notes`; Weblate's `Translation
    needed` field returns the entry's do-not-translate flag (None for any other field)."""
    dtype = (child.get("type") or "").strip().lower()
    value = _text(child)
    if dtype == "translation needed":
        return value.lower() in ("no", "false", "0")
    if dtype in NOTE_DESCRIPS and value:
        notes.append(value)
    return None


def _lang_of(lang_set: Element, path: str, line: int, problems: list[Problem]) -> str | None:
    """The language of a langSet/langSec, or None (with a warning) when it is unknown."""
    lang = _normalise_lang(_attr(lang_set, "lang"))
    if not lang or not known_language(lang):
        problems.append(Problem("glossary-schema", "warning", path, line,
                                f"language section with unknown language {lang!r}; skipped"))
        return None
    return lang


def _read_lang_set(lang_set: Element, lang: str, forms: list[Rendering], notes: list[str], lines: dict[int, int],
                   path: str, problems: list[Problem]) -> str | None:
    """Append the renderings of one langSet/langSec to `forms` (the entry's forms in
    `lang` so far: the first approved one is preferred) and its notes to `notes`.
    Returns the termType of its first term ("" when it has none), None when no term was read."""
    approved = sum(r.status in APPROVED for r in forms)
    first_type: str | None = None
    for sub in lang_set:
        local = _LOCAL.get(sub.tag) or _local(sub.tag)
        if local in _TERM_TAGS:
            read = _read_term(sub, approved, lines, path, problems)
            if read is None:
                continue
            rendering, term_type = read
            if first_type is None:
                first_type = term_type or ""
            approved += rendering.status in APPROVED
            forms.append(rendering)
        elif local == "note" or (local == "descrip" and (sub.get("type") or "").lower() in NOTE_DESCRIPS):
            text = _text(sub)
            if text and not text.startswith(META_PREFIX):
                notes.append(f"({lang}) {text}")
    return first_type


def _entry_id(elem: Element, index: int, renderings: dict[str, list[Rendering]], used: set[str], path: str,
              line: int, problems: list[Problem]) -> tuple[str, str]:
    """(the id the file gives, the kebab-case id it is imported as: unique among `used`,
    made from the first term when the file gives none). A changed id is noted."""
    raw_id = (elem.get("id") or "").strip()
    if raw_id[:1] == "_" and raw_id[1:2].isdigit() and _KEBAB.fullmatch(raw_id[1:]):
        raw_id = raw_id[1:]  # an XML id cannot start with a digit: `write_tbx` added the `_`
    entry_id = raw_id if _KEBAB.fullmatch(raw_id) else _slug(raw_id)
    if not entry_id:
        first = next((r.text for forms in renderings.values() for r in forms), "")
        entry_id = _slug(first) or f"entry-{index + 1}"
    base, n = entry_id, 2
    while entry_id in used:
        entry_id = f"{base}-{n}"
        n += 1
    if raw_id and entry_id != raw_id:
        problems.append(Problem("glossary-schema", "info", path, line, f"entry id {raw_id!r} imported as '{entry_id}'", term=entry_id))
    used.add(entry_id)
    return raw_id, entry_id


def _read_entry(elem: Element, index: int, lines: dict[int, int], path: str, used: set[str],
                problems: list[Problem]) -> tuple[Entry | None, bool]:
    """One termEntry/conceptEntry: (the entry, or None when it has no terms; whether it
    had a language section in a known language)."""
    line = lines.get(id(elem), 0)
    notes: list[str] = []
    meta: dict = {}
    dnt = False
    renderings: dict[str, list[Rendering]] = {}
    first_type: str | None = None
    langs_seen = False
    for child in elem:
        local = _LOCAL.get(child.tag) or _local(child.tag)
        if local in ("descrip", "admin"):
            flag = _entry_field(child, notes)
            dnt = dnt if flag is None else flag
        elif local == "note":
            _note_or_meta(child, path, line, notes, meta, problems)
        elif local in _LANG_TAGS:
            lang = _lang_of(child, path, line, problems)
            if lang is not None:
                langs_seen = True
                term_type = _read_lang_set(child, lang, renderings.setdefault(lang, []), notes, lines, path, problems)
                first_type = term_type if first_type is None else first_type
    raw_id, entry_id = _entry_id(elem, index, renderings, used, path, line, problems)
    if not any(renderings.values()):
        problems.append(Problem("glossary-schema", "warning", path, line, f"entry {raw_id or entry_id!r} has no terms; skipped", term=entry_id))
        return None, langs_seen
    meta = _entry_meta(meta, entry_id, path, line, problems)
    kind = meta.get("kind") or ("acronym" if (first_type or "").lower() in ("acronym", "abbreviation", "initialism") else "term")
    origin = meta.get("origin")
    return Entry(
        id=entry_id,
        kind=kind,
        note=" ".join(notes) or None,
        origin=Origin(origin["lang"], origin["text"]) if origin else None,
        dnt=meta.get("dnt", dnt),
        case_sensitive=meta.get("case_sensitive"),
        renderings={lang: tuple(forms) for lang, forms in renderings.items() if forms},
        tests=_tests(meta.get("tests", []), path, line, entry_id, problems),
        path=path,
        line=line,
    ), langs_seen


def read_tbx(data: bytes, path: str) -> tuple[list[Entry], list[Problem]]:
    """Parse a TBX file's bytes into glossary entries, with warnings for what was not understood."""
    root, lines = parse_xml(data, path)
    problems: list[Problem] = []
    entries: list[Entry] = []
    used: set[str] = set()
    body_langs_seen = False
    for index, elem in enumerate(_entries(root)):
        entry, langs_seen = _read_entry(elem, index, lines, path, used, problems)
        body_langs_seen = body_langs_seen or langs_seen
        if entry is not None:
            entries.append(entry)
    if not entries and not body_langs_seen:
        problems.append(Problem("glossary-schema", "warning", path, 1, "no terms found in this TBX file"))
    return entries, problems


def load_tbx(path: str) -> tuple[list[Entry], list[Problem]]:
    """Read a TBX file from disk (see `read_tbx`)."""
    from pathlib import Path

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; check the path", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, expected a TBX file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None
    return read_tbx(data, path)


def _note(text: str, indent: str) -> str:
    return f"{indent}<note>{escape(text)}</note>\n"


def _entry_meta_out(entry: Entry) -> dict:
    meta: dict = {}
    if entry.kind != "term":
        meta["kind"] = entry.kind
    if entry.dnt:
        meta["dnt"] = True
    if entry.case_sensitive is not None:
        meta["case_sensitive"] = entry.case_sensitive
    if entry.origin is not None:
        meta["origin"] = {"lang": entry.origin.lang, "text": entry.origin.text}
    if entry.tests:
        meta["tests"] = [{"lang": t.lang, ("ok" if t.expect_ok else "bad"): t.text} for t in entry.tests]
    return meta


def _tbx_lang(lang: str) -> str:
    return lang.replace("_", "-")


#: The schema pointers of TBX-Basic v3 documents (the dialect's published RelaxNG and Schematron).
TBX3_MODELS = (
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
)
#: Element names of the two versions: v3 (ISO 30042:2019) and v2 (martif, ISO 30042:2008).
_NAMES = {
    3: {"header": "tbxHeader", "entry": "conceptEntry", "lang": "langSec", "term": "termSec"},
    2: {"header": "martifHeader", "entry": "termEntry", "lang": "langSet", "term": "tig"},
}


def write_tbx(glossary: Glossary, source_lang: str = "en", version: int = 3) -> str:
    """The glossary as TBX-Basic: v3 (ISO 30042:2019, DCA style; the default) or v2 (martif)."""
    if version not in _NAMES:
        raise ValueError(f"TBX version {version}: termguard writes 2 or 3")
    names = _NAMES[version]
    if version == 3:
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            TBX3_MODELS,
            f'<tbx type="TBX-Basic" style="dca" xml:lang="{_tbx_lang(source_lang)}" xmlns="{TBX3_NS}">\n',
        ]
    else:
        out = [
            '<?xml version="1.0" encoding="UTF-8"?>\n',
            f'<martif type="TBX-Basic" xml:lang="{_tbx_lang(source_lang)}">\n',
        ]
    out.append(
        f"  <{names['header']}>\n    <fileDesc>\n      <sourceDesc><p>termguard glossary export</p></sourceDesc>\n"
        f"    </fileDesc>\n  </{names['header']}>\n  <text>\n    <body>\n"
    )
    entry_tag, lang_tag, term_tag = names["entry"], names["lang"], names["term"]
    for entry in glossary:
        xml_id = f"_{entry.id}" if entry.id[:1].isdigit() else entry.id  # an XML id is a name
        out.append(f"      <{entry_tag} id={quoteattr(xml_id)}>\n")
        if entry.note:
            out.append(_note(entry.note, "        "))
        meta = _entry_meta_out(entry)
        if meta:
            out.append(_note(META_PREFIX + " " + json.dumps(meta, ensure_ascii=False), "        "))
        langs = sorted(entry.renderings, key=lambda lang: (lang != source_lang, lang))
        for lang in langs:
            out.append(f"        <{lang_tag} xml:lang={quoteattr(_tbx_lang(lang))}>\n")
            for r in entry.renderings[lang]:
                out.append(f"          <{term_tag}>\n            <term>{escape(r.text)}</term>\n")
                out.append(f'            <termNote type="administrativeStatus">{STATUS_OUT[r.status]}</termNote>\n')
                if entry.kind == "acronym" and lang == source_lang and r.approved and r is entry.renderings[lang][0]:
                    out.append('            <termNote type="termType">acronym</termNote>\n')
                if r.note:
                    out.append(_note(r.note, "            "))
                flags = {k: v for k, v in (("case_sensitive", r.case_sensitive), ("exact", r.exact or None),
                                           ("indeclinable", r.indeclinable or None)) if v is not None}
                if flags:
                    out.append(_note(META_PREFIX + " " + json.dumps(flags, sort_keys=True), "            "))
                out.append(f"          </{term_tag}>\n")
            out.append(f"        </{lang_tag}>\n")
        out.append(f"      </{entry_tag}>\n")
    out.append("    </body>\n  </text>\n</tbx>\n" if version == 3 else "    </body>\n  </text>\n</martif>\n")
    return "".join(out)


__all__ = ["APPROVED", "STATUS_IN", "STATUS_OUT", "load_tbx", "parse_xml", "read_tbx", "write_tbx"]
