"""Core data model: text fields with file positions, translation units, documents, findings.

Everything a rule sees is one of these frozen dataclasses. Readers build them from files;
rules and reporters never touch the files themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How serious a finding is; `error` fails a run, `warning` only with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Order for comparisons: error > warning > info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


def _anchor_offset(anchor: tuple[int, int, int]) -> int:
    return anchor[0]


@dataclass(frozen=True, slots=True)
class Field:
    """A piece of text together with where each of its characters stands in the file.

    `anchors` is a sorted tuple of `(text_offset, line, column)` triples (1-based line and
    column, columns in code points). Characters between two anchors are contiguous on the
    anchor's line, so a text that was unescaped (PO) or had its line breaks collapsed
    (Markdown) still maps back to exact file positions.
    """

    text: str
    anchors: tuple[tuple[int, int, int], ...] = ()

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the (line, column) in the file of the character at `offset` in `text`."""
        if not self.anchors:
            return (1, offset + 1)
        idx = max(bisect.bisect_right(self.anchors, offset, key=_anchor_offset) - 1, 0)
        start, line, col = self.anchors[idx]
        return (line, col + (offset - start))

    def locate_span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Return (line, column, end_line, end_column) for `[start, end)`, end exclusive."""
        line, col = self.locate(start)
        if end <= start:
            return (line, col, line, col)
        end_line, end_col = self.locate(end - 1)
        return (line, col, end_line, end_col + 1)

    @property
    def line(self) -> int:
        """The line the text starts on."""
        return self.anchors[0][1] if self.anchors else 1


@dataclass(frozen=True, slots=True)
class Unit:
    """One translation unit: a sentence, heading or entry, with its source and targets.

    `targets` holds every translated form (one, or one per plural form); it is empty for a
    source document. `comments` are translator and extracted comments (PO), used for
    inline suppressions.
    """

    id: str
    kind: str
    path: str
    source: Field
    source_lang: str
    targets: tuple[Field, ...] = ()
    target_lang: str | None = None
    source_plural: Field | None = None
    flags: frozenset[str] = frozenset()
    comments: tuple[str, ...] = ()
    line: int = 1

    @property
    def target(self) -> Field | None:
        """The first (singular) target, or None for a source-only unit."""
        return self.targets[0] if self.targets else None

    @property
    def is_translated(self) -> bool:
        """True when every target form has text."""
        return bool(self.targets) and all(t.text for t in self.targets)

    @property
    def is_fuzzy(self) -> bool:
        """True for a PO entry flagged fuzzy."""
        return "fuzzy" in self.flags


@dataclass(frozen=True, slots=True)
class Document:
    """A file turned into units, plus what whole-file rules need (PO header, raw metadata).

    `kind` is `markdown`, `text`, `po`, `pot`, `xliff` or `tmx`. `source_text` is the full text of a
    source document, for rules that look at structure (references, dates); it is None for
    translation files.
    """

    path: str
    kind: str
    source_lang: str
    target_lang: str | None
    units: tuple[Unit, ...]
    header: Mapping[str, str] = field(default_factory=dict)
    header_field: Field | None = None
    source_text: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_translation(self) -> bool:
        """True for PO/XLIFF files, whose units carry targets."""
        return self.kind in ("po", "pot", "xliff", "tmx")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the file's text in `[line:column, end_line:end_column)` with `content`.

    Positions follow the finding's rules (1-based, code points, end exclusive, in the file on
    disk); `content` is what the file must hold there, already escaped for the file's syntax
    (a PO string's quotes and backslashes included). An empty range inserts.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    content: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of SPEC §7."""
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "content": self.content,
        }


class Applicability(str, Enum):
    """Whether a fix keeps the text's meaning for sure (`safe`) or may change it (`unsafe`)."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that resolves a finding: one or more non-overlapping edits of one file."""

    applicability: Applicability
    message: str
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of SPEC §7."""
        return {
            "applicability": self.applicability.value,
            "message": self.message,
            "edits": [e.to_dict() for e in self.edits],
        }


@dataclass(frozen=True, slots=True)
class UnitText:
    """The texts of the unit a finding stands in, for reports a person reads (HTML, XLSX).

    `source` and `target` are the unit's source text and the target form the finding is in
    (None for a source document); the finding's span is `[start, end)` of the `role` text
    (`"source"` or `"target"`). The strings are the unit's own, shared, not copied.
    """

    source: str
    target: str | None
    role: str
    start: int
    end: int
    source_lang: str = ""
    target_lang: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a rule, with the fields of SPEC §5.3."""

    code: str
    rule: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    unit: str | None = None
    lang: str | None = None
    term: str | None = None
    found: str | None = None
    suggestions: tuple[str, ...] = ()
    context: str = ""
    fix: Fix | None = None
    text: UnitText | None = None

    def shifted(self, lines: int) -> Finding:
        """The same finding (and its fix) `lines` lines further down the file."""
        if not lines:
            return self
        fix = self.fix
        if fix is not None:
            fix = Fix(fix.applicability, fix.message, tuple(
                Edit(e.line + lines, e.column, e.end_line + lines, e.end_column, e.content) for e in fix.edits
            ))
        return Finding(
            code=self.code, rule=self.rule, severity=self.severity, path=self.path, line=self.line + lines,
            column=self.column, end_line=self.end_line + lines, end_column=self.end_column,
            message=self.message, unit=self.unit, lang=self.lang, term=self.term, found=self.found,
            suggestions=self.suggestions, context=self.context, fix=fix, text=self.text,
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        """Findings are sorted by path, line, column, code."""
        return (self.path, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of SPEC §5.3 (without the internal `context`)."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "unit": self.unit,
            "lang": self.lang,
            "message": self.message,
            "term": self.term,
            "found": self.found,
            "suggestions": list(self.suggestions),
            **({"fix": self.fix.to_dict()} if self.fix is not None else {}),
            **({"source": self.text.source, "target": self.text.target} if self.text is not None else {}),
        }


@dataclass(frozen=True)
class Report:
    """The result of a run: sorted findings and what was read."""

    findings: tuple[Finding, ...]
    files: tuple[str, ...]
    units: int

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for f in self.findings if f.severity == severity)
