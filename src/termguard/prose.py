"""The prose view of a unit's text: inline markup made transparent, URLs and code masked.

Rules match terms in `ProseView.plain` and map offsets back to the unit's text with
`ProseView.to_text`, so `*S-400 "Triumph"*`, `Tri<sup>1</sup>` or `[Kremlin](http://…)` are
matched as the words a reader sees, and nothing inside a URL or code span is prose.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

# Order matters: URLs and code before emphasis, so `*` inside a URL is masked, not dropped.
_TOKENS = re.compile(
    r"(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<url>\b(?:https?|ftp)://[^\s<>()\]]+|\bwww\.[^\s<>()\]]+)"
    r"|(?P<code>`+[^`]*`+)"
    r"|(?P<linkend>\]\((?:[^()\s]|\([^()\s]*\))*\))"
    r"|(?P<tag></?(?:sup|sub|b|i|em|strong|span|br|u|small)\b[^>]*>)"
    # (A backslash before white space ends a line in Markdown, a hard line break: the
    # reader has made that line break a space.)
    r"|(?P<escape>\\(?=[\\`*_{}\[\]()#+\-.!$\s]))"
    r"|(?P<emph>\*+|(?<!\w)_+|_+(?!\w))"
    r"|(?P<bracket>\[)"
)
_NEEDS_VIEW = re.compile(r"[*_<`\[\]\\]|https?:|www\.")
#: Matches somewhere in every text whose prose view differs from the text itself.
MARKUP = _NEEDS_VIEW


@dataclass(frozen=True, slots=True)
class ProseView:
    """`plain` text plus, when it differs from the original, the original offset of each char."""

    plain: str
    index: array | None = None
    length: int = 0

    def to_text(self, offset: int) -> int:
        """Map an offset in `plain` to the offset in the original text."""
        if self.index is None:
            return offset
        if offset >= len(self.index):
            return self.length
        return self.index[offset]

    def to_text_span(self, start: int, end: int) -> tuple[int, int]:
        """Map `[start, end)` in `plain` to the original text (end stays exclusive)."""
        if self.index is None:
            return start, end
        if end <= start:
            s = self.to_text(start)
            return s, s
        return self.index[start], self.index[end - 1] + 1


def plain_text(text: str) -> str:
    """The prose of `text` (`prose_view(text).plain`), without building an index when
    there is no markup to take out."""
    return prose_view(text).plain if _NEEDS_VIEW.search(text) else text


def prose_view(text: str) -> ProseView:
    """Build the prose view of `text` (identity when it has no markup, URL or code)."""
    if not _NEEDS_VIEW.search(text):
        return ProseView(text, None, len(text))
    out: list[str] = []
    index = array("l")
    pos = 0
    for m in _TOKENS.finditer(text):
        start, end = m.span()
        if start > pos:
            out.append(text[pos:start])
            index.extend(range(pos, start))
        kind = m.lastgroup
        if kind in ("autolink", "url", "code", "linkend"):
            # Masked with spaces, one per character, so words never fuse across a URL.
            out.append(" " * (end - start))
            index.extend(range(start, end))
        elif kind == "tag" and text.startswith("<br", start):
            # A line break (`White<br>house`) separates words as a space does.
            out.append(" ")
            index.append(start)
        pos = end
    if pos < len(text):
        out.append(text[pos:])
        index.extend(range(pos, len(text)))
    return ProseView("".join(out), index, len(text))
