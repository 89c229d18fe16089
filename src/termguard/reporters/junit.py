"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

Each finding becomes one test case, unique by class name (the file) and name (code, rule,
position and, for two identical ones, an occurrence number); errors and warnings are
failures, info findings pass with their message in `system-out`. Each checked file without
findings becomes one passing test case, so the report also shows what was clean.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from termguard.model import Finding, Report, Severity
from termguard.reporters import RenderOptions, repo_path

# XML 1.0 forbids most control characters even when escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def _failing(f: Finding) -> bool:
    return f.severity in (Severity.ERROR, Severity.WARNING)


def _case_name(f: Finding) -> str:
    found = f" “{f.found}”" if f.found else ""
    return f"{f.code} {f.rule} at {f.line}:{f.column}{found}"


def build_tree(report: Report, options: RenderOptions) -> ET.Element:
    """The `<testsuites>` element (what `render` serialises)."""
    by_file: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    paths = list(dict.fromkeys([*report.files, *by_file]))
    failures = sum(1 for f in report.findings if _failing(f))
    tests = len(report.findings) + sum(1 for p in paths if p not in by_file)

    root = ET.Element("testsuites", name="termguard", tests=str(tests), failures=str(failures), errors="0")
    suite = ET.SubElement(
        root, "testsuite", name="termguard", tests=str(tests), failures=str(failures), errors="0", skipped="0"
    )
    used: set[tuple[str, str]] = set()
    for path in paths:
        shown = repo_path(path, options.root)
        findings = by_file.get(path, [])
        if not findings:
            ET.SubElement(suite, "testcase", classname=_clean(shown), name="no findings", file=_clean(shown))
            continue
        for f in findings:
            name = _case_name(f)
            n = 1
            while (shown, name) in used:
                n += 1
                name = f"{_case_name(f)} #{n}"
            used.add((shown, name))
            case = ET.SubElement(
                suite, "testcase", classname=_clean(shown), name=_clean(name), file=_clean(shown), line=str(f.line)
            )
            detail = f"{shown}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}"
            if f.suggestions:
                detail += "\nsuggestions: " + ", ".join(f.suggestions)
            if _failing(f):
                failure = ET.SubElement(case, "failure", message=_clean(f.message), type=f"{f.severity.value} {f.code}")
                failure.text = _clean(detail)
            else:
                out = ET.SubElement(case, "system-out")
                out.text = _clean(detail)
    return root


def render(report: Report, options: RenderOptions) -> str:
    """Serialise the report as JUnit XML (UTF-8)."""
    root = build_tree(report, options)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
