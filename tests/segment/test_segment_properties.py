"""Property: units cover every non-whitespace character exactly once (block markup aside),
and a unit's text is the file text with line breaks collapsed, never otherwise altered."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.segment import segment_text

WORDS = [
    "Mr.", "Dr.", "U.S.", "R.", "T.", "Erdogan", "end.", "Why?", "wow!", "Hello!?", "*bold*", "**strong**",
    "*start", "stop.*", "“quote.”", "«цитата».", "$2.5", "\\$9", "12.17.2025", "https://a.b/?x=1&y=2.",
    "<https://c.d/e?f=g>", "А.", "Ермаков", "г.", "т.", "е.", "...", "…", ". . .", "(see", "p.)", "[1].", "<sup>1</sup>",
    "İstanbul'a", "vb.", "6.", "a", "the", "Next", "x", "I", "a.m.", "P.M.", "e.g.", "Bloomberg:", "—", "-", "1.",
    "*", "**", "#", ">", "[^2]", "|", "`code.`", "ı", "The", "Он", "Bu",
]
PREFIXES = ["", "", "", "", "# ", "## ", "### ", "- ", "* ", "1. ", "2) ", "> ", "> > ", "[^1]: ", "<sup>1</sup> ", "[3] "]
SPECIAL_LINES = ["", "", "   ", "\t", "---", "***", "___", "===", "## References", "#"]

_MARKUP_PREFIX = re.compile(
    r"[ \t]*(?:#{1,6}(?=[ \t]|$)|(?:[-*+•⁃]|\d{1,9}[.)])(?=[ \t]|$)|(?:>[ \t]?)+|\[\^[^\]\s]+\]:)"
)
_CLOSING_HASHES = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(?:[ \t]*(?:#.*|[\w.-]+[ \t]*:.*|-[ \t].*|[ \t]+\S.*)?\n)*?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_TABLE_SEP = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_RULE_LINE = re.compile(r"[ \t]*(?:(?:[-*_=][ \t]*)+)")

line_strategy = st.one_of(
    st.sampled_from(SPECIAL_LINES),
    st.builds(
        lambda pre, words, lead, trail: lead + pre + " ".join(words) + trail,
        st.sampled_from(PREFIXES),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
        st.sampled_from(["", "", " ", "  ", "\t"]),
        st.sampled_from(["", "", " ", "\t"]),
    ),
)
documents = st.lists(line_strategy, min_size=1, max_size=25).map("\n".join)


def _allowed_uncovered(text: str) -> set[int]:
    """Offsets of block markup (heading hashes, list bullets, quote marks, rules)."""
    allowed: set[int] = set()
    pos = 0
    fm = _FRONT_MATTER.match(text)
    if fm is not None:
        allowed.update(range(fm.end()))
    for line in text.split("\n"):
        if _RULE_LINE.fullmatch(line) or _TABLE_SEP.fullmatch(line.strip()):
            allowed.update(range(pos, pos + len(line)))
        elif line.lstrip().startswith("|") and "|" in line.lstrip()[1:]:
            # Table row: the cell separators are markup.
            allowed.update(pos + i for i, ch in enumerate(line) if ch == "|" and (i == 0 or line[i - 1] != "\\"))
        else:
            m = _MARKUP_PREFIX.match(line)
            while m is not None and m.end() > 0:
                allowed.update(range(pos, pos + m.end()))
                # Nested markers ("> - x", "- 1. x") are markup too.
                nxt = _MARKUP_PREFIX.match(line, m.end())
                if nxt is None or nxt.end() == m.end():
                    break
                allowed.update(range(pos + m.end(), pos + nxt.end()))
                m = nxt
            c = _CLOSING_HASHES.search(line)
            if c is not None and line.lstrip().startswith("#"):
                allowed.update(range(pos + c.start(), pos + c.end()))
        pos += len(line) + 1
    return allowed


_PLAIN_MARKUP = re.compile(
    r"[ \t]*(?:(?:[-*+•‣⁃]|(?:\d{1,9}|#|\(\d{1,9}\))[.)])(?=[ \t])|\.\.[ \t]+\[[^\]\s]+\])")
_PLAIN_ADORNMENT = re.compile(r"[ \t]*([=\-~^\"'`#*+:_])\1{2,}[ \t]*")


def _plain_allowed(text: str) -> set[int]:
    """Offsets of plain-text structure: bullets and enumerators at a line's start, section
    adornment lines (reST under- and overlines)."""
    allowed: set[int] = set()
    pos = 0
    for line in text.split("\n"):
        if _PLAIN_ADORNMENT.fullmatch(line):
            allowed.update(range(pos, pos + len(line)))
        elif (m := _PLAIN_MARKUP.match(line)) is not None:
            allowed.update(range(pos, pos + m.end()))
        pos += len(line) + 1
    return allowed


def _check(text: str, units, markdown: bool, plain_structure: bool = False) -> None:
    owner: dict[int, str] = {}
    for u in units:
        assert u.text and u.text == u.text.strip() and "\n" not in u.text
        for a, b in u.spans:
            assert 0 <= a < b <= len(text)
            for i in range(a, b):
                assert i not in owner, f"offset {i} in {owner[i]} and {u.id}"
                owner[i] = u.id
        # Text never altered: pieces map each chunk back to the same characters in the file.
        ends = [p[0] for p in u.pieces[1:]] + [len(u.text) + 1]
        for (t0, f0), t1 in zip(u.pieces, ends):
            chunk = u.text[t0: t1 - 1]
            assert text[f0: f0 + len(chunk)] == chunk
            if t1 <= len(u.text):
                assert u.text[t1 - 1] == " "
        covered = " ".join(text[a:b] for a, b in u.spans)
        assert re.sub(r"[ \t]*\n\s*", " ", covered) == u.text
    allowed = _allowed_uncovered(text) if markdown else _plain_allowed(text) if plain_structure else set()
    for i, ch in enumerate(text):
        if not ch.isspace() and i not in owner:
            assert i in allowed, f"lost {ch!r} at {i}: {text!r}"


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from(["en", "ru", "tr"]))
def test_markdown_units_cover_every_character_once(text, lang):
    _check(text, segment_text(text, lang), markdown=True)


@settings(max_examples=150, deadline=None)
@given(documents, st.sampled_from(["en", "ru", "tr"]))
def test_plain_text_units_cover_every_character_once(text, lang):
    _check(text, segment_text(text, lang, markdown=False), markdown=False)


@settings(max_examples=150, deadline=None)
@given(documents, st.sampled_from(["en", "ru", "tr"]))
def test_plain_text_with_its_structure_covers_every_character_once(text, lang):
    _check(text, segment_text(text, lang, markdown=False, plain_structure=True), markdown=False, plain_structure=True)


@settings(max_examples=100, deadline=None)
@given(documents)
def test_ids_are_unique_and_deterministic(text):
    first = [u.id for u in segment_text(text, "en")]
    assert len(set(first)) == len(first)
    assert first == [u.id for u in segment_text(text, "en")]


@settings(max_examples=60, deadline=None)
@given(documents, st.sampled_from(["en", "ru", "tr"]))
def test_srx_splitter_keeps_every_character(text, lang):
    splitter = _exported().splitter(lang)
    _check(text, segment_text(text, lang, splitter=splitter), markdown=True)


_EXPORTED = []


def _exported():
    from termguard.segment.srx import export_srx, load_srx

    if not _EXPORTED:
        _EXPORTED.append(load_srx(export_srx(), "termguard.srx"))
    return _EXPORTED[0]
