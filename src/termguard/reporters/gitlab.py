"""GitLab Code Quality report (a JSON array), for merge-request widgets.

Each finding: `description`, `check_name` (the rule name), `fingerprint`, `severity`
(error → major, warning → minor, info → info), `location.path` (relative to the repository
root) and `location.lines.begin`. GitLab compares fingerprints between the base and the
merge-request pipelines to tell new findings from old ones, so the fingerprint is built
from path, rule, matched text, unit context and occurrence, not from line numbers.
"""

from __future__ import annotations

import json

from termguard.model import Report, Severity
from termguard.reporters import RenderOptions, fingerprint, repo_path, with_occurrences

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def build_issues(report: Report, options: RenderOptions) -> list[dict]:
    """The Code Quality issues (what `render` serialises)."""
    issues = []
    for f, n in with_occurrences(report.findings, options.root):
        issues.append(
            {
                "type": "issue",
                "description": f"{f.code} {f.message}",
                "check_name": f.rule,
                "categories": ["Style"],
                "fingerprint": fingerprint(f, n, options.root),
                "severity": SEVERITIES[f.severity],
                "location": {
                    "path": repo_path(f.path, options.root),
                    "lines": {"begin": f.line, "end": f.end_line},
                },
            }
        )
    return issues


def render(report: Report, options: RenderOptions) -> str:
    """Serialise the report as a Code Quality JSON array."""
    return json.dumps(build_issues(report, options), ensure_ascii=False, indent=2) + "\n"
