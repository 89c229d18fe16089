"""The JSON reporter lays its document out itself: byte for byte what `json.dumps` writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.engine import Report
from termguard.model import Finding, Severity
from termguard.reporters.json_ import document, dumps_indented, render

scalars = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=True)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_same_bytes_as_json_dumps(doc):
    assert dumps_indented(doc) == json.dumps(doc, ensure_ascii=False, indent=2)


def test_a_finding_shaped_document():
    doc = {
        "tool": {"name": "termguard", "version": "0.1.0"},
        "findings": [
            {"code": "TG101", "line": 3, "unit": None, "message": "«Триумф», not \"Triumph\"\n\t\u0001",
             "suggestions": ["Триумф", "Triumf’s"]},
            {"code": "TG102", "suggestions": []},
        ],
        "summary": {},
        "nested": [[1, [2, {}]], {"a": [True, False, None, 1.5]}],
    }
    assert dumps_indented(doc) == json.dumps(doc, ensure_ascii=False, indent=2)


optional_text = st.none() | st.text(max_size=12)
findings = st.builds(
    Finding,
    code=st.sampled_from(["TG101", "TG102", "TG302"]),
    rule=st.text(max_size=12),
    severity=st.sampled_from(list(Severity)),
    path=st.text(max_size=12),
    line=st.integers(0, 10**7),
    column=st.integers(0, 10**4),
    end_line=st.integers(0, 10**7),
    end_column=st.integers(0, 10**4),
    message=st.text(max_size=40),
    unit=optional_text,
    lang=optional_text,
    term=optional_text,
    found=optional_text,
    suggestions=st.lists(st.text(max_size=8), max_size=3).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(findings, max_size=5), st.integers(0, 10**6))
def test_a_report_is_what_json_dumps_writes(found, units):
    """The reporter writes findings from a template: the same bytes as `json.dumps`."""

    class Options:
        version = "0.1.0"

    report = Report(tuple(found), ("a.po", "b.po"), units)
    expected = json.dumps(document(report, Options), ensure_ascii=False, indent=2) + "\n"
    assert render(report, Options) == expected
    assert json.loads(render(report, Options))["findings"] == [f.to_dict() for f in found]
