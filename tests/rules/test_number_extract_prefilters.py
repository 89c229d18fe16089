"""The extractor's quick tests (no digit, no number word, no month name, no markup) only
ever skip work that would find nothing: extraction with them equals extraction without."""

from __future__ import annotations

import importlib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

extract_module = importlib.import_module("termguard.numbers.extract")

PIECES = [
    "17.12.2025", "2025-12-17", "12.17.2025", "5", "2,5", "2.5", "1 000", "$9", "9 млрд", "2 bin", "[3]", "[1, 2]",
    "%d", "%(n)s", "{count}", "<b>", "*", "_x_", "`code`", "https://x.example/2025/12/17", "www.example.org",
    "December", "december", "Dec.", "декабря", "декабре", "Aralık", "Aralık'ta", "Aralıkta", "Mayıs'ta", "xdecember",
    "abc'december", "two", "Two", "twenty", "one", "half", "and a half", "два", "двадцать", "полтора", "тысячи",
    "iki", "İKİ", "on", "yüz", "buçuk", "bin", "Triumf", "С-400", "года", "yılı", "the", "и", "ve", ",", ".", "-",
    "’s", "'", "\u00a0", "%", "percent", "процентов",
]


def _without_quick_tests(monkeypatch) -> None:
    monkeypatch.setattr(extract_module, "_has_number_word", lambda runs, lex: True)
    monkeypatch.setattr(extract_module, "_may_name_month", lambda runs, lex: True)
    monkeypatch.setattr(extract_module, "_MAY_MASK", re.compile(r""))
    monkeypatch.setattr(extract_module, "_DIGIT", re.compile(r""))


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
        slow = extract_module.extract(text, lang, printf=printf)
    assert fast == slow
