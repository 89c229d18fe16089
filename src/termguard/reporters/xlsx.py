"""The review sheet: one row per finding in an XLSX workbook, with a verdict column (SPEC §7).

A reviewer opens it in a spreadsheet, filters, and picks a verdict per row from a drop-down
(`error`, `not an error`, `preferential`); `termguard review import` turns the "not an error"
rows into a baseline (`termguard.review`). To make that possible each row carries its
finding's baseline key in a hidden last column, as JSON with every non-ASCII and control
character escaped, so it survives any spreadsheet program that keeps cell text.

Texts from the checked files are written as plain strings, never as formulas (a target
that starts with `=` stays text), with the characters XLSX cannot hold shown as U+FFFD.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from termguard.errors import ConfigError
from termguard.model import Finding, Report
from termguard.reporters import RenderOptions, identity, repo_path

#: The output is a binary file: the CLI refuses to write it to standard output.
BINARY = True

VERDICTS = ("error", "not an error", "preferential")
#: (header, width in characters, wrapped)
COLUMNS = (
    ("file", 28, False),
    ("line", 6, False),
    ("unit", 12, False),
    ("rule", 20, False),
    ("severity", 9, False),
    ("source", 50, True),
    ("target", 50, True),
    ("message", 50, True),
    ("suggestion", 20, True),
    ("verdict", 14, False),
    ("comment", 30, True),
    ("key", 10, False),
)
HEADERS = tuple(name for name, _, _ in COLUMNS)
VERDICT_COLUMN = HEADERS.index("verdict") + 1
KEY_COLUMN = HEADERS.index("key") + 1
SHEET = "findings"
# What the XLSX format cannot store (XML 1.0 forbids these control characters).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CELL_LIMIT = 32767


def _text(value: str | None) -> str:
    if not value:
        return ""
    # XML reads a CR back as LF; say so in the cell rather than lose it on the way.
    value = _ILLEGAL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value if len(value) <= _CELL_LIMIT else value[: _CELL_LIMIT - 1] + "…"


def row_key(finding: Finding, root: str | None) -> str:
    """The hidden key cell: the finding's baseline key (see `termguard.baseline`) as ASCII JSON."""
    path, rule, found, context = identity(finding, repo_path(finding.path, root))
    key = {"path": path, "rule": rule, "code": finding.code, "found": found, "context": context}
    return json.dumps(key, ensure_ascii=True, separators=(",", ":"))


def row(finding: Finding, root: str | None) -> tuple[Any, ...]:
    """The cells of one finding's row, in the order of `HEADERS`."""
    t = finding.text
    return (
        _text(repo_path(finding.path, root)),
        finding.line,
        _text(finding.unit),
        finding.rule,
        finding.severity.value,
        _text(t.source if t else None),
        _text(t.target if t else None),
        _text(finding.message),
        _text(" | ".join(finding.suggestions)),
        "",
        "",
        row_key(finding, root),
    )


def openpyxl_module() -> Any:
    """openpyxl, or a ConfigError saying how to install it (it is the `review` extra)."""
    try:
        import openpyxl
    except ImportError:
        raise ConfigError("the xlsx format needs openpyxl; install it with: pip install 'termguard[review]'") from None
    return openpyxl


def render(report: Report, options: RenderOptions) -> bytes:
    """The findings as an XLSX workbook (bytes)."""
    openpyxl = openpyxl_module()
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(HEADERS)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE3EC")
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    wrapped = [w for _, _, w in COLUMNS]
    for finding in report.findings:
        ws.append(row(finding, options.root))
        for cell, wraps in zip(ws[ws.max_row], wrapped):
            if isinstance(cell.value, str):
                # openpyxl reads a string starting with "=" as a formula; file text never is one.
                cell.data_type = "s"
            cell.alignment = wrap if wraps else top
    last = ws.max_row
    for index, (_, width, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.column_dimensions[get_column_letter(KEY_COLUMN)].hidden = True
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(KEY_COLUMN - 1)}{last}"
    verdict = get_column_letter(VERDICT_COLUMN)
    dv = DataValidation(
        type="list", formula1='"' + ",".join(VERDICTS) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="verdict", error="Choose: " + ", ".join(VERDICTS),
    )
    dv.add(f"{verdict}2:{verdict}{max(last, 2)}")
    ws.add_data_validation(dv)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
