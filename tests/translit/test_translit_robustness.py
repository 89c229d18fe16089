"""Arbitrary text never crashes the reference, date and name parsers or the rules."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.sources import find_citations, find_dates, parse_references, url_dates

_ALPHABET = st.sampled_from([*list('ab Z.[]()<>*«»“”"/-:0123456789\n#ЕрмакоБелкваРБК'), "## References\n", "- [1] ", "https://x.ru/18/12/2025/", "12.17.2025"])
TEXT = st.lists(_ALPHABET, max_size=60).map("".join)

ENGINE = Engine(
    Config(select=("translit-drift", "reference-mismatch", "date-format", "translit-house-scheme", "inconsistent-term")),
    glossary=Glossary(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_parsers_accept_any_text(text):
    for ref in parse_references(text):
        assert ref.start <= ref.end and ref.line >= 1
        if ref.url:
            url_dates(ref.url)
    for cite in find_citations(text):
        assert text[cite.start] == "["
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_rules_accept_any_markdown(text):
    for f in ENGINE.check_text("doc.md", text):
        assert f.line >= 1 and f.column >= 1
