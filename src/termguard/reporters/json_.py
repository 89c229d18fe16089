"""The JSON format of SPEC §5.3: tool, findings, summary."""

from __future__ import annotations

import json
from collections.abc import Iterator

from termguard.model import Finding, Report, Severity


def render(report: Report, options) -> str:
    """Serialise the report as one JSON document (UTF-8, not ASCII-escaped): what
    `json.dumps(document(report, options), ensure_ascii=False, indent=2)` writes."""
    if not report.findings:
        return dumps_indented(document(report, options)) + "\n"
    # A finding is a flat record of strings, integers and None: laid out from one template,
    # a million-entry run's twenty thousand findings take a fifth of the time.
    findings = ",\n    ".join(map(_finding, report.findings))
    tool = dumps_indented(_tool(options), 1)
    summary = dumps_indented(_summary(report), 1)
    return '{\n  "tool": ' + tool + ',\n  "findings": [\n    ' + findings + '\n  ],\n  "summary": ' + summary + "\n}\n"


def chunks(report: Report, options) -> Iterator[str]:
    """`render`'s text in pieces (a finding at a time), for writing to a file."""
    if not report.findings:
        yield render(report, options)
        return
    yield '{\n  "tool": ' + dumps_indented(_tool(options), 1) + ',\n  "findings": [\n    '
    separator = ""
    for finding in report.findings:
        yield separator + _finding(finding)
        separator = ",\n    "
    yield '\n  ],\n  "summary": ' + dumps_indented(_summary(report), 1) + "\n}\n"


def document(report: Report, options) -> dict:
    """The report as the JSON document of SPEC §5.3 (tool, findings, summary)."""
    return {"tool": _tool(options), "findings": [f.to_dict() for f in report.findings], "summary": _summary(report)}


def _tool(options) -> dict:
    return {"name": "termguard", "version": options.version}


def _summary(report: Report) -> dict:
    return {
        "files": len(report.files),
        "units": report.units,
        "error": report.count(Severity.ERROR),
        "warning": report.count(Severity.WARNING),
        "info": report.count(Severity.INFO),
    }


def _finding(f: Finding) -> str:
    """One finding of `findings`, as `dumps_indented(f.to_dict(), 2)` lays it out."""
    s = _string
    if f.suggestions:
        suggestions = "[\n        " + ",\n        ".join(map(s, f.suggestions)) + "\n      ]"
    else:
        suggestions = "[]"
    return (
        '{\n      "code": ' + s(f.code)
        + ',\n      "rule": ' + s(f.rule)
        + ',\n      "severity": ' + s(f.severity.value)
        + ',\n      "path": ' + s(f.path)
        + ',\n      "line": ' + int.__repr__(f.line)
        + ',\n      "column": ' + int.__repr__(f.column)
        + ',\n      "end_line": ' + int.__repr__(f.end_line)
        + ',\n      "end_column": ' + int.__repr__(f.end_column)
        + ',\n      "unit": ' + ("null" if f.unit is None else s(f.unit))
        + ',\n      "lang": ' + ("null" if f.lang is None else s(f.lang))
        + ',\n      "message": ' + s(f.message)
        + ',\n      "term": ' + ("null" if f.term is None else s(f.term))
        + ',\n      "found": ' + ("null" if f.found is None else s(f.found))
        + ',\n      "suggestions": ' + suggestions
        + ("" if f.fix is None else ',\n      "fix": ' + dumps_indented(f.fix.to_dict(), 3))
        + (_texts(f) if f.text is not None else "")
        + "\n    }"
    )


def _texts(f: Finding) -> str:
    """The unit's `source` and `target` texts, laid out as `_finding` lays out the rest."""
    text = f.text
    assert text is not None
    target = "null" if text.target is None else _string(text.target)
    return ',\n      "source": ' + _string(text.source) + ',\n      "target": ' + target


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
    if type(value) is list or type(value) is tuple:
        if not value:
            return "[]"
        items = [dumps_indented(v, level + 1) for v in value]
        return "[" + pad + ("," + pad).join(items) + "\n" + "  " * level + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
