"""Parsed glossary files kept in the disk cache, keyed by their bytes.

Parsing a large TBX file is most of a warm `termguard check` on a small file; rebuilding
its entries from the cache is far cheaper (figures on the docs' benchmarks page). A file's key
covers everything its entries and problems depend on: its bytes, the path it was read
from (entries and problems name it), the CSV column languages, the source of the
glossary readers and model, and the versions of termguard, Python and PyYAML (found
without importing PyYAML: `termguard.diskcache.library_token`). The key
also serves as the file's fingerprint: the matcher cache (`termguard.morph.cache`) keys
on a glossary's `digest`, built from its files' keys, instead of hashing every entry.

Entries are stored as plain tuples (marshal, no code), each marshalled on its own in one
`termguard.diskcache` record, so that none is decoded before someone asks for it
(`Entries.stored`); the ids and the problems are beside them. A stored value of
the wrong shape is ignored and the file parsed again.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from termguard import diskcache
from termguard.glossary.files import Problem
from termguard.glossary.model import Entries, Entry, GlossaryTest, Origin, Rendering

#: Bumped when the stored layout changes.
FORMAT = 3
_ENTRY_FIELDS = 10  # what `dump_entry` writes
SUFFIX = ".glossary"

Parsed = tuple[list[Entry], list[Problem]]


@lru_cache(maxsize=2)
def _code_token(yaml_file: bool) -> bytes:
    from termguard import __version__

    here = Path(__file__).resolve().parent
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}:{__version__}:{sys.version}".encode())
    if yaml_file:  # (only YAML files are read with PyYAML; the token does not import it)
        h.update(f":{diskcache.library_token('yaml')}".encode())
    for source in [*sorted(here.glob("*.py")), here.parent / "readers" / "__init__.py"]:
        h.update(source.name.encode())
        h.update(source.read_bytes())
    return h.digest()


def file_key(path: Path, data: bytes, langs: tuple[str, str] | None) -> str:
    """The key of one glossary file's parse: changes whenever its entries could."""
    h = hashlib.blake2b(digest_size=20)
    h.update(_code_token(path.suffix.lower() in (".yaml", ".yml")))
    h.update(f"|{path}|{langs}|{len(data)}|".encode("utf-8", "surrogatepass"))
    h.update(data)
    return h.hexdigest()


def read_cached(
    path: Path, langs: tuple[str, str] | None, parse: Callable[[], Parsed]
) -> tuple[list[Entry] | Entries, list[Problem], str | None]:
    """`parse()`'s entries and problems for the file at `path`, from the cache when its key
    is there, and the file's key (None when the file cannot be read: `parse` reports it).
    Entries from the cache are built as they are first asked for (`Entries`)."""
    try:
        data = path.read_bytes()
    except OSError:
        entries, problems = parse()
        return entries, problems, None
    key = file_key(path, data, langs)
    stored = _restore(diskcache.load(key, SUFFIX))
    if stored is not None:
        return stored[0], stored[1], key
    entries, problems = parse()  # an unreadable or invalid file raises: nothing is stored
    blobs = tuple(marshal.dumps(dump_entry(e)) for e in entries)
    diskcache.store(key, (tuple(e.id for e in entries), tuple(map(_dump_problem, problems)), blobs), SUFFIX)
    return entries, problems, key


def dump_entry(entry: Entry) -> tuple:
    """An entry as plain data (`load_entry` reads it back)."""
    return (
        entry.id, entry.kind, entry.note,
        (entry.origin.lang, entry.origin.text) if entry.origin else None,
        entry.dnt, entry.case_sensitive,
        {lang: tuple((r.text, r.status, r.note, r.case_sensitive, r.exact, r.indeclinable, r.line, r.column) for r in forms)
         for lang, forms in entry.renderings.items()},
        tuple((t.lang, t.text, t.expect_ok, t.line, t.column) for t in entry.tests),
        entry.path, entry.line,
    )


def load_entry(data: tuple) -> Entry:
    """The entry `dump_entry` wrote."""
    ident, kind, note, origin, dnt, case_sensitive, renderings, tests, path, line = data
    return Entry(
        ident, kind, note, Origin(*origin) if origin is not None else None, dnt, case_sensitive,
        {lang: tuple([Rendering(*r) for r in forms]) for lang, forms in renderings.items()},
        tuple([GlossaryTest(*t) for t in tests]), path, line,
    )


def _dump_problem(problem: Problem) -> tuple:
    return (problem.rule, problem.severity, problem.path, problem.line, problem.message,
            problem.column, problem.term, problem.end_column)


def _restore(stored: object) -> tuple[Entries, list[Problem]] | None:
    # (The file's checksum vouches for what termguard wrote; only the shape is checked
    # here, each entry's fields when it is built.)
    if not isinstance(stored, tuple) or len(stored) != 3:
        return None
    ids, problems, blobs = stored
    if not isinstance(ids, tuple) or not all(type(i) is str for i in ids):
        return None
    if not isinstance(blobs, tuple) or len(blobs) != len(ids) or not all(type(b) is bytes for b in blobs):
        return None

    def build(i: int) -> Entry:
        data = marshal.loads(blobs[i])
        if type(data) is not tuple or len(data) != _ENTRY_FIELDS or data[0] != ids[i]:
            raise ValueError(f"glossary cache: entry {i} is damaged")
        return load_entry(data)

    try:
        return Entries.stored(ids, build), [Problem(*p) for p in problems]
    except (TypeError, ValueError, AttributeError):
        return None
