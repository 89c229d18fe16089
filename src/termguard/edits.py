"""Turn a replacement of text in a unit into an `Edit` of the file on disk (SPEC §7).

A rule knows a span `[start, end)` of a field's text (unescaped, line breaks collapsed) and
what should stand there; the edit must say where that span stands in the file and what the
file must hold there, in the file's own syntax. In a PO file the replacement goes inside the
msgid/msgstr string literal, so quotes, backslashes and control characters are escaped and
an escaped character is two characters wide on disk (`\\"`). Markdown and plain text hold
the text as it is. Other formats (XLIFF, TMX: XML entities, CDATA) get no edit: a position
that cannot be made exact is not offered as a fix.
"""

from __future__ import annotations

from termguard.model import Applicability, Edit, Field, Fix
from termguard.positions import LineIndex

_PO_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
               "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}
#: Document kinds (`Document.kind`) whose fields map to the file exactly.
EDITABLE = frozenset({"po", "pot", "markdown", "text"})


def escape_for(kind: str, text: str) -> str:
    """`text` as the file of this kind must hold it (PO string escapes; others as is)."""
    if kind in ("po", "pot"):
        return "".join(_PO_ESCAPES.get(ch, ch) for ch in text)
    return text


def _width(kind: str, ch: str) -> int:
    """How many characters `ch` of a field's text takes in the file."""
    if kind in ("po", "pot") and ch in _PO_ESCAPES:
        return 2
    return 1


def field_edit(kind: str | None, fld: Field, start: int, end: int, content: str) -> Edit | None:
    """The edit replacing `fld.text[start:end]` with `content`, or None when the file kind
    has no exact mapping (or the span is empty or out of the text)."""
    if kind not in EDITABLE or not 0 <= start < end <= len(fld.text):
        return None
    line, col = fld.locate(start)
    last_line, last_col = fld.locate(end - 1)
    return Edit(line, col, last_line, last_col + _width(kind, fld.text[end - 1]), escape_for(kind, content))


def offset_edit(lines: LineIndex, start: int, end: int, content: str) -> Edit:
    """The edit replacing `[start, end)` of a whole source document's text (Markdown, text)."""
    line, col = lines.locate(start)
    end_line, end_col = lines.locate(end)
    return Edit(line, col, end_line, end_col, content)


def replacement_edits(kind: str | None, fld: Field, start: int, end: int, content: str) -> tuple[Edit, ...] | None:
    """Edits replacing `fld.text[start:end]` with `content`, word by word when both have the
    same number of words, so a term broken over two lines (a Markdown line break, a PO
    string continued on the next line) keeps its line layout; one edit otherwise."""
    import re

    old_words = list(re.finditer(r"\S+", fld.text[start:end]))
    new_words = content.split()
    if len(old_words) > 1 and len(old_words) == len(new_words) and " ".join(new_words) == content:
        edits = []
        for m, word in zip(old_words, new_words):
            if m.group() == word:
                continue
            edit = field_edit(kind, fld, start + m.start(), start + m.end(), word)
            if edit is None:
                return None
            edits.append(edit)
        return tuple(edits) or None
    edit = field_edit(kind, fld, start, end, content)
    return (edit,) if edit is not None else None


def replacement_fix(kind: str | None, fld: Field, start: int, end: int, content: str, *, safe: bool) -> Fix | None:
    """A fix replacing `fld.text[start:end]` with `content` (None when there is nothing to
    change or the file kind has no exact positions)."""
    old = fld.text[start:end]
    if not content or old == content:
        return None
    edits = replacement_edits(kind, fld, start, end, content)
    if edits is None:
        return None
    return Fix(Applicability.SAFE if safe else Applicability.UNSAFE, f"write “{content}” for “{old}”", edits)
