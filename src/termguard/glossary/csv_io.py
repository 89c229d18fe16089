"""CSV glossaries in and out: the simple `source,target,forbidden,note` exchange format.

Columns (a header row names them; order is free): `source` (required), `target`,
`forbidden`, `note`; several forms in one cell are separated by `|`. The first source and
target forms are preferred, later ones admitted; `forbidden` forms belong to the target
language. Other columns are warned about once and ignored.

Languages: the source column is `en`. The target column is the language given by
`langs=("en", "ru")` (the CLI's `--glossary-langs en:ru`); without it, the target forms are
stored under the placeholder language `*` (`model.ANY_TARGET`), which `Entry.forms(lang)`
returns for any language the entry has no explicit forms for: the target language is then
that of the file being checked.
"""

from __future__ import annotations

import csv
import io
import re

from termguard.errors import InputError
from termguard.glossary.files import Problem, known_language
from termguard.glossary.model import ANY_TARGET, Entry, Glossary, Rendering

COLUMNS = ("source", "target", "forbidden", "note")
_ID_CHARS = re.compile(r"[^a-z0-9]+")


def parse_langs(value: str | None) -> tuple[str, str] | None:
    """`en:ru` → ("en", "ru"); None stays None. A malformed value is a usage error."""
    from termguard.errors import ConfigError

    if not value:
        return None
    parts = [p.strip().replace("-", "_") for p in value.split(":")]
    if len(parts) != 2 or not all(parts):
        raise ConfigError(f"--glossary-langs {value!r}: give SOURCE:TARGET, e.g. en:ru")
    for part in parts:
        if not known_language(part):
            raise ConfigError(f"--glossary-langs {value!r}: {part!r} is not a known language code")
    return parts[0], parts[1]


def _forms(cell: str | None) -> list[str]:
    return [f.strip() for f in (cell or "").split("|") if f.strip()]


def _slug(text: str) -> str:
    return _ID_CHARS.sub("-", text.lower()).strip("-")


def read_csv(text: str, path: str, langs: tuple[str, str] | None = None) -> tuple[list[Entry], list[Problem]]:
    """Parse CSV text into entries (one per row) and problems (with the row's line)."""
    source_lang, target_lang = langs if langs else ("en", ANY_TARGET)
    if not text.strip():
        raise InputError("empty file; a CSV glossary starts with a header row: source,target,forbidden,note", path)
    problems: list[Problem] = []
    # strict: an unclosed quote is an error, not a cell that silently swallows the rest.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc}); fix the quoting", path, 1) from None
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    if "source" not in names:
        raise InputError(
            "the first row must be a header naming the columns: source,target,forbidden,note", path, 1
        )
    col = {name: i for i, name in enumerate(names) if name in COLUMNS}
    extra = [h for h in names if h not in COLUMNS]
    if extra:
        problems.append(Problem("glossary-schema", "warning", path, 1,
                                f"unknown column(s) {', '.join(extra)} ignored; known: {', '.join(COLUMNS)}"))
    entries: list[Entry] = []
    used: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue

            def cell(name: str, row: list[str] = row) -> str | None:
                i = col.get(name)
                return row[i] if i is not None and i < len(row) else None

            sources = _forms(cell("source"))
            if not sources:
                problems.append(Problem("glossary-schema", "error", path, line, "row without a source term; fill the source column"))
                continue
            targets = _forms(cell("target"))
            forbidden = _forms(cell("forbidden"))
            note = (cell("note") or "").strip() or None
            renderings = {
                source_lang: tuple(
                    Rendering(text=f, status="preferred" if i == 0 else "admitted", line=line) for i, f in enumerate(sources)
                )
            }
            target_forms = [Rendering(text=f, status="preferred" if i == 0 else "admitted", line=line) for i, f in enumerate(targets)]
            target_forms += [Rendering(text=f, status="forbidden", line=line) for f in forbidden]
            if target_forms:
                renderings[target_lang] = tuple(target_forms)
            base = _slug(sources[0]) or f"row-{line}"
            count = used.get(base, 0) + 1
            used[base] = count
            entries.append(Entry(
                id=base if count == 1 else f"{base}-{count}",
                kind="term",
                note=note,
                renderings=renderings,
                path=path,
                line=line,
            ))
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc}); fix the quoting", path, reader.line_num) from None
    return entries, problems


def write_csv(glossary: Glossary, source_lang: str, target_lang: str) -> str:
    """The glossary as `source,target,forbidden,note` for one language pair.

    Entries without an approved source form are left out (a CSV row needs a source). Entry-
    level settings the format has no column for (kind, origin, tests, flags) are not written.
    """
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in glossary:
        sources = [r.text for r in entry.approved(source_lang)]
        if not sources:
            continue
        targets = entry.forms(target_lang)
        writer.writerow([
            "|".join(sources),
            "|".join(r.text for r in targets if r.approved),
            "|".join(r.text for r in targets if not r.approved),
            entry.note or "",
        ])
    return buf.getvalue()
