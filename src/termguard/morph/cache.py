"""A disk cache of compiled term matchers: a glossary's forms are generated once per change.

Building a matcher generates every inflected form of every term (pymorphy3 for Russian),
which dominates a run on a large glossary, and loading pymorphy3 itself is a large part
of a cold `termguard check` (figures on the docs' benchmarks page). What the build produces, the automaton's keys and their candidates
with entries and renderings by index, is stored under a key that covers everything the
forms depend on:

* the glossary's content: every field of every entry, in order, or for a glossary read
  from files the files' keys (`Glossary.digest`, see `termguard.glossary.cached`);
* the language and its morphology class;
* the source of the `termguard.morph` package and of the glossary model, and termguard's
  version;
* the installed morphology data and automaton (pymorphy3, pymorphy3-dicts-ru, PyStemmer,
  pyahocorasick: each one's module file, its size and modification time).

The record holds the automaton's keys, each key's value marshalled on its own (decoded
when a text first hits it, `morph.automaton`) and each entry's initial characters; a hit
needs neither pymorphy3 nor a walk over every form. Storage, place, checksums and pruning
are `termguard.diskcache`'s: an unreadable, damaged or unwritable cache is ignored and the
matcher built as usual.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from termguard.diskcache import cache_dir, disable, load, store

__all__ = ["cache_dir", "cache_key", "disable", "load", "store"]

if TYPE_CHECKING:
    from termguard.glossary.model import Glossary
    from termguard.morph.base import Morphology

#: Bumped when the stored layout changes.
FORMAT = 12
#: The modules of the libraries the forms depend on (pymorphy3, pymorphy3-dicts-ru,
#: PyStemmer, pyahocorasick).
_LIBRARIES = ("pymorphy3", "pymorphy3_dicts_ru", "Stemmer", "ahocorasick")


@lru_cache(maxsize=1)
def _code_token() -> str:
    """termguard's version, the morph package's source and the libraries' versions."""
    from termguard import __version__

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}:{__version__}".encode())
    here = Path(__file__).resolve().parent
    # The forms depend on the morphology code and on the glossary model (statuses, kinds
    # that are case-sensitive, which renderings serve a language).
    for source in [*sorted(here.glob("*.py")), here.parent / "glossary" / "model.py"]:
        h.update(source.name.encode())
        h.update(source.read_bytes())
    # The libraries as installed: where each one's top module lies, its size and time (a new
    # version rewrites it). Found without importing them, nor importlib.metadata, whose
    # import alone is a tenth of a small check's start-up.
    for name in _LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            stat = os.stat(spec.origin) if spec is not None and spec.origin else None
        except (ImportError, ValueError, OSError):
            stat = spec = None
        where = spec.origin if spec is not None else "-"
        h.update(f"{name}={where}:{stat.st_size if stat else 0}:{stat.st_mtime_ns if stat else 0}".encode())
    return h.hexdigest()


@lru_cache(maxsize=4)
def _fingerprint(glossary: Glossary) -> str:
    """Every field of every entry, hashed (once per glossary object: glossaries hash by
    identity, and the source and target matchers of a run share one); for a glossary read
    from files, its `digest`, which stands for the same."""
    if glossary.digest is not None:
        return "files:" + glossary.digest
    h = hashlib.blake2b(digest_size=20)
    for entry in glossary:
        h.update(repr(entry).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def cache_key(glossary: Glossary, lang: str, morph: Morphology) -> str:
    """The key of a matcher for `glossary` in `lang`: changes whenever its forms could."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{_code_token()}|{lang}|{type(morph).__module__}.{type(morph).__qualname__}|{morph.lang}|".encode())
    h.update(_fingerprint(glossary).encode())
    return h.hexdigest()
