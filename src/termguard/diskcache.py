"""termguard's disk cache: where it lives, and how entries are stored, read and pruned.

Three kinds of entry share it: compiled term matchers (`termguard.morph.cache`, files
`*.matcher`), parsed glossary files (`termguard.glossary.cached`, files `*.glossary`) and
the CLDR facts read from babel (`termguard.localedata`, files `*.locale`).
Every entry is plain data (tuples, strings, numbers, bytes) written with `marshal`, which
holds no code, together with its key, behind a CRC-32 that `load` verifies (a damaged
file is refused whole); the checksum also covers the entry's key and kind (its suffix), and
the key covers the content and the code it was built from, so a valid file copied or
renamed under another entry's name fails the check and is a miss, rebuilt silently;
files are written aside and renamed, so a reader sees a whole file or none; the least
recently written are removed beyond `KEEP` files or `KEEP_BYTES`. The cache is an
optimisation only: an unreadable, corrupt or unwritable cache is ignored.

Where: `$TERMGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/termguard`, else `~/.cache/termguard`.
`TERMGUARD_NO_CACHE=1` (or `termguard check --no-cache`) turns it off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Cache files kept, and their total size; the least recently written beyond either are
#: removed. A glossary makes a file per glossary file and one per language.
KEEP = 128
KEEP_BYTES = 512 * 1024 * 1024
#: The kinds of file the cache holds (the suffixes `load` and `store` take).
SUFFIXES = (".matcher", ".glossary", ".locale")

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


@lru_cache(maxsize=16)
def library_token(name: str) -> str:
    """A fingerprint of the installed top-level package `name` and of the interpreter, for
    cache keys of entries built with that library: it changes with the library's version.

    Found without importing the library (importing PyYAML or babel costs more than the
    cache entry saves): the package's `__init__.py` holds its version, so its bytes and
    path stand for it. A package that cannot be found that way is imported for its
    `__version__`; one that is not installed gives a token of its own.
    """
    from importlib.machinery import PathFinder

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{name}|{sys.version}|".encode())
    spec = PathFinder.find_spec(name)
    origin = spec.origin if spec is not None else None
    try:
        if origin is None:
            raise OSError(name)
        h.update(origin.encode("utf-8", "surrogatepass"))
        h.update(Path(origin).read_bytes())
    except OSError:
        try:
            module = __import__(name)
        except ImportError:
            h.update(b"|absent")
        else:
            h.update(f"|{getattr(module, '__version__', '?')}".encode())
    return h.hexdigest()


def load(key: str, suffix: str = ".matcher") -> Any | None:
    """The data stored under `key`, or None (no cache, no entry, unreadable, or not what
    was written: its checksum differs)."""
    where = cache_dir()
    if where is None:
        return None
    try:
        data = (where / f"{key}{suffix}").read_bytes()
        if data[:4] != _MAGIC or data[4:8] != _checksum(memoryview(data)[8:], _binding(key, suffix)):
            return None
        stored = marshal.loads(memoryview(data)[8:])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    # The key is part of the checksummed payload: a file renamed or copied under another
    # key is not what that key stands for.
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != key:
        return None
    return stored[1]


# A stored file: magic, a CRC-32 of the payload, the payload. Readers trust what they load
# as termguard wrote it (no per-item checks), so a truncated or damaged file must be
# refused as a whole. (A CRC finds truncation and flipped bits, which is what a cache
# suffers, and is much cheaper to compute over a large glossary's files than a
# cryptographic hash. Whoever can write the cache directory can write a valid checksum of any kind.)
_MAGIC = b"TGc3"


def _binding(key: str, suffix: str) -> int:
    """The CRC-32 the payload's checksum starts from: the entry's name (key and kind), so
    that a file is only ever valid under the name it was written for."""
    return zlib.crc32(f"termguard-cache|{key}|{suffix}|".encode("utf-8", "surrogatepass"))


def _checksum(payload, start: int = 0) -> bytes:
    return zlib.crc32(payload, start).to_bytes(4, "little")


def store(key: str, data: Any, suffix: str = ".matcher") -> None:
    """Store `data` (plain tuples, strings, numbers, bytes) under `key`; failures are ignored."""
    payload = marshal.dumps((key, data))
    _write(key, suffix, _MAGIC, [payload], zlib.crc32(payload, _binding(key, suffix)))


def _write(key: str, suffix: str, magic: bytes, parts: list[bytes], crc: int) -> None:
    where = cache_dir()
    if where is None:
        return
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader sees the whole file or none.
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=where)
        with os.fdopen(fd, "wb") as handle:
            handle.write(magic + crc.to_bytes(4, "little"))
            for part in parts:
                handle.write(part)
        os.replace(tmp, where / f"{key}{suffix}")
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
    files = sorted(((p, p.stat()) for p in _files(where)), key=lambda f: f[1].st_mtime, reverse=True)
    total = 0
    for index, (path, stat) in enumerate(files):
        total += stat.st_size
        if index < KEEP and (total <= KEEP_BYTES or index == 0):
            continue  # the newest file stays whatever its size
        try:
            path.unlink()
        except OSError:
            pass


def contents() -> tuple[Path | None, int, int]:
    """(the cache directory or None when caching is off, how many files it holds, their
    total size in bytes)."""
    where = cache_dir()
    if where is None:
        return None, 0, 0
    files = _files(where) if where.is_dir() else []
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:
            pass
    return where, len(files), size


def clear() -> int:
    """Remove every cache file (and any leftover temporary file); other files in the
    directory are left alone. Returns how many were removed."""
    where = cache_dir()
    if where is None or not where.is_dir():
        return 0
    removed = 0
    for path in [*_files(where), *where.glob(".*.tmp")]:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def _files(where: Path) -> list[Path]:
    """The cache files in `where` (every kind, none of anything else)."""
    return [p for suffix in SUFFIXES for p in where.glob(f"*{suffix}")]
