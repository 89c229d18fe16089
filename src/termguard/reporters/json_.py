"""The JSON format of SPEC §5.3: tool, findings, summary."""

from __future__ import annotations

import json

from termguard.engine import Report
from termguard.model import Severity


def render(report: Report, options) -> str:
    """Serialise the report as one JSON document (UTF-8, not ASCII-escaped)."""
    doc = {
        "tool": {"name": "termguard", "version": options.version},
        "findings": [f.to_dict() for f in report.findings],
        "summary": {
            "files": len(report.files),
            "units": report.units,
            "error": report.count(Severity.ERROR),
            "warning": report.count(Severity.WARNING),
            "info": report.count(Severity.INFO),
        },
    }
    return dumps_indented(doc) + "\n"


# What `json.dumps(..., ensure_ascii=False)` writes for a string, at C speed.
_string = json.encoder.encode_basestring


def dumps_indented(value: object, level: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, byte for byte, faster.

    With `indent`, the json module encodes in Python, generator by generator: a million-
    entry report with twenty thousand findings spent a second there. Dictionaries and
    lists are laid out here; strings, integers and None (all a finding holds) are written
    directly, anything else by `json.dumps` (its output does not depend on where it sits
    but for the indentation of its later lines, which is added).
    """
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    pad = "\n" + "  " * (level + 1)
    if type(value) is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        items = [_string(k) + ": " + dumps_indented(v, level + 1) for k, v in value.items()]
        return "{" + pad + ("," + pad).join(items) + "\n" + "  " * level + "}"
    if type(value) in (list, tuple):
        if not value:
            return "[]"
        items = [dumps_indented(v, level + 1) for v in value]
        return "[" + pad + ("," + pad).join(items) + "\n" + "  " * level + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
