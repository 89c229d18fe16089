"""A disk cache of compiled term matchers: a glossary's forms are generated once per change.

Building a matcher generates every inflected form of every term (pymorphy3 for Russian:
about 2 s for a 10,000-term glossary, and loading pymorphy3 itself is a fifth of a cold
`termguard check`). What the build produces, the automaton's keys and their candidates
with entries and renderings by index, is stored under a key that covers everything the
forms depend on:

* the glossary's content (every field of every entry, in order);
* the language and its morphology class;
* the source of the `termguard.morph` package and of the glossary model, and termguard's
  version;
* the versions of the morphology data and the automaton (pymorphy3, pymorphy3-dicts-ru,
  PyStemmer, pyahocorasick).

A hit rebuilds the automaton from the stored items as they are (a third of a second for
10,000 Russian terms) without importing pymorphy3. The term screen's per-slot tables
(`morph.fast`) are stored beside them, under the same key with `-fast` appended. The cache is an optimisation only: an unreadable, corrupt or
unwritable cache is ignored and the matcher built as usual; files are written atomically,
read with `marshal` (plain data, no code), and the oldest are pruned.

Where: `$TERMGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/termguard`, else `~/.cache/termguard`.
`TERMGUARD_NO_CACHE=1` (or `termguard check --no-cache`) turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from termguard.glossary.model import Glossary
    from termguard.morph.base import Morphology

#: Bumped when the stored layout changes.
FORMAT = 3
#: Cache files kept, and their total size; the least recently written beyond either are
#: removed (a 10,000-term Russian matcher is about 20 MB).
KEEP = 32
KEEP_BYTES = 512 * 1024 * 1024
_LIBRARIES = ("pymorphy3", "pymorphy3-dicts-ru", "PyStemmer", "pyahocorasick")


_disabled = False


def disable() -> None:
    """Turn the cache off for the rest of the process (`termguard check --no-cache`)."""
    global _disabled
    _disabled = True


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is off."""
    if _disabled or os.environ.get("TERMGUARD_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("TERMGUARD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return root / "termguard"


@lru_cache(maxsize=1)
def _code_token() -> str:
    """termguard's version, the morph package's source and the libraries' versions."""
    from importlib import metadata

    from termguard import __version__

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}:{__version__}".encode())
    here = Path(__file__).resolve().parent
    # The forms depend on the morphology code and on the glossary model (statuses, kinds
    # that are case-sensitive, which renderings serve a language).
    for source in [*sorted(here.glob("*.py")), here.parent / "glossary" / "model.py"]:
        h.update(source.name.encode())
        h.update(source.read_bytes())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=-".encode())
    return h.hexdigest()


@lru_cache(maxsize=4)
def _fingerprint(glossary: "Glossary") -> str:
    """Every field of every entry, hashed (once per glossary object: glossaries hash by
    identity, and the source and target matchers of a run share one)."""
    h = hashlib.blake2b(digest_size=20)
    for entry in glossary:
        h.update(repr(entry).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def cache_key(glossary: "Glossary", lang: str, morph: "Morphology") -> str:
    """The key of a matcher for `glossary` in `lang`: changes whenever its forms could."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{_code_token()}|{lang}|{type(morph).__module__}.{type(morph).__qualname__}|{morph.lang}|".encode())
    h.update(_fingerprint(glossary).encode())
    return h.hexdigest()


def load(key: str) -> Any | None:
    """The data stored under `key`, or None (no cache, no entry, or unreadable)."""
    where = cache_dir()
    if where is None:
        return None
    try:
        data = (where / f"{key}.matcher").read_bytes()
        return marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def store(key: str, data: Any) -> None:
    """Store `data` (plain tuples, strings, numbers) under `key`; failures are ignored."""
    where = cache_dir()
    if where is None:
        return
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader sees the whole file or none.
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=where)
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(data, handle)
        os.replace(tmp, where / f"{key}.matcher")
        tmp = None
        _prune(where)
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(where: Path) -> None:
    files = sorted(((p, p.stat()) for p in where.glob("*.matcher")), key=lambda f: f[1].st_mtime, reverse=True)
    total = 0
    for index, (path, stat) in enumerate(files):
        total += stat.st_size
        if index < KEEP and (total <= KEEP_BYTES or index == 0):
            continue  # the newest file stays whatever its size
        try:
            path.unlink()
        except OSError:
            pass
