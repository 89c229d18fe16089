"""Write glossary entries as YAML in the editors' style of SPEC §4 (one flow list per language).

The output reads back to the same entries: a rendering is written as a plain string when
the loader would infer its status (first approved → preferred, later → admitted) and it has
no other settings, otherwise as a `{text: ..., status: ...}` mapping. Strings are quoted
(JSON style, valid YAML) whenever a plain scalar could be misread.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from termguard.glossary.model import ANY_TARGET, Entry, Rendering

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`«“][^:#,\[\]{}\"]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}
_NUMBER = re.compile(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan", re.IGNORECASE)


def scalar(text: str) -> str:
    """A YAML scalar for `text`: plain when unambiguous, else a double-quoted (JSON) string."""
    if (
        text
        and _PLAIN.fullmatch(text)
        and text == text.strip()
        and text.lower() not in _RESERVED
        and not _NUMBER.fullmatch(text)
        and not text.endswith((":", "-"))
        and "  " not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _rendering(r: Rendering, inferred: str) -> str:
    fields = []
    if r.status != inferred:
        fields.append(f"status: {r.status}")
    if r.note:
        fields.append(f"note: {scalar(r.note)}")
    if r.case_sensitive is not None:
        fields.append(f"case_sensitive: {str(r.case_sensitive).lower()}")
    if r.exact:
        fields.append("exact: true")
    if r.indeclinable:
        fields.append("indeclinable: true")
    if not fields:
        return scalar(r.text)
    return "{" + ", ".join([f"text: {scalar(r.text)}", *fields]) + "}"


def _forms(forms: tuple[Rendering, ...]) -> str:
    out = []
    approved_seen = 0
    for r in forms:
        inferred = "preferred" if approved_seen == 0 else "admitted"
        out.append(_rendering(r, inferred))
        approved_seen += r.approved
    return "[" + ", ".join(out) + "]"


def entry_yaml(entry: Entry, placeholder_lang: str | None = None) -> str:
    """One entry as a YAML list item (ends with a newline)."""
    lines = [f"- id: {scalar(entry.id)}"]
    if entry.kind != "term":
        lines.append(f"  kind: {entry.kind}")
    if entry.note:
        lines.append(f"  note: {scalar(entry.note)}")
    if entry.origin is not None:
        lines.append(f"  origin: {{lang: {scalar(entry.origin.lang)}, text: {scalar(entry.origin.text)}}}")
    if entry.dnt:
        lines.append("  dnt: true")
    if entry.case_sensitive is not None:
        lines.append(f"  case_sensitive: {str(entry.case_sensitive).lower()}")
    for lang, forms in entry.renderings.items():
        if lang == ANY_TARGET:
            if placeholder_lang is None:
                continue
            lang = placeholder_lang
        lines.append(f"  {lang}: {_forms(forms)}")
    if entry.tests:
        lines.append("  tests:")
        for t in entry.tests:
            kind = "ok" if t.expect_ok else "bad"
            lines.append(f"    - {{lang: {scalar(t.lang)}, {kind}: {scalar(t.text)}}}")
    return "\n".join(lines) + "\n"


def glossary_yaml(entries: Iterable[Entry], header: str | None = None, placeholder_lang: str | None = None) -> str:
    """Entries as a glossary YAML file; `header` becomes a leading comment."""
    parts = []
    if header:
        parts.append("".join(f"# {line}\n" for line in header.splitlines()))
    parts.append("\n".join(entry_yaml(e, placeholder_lang) for e in entries))
    return "".join(parts) if parts else ""
