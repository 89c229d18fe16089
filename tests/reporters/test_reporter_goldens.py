"""Golden tests: every reporter renders the one shared set of findings exactly as recorded.

Regenerate the goldens after an intended change with
`TERMGUARD_UPDATE_GOLDEN=1 python -m pytest tests/reporters` and review the diff.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from findings_fixture import GOLDENS, OPTIONS, REPORT

from termguard.reporters import FORMATS, get_renderer

GOLDEN_DIR = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TERMGUARD_UPDATE_GOLDEN") == "1"


def _check_golden(name: str, rendered: str) -> None:
    path = GOLDEN_DIR / name
    if UPDATE:
        path.write_text(rendered, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden {name}; run with TERMGUARD_UPDATE_GOLDEN=1 to create it"
    # Bytes, not read_text: universal newlines would hide a CR the reporter let through.
    assert rendered == path.read_bytes().decode("utf-8")


# Formats whose goldens hold the data read back from the output, not its bytes: the HTML
# page (test_html_report.py) and the XLSX workbook (test_xlsx_report.py).
DATA_GOLDENS = {"html", "xlsx"}


def test_every_format_has_a_golden():
    assert set(GOLDENS) | DATA_GOLDENS == set(FORMATS)


@pytest.mark.parametrize("fmt", sorted(GOLDENS))
def test_golden(fmt):
    _check_golden(GOLDENS[fmt], get_renderer(fmt)(REPORT, OPTIONS))


def test_golden_text_colour():
    rendered = get_renderer("text")(REPORT, dataclasses.replace(OPTIONS, color=True))
    assert "\x1b[1;31mTG101\x1b[0m" in rendered
    _check_golden("report.color.txt", rendered)


@pytest.mark.parametrize("fmt", sorted(GOLDENS))
def test_rendering_is_deterministic(fmt):
    render = get_renderer(fmt)
    assert render(REPORT, OPTIONS) == render(REPORT, OPTIONS)
