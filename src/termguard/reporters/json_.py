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
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
