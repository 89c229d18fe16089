"""Writers for segmented documents: gettext template (POT), JSON, one-unit-per-line text, XLIFF 1.2.

Each writer takes the units and returns the whole file as a string; the caller writes it
(atomically) or prints it. Output is deterministic for a given document, except the POT
creation date, which follows `SOURCE_DATE_EPOCH` when it is set (reproducible builds).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

import polib

from termguard import __version__
from termguard.segment.core import Segment

FORMATS = ("pot", "json", "text", "xliff")
# Characters XML 1.0 cannot carry at all.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _creation_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = time.gmtime(int(epoch)) if epoch and epoch.isdigit() else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def span_notes(units: Sequence[Segment]) -> dict[str, str]:
    """For each unit that leaves an emphasis open across units (a paragraph in italics cut
    into sentences), a note for the translator saying where the span opens and closes."""
    from termguard.markdown_tokens import open_emphasis

    notes: dict[str, str] = {}
    still_open: dict[str, str] = {}  # marker → id of the unit that opened it
    for unit in units:
        parts = []
        for marker in open_emphasis(unit.text):
            if marker in still_open:
                opener = still_open.pop(marker)
                parts.append(f"this unit closes the `{marker}` emphasis that unit {opener} opens: "
                             f"keep the closing `{marker}` in this translation")
            else:
                still_open[marker] = unit.id
                parts.append(f"this unit opens a `{marker}` emphasis that a later unit closes: keep the "
                             f"opening `{marker}` here and no closing one; the closing unit's translation closes it")
        if parts:
            notes[unit.id] = "markup: " + "; ".join(parts) + "."
    return notes


def to_pot(units: Sequence[Segment], source: str, lang: str) -> str:
    """A gettext template: msgctxt = unit id, `#:` = source:line, `#.` = unit kind (and a
    second `#.` line for a unit that leaves an emphasis open, see `span_notes`)."""
    pot = polib.POFile(wrapwidth=0)
    pot.header = (
        f"Translation template for {source}, made by `termguard segment`.\n"
        "msgctxt is the unit's stable id, #. its kind, #: where it starts in the source."
    )
    pot.metadata = {
        "Project-Id-Version": "PACKAGE VERSION",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _creation_date(),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"termguard {__version__}",
        "X-Source-Language": lang,
    }
    pot.metadata_is_fuzzy = True
    notes = span_notes(units)
    for unit in units:
        pot.append(
            polib.POEntry(
                msgctxt=unit.id,
                msgid=unit.text,
                msgstr="",
                occurrences=[(source, str(unit.line))],
                comment=unit.kind + (f"\n{notes[unit.id]}" if unit.id in notes else ""),
            )
        )
    return str(pot) + "\n"


def to_json(units: Sequence[Segment], source: str, lang: str) -> str:
    """SPEC §3 JSON: `{"source", "lang", "units": [{"id", "kind", "text", "spans", "line"}]}`."""
    doc = {
        "source": source,
        "lang": lang,
        "units": [
            {"id": u.id, "kind": u.kind, "text": u.text, "spans": [list(s) for s in u.spans], "line": u.line}
            for u in units
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def to_text(units: Sequence[Segment], source: str, lang: str) -> str:
    """One unit per line, exactly its text."""
    return "".join(u.text + "\n" for u in units)


def _xml(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text))


def to_xliff(units: Sequence[Segment], source: str, lang: str) -> str:
    """XLIFF 1.2 for CAT tools: one `trans-unit` per unit, its kind and source line as context."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n',
        f" <file original={quoteattr(source)} source-language={quoteattr(lang)} datatype=\"x-markdown\">\n",
        f'  <header><tool tool-id="termguard" tool-name="termguard" tool-version={quoteattr(__version__)}/></header>\n',
        "  <body>\n",
    ]
    for u in units:
        out.append(
            f"   <trans-unit id={quoteattr(u.id)} xml:space=\"preserve\">\n"
            f"    <source>{_xml(u.text)}</source>\n"
            '    <context-group purpose="location">'
            f'<context context-type="sourcefile">{_xml(source)}</context>'
            f'<context context-type="linenumber">{u.line}</context></context-group>\n'
            f"    <note from=\"termguard\">{_xml(u.kind)}</note>\n"
            "   </trans-unit>\n"
        )
    out.append("  </body>\n </file>\n</xliff>\n")
    return "".join(out)


def to_xliff2(units: Sequence[Segment], source: str, lang: str) -> str:
    """XLIFF 2.0: one `unit` with one `segment` per unit; the kind and source line travel in
    notes (`category="kind"`, `category="location"`), as the 1.2 writer's note and context."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang={quoteattr(lang)}>\n',
        f" <file id=\"f1\" original={quoteattr(source)}>\n",
    ]
    for u in units:
        out.append(
            f"  <unit id={quoteattr(u.id)}>\n"
            f'   <notes><note category="kind">{_xml(u.kind)}</note>'
            f'<note category="location">{_xml(source)}:{u.line}</note></notes>\n'
            f'   <segment><source xml:space="preserve">{_xml(u.text)}</source></segment>\n'
            "  </unit>\n"
        )
    out.append(" </file>\n</xliff>\n")
    return "".join(out)


WRITERS: dict[str, Callable[[Sequence[Segment], str, str], str]] = {
    "pot": to_pot,
    "json": to_json,
    "text": to_text,
    "xliff": to_xliff,
    "xliff2": to_xliff2,
}


def format_for(path: str | None) -> str | None:
    """The format an output file name implies (`.pot`, `.json`, `.txt`, `.xlf`), or None."""
    if not path:
        return None
    suffix = os.path.splitext(path)[1].lower()
    return {".pot": "pot", ".po": "pot", ".json": "json", ".txt": "text", ".xlf": "xliff", ".xliff": "xliff"}.get(suffix)
