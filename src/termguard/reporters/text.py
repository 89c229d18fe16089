"""The default human format: `path:line:col: CODE [rule] message`, then a summary line."""

from __future__ import annotations

import re

from termguard.model import Report, Severity

_COLORS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"
# A whitespace run holding a line break, matched from the run's start only (blanks, then
# breaks and blanks), so a long run of blanks without a break is not retried per blank.
_BREAKS = re.compile(r"(?<![^\S\r\n])[^\S\r\n]*+(?:[\r\n]+[^\S\r\n]*+)+")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(report: Report) -> str:
    """`Found 2 errors and 1 warning in 3 files (120 units).` or `No problems in ...`."""
    where = f"{_plural(len(report.files), 'file')} ({_plural(report.units, 'unit')})"
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    infos = report.count(Severity.INFO)
    if not report.findings:
        return f"No problems found in {where}."
    parts = [_plural(errors, "error"), _plural(warnings, "warning")]
    if infos:
        parts.append(f"{infos} info")
    return f"Found {', '.join(parts)} in {where}."


def render(report: Report, options) -> str:
    """Render findings one per line, sorted, with an optional ANSI colour for code and location."""
    lines = []
    for f in report.findings:
        if options.color:
            where = f"{_BOLD}{f.path}:{f.line}:{f.column}:{_RESET}"
            code = f"{_COLORS[f.severity]}{f.code}{_RESET}"
        else:
            where = f"{f.path}:{f.line}:{f.column}:"
            code = f.code
        # One finding per line, whatever the message holds: line breaks become spaces.
        message = _BREAKS.sub(" ", f.message)
        lines.append(f"{where} {code} [{f.rule}] {message}")
    if not options.quiet:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)


def render_statistics(report: Report, options) -> str:
    """`--statistics`: one line per rule, most frequent first: count, code, name, severity."""
    counts: dict[tuple[str, str, str], int] = {}
    for f in report.findings:
        key = (f.code, f.rule, f.severity.value)
        counts[key] = counts.get(key, 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code}  {rule:<22} {severity}" for (code, rule, severity), n in rows]
    if not options.quiet:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
