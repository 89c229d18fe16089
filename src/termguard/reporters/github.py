"""GitHub Actions workflow commands: one annotation per finding.

`::error file=P,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE` (`warning` and
`notice` for the other severities; `col`/`endColumn` only when the finding is on one line, as
GitHub places columns on single-line annotations only). The runner decodes `%25`, `%0D` and `%0A` in the
message, and also `%3A` and `%2C` in property values, where a raw `:` or `,` would end the
value early; everything else passes through. Paths are relative to the repository root,
which is what GitHub needs to place the annotation on the file. Standard output holds
workflow commands only: the summary line is the CLI's to print, on standard error
(`termguard.reporters.SUMMARY_ON_STDERR`).
"""

from __future__ import annotations

from termguard.model import Finding, Report, Severity
from termguard.reporters import RenderOptions, repo_path
from termguard.reporters.text import summary_line

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`file=`, `title=`, ...)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding, root: str | None = None) -> str:
    """The workflow command line for one finding."""
    props = [("file", repo_path(f.path, root)), ("line", str(f.line))]
    if f.end_line == f.line:
        props += [("col", str(f.column)), ("endLine", str(f.end_line)), ("endColumn", str(f.end_column))]
    else:
        # GitHub accepts columns only for single-line annotations; keep the line range.
        props += [("endLine", str(f.end_line))]
    props.append(("title", f"{f.code} {f.rule}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{_COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"


def render(report: Report, options: RenderOptions) -> str:
    """One workflow command per finding (the summary goes to stderr: see `summary`)."""
    return "".join(command(f, options.root) + "\n" for f in report.findings)


def summary(report: Report) -> str:
    """The summary line, for standard error (among the workflow commands it is noise)."""
    return summary_line(report)
