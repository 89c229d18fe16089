"""What every glossary reader shares: problems, the files a glossary path stands for,
language codes, and merging files into one glossary. (Kept apart from the YAML reader so
that a glossary read from the cache or from TBX imports neither PyYAML nor babel.)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termguard.glossary.model import Entries, Entry, Glossary

_LANG = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


@lru_cache(maxsize=256)
def known_language(code: str) -> bool:
    """True when `code` is a BCP 47 / babel locale identifier babel knows (`en`, `pt_BR`)."""
    if not _LANG.fullmatch(code):
        return False
    from termguard.localedata import locale_id

    return locale_id(code.replace("-", "_")) is not None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a glossary file; `rule` is a `glossary-*` rule name."""

    rule: str
    severity: str
    path: str
    line: int
    message: str
    column: int = 1
    term: str | None = None
    end_column: int | None = None


def glossary_files(path: str | Path) -> list[Path]:
    """The files a glossary path stands for: the file itself, or every glossary file of a
    directory (*.yaml, *.yml, *.tbx, *.csv; hidden files skipped), sorted by name."""
    p = Path(path)
    if p.is_dir():
        return sorted(f for suffix in ("*.yaml", "*.yml", "*.tbx", "*.csv") for f in p.glob(suffix)
                      if not f.name.startswith("."))
    return [p]


def merge(entries_by_file: list[list[Entry] | Entries], sources: list[str], digest: str | None = None) -> Glossary:
    """Merge entries from several files into one glossary (duplicates are lint's concern);
    `digest`, when given, stands for the entries (see `Glossary.digest`)."""
    return Glossary(entries=Entries.joined(entries_by_file), sources=tuple(sources), digest=digest)
