"""Inline Markdown markup and punctuation of one unit's text, as tokens rules compare.

A translation must keep the source's markup: emphasis and strong markers, link targets,
footnote markers, inline code, HTML tags; and its brackets and quotation marks must pair
up. This module finds them in a text (the unit's text as a translator sees it, inline
markup kept); the rules (`markup`, `brackets-quotes`), the segmenter's template comments
and `build` all read the same tokens.

* Emphasis: runs of `*` and `_` that CommonMark could read as delimiters: not escaped,
  not inside code or a URL, not surrounded by spaces on both sides (`2 * 3`), not an
  underscore inside a word (`snake_case`), not a list bullet at the start of the text.
  A run of n markers counts n // 2 strong (`**`) and n % 2 emphasis (`*`) markers.
* Links: the target of `[text](url)`, `<https://…>` autolinks and bare URLs.
* Footnote markers: `[^n]` and `<sup>n</sup>` (the whole element; n a number or †, *, §).
  An ordinal's superscript (`5<sup>th</sup>`) is typography, not markup: left out.
* Inline code: `` `code` `` (its exact text).
* HTML tags: `<sup>`, `</sup>`, `<br/>`, … (name and whether it opens or closes).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

_TICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]*)>")
_INLINE_LINK = re.compile(r"\]\(\s*((?:[^()\s]|\([^()\s]*\))+)(?:\s+\"[^\"]*\")?\s*\)")
# A bare URL ends at a quotation mark or an apostrophe: the quote closing an HTML attribute
# (`href="…"`), quotation marks around it («…», “…”), the apostrophe of a Turkish suffix
# (`armiya.az'da`). Quotes are not URL characters, and sites write an apostrophe as %27.
_NOT_IN_URL = "\\s<>()\\]\"'`«»“”„‘’"
_BARE_URL = re.compile(rf"(?<![(<\w])(?:https?|ftp)://[^{_NOT_IN_URL}]+|(?<![(<\w/])www\.[^{_NOT_IN_URL}]+")
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]|<sup>\s*(?:\d{1,4}|[*†‡§¶#]{1,3})\s*</sup>", re.I)
# An ordinal's superscript (5<sup>th</sup>, 1<sup>er</sup>) is the language's typography:
# a translation writes its own ordinals (5-го, 5.), so it is not compared.
_ORDINAL = re.compile(r"<sup>\s*[^\W\d_]{1,4}\.?\s*</sup>", re.I)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*?/?>")
_EMPH = re.compile(r"\*+|_+")
_BULLET = re.compile(r"[ \t]{0,3}[*+-][ \t]+")

OPEN_BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSE_BRACKETS = {v: k for k, v in OPEN_BRACKETS.items()}
_BRACKET_CHARS = re.compile(r"[()\[\]{}]")
_QUOTE_CHARS = re.compile('[«»„“”‹›"]')
#: Somewhere in every text that has a markup token (emphasis, link, footnote, code, tag).
MARKUP_CHARS = re.compile(r"[*_\[<`]|://|www\.")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of markup: its class, the key it is compared by, and `[start, end)`."""

    kind: str
    key: str
    start: int
    end: int


def code_spans(text: str) -> list[tuple[int, int]]:
    """The `[start, end)` of each inline code span, as CommonMark reads them: a run of n
    backticks opens a span that the next run of exactly n backticks closes; a run with no
    such partner is literal text. Linear in the text (a regular expression with a
    back-reference would try every run against every later one)."""
    runs = [m.span() for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        same = by_length[end - start]
        k = bisect_right(same, i)
        if k < len(same):
            j = same[k]
            spans.append((start, runs[j][1]))
            i = j + 1
        else:
            i += 1
    return spans


def _masked(text: str) -> tuple[str, list[Token]]:
    """`text` with code spans, URLs and link targets blanked (offsets kept), and those
    code and link tokens."""
    if "`" not in text and "://" not in text and "www." not in text and "](" not in text:
        return text, []  # most texts: nothing to mask
    tokens: list[Token] = []
    chars = list(text)  # blanked in place: one copy of the text, whatever the token count

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    if "`" in text:
        for start, end in code_spans(text):
            tokens.append(Token("code", text[start:end], start, end))
            blank(start, end)
    for pattern, group in ((_AUTOLINK, 1), (_INLINE_LINK, 1), (_BARE_URL, 0)):
        masked = "".join(chars)
        for m in pattern.finditer(masked):
            url = m.group(group).rstrip(".,;:")
            tokens.append(Token("link", url, m.start(group), m.start(group) + len(url)))
            # An inline link keeps its `](` `)`: they pair with the link text's `[`.
            blank(*(m.span(group) if pattern is _INLINE_LINK else m.span()))
    return "".join(chars), tokens


def tokens(text: str) -> list[Token]:
    """Every markup token of `text` (see the module docstring), in text order."""
    masked, found = _masked(text)
    notes = [m.span() for m in _ORDINAL.finditer(masked)] if "<" in masked else []
    for m in _FOOTNOTE.finditer(masked) if "<" in masked or "[^" in masked else ():
        found.append(Token("footnote", re.sub(r"\s+", "", m.group()).lower(), m.start(), m.end()))
        notes.append(m.span())
    for m in _TAG.finditer(masked) if "<" in masked else ():
        if any(s <= m.start() < e for s, e in notes):
            continue  # the <sup> of a footnote marker is the marker's
        closing = m.group().startswith("</")
        selfclosing = m.group().endswith("/>") or m.group(1).lower() in ("br", "hr", "img", "wbr")
        key = ("/" if closing else "") + m.group(1).lower() + ("/" if selfclosing and not closing else "")
        found.append(Token("tag", key, m.start(), m.end()))
    found.extend(emphasis(masked))
    return sorted(found, key=lambda t: (t.start, t.end))


def emphasis(text: str) -> list[Token]:
    """Emphasis (`*`, `_`) and strong (`**`, `__`) delimiters of a text whose code and URLs
    are already masked; a run of three gives a strong and an emphasis token."""
    out: list[Token] = []
    bullet = _BULLET.match(text)
    skip_to = bullet.end() if bullet else 0
    for m in _EMPH.finditer(text):
        start, end = m.span()
        if start < skip_to:
            continue
        if start > 0 and text[start - 1] == "\\":
            start += 1  # an escaped marker is a literal character
            if start == end:
                continue
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isspace() and after.isspace():
            continue  # `2 * 3`, a lone dash-like marker
        char = text[start]
        if char == "_" and before.isalnum() and after.isalnum():
            continue  # snake_case
        n = end - start
        for i in range(n // 2):
            out.append(Token("strong", char * 2, start + 2 * i, start + 2 * i + 2))
        if n % 2:
            out.append(Token("emphasis", char, end - 1, end))
    return out


def open_emphasis(text: str) -> list[str]:
    """The emphasis markers (`*`, `**`, `_`, `__`) a text leaves open: each kind that occurs
    an odd number of times, in the order of its last occurrence."""
    counts: Counter[str] = Counter()
    last: dict[str, int] = {}
    masked, _ = _masked(text)
    for t in emphasis(masked):
        counts[t.key] += 1
        last[t.key] = t.start
    return sorted((k for k, n in counts.items() if n % 2), key=lambda k: last[k])


def unbalanced_brackets(text: str) -> tuple[list[Token], list[Token]]:
    """(unclosed openers, unmatched closers) among `()[]{}` outside code and URLs."""
    if not _BRACKET_CHARS.search(text):
        return [], []  # masking only blanks: no mark in the text, none in the masked text
    masked, _ = _masked(text)
    stack: list[Token] = []
    stray: list[Token] = []
    for m in _BRACKET_CHARS.finditer(masked):
        i, ch = m.start(), m.group()
        if ch in OPEN_BRACKETS:
            if i > 0 and masked[i - 1] == "\\":
                continue
            stack.append(Token("bracket", ch, i, i + 1))
        elif ch in CLOSE_BRACKETS:
            if i > 0 and masked[i - 1] == "\\":
                continue
            if stack and stack[-1].key == CLOSE_BRACKETS[ch]:
                stack.pop()
            else:
                stray.append(Token("bracket", ch, i, i + 1))
    return stack, stray


# Opening quotation marks and the closing mark each expects. “ closes „ (German, Russian
# inner quotes, Turkish) but opens “…” (English); a straight " both opens and closes.
_QUOTE_PAIRS = {"«": "»", "„": "“", "“": "”", "‹": "›", '"': '"'}
_CLOSERS = {"»", "“", "”", "›", '"'}


def unbalanced_quotes(text: str) -> tuple[list[Token], list[Token]]:
    """(unclosed opening quotes, unmatched closing quotes) of «», „“, “”, ‹› and "" outside
    code and URLs. Single quotes are left alone: ’ is also the apostrophe."""
    if not _QUOTE_CHARS.search(text):
        return [], []  # masking only blanks: no mark in the text, none in the masked text
    masked, _ = _masked(text)
    stack: list[tuple[str, Token]] = []
    stray: list[Token] = []
    orphans: list[Token] = []
    for m in _QUOTE_CHARS.finditer(masked):
        i, ch = m.start(), m.group()
        if ch == '"' and i > 0 and masked[i - 1] == "\\":
            continue
        if stack and stack[-1][0] == ch:
            stack.pop()
            continue
        if ch in _QUOTE_PAIRS and (ch != '"' or not any(want == '"' for want, _ in stack)):
            stack.append((_QUOTE_PAIRS[ch], Token("quote", ch, i, i + 1)))
            continue
        if any(want == ch for want, _ in stack):
            # Closes an outer quote: the inner ones were left open.
            while stack and stack[-1][0] != ch:
                orphans.append(stack.pop()[1])
            stack.pop()
            continue
        stray.append(Token("quote", ch, i, i + 1))
    return sorted(orphans + [t for _, t in stack], key=lambda t: t.start), stray
