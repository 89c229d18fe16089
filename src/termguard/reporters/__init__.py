"""Reporters: one module per output format, each a pure `render(report, options) -> str`.

Reporters see only the `Report` (findings and counts), never the files. What several
formats share lives here: repository-relative paths, and fingerprints that identify a
finding by what it is (path, rule, matched text, the hash of its unit's text, and its
occurrence number among identical ones) rather than by its line, so a finding keeps its
identity when lines above it move.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termguard.glossary.model import Glossary
from termguard.model import Finding, Report

if TYPE_CHECKING:
    from termguard.checks.base import Rule

@dataclass(frozen=True)
class Reporter:
    """One output format: its name (`--format NAME`), the module whose `render(report,
    options)` writes it, what it is for, whether it is bytes (it needs `-o FILE`), and
    whether it renders findings without unit texts (glossary lint's, at glossary lines)."""

    name: str
    module: str
    description: str
    binary: bool = False
    without_units: bool = True


#: The one table of output formats: `check --format`, `glossary lint --format` and the
#: docs' list of formats read it.
REPORTERS: dict[str, Reporter] = {r.name: r for r in (
    Reporter("text", "termguard.reporters.text", "`path:line:col: CODE [name] message` and a summary line (the default)"),
    Reporter("json", "termguard.reporters.json_", "the JSON document of SPEC §5.3"),
    Reporter("sarif", "termguard.reporters.sarif", "SARIF 2.1.0, for code-scanning dashboards"),
    Reporter("github", "termguard.reporters.github", "GitHub Actions workflow commands (annotations)"),
    Reporter("junit", "termguard.reporters.junit", "JUnit XML, for CI test reports"),
    Reporter("gitlab", "termguard.reporters.gitlab", "GitLab Code Quality JSON"),
    Reporter("html", "termguard.reporters.html", "one self-contained HTML page for reviewers, filterable",
             without_units=False),
    Reporter("xlsx", "termguard.reporters.xlsx", "a spreadsheet for reviewers, one row per finding", binary=True,
             without_units=False),
)}
#: Format name → reporter module.
FORMATS = {name: r.module for name, r in REPORTERS.items()}

#: Formats whose standard output a machine reads: their summary line goes to standard error.
SUMMARY_ON_STDERR = frozenset({"github"})


@dataclass(frozen=True)
class RenderOptions:
    """How to render.

    `color`: ANSI colour (text only). `version`: the tool version. `root`: absolute path of
    the repository root; paths in SARIF, GitHub and GitLab reports are made relative to it
    (None: paths stay as the findings give them, relative to the working directory).
    `rules`: rule classes by name, for rule metadata (None: the registered rules).
    `quiet`: text only, no summary line.
    `glossary`: the run's glossary, for reports that show the entry behind a term finding
    (HTML); None: no entries shown.
    `baseline`: the findings were filtered by a baseline, so every one is new (SARIF
    `baselineState`).
    """

    color: bool = False
    version: str = ""
    root: str | None = None
    rules: Mapping[str, type[Rule]] | None = None
    quiet: bool = False
    glossary: Glossary | None = None
    baseline: bool = False


def stderr_summary(name: str, report: Report, options: RenderOptions) -> str | None:
    """The summary line a format sends to standard error (None: it has none there)."""
    if name not in SUMMARY_ON_STDERR or options.quiet:
        return None
    from termguard.reporters.text import summary_line

    return summary_line(report)


def get_renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    """The `render` function of the named format."""
    module = importlib.import_module(REPORTERS[name].module)
    return module.render


def render_for_file(name: str, report: Report, options: RenderOptions) -> str | bytes | Iterable[str]:
    """What `-o FILE` writes (`termguard.fileio.write_atomic` takes each kind): the pieces
    of the report one after another where the format can give them so (its `chunks`:
    JSON), so that a million-entry report is never held whole in memory; else the whole
    rendering."""
    module = importlib.import_module(FORMATS[name])
    chunks = getattr(module, "chunks", None)
    return chunks(report, options) if chunks is not None else module.render(report, options)


def is_binary(name: str) -> bool:
    """True for a format whose output is bytes (XLSX): it needs a file, not a terminal."""
    return REPORTERS[name].binary


def repo_path(path: str, root: str | None) -> str:
    """`path` relative to the repository root, with `/` separators.

    Paths outside the root (or when no root is known) are returned unchanged apart from
    the separators, so a report never invents a location.
    """
    if root is None:
        return path.replace(os.sep, "/")
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:
        return path.replace(os.sep, "/")
    if rel.startswith(".."):
        return path.replace(os.sep, "/")
    return rel.replace(os.sep, "/")


def identity(finding: Finding, path: str | None = None) -> tuple[str, str, str, str]:
    """What a finding is, independent of its line: (path, rule, matched text, context).

    Document-level findings have no matched text and no unit context; their message
    stands in, so two different header problems stay distinct.
    """
    found = finding.found or ""
    context = finding.context or ("" if found else finding.message)
    return (path if path is not None else finding.path, finding.rule, found, context)


def with_occurrences(findings: Iterable[Finding], root: str | None = None) -> list[tuple[Finding, int]]:
    """Pair each finding with its occurrence number among findings of equal identity.

    Findings arrive sorted by position, so the first "Triumph" in a sentence is 0, the
    second 1, whichever lines the sentence moves to.
    """
    seen: dict[tuple[str, str, str, str], int] = {}
    out = []
    for f in findings:
        key = identity(f, repo_path(f.path, root))
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append((f, n))
    return out


def fingerprint(finding: Finding, occurrence: int, root: str | None = None) -> str:
    """A stable hex fingerprint of a finding (see `identity`), 32 hex digits."""
    parts = (*identity(finding, repo_path(finding.path, root)), str(occurrence))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def rule_classes(options: RenderOptions) -> Mapping[str, type[Rule]]:
    """Rule classes by name: the options' catalogue or the registry."""
    if options.rules is not None:
        return options.rules
    from termguard.checks import all_rules

    return {r.name: r for r in all_rules()}
