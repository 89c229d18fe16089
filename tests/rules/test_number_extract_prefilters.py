"""The extractor's quick tests (no digit, no number word, no month name, no markup) only
ever skip work that would find nothing: extraction with them equals extraction without."""

from __future__ import annotations

import importlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

extract_module = importlib.import_module("termguard.numbers.extract")
compare_module = importlib.import_module("termguard.numbers.compare")

PIECES = [
    "17.12.2025", "2025-12-17", "12.17.2025", "5", "2,5", "2.5", "1 000", "$9", "9 млрд", "2 bin", "[3]", "[1, 2]",
    "%d", "%(n)s", "{count}", "<b>", "*", "_x_", "`code`", "https://x.example/2025/12/17", "www.example.org",
    "December", "december", "Dec.", "декабря", "декабре", "Aralık", "Aralık'ta", "Aralıkta", "Mayıs'ta", "xdecember",
    "abc'december", "two", "Two", "twenty", "one", "half", "and a half", "два", "двадцать", "полтора", "тысячи",
    "iki", "İKİ", "on", "yüz", "buçuk", "bin", "Triumf", "С-400", "года", "yılı", "the", "и", "ve", ",", ".", "-",
    "’s", "'", "\u00a0", "%", "percent", "процентов", "17/12/2025", "1/2", "3-4",
]


def _without_quick_tests(monkeypatch) -> None:
    monkeypatch.setattr(extract_module, "_has_number_word", lambda runs, lex: True)
    monkeypatch.setattr(extract_module, "_may_name_month", lambda runs, lex: True)
    monkeypatch.setattr(extract_module, "_MAY_MASK", re.compile(r""))
    monkeypatch.setattr(extract_module, "_DIGIT", re.compile(r""))
    for name in ("_MAY_ISO_DATE", "_MAY_NUM_DATE", "_MAY_CITE"):
        monkeypatch.setattr(extract_module, name, re.compile(r""))


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(PIECES), min_size=1, max_size=8),
    separators=st.lists(st.sampled_from([" ", "", " ", "\u00a0", ", "]), min_size=8, max_size=8),
    lang=st.sampled_from(["en", "ru", "tr", "en_GB"]),
    printf=st.booleans(),
)
def test_quick_tests_change_nothing(words, separators, lang, printf):
    text = "".join(w + s for w, s in zip(words, separators))
    fast = extract_module.extract(text, lang, printf=printf)
    import pytest

    with pytest.MonkeyPatch.context() as m:
        _without_quick_tests(m)
        # (`_extract`: past the table of recent texts, which holds the quick result)
        slow = extract_module._extract(text, lang, printf)
    assert fast == slow
    assert extract_module.extract(text, lang, printf=printf) == fast  # from the table: the same


# The date and number patterns as first written, opening with their look-behind; the
# module's own begin with a character class (searched for faster) and must find the same.
_FIRST_WRITTEN = {
    "_NUM": r"(?<![\d])\d+(?:(?:[.,](?=\d)|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*",
    "_ISO_DATE": r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])",
    "_NUM_DATE": r"(?<![\d.,])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d]|[.,]\d)",
    "_DAY_MONTH": (
        r"(?<![\d.,])(?P<d>\d{1,2})(?:-?(?:го|е|th|st|nd|rd))?\.?[ \u00a0\u202f\u2009]+(?P<m>[^\W\d_]+(?:['’][^\W\d_]+)?)\.?"
        r"(?:,?[ \u00a0\u202f\u2009]+(?P<y>\d{4})(?!\d))?"
    ),
    "_MONTH_FIRST": (
        r"(?<![^\W\d_])(?P<m>[^\W\d_]++)\.?[ \u00a0\u202f\u2009]++(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]\d)"
        r"(?:,?[ \u00a0\u202f\u2009]+(?P<y>\d{4})(?!\d))?|(?P<y2>\d{4})(?![\d.,]\d))"
    ),
}
DATE_PIECES = ["1", "12", "123", "2025", "20251", ".", ",", "/", "-", "a", "Dec", "декабря", "го", "th", "é", "_", "5th"]


@settings(max_examples=400, deadline=None)
@given(
    parts=st.lists(st.sampled_from(DATE_PIECES + PIECES), min_size=1, max_size=10),
    separators=st.lists(st.sampled_from(["", " ", "\u00a0", ".", ",", "/", "-"]), min_size=10, max_size=10),
)
def test_the_patterns_find_what_their_first_form_finds(parts, separators):
    text = "".join(p + s for p, s in zip(parts, separators))
    for name, first in _FIRST_WRITTEN.items():
        ours = getattr(extract_module, name)
        assert [(m.span(), m.groups()) for m in ours.finditer(text)] == \
            [(m.span(), m.groups()) for m in re.finditer(first, text)], name


QUANTITIES = ["5", "2,5", "2.5", "1 000", "1.000", "$9", "9 млрд", "9 billion", "[3]", "17.12.2025", "12.17.2025",
              "two", "четыре", "iki", "50%", "%50", "one", "2025", "December 2025"]


@settings(max_examples=300, deadline=None)
@given(
    source=st.lists(st.sampled_from(QUANTITIES + PIECES), min_size=0, max_size=4),
    target=st.lists(st.sampled_from(QUANTITIES), min_size=0, max_size=4),
    same=st.booleans(),
    lang=st.sampled_from(["en", "ru", "tr"]),
)
def test_comparing_in_order_changes_nothing(source, target, same, lang):
    """`compare`'s shortcut (every quantity renders the one at its index) reports what the
    full pairing reports: nothing."""
    src = extract_module.extract(" ".join(source), "en")
    tgt = extract_module.extract(" ".join(source if same else target), lang)
    assert compare_module.compare(src, tgt) == compare_module._unpaired(src, tgt)
