"""The JSON reporter lays its document out itself: byte for byte what `json.dumps` writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.reporters.json_ import dumps_indented

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
