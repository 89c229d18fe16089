"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes every rule that has a result (short description =
the rule's summary, full description = its `What:` section, help = the whole
documentation); columns are Unicode code points (`columnKind: unicodeCodePoints`), so
they equal termguard's own columns; artifact URIs are relative to the repository root
(`uriBaseId: %SRCROOT%`); `partialFingerprints` identify a result by path, rule, matched
text, unit context and occurrence, never by line, so code scanning keeps tracking an alert
when lines move. `originalUriBaseIds` describes `%SRCROOT%` (the repository root) without
an absolute local path, so the log is the same on every machine; the consumer (GitHub code
scanning, a SARIF viewer) resolves it to its checkout. With `--baseline`, every result
carries `baselineState: "new"`: the baseline has already hidden the known ones.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from termguard.model import Finding, Report, Severity
from termguard.reporters import (
    RenderOptions,
    fingerprint,
    repo_path,
    rule_classes,
    with_occurrences,
)
from termguard.reporters.ruledoc import parse_rule_doc

if TYPE_CHECKING:
    from termguard.checks.base import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "%SRCROOT%"
FINGERPRINT_KEY = "termguard/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def path_uri(path: str) -> str:
    """A relative URI reference for a `/`-separated path: UTF-8, percent-encoded.

    Spaces, `%`, `#`, `?` and `:` would otherwise make a different URI or none at all.
    """
    return quote(path, safe="/!$&'()*+,;=@-._~")


def _descriptor(code: str, name: str, cls: type[Rule] | None, severity: Severity) -> dict:
    """A `reportingDescriptor` for one rule, documented from its docstring."""
    desc: dict = {"id": code, "name": name}
    if cls is not None:
        doc = parse_rule_doc(cls.__doc__)
        short = getattr(cls, "summary", "") or doc.summary
        desc["shortDescription"] = {"text": short or name}
        full = doc.sections.get("What") or doc.summary or short
        desc["fullDescription"] = {"text": full or name}
        desc["help"] = {"text": doc.text() or name, "markdown": doc.markdown() or name}
        severity = cls.severity
    else:
        desc["shortDescription"] = {"text": name}
    desc["defaultConfiguration"] = {"level": _LEVELS[severity]}
    desc["properties"] = {"tags": ["termguard"]}
    return desc


def _result(f: Finding, occurrence: int, rule_index: int, options: RenderOptions) -> dict:
    region = {"startLine": f.line, "startColumn": f.column}
    if f.end_line >= f.line:
        region["endLine"] = f.end_line
        # An empty span (a finding about a whole header or entry) gets no endColumn: the
        # region then runs to the end of the line, which viewers can highlight.
        if f.end_column >= 1 and (f.end_line > f.line or f.end_column > f.column):
            region["endColumn"] = f.end_column
    result: dict = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": path_uri(repo_path(f.path, options.root)), "uriBaseId": BASE_ID},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, occurrence, options.root)},
    }
    if f.fix is not None:
        result["fixes"] = [_fix(f, options)]
    props: dict[str, str | list[str]] = {k: v for k, v in (("rule", f.rule), ("unit", f.unit), ("lang", f.lang), ("term", f.term), ("found", f.found)) if v}
    if f.suggestions:
        props["suggestions"] = list(f.suggestions)
    result["properties"] = props
    if options.baseline:
        result["baselineState"] = "new"
    return result


def _fix(f: Finding, options: RenderOptions) -> dict:
    """A SARIF `fix` (§3.55): one `artifactChange` of the finding's file whose
    `replacements` delete each edit's region and insert its content; the applicability
    (safe or unsafe) travels in `properties`."""
    assert f.fix is not None
    replacements = [
        {
            "deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line, "endColumn": e.end_column},
            "insertedContent": {"text": e.content},
        }
        for e in f.fix.edits
    ]
    return {
        "description": {"text": f.fix.message},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": path_uri(repo_path(f.path, options.root)), "uriBaseId": BASE_ID},
                "replacements": replacements,
            }
        ],
        "properties": {"applicability": f.fix.applicability.value},
    }


def build_log(report: Report, options: RenderOptions) -> dict:
    """The SARIF log as a dictionary (what `render` serialises)."""
    classes = rule_classes(options)
    rules: list[dict] = []
    index: dict[str, int] = {}
    for f in sorted(report.findings, key=lambda f: f.code):
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(_descriptor(f.code, f.rule, classes.get(f.rule), f.severity))
    results = [_result(f, n, index[f.code], options) for f, n in with_occurrences(report.findings, options.root)]
    run: dict = {
        "tool": {
            "driver": {
                "name": "termguard",
                "version": options.version,
                "semanticVersion": options.version,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if not options.version:
        del run["tool"]["driver"]["version"], run["tool"]["driver"]["semanticVersion"]
    if options.root is not None:
        # No `uri`: SARIF lets a base id be described only, and an absolute file:// URI
        # would carry this machine's path into a log that is shared and archived.
        run["originalUriBaseIds"] = {BASE_ID: {"description": {"text": "The repository root; result URIs are relative to it."}}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, options: RenderOptions) -> str:
    """Serialise the report as a SARIF 2.1.0 log."""
    return json.dumps(build_log(report, options), ensure_ascii=False, indent=2) + "\n"
