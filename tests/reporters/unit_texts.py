"""The shared findings with unit texts (source, target, span) and one fix, for the reports a
person reads (HTML, XLSX). The fixture itself carries no texts, so the machine formats'
goldens stay as they are."""

from __future__ import annotations

import dataclasses
import re

from findings_fixture import FINDINGS, REPORT

from termguard.engine import Report
from termguard.model import Applicability, Edit, Finding, Fix, UnitText

# Unit texts for the shared findings (the fixture carries none, so the other goldens stay as they are).
TEXTS = {
    "s-1a2b3c4d": "On 12.17.2025 the S-400 “Triumph” systems were to go back to Russia.",
    "s-5e6f7a8b": "Triumph, again: the S-400 \"Triumph\" <b>& co</b>.",
    "r-00000014": "[9] Armiys.az, 16.11.2019.",
    "r-00000020": "Yermakov, A. «С-400».",
    "s-99999999": "100% wrong: Kaan\nnot KAAN",
    "s-0badcafe": "The fate of the \"Triumph\" is unclear.",
}
RU_TARGET = "14 апреля Триумпф вернули в Россию, а судьба \"Триумпфа\" неясна."


def _with_text(f: Finding) -> Finding:
    if f.unit is None:
        return f
    if f.lang == "ru":
        start = RU_TARGET.index(f.found or "")
        text = UnitText(TEXTS[f.unit], RU_TARGET, "target", start, start + len(f.found or ""), "en", "ru")
    else:
        source = TEXTS[f.unit]
        nth = sum(1 for g in FINDINGS[: FINDINGS.index(f)] if g.unit == f.unit)
        starts = [m.start() for m in re.finditer(re.escape(f.found or ""), source)]
        start = starts[min(nth, len(starts) - 1)]
        text = UnitText(source, None, "source", start, start + len(f.found or ""), "en", None)
    return dataclasses.replace(f, text=text)


def with_texts() -> Report:
    """The shared report, its findings with unit texts; the first one with a fix."""
    findings = [_with_text(f) for f in REPORT.findings]
    # One fix whose edit is the finding's span: shown as a before/after of the sentence.
    first = findings[0]
    findings[0] = dataclasses.replace(first, fix=Fix(Applicability.SAFE, "use “KAAN”", (
        Edit(first.line, first.column, first.end_line, first.end_column, "KAAN"),)))
    return dataclasses.replace(REPORT, findings=tuple(findings))


