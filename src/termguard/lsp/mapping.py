"""Findings, fixes and glossary entries as Language Server Protocol data (pure functions).

termguard positions are 1-based lines and columns counted in Unicode code points, ends
exclusive (SPEC §5.3). LSP positions are 0-based and, unless the client and server agree on
another `positionEncoding`, count UTF-16 code units: a character outside the Basic
Multilingual Plane (an emoji, a CJK extension ideograph) is one termguard column but two
LSP characters. Every conversion here goes through `lsp_character` / `code_point_column`,
which take the line's text and the negotiated encoding.

Nothing here touches pygls, files or the engine: the server hands in the document's lines
and gets lsprotocol objects back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from termguard.glossary.model import ANY_TARGET, Entry
from termguard.model import Applicability, Edit, Finding, Fix, Severity

SOURCE = "termguard"
#: The `code` of the diagnostic for a document termguard cannot read (no rule page).
INPUT_ERROR = "input-error"
UTF16 = "utf-16"
UTF8 = "utf-8"
UTF32 = "utf-32"

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


# -- positions ----------------------------------------------------------------------------

def _units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the string takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    # UTF-16: one unit per character, two for a character outside the BMP.
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF) if not text.isascii() else len(text)


def lsp_character(line_text: str, column: int, encoding: str = UTF16) -> int:
    """The 0-based LSP `character` of the 1-based code-point `column` on a line.

    A column past the end of the line is the end of the line (as LSP reads it); a trailing
    carriage return is not part of the line.
    """
    text = line_text[:-1] if line_text.endswith("\r") else line_text
    return _units(text[: max(column - 1, 0)], encoding)


def code_point_column(line_text: str, character: int, encoding: str = UTF16) -> int:
    """The 1-based code-point column of a 0-based LSP `character` on a line (inverse of
    `lsp_character`; an offset inside a surrogate pair or a UTF-8 sequence moves on to the
    next character)."""
    if encoding == UTF32:
        return min(max(character, 0), len(line_text)) + 1
    units = 0
    for index, ch in enumerate(line_text):
        if units >= character:
            return index + 1
        if encoding == UTF8:
            units += len(ch.encode("utf-8", "surrogatepass"))
        else:
            units += 2 if ord(ch) > 0xFFFF else 1
    return len(line_text) + 1


@dataclass(frozen=True)
class TextLines:
    """A document's lines (split at `\\n`), for converting positions."""

    lines: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> TextLines:
        """The lines of a text."""
        return cls(tuple(text.split("\n")))

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` ("" past the end)."""
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def position(self, line: int, column: int, encoding: str = UTF16) -> types.Position:
        """The LSP position of a 1-based line and code-point column.

        A line past the end of the document is the end of its last line.
        """
        if line > len(self.lines):
            last = len(self.lines)
            return types.Position(line=max(last - 1, 0), character=lsp_character(self.line_text(last), 1 << 30, encoding))
        line = max(line, 1)
        return types.Position(line=line - 1, character=lsp_character(self.line_text(line), column, encoding))

    def range(self, line: int, column: int, end_line: int, end_column: int, encoding: str = UTF16) -> types.Range:
        """The LSP range of a termguard span (end exclusive in both)."""
        start = self.position(line, column, encoding)
        end = self.position(end_line, end_column, encoding)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return types.Range(start=start, end=end)

    def column_at(self, position: types.Position, encoding: str = UTF16) -> tuple[int, int]:
        """The 1-based (line, code-point column) of an LSP position."""
        line = position.line + 1
        return line, code_point_column(self.line_text(line), position.character, encoding)


# -- diagnostics ----------------------------------------------------------------------------

def severity(value: Severity) -> types.DiagnosticSeverity:
    """termguard's severity as LSP's (error, warning, information)."""
    return _SEVERITIES[value]


def rule_url(base: str, rule: str) -> str:
    """The rule's documentation page under the docs site `base` (`rules/<name>/`, as the
    MkDocs hook generates them); a relative `rules/<name>/` when `base` is empty."""
    if not base:
        return f"rules/{rule}/"
    return f"{base.rstrip('/')}/rules/{rule}/"


def diagnostic(finding: Finding, lines: TextLines, docs_url: str = "", encoding: str = UTF16) -> types.Diagnostic:
    """One finding as an LSP diagnostic: `source` termguard, `code` the rule name, a link to
    the rule's page, the termguard code (TGnnn) in `data`."""
    return types.Diagnostic(
        range=lines.range(finding.line, finding.column, finding.end_line, finding.end_column, encoding),
        message=finding.message,
        severity=severity(finding.severity),
        code=finding.rule,
        code_description=None if finding.rule == INPUT_ERROR else types.CodeDescription(href=rule_url(docs_url, finding.rule)),
        source=SOURCE,
        data={"code": finding.code, "rule": finding.rule},
    )


def diagnostics(findings: Iterable[Finding], text: str, docs_url: str = "", encoding: str = UTF16) -> list[types.Diagnostic]:
    """Every finding of one document as diagnostics."""
    found = list(findings)
    if not found:
        return []
    lines = TextLines.of(text)
    return [diagnostic(f, lines, docs_url, encoding) for f in found]


def same_range(diag: types.Diagnostic, finding: Finding, lines: TextLines, encoding: str = UTF16) -> bool:
    """Does a diagnostic the client sends back stand for this finding (rule and range)?"""
    return diag.code == finding.rule and diag.range == lines.range(
        finding.line, finding.column, finding.end_line, finding.end_column, encoding
    )


# -- edits and code actions ---------------------------------------------------------------

def text_edit(edit: Edit, lines: TextLines, encoding: str = UTF16) -> types.TextEdit:
    """A termguard edit (1-based code points, end exclusive) as an LSP text edit."""
    return types.TextEdit(
        range=lines.range(edit.line, edit.column, edit.end_line, edit.end_column, encoding), new_text=edit.content
    )


def workspace_edit(
    uri: str, edits: Sequence[types.TextEdit], version: int | None = None, document_changes: bool = True
) -> types.WorkspaceEdit:
    """Edits of one document; with `document_changes` they name the document's version, so
    a client does not apply them to text that changed since the check."""
    if document_changes:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=list(edits),
        )])
    return types.WorkspaceEdit(changes={uri: list(edits)})


def fix_action(
    fix: Fix, diag: types.Diagnostic, uri: str, lines: TextLines, *,
    version: int | None = None, encoding: str = UTF16, document_changes: bool = True,
) -> types.CodeAction:
    """A finding's fix as a quick fix; a safe fix is the preferred action."""
    safe = fix.applicability == Applicability.SAFE
    return types.CodeAction(
        title=fix.message if safe else f"{fix.message} (unsafe fix: check the result)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=safe,
        edit=workspace_edit(uri, [text_edit(e, lines, encoding) for e in fix.edits], version, document_changes),
    )


_PO_IGNORE = re.compile(r"^#[ \t]+termguard\s*:\s*ignore\b(?P<rest>.*)$")
_MD_IGNORE = re.compile(r"^(?P<indent>[ \t]*)<!--\s*termguard\s*:\s*ignore\b(?P<rest>.*?)\s*-->[ \t]*$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]|$)")
PO_KINDS = ("po", "pot")
MARKDOWN_KINDS = ("markdown", "text")


def _with_rule(rest: str, rule: str) -> str | None:
    """The rule list of a directive with `rule` added (None when it is there, or the
    directive covers every rule)."""
    names, sep, reason = rest.partition(" -- ")
    tokens = [t for t in re.split(r"[,\s]+", names.strip()) if t]
    if not tokens or rule in tokens or any(t.lower() in ("all", "*") for t in tokens):
        return None
    return f" {', '.join([*tokens, rule])}{' -- ' + reason.strip() if sep else ''}"


def suppression_edit(kind: str, lines: Sequence[str], finding: Finding, eol: str = "\n") -> Edit | None:
    """The edit that suppresses `finding` where it stands (None where no comment can).

    * PO/POT (`kind` po or pot): a translator comment `# termguard: ignore RULE` as the
      entry's first line, or the rule added to such a comment the entry has already;
    * Markdown and text: `<!-- termguard: ignore RULE -->` on its own line before the block
      (paragraph, list, heading) the finding is in, which is the block such a comment covers
      (see `termguard.suppressions`), or the rule added to that comment;
    * XLIFF: a `<note>termguard: ignore RULE</note>` in the unit (see `_xliff_suppression`).

    `lines` are the document's lines without their line ends; `eol` ends an inserted line.
    """
    if not lines:
        return None
    rule = finding.rule
    index = min(max(finding.line - 1, 0), len(lines) - 1)
    if kind in PO_KINDS:
        while index > 0 and lines[index - 1].strip():
            index -= 1
        end = index
        while end < len(lines) and lines[end].strip():
            line = lines[end].rstrip("\r")
            m = _PO_IGNORE.match(line)
            if m:
                rest = _with_rule(m.group("rest"), rule)
                if rest is None:
                    return None
                return Edit(end + 1, 1, end + 1, len(line) + 1, f"# termguard: ignore{rest}")
            end += 1
        return Edit(index + 1, 1, index + 1, 1, f"# termguard: ignore {rule}{eol}")
    if kind in MARKDOWN_KINDS:
        if not _HEADING.match(lines[index]):
            while index > 0 and lines[index - 1].strip() and not _HEADING.match(lines[index - 1]) \
                    and not _MD_IGNORE.match(lines[index - 1].rstrip("\r")):
                index -= 1
        if index > 0:
            above = lines[index - 1].rstrip("\r")
            m = _MD_IGNORE.match(above)
            if m:
                rest = _with_rule(m.group("rest"), rule)
                if rest is None:
                    return None
                return Edit(index, 1, index, len(above) + 1, f"{m.group('indent')}<!-- termguard: ignore{rest} -->")
        indent = re.match(r"[ \t]*", lines[index]).group(0)  # type: ignore[union-attr]
        return Edit(index + 1, 1, index + 1, 1, f"{indent}<!-- termguard: ignore {rule} -->{eol}")
    if kind == "xliff":
        return _xliff_suppression(lines, finding, rule, eol)
    return None


_XLIFF_UNIT = re.compile(r"<(?P<prefix>[\w.-]+:)?(?P<name>trans-unit|unit)(?=[\s/>])")
_XLIFF_NOTE = re.compile(r"(<(?:[\w.-]+:)?note\b[^>]*>)\s*termguard\s*:\s*ignore\b(?P<rest>[^<]*)(</(?:[\w.-]+:)?note>)")


def _xliff_suppression(lines: Sequence[str], finding: Finding, rule: str, eol: str) -> Edit | None:
    """A `<note>termguard: ignore RULE</note>` in the XLIFF unit the finding is in: before
    `</trans-unit>` (or its first `<alt-trans>`, which the 1.2 schema wants after the notes);
    in XLIFF 2 in the unit's `<notes>`, added as the unit's first child when it has none."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    row = min(max(finding.line, 1), len(lines))
    at = starts[row - 1] + min(max(finding.column - 1, 0), len(lines[row - 1]))
    unit = next(reversed(list(_XLIFF_UNIT.finditer(text, 0, at))), None)  # the last unit opened
    if unit is None:
        return None
    prefix, name = unit.group("prefix") or "", unit.group("name")
    close = text.find(f"</{prefix}{name}>", at)
    open_end = text.find(">", unit.end())
    if close == -1 or open_end == -1 or text[open_end - 1] == "/":
        return None
    body = text[open_end + 1 : close]
    existing = _XLIFF_NOTE.search(body)

    def position(offset: int) -> tuple[int, int]:
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    if existing is not None:
        rest = _with_rule(existing.group("rest"), rule)
        if rest is None:
            return None
        first = open_end + 1 + existing.start("rest")
        last = open_end + 1 + existing.end("rest")
        return Edit(*position(first), *position(last), rest)
    note = f"<{prefix}note>termguard: ignore {rule}</{prefix}note>"
    if name == "trans-unit":
        alt = text.find(f"<{prefix}alt-trans", open_end, close)
        where = alt if alt != -1 else close
        line_start = text.rfind("\n", 0, where) + 1
        indent = text[line_start:where]
        content = f"  {note}{eol}{indent}" if indent.strip(" \t") == "" and indent else note
        return Edit(*position(where), *position(where), content)
    notes = re.search(rf"<{re.escape(prefix)}notes\b[^>]*>", body)
    if notes is not None:
        where = open_end + 1 + notes.end()
        return Edit(*position(where), *position(where), note)
    where = open_end + 1
    return Edit(*position(where), *position(where), f"<{prefix}notes>{note}</{prefix}notes>")


def ignore_action(
    kind: str, finding: Finding, diag: types.Diagnostic, uri: str, lines: TextLines, *,
    version: int | None = None, encoding: str = UTF16, document_changes: bool = True, eol: str = "\n",
) -> types.CodeAction | None:
    """"Ignore RULE here": the suppression comment as a quick fix (None where none applies)."""
    edit = suppression_edit(kind, lines.lines, finding, eol)
    if edit is None:
        return None
    where = {"po": "for this entry", "pot": "for this entry", "xliff": "for this unit"}.get(kind, "in this block")
    return types.CodeAction(
        title=f"Ignore {finding.rule} {where} (termguard: ignore)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diag],
        is_preferred=False,
        edit=workspace_edit(uri, [text_edit(edit, lines, encoding)], version, document_changes),
    )


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with termguard edits applied (non-overlapping; any order), as a client
    applies the matching LSP edits. Lines are split at `\\n`."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        if line > len(lines):
            return len(text)
        return starts[line - 1] + min(column - 1, len(lines[line - 1]))

    for e in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        text = text[: offset(e.line, e.column)] + e.content + text[offset(e.end_line, e.end_column):]
    return text


# -- hover ------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~])")
_STATUS_ORDER = ("preferred", "admitted", "forbidden", "superseded")


def md_escape(text: str) -> str:
    """Text shown literally in Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def entry_markdown(entry: Entry, found: str | None = None, status: str | None = None, lang: str | None = None,
                   preferred: str | None = None) -> str:
    """A glossary entry for a hover: its id and kind, what was found under the cursor, the
    note, the origin, and the preferred, admitted, forbidden and superseded forms in every
    language (with their notes)."""
    out = [f"**{md_escape(entry.id)}** ({md_escape(entry.kind)}) · termguard glossary"]
    if found is not None and status is not None:
        line = f"Found “{md_escape(found)}”: {status}{f' in {lang}' if lang else ''}"
        if status not in ("preferred", "admitted") and preferred:
            line += f"; use “{md_escape(preferred)}”"
        out.append(line)
    if entry.note:
        out.append(md_escape(entry.note))
    if entry.origin is not None:
        out.append(f"Origin: {md_escape(entry.origin.text)} ({md_escape(entry.origin.lang)})")
    from termguard.glossary.query import entry_flags

    flags = entry_flags(entry)
    if flags:
        out.append(", ".join(flags).capitalize())
    rows = []
    for code, forms in entry.renderings.items():
        shown = "target" if code == ANY_TARGET else code
        parts = []
        for status_name in _STATUS_ORDER:
            texts = []
            for r in forms:
                if r.status != status_name:
                    continue
                texts.append(md_escape(r.text) + (f" ({md_escape(r.note)})" if r.note else ""))
            if texts:
                parts.append(f"{status_name}: {', '.join(texts)}")
        if parts:
            rows.append(f"- **{md_escape(shown)}**: " + "; ".join(parts))
    if rows:
        out.append("\n".join(rows))
    if entry.path:
        out.append(f"Defined in `{entry.path}:{entry.line}`" if entry.line else f"Defined in `{entry.path}`")
    return "\n\n".join(out)


@dataclass(frozen=True)
class TermHit:
    """A glossary term under the cursor: its span in the file (1-based code points, end
    exclusive) and the entry, rendering status and language it matched in."""

    line: int
    column: int
    end_line: int
    end_column: int
    entry: Entry
    found: str
    status: str
    lang: str


def hover(hits: Sequence[TermHit], lines: TextLines, encoding: str = UTF16) -> types.Hover | None:
    """The hover for the terms under the cursor (the innermost first), or None."""
    if not hits:
        return None
    ordered = sorted(hits, key=lambda h: (h.end_line - h.line, h.end_column - h.column))
    parts = [entry_markdown(h.entry, h.found, h.status, h.lang, h.entry.preferred(h.lang)) for h in ordered]
    first = ordered[0]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=lines.range(first.line, first.column, first.end_line, first.end_column, encoding),
    )


def overlaps(finding: Finding, line: int, column: int, end_line: int, end_column: int) -> bool:
    """Does a finding's span touch the range [line:column, end_line:end_column] (both
    inclusive, as a cursor at either end of a word still means that word)?"""
    return (finding.line, finding.column) <= (end_line, end_column) and (line, column) <= (finding.end_line, finding.end_column)


def findings_at(findings: Iterable[Finding], lines: TextLines, where: types.Range,
                sent: Sequence[types.Diagnostic] = (), encoding: str = UTF16) -> list[Finding]:
    """The findings a code-action request is about: those touching the requested range, and
    those whose diagnostics the client sent along (rule and range)."""
    line, column = lines.column_at(where.start, encoding)
    end_line, end_column = lines.column_at(where.end, encoding)
    return [
        f for f in findings
        if overlaps(f, line, column, end_line, end_column) or any(same_range(d, f, lines, encoding) for d in sent)
    ]

