"""The glossary: loading (YAML, and later TBX/CSV), the model, and look-ups."""

from __future__ import annotations

from pathlib import Path

from termguard.errors import ConfigError, InputError
from termguard.glossary.model import Entry, Glossary, GlossaryTest, Origin, Rendering
from termguard.glossary.yaml_loader import Problem, glossary_files, merge, parse_yaml_glossary

__all__ = ["Entry", "Glossary", "GlossaryTest", "Origin", "Problem", "Rendering", "load_glossary", "read_glossary"]


def read_glossary(path: str | Path) -> tuple[Glossary, list[Problem]]:
    """Load every glossary file under `path`; return the merged glossary and all problems.

    Raises `InputError` for a file that cannot be read or parsed at all.
    """
    from termguard.readers import load_text

    p = Path(path)
    if not p.exists():
        raise ConfigError("glossary not found; pass --glossary PATH (a directory, .yaml, .tbx or .csv)", str(path))
    files = glossary_files(p)
    if not files:
        raise ConfigError("no glossary files (*.yaml) in this directory", str(path))
    all_entries = []
    problems: list[Problem] = []
    for f in files:
        suffix = f.suffix.lower()
        if suffix not in (".yaml", ".yml"):
            raise InputError(f"unsupported glossary format {suffix}; use .yaml", str(f))
        entries, found = parse_yaml_glossary(load_text(f), str(f))
        all_entries.append(entries)
        problems.extend(found)
    return merge(all_entries, [str(f) for f in files]), problems


def load_glossary(path: str | Path) -> Glossary:
    """Load a glossary for checking; the first error-level problem stops the run (exit 2)."""
    glossary, problems = read_glossary(path)
    for problem in problems:
        if problem.severity == "error":
            raise InputError(f"{problem.message} (run `termguard glossary lint` for all problems)", problem.path, problem.line)
    return glossary
