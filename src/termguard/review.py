"""Review sheets back into baselines: the "not an error" verdicts of an XLSX review sheet.

`termguard check --format xlsx` writes one row per finding with a verdict column and, in a
hidden `key` column, the finding's baseline key (`termguard.reporters.xlsx`). A reviewer sets
verdicts; `read_verdicts` reads them back and `import_review` writes the rows marked
"not an error" as a baseline file (`termguard.baseline`), so `check --baseline` stops
reporting exactly those findings. Columns are found by their header, so a reviewer may
reorder them or add their own.

Key paths are relative to the repository root the sheet was made at; the baseline stores
them relative to its own directory, as `termguard.baseline` expects.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass

from termguard.baseline import write_baseline
from termguard.errors import InputError
from termguard.model import Finding, Severity
from termguard.reporters.xlsx import SHEET, VERDICTS, openpyxl_module

NOT_AN_ERROR = "not an error"


@dataclass(frozen=True)
class Verdict:
    """One reviewed row: its number in the sheet, the verdict, and the finding's key fields."""

    row: int
    verdict: str
    path: str
    rule: str
    code: str
    found: str
    context: str


def read_verdicts(path: str) -> list[Verdict]:
    """Every row of the review sheet at `path` that has a verdict.

    A sheet that is not a termguard review sheet, a verdict that is not one of
    `VERDICTS`, or a damaged key is an InputError naming the row (exit 2).
    """
    openpyxl = openpyxl_module()
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InputError("no such file; check the path", path) from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, openpyxl.utils.exceptions.InvalidFileException) as exc:
        raise InputError(f"not an XLSX workbook ({exc.__class__.__name__}); give the sheet `check --format xlsx` wrote", path) from None
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows, ())]
        if "verdict" not in header or "key" not in header:
            raise InputError("no `verdict` and `key` columns in the first row; give the sheet `check --format xlsx` wrote", path, 1)
        at_verdict, at_key = header.index("verdict"), header.index("key")
        out: list[Verdict] = []
        for number, values in enumerate(rows, 2):
            cells = list(values) + [None] * (len(header) - len(values))
            raw = cells[at_verdict]
            verdict = " ".join(str(raw).split()).lower() if raw is not None else ""
            if not verdict:
                continue
            if verdict not in VERDICTS:
                raise InputError(f"verdict {str(raw)!r} is none of {', '.join(VERDICTS)}; pick one from the drop-down", path, number)
            out.append(_verdict(path, number, verdict, cells[at_key]))
        return out
    finally:
        wb.close()


def _verdict(path: str, number: int, verdict: str, raw: object) -> Verdict:
    try:
        key = json.loads(str(raw))
        return Verdict(number, verdict, str(key["path"]), str(key["rule"]), str(key.get("code", "")), str(key["found"]), str(key["context"]))
    except (ValueError, TypeError, KeyError):
        raise InputError("the hidden `key` cell of this row is missing or damaged; export the sheet again", path, number) from None


def import_review(sheet: str, baseline: str, root: str) -> int:
    """Write the "not an error" rows of `sheet` as a baseline file at `baseline`.

    `root` is the repository root the sheet's paths are relative to. Returns how many
    findings the baseline records.
    """
    chosen = [v for v in read_verdicts(sheet) if v.verdict == NOT_AN_ERROR]
    findings = [
        # Only the key fields matter to a baseline; the rest fill the record.
        Finding(v.code, v.rule, Severity.ERROR, os.path.join(root, v.path), 1, 1, 1, 1, v.context,
                found=v.found or None, context=v.context)
        for v in chosen
    ]
    return write_baseline(baseline, findings)
