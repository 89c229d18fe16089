"""The XLSX review sheet: its cells against a golden, its layout, hostile text, and
`termguard review import` turning "not an error" verdicts into a working baseline.

Regenerate the golden with `TERMGUARD_UPDATE_GOLDEN=1 python -m pytest tests/reporters/test_xlsx_report.py`.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import sys
from pathlib import Path

import openpyxl  # the `review` extra; the test extra installs it
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from findings_fixture import OPTIONS, REPORT
from unit_texts import with_texts

from termguard.baseline import load_baseline
from termguard.cli import main
from termguard.engine import Report
from termguard.errors import InputError
from termguard.model import Finding, Severity, UnitText
from termguard.reporters import get_renderer
from termguard.reporters.xlsx import HEADERS, VERDICTS
from termguard.review import import_review, read_verdicts

GOLDEN = Path(__file__).parent / "golden" / "report.xlsx-cells.json"
UPDATE = os.environ.get("TERMGUARD_UPDATE_GOLDEN") == "1"
render = get_renderer("xlsx")


def _sheet(report=REPORT, options=OPTIONS):
    return openpyxl.load_workbook(io.BytesIO(render(report, options)))["findings"]


def test_xlsx_cells_golden():
    ws = _sheet(with_texts())
    cells = [list(r) for r in ws.iter_rows(values_only=True)]
    text = json.dumps(cells, ensure_ascii=False, indent=1) + "\n"
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_columns_and_one_row_per_finding():
    ws = _sheet()
    assert [c.value for c in ws[1]] == list(HEADERS)
    assert HEADERS[:10] == ("file", "line", "unit", "rule", "severity", "source", "target", "message", "suggestion", "verdict")
    assert ws.max_row == len(REPORT.findings) + 1
    for f, cells in zip(REPORT.findings, ws.iter_rows(min_row=2, values_only=True)):
        row = dict(zip(HEADERS, cells))
        assert (row["file"], row["line"], row["rule"], row["severity"], row["message"]) == (
            f.path, f.line, f.rule, f.severity.value, f.message.replace("\r\n", "\n"))
        assert row["verdict"] is None


def test_layout_for_reviewers():
    ws = _sheet()
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{len(REPORT.findings) + 1}"
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"error,not an error,preferential"'
    assert str(dv.sqref) == f"J2:J{len(REPORT.findings) + 1}"
    assert ws.column_dimensions["F"].width == 50 and ws.column_dimensions["A"].width == 28
    assert ws.column_dimensions["L"].hidden
    assert ws["F2"].alignment.wrap_text and ws["H2"].alignment.wrap_text and not ws["A2"].alignment.wrap_text
    assert ws["A1"].font.b


def test_hostile_text_stays_text():
    evil = "=HYPERLINK(\"http://example.invalid\",\"x\")\x01\x1f<b>"
    f = Finding("TG101", "forbidden-term", Severity.ERROR, "t/x.po", 2, 1, 2, 3, evil, unit="u", lang="ru",
                found="=1+1\x02", context="abc", text=UnitText("@SUM(A1)", "+cmd|' /C calc'!A0", "target", 0, 1, "en", "ru"))
    ws = _sheet(Report((f,), ("t/x.po",), 1))
    row = dict(zip(HEADERS, (c for c in ws[2])))
    assert row["message"].data_type == "s" and row["message"].value == "=HYPERLINK(\"http://example.invalid\",\"x\")\ufffd\ufffd<b>"
    assert row["source"].data_type == "s" and row["target"].value == "+cmd|' /C calc'!A0"
    assert json.loads(row["key"].value)["found"] == "=1+1\x02"  # the key keeps the exact text


def _reviewed(tmp_path: Path, verdicts: dict[int, str], report=REPORT) -> Path:
    path = tmp_path / "review.xlsx"
    path.write_bytes(render(report, OPTIONS))
    wb = openpyxl.load_workbook(path)
    ws = wb["findings"]
    for row, verdict in verdicts.items():
        ws.cell(row=row, column=HEADERS.index("verdict") + 1, value=verdict)
    wb.save(path)
    return path


def test_review_import_makes_a_baseline_that_hides_exactly_the_marked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sheet = _reviewed(tmp_path, {2: "not an error", 4: " Not an  error", 5: "error", 6: "preferential", 8: "not an error"})
    verdicts = read_verdicts(str(sheet))
    assert [(v.row, v.verdict) for v in verdicts] == [(2, "not an error"), (4, "not an error"), (5, "error"), (6, "preferential"), (8, "not an error")]
    (tmp_path / "sub").mkdir()
    # The baseline lives below the root: its paths are rewritten relative to it.
    assert import_review(str(sheet), str(tmp_path / "sub" / "b.json"), str(tmp_path)) == 3
    kept, hidden = load_baseline(str(tmp_path / "sub" / "b.json")).filter(REPORT)
    assert hidden == 3
    marked = [REPORT.findings[i - 2] for i in (2, 4, 8)]
    assert [f for f in REPORT.findings if f not in kept.findings] == marked


def test_review_import_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sheet = _reviewed(tmp_path, {3: "not an error"})
    result = CliRunner().invoke(main, ["review", "import", str(sheet), "-o", "base.json"])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    f = REPORT.findings[1]
    assert doc["findings"] == [{"path": f.path, "rule": f.rule, "code": f.code, "found": f.found, "context": f.context, "count": 1}]


def test_review_import_rejects_bad_input(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sheet = _reviewed(tmp_path, {3: "not a error"})
    result = CliRunner().invoke(main, ["review", "import", str(sheet), "-o", "base.json"])
    assert result.exit_code == 2 and f"{sheet}:3:" in result.output and "none of " + ", ".join(VERDICTS) in result.output
    assert not (tmp_path / "base.json").exists()
    (tmp_path / "junk.xlsx").write_text("not a zip", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", "import", "junk.xlsx"])
    assert result.exit_code == 2 and "not an XLSX workbook" in result.output and "Traceback" not in result.output
    # Not a workbook at all, by its name: one line too, never openpyxl's exception.
    (tmp_path / "report.html").write_text("<html></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", "import", "report.html"])
    assert result.exit_code == 2 and "not an XLSX workbook" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    wb = openpyxl.load_workbook(sheet)
    wb["findings"]["L2"] = "{broken"
    wb["findings"]["J2"] = "not an error"
    wb.save(sheet)
    with pytest.raises(InputError, match="damaged"):
        read_verdicts(str(sheet))


def test_xlsx_needs_an_output_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("Plain text.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "a.md", "--isolated", "--format", "xlsx"])
    assert result.exit_code == 2 and "-o FILE" in result.output
    result = CliRunner().invoke(main, ["check", "a.md", "--isolated", "--format", "xlsx", "-o", "r.xlsx"])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(tmp_path / "r.xlsx")["findings"].max_row == 1


def test_rendering_is_deterministic_in_cells():
    a = [list(r) for r in _sheet().iter_rows(values_only=True)]
    b = [list(r) for r in _sheet(dataclasses.replace(REPORT)).iter_rows(values_only=True)]
    assert a == b
