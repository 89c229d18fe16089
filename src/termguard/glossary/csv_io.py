"""CSV glossaries in and out: the simple `source,target,forbidden,note` exchange format.

Columns (a header row names them; order is free): `source` (required), `target`,
`forbidden`, `note`; several forms in one cell are separated by `|`. The first source and
target forms are preferred, later ones admitted; `forbidden` forms belong to the target
language. Other columns are warned about once and ignored.

Case: a CSV has no column for case sensitivity, so forms of one language that differ only
in case (`KAAN` approved, `Kaan` forbidden; `US` and `us` in two rows) are read as
case-sensitive: that is the only reading in which the file says something consistent, and
it is what a YAML or TBX glossary exported to CSV meant.

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
from dataclasses import replace

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
    return _case_distinct(entries), problems


def _case_distinct(entries: list[Entry]) -> list[Entry]:
    """Mark case-sensitive every form that another form of its language differs from only in case."""
    spellings: dict[tuple[str, str], set[str]] = {}
    for entry in entries:
        for lang, forms in entry.renderings.items():
            for r in forms:
                spellings.setdefault((lang, r.text.casefold()), set()).add(r.text)
    if all(len(texts) < 2 for texts in spellings.values()):
        return entries
    out = []
    for entry in entries:
        renderings = {
            lang: tuple(replace(r, case_sensitive=True) if len(spellings[(lang, r.text.casefold())]) > 1 else r for r in forms)
            for lang, forms in entry.renderings.items()
        }
        out.append(replace(entry, renderings=renderings) if renderings != entry.renderings else entry)
    return out


def _cell(forms: list[str]) -> str:
    """Forms joined by `|`, each once (settings that told two equal forms apart are not written)."""
    return "|".join(dict.fromkeys(f for f in forms if "|" not in f))


def write_csv(glossary: Glossary, source_lang: str, target_lang: str) -> str:
    """The glossary as `source,target,forbidden,note` for one language pair.

    Entries without an approved source form are left out (a CSV row needs a source). What
    the format has no column for is not written: `csv_losses` names it.
    """
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in glossary:
        sources = [r.text for r in entry.approved(source_lang)]
        if not _cell(sources):
            continue
        targets = entry.forms(target_lang)
        writer.writerow([
            _cell(sources),
            _cell([r.text for r in targets if r.approved]),
            _cell([r.text for r in targets if not r.approved]),
            entry.note or "",
        ])
    return buf.getvalue()


def _listed(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def csv_losses(glossary: Glossary, source_lang: str, target_lang: str) -> list[str]:
    """What `write_csv(glossary, source_lang, target_lang)` cannot carry, one line per kind
    of loss, naming the entries and forms (empty: the CSV holds the whole glossary)."""
    out: list[str] = []
    skipped: list[str] = []
    rejected_source: list[str] = []
    superseded: list[str] = []
    piped: list[str] = []
    merged: list[str] = []
    settings: dict[str, list[str]] = {}
    other_langs: set[str] = set()
    renamed = 0

    def lost(what: str, entry: Entry) -> None:
        ids = settings.setdefault(what, [])
        if not ids or ids[-1] != entry.id:
            ids.append(entry.id)

    for entry in glossary:
        sources = list(entry.approved(source_lang))
        if not sources:
            skipped.append(entry.id)
            continue
        written = (source_lang, target_lang, target_lang.split("_")[0], ANY_TARGET)
        other_langs |= {lang for lang in entry.renderings if lang not in written}
        if _slug(sources[0].text) != entry.id:
            renamed += 1
        rejected_source += [f"“{r.text}” ('{entry.id}')" for r in entry.rejected(source_lang)]
        if entry.kind != "term":
            lost("kind", entry)
        if entry.origin is not None:
            lost("origin", entry)
        if entry.dnt:
            lost("dnt", entry)
        if entry.case_sensitive is not None:
            lost("case_sensitive", entry)
        if entry.tests:
            lost("tests", entry)
        targets = entry.forms(target_lang)
        for lang, forms in ((source_lang, tuple(sources)), (target_lang, targets)):
            seen: set[tuple[bool, str]] = set()
            for r in forms:
                if "|" in r.text:
                    piped.append(f"“{r.text}” ('{entry.id}')")
                key = (r.approved, r.text)
                if key in seen:
                    merged.append(f"{lang} “{r.text}” ('{entry.id}')")
                seen.add(key)
                if r.status == "superseded":
                    superseded.append(f"“{r.text}” ('{entry.id}')")
                if r.note:
                    lost("rendering notes", entry)
                if r.case_sensitive is not None:
                    lost("case_sensitive", entry)
                if r.exact:
                    lost("exact", entry)
                if r.indeclinable:
                    lost("indeclinable", entry)
    if skipped:
        out.append(f"{len(skipped)} {'entry' if len(skipped) == 1 else 'entries'} without an approved {source_lang} form left out: {_listed(skipped)}")
    if rejected_source:
        out.append(f"{source_lang} forbidden and superseded forms have no column and are dropped: {_listed(rejected_source)}")
    if other_langs:
        out.append(f"only {source_lang} and {target_lang} are written; left out: {', '.join(sorted(other_langs))}")
    if superseded:
        out.append(f"superseded forms are written as forbidden: {_listed(superseded)}")
    if piped:
        out.append(f"forms containing `|` (the form separator) are dropped: {_listed(piped)}")
    if merged:
        out.append(f"forms listed twice with different settings are written once: {_listed(merged)}")
    for what, ids in settings.items():
        out.append(f"no column for {what} ({len(ids)} {'entry' if len(ids) == 1 else 'entries'}: {_listed(ids, 4)})")
    if renamed:
        out.append(f"entry ids are not carried: import names {renamed} entries after their first {source_lang} form")
    return out
