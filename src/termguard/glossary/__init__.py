"""The glossary: loading (YAML, TBX, CSV), the model, lint, import/export and look-ups."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from termguard.errors import ConfigError, InputError
from termguard.glossary.files import Problem, glossary_files, merge
from termguard.glossary.model import Entries, Entry, Glossary, GlossaryTest, Origin, Rendering

__all__ = ["GLOSSARY_SUFFIXES", "Entry", "Glossary", "GlossaryTest", "Origin", "Problem", "Rendering", "glossary_from_text", "load_glossary", "read_entries", "read_glossary"]


GLOSSARY_SUFFIXES = (".yaml", ".yml", ".tbx", ".csv")


def read_entries(path: str | Path, langs: tuple[str, str] | None = None) -> tuple[list[Entry], list[Problem]]:
    """The entries and problems of one glossary file, by suffix: YAML, TBX or CSV."""
    from termguard.readers import load_text

    f = Path(path)
    suffix = f.suffix.lower()
    if suffix not in GLOSSARY_SUFFIXES:
        raise InputError(f"unsupported glossary format {suffix or '(none)'}; use .yaml, .tbx or .csv", str(f))
    if suffix in (".yaml", ".yml"):
        from termguard.glossary.yaml_loader import parse_yaml_glossary

        return parse_yaml_glossary(load_text(f), str(f))
    if suffix == ".tbx":
        from termguard.glossary.tbx import load_tbx

        return load_tbx(str(f))
    from termguard.glossary.csv_io import read_csv

    return read_csv(load_text(f), str(f), langs)


def read_glossary(path: str | Path, langs: tuple[str, str] | None = None) -> tuple[Glossary, list[Problem]]:
    """Load a glossary: a directory (every *.yaml, *.yml, *.tbx and *.csv in it, merged), or
    one .yaml, .tbx or .csv file.

    `langs` = (source, target) names the languages of a CSV glossary's columns (the CLI's
    `--glossary-langs en:ru`); without it a CSV's target forms serve the language of
    whatever file is checked (see `termguard.glossary.csv_io`). Returns the merged glossary
    and every problem found; raises `InputError` for a file that cannot be read or parsed.
    """
    p = Path(path)
    if not p.exists():
        raise ConfigError("glossary not found; pass --glossary PATH (a directory, .yaml, .tbx or .csv)", str(path))
    files = glossary_files(p)
    if not files:
        raise ConfigError("no glossary files (*.yaml, *.tbx, *.csv) in this directory", str(path))
    from termguard.glossary.cached import read_cached

    all_entries: list[list[Entry] | Entries] = []
    problems: list[Problem] = []
    keys: list[str] = []
    complete = True
    for f in files:
        entries, found, key = read_cached(f, langs, partial(read_entries, f, langs))
        all_entries.append(entries)
        problems.extend(found)
        if key is None:
            complete = False
        else:
            keys.append(key)
    # The files' keys stand for their entries (see termguard.glossary.cached); a file
    # without one (unreadable) leaves the glossary without a digest.
    digest = "|".join(keys) if complete else None
    return merge(all_entries, [str(f) for f in files], digest), problems


def glossary_from_text(text: str, path: str = "glossary.yaml") -> Glossary:
    """Build a glossary from YAML text (fixtures, standard input); any problem raises InputError."""
    from termguard.glossary.yaml_loader import parse_yaml_glossary

    entries, problems = parse_yaml_glossary(text, path)
    for problem in problems:
        raise InputError(problem.message, problem.path, problem.line)
    return merge([entries], [path])


def load_glossary(path: str | Path, langs: tuple[str, str] | None = None) -> Glossary:
    """Load a glossary for checking; the first error-level problem stops the run (exit 2)."""
    glossary, problems = read_glossary(path, langs)
    for problem in problems:
        if problem.severity == "error":
            raise InputError(f"{problem.message} (run `termguard glossary lint` for all problems)", problem.path, problem.line)
    return glossary
