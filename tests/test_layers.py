"""Imports run downward only: every `termguard` import of every module (at the top, inside
functions, under `TYPE_CHECKING`) names a module of the same or a lower layer.

The layers are those of `docs/architecture.md`; a module belongs to the layer of the
longest prefix listed for it. A new module must be placed in a layer here (the test fails
on a module no prefix covers), which is where its place in the architecture is decided.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import termguard

#: The folder that holds the `termguard` package the tests import (the checkout's `src`, or
#: site-packages when the tests run against an installed package).
SRC = Path(termguard.__file__).resolve().parents[1]

#: Lowest first. Within a layer, modules may import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    # the data every layer shares, and helpers that know nothing of glossaries or rules
    ("termguard", "termguard.errors", "termguard.positions", "termguard.fileio", "termguard.scripts",
     "termguard.markdown_tokens", "termguard.progress", "termguard.diskcache", "termguard.model",
     "termguard.prose", "termguard.edits", "termguard.fields", "termguard.plurals"),
    # text analysis: segmentation, numbers
    ("termguard.segment", "termguard.numbers"),
    # file readers
    ("termguard.readers",),
    # the glossary: model, loaders, writers
    ("termguard.glossary",),
    # term matching
    ("termguard.morph",),
    # what builds on matching: glossary queries and candidates, romanisation and names
    ("termguard.glossary.query", "termguard.glossary.candidates", "termguard.translit"),
    # reference lists, citations, dates, stored source texts
    ("termguard.sources",),
    # a document's name index (its references, sources and glossary names)
    ("termguard.translit.document",),
    # triggers: the cheap evidence rules declare
    ("termguard.triggers",),
    # the rules and their registry
    ("termguard.checks",),
    # configuration (validated against the registry) and file discovery
    ("termguard.config", "termguard.files"),
    # inline suppressions and per-file ignores
    ("termguard.suppressions",),
    # running rules over files
    ("termguard.engine",),
    # --jobs: chunks of large files checked by engines in worker processes (parallel calls
    # the engine, never the reverse), and the choice between a serial and a parallel run
    ("termguard.parallel",),
    ("termguard.runner",),
    # services over a run: glossary lint, fixes, baselines, Dask
    ("termguard.glossary_lint", "termguard.fixes", "termguard.baseline", "termguard.distributed"),
    # output and workflows: reporters, review sheets, workflow commands, fetching sources, the language server
    ("termguard.reporters", "termguard.review", "termguard.workflow", "termguard.sources.fetch", "termguard.lsp"),
    # what `check` does, as library functions the command calls
    ("termguard.checkrun",),
    # the command line
    ("termguard.cli", "termguard.__main__"),
)


def _module_name(path: Path, src: Path = SRC) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int | None:
    """The layer of a module: that of the longest listed prefix (None: not placed)."""
    best: tuple[int, int] | None = None
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), index)
    return None if best is None else best[1]


def imports_of(path: Path, src: Path = SRC) -> list[tuple[int, str]]:
    """(line, module) of every termguard import in a file, wherever it stands."""
    module = _module_name(path, src)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # `from termguard.checks import base` imports the module termguard.checks.base
            out.append((node.lineno, target))
            out.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
    return [(line, name) for line, name in out if name == "termguard" or name.startswith("termguard.")]


MODULES = sorted(p for p in (SRC / "termguard").rglob("*.py"))


def _known(name: str) -> bool:
    """A dotted name that is a module or package of the source tree (not a name inside one)."""
    rel = Path(*name.split("."))
    return (SRC / rel).with_suffix(".py").exists() or (SRC / rel / "__init__.py").exists()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_imports_run_downward(path):
    module = _module_name(path)
    own = layer_of(module)
    assert own is not None, f"{module} is in no layer: place it in LAYERS (and docs/architecture.md)"
    upward = []
    for line, target in imports_of(path):
        if not _known(target):
            continue
        other = layer_of(target)
        assert other is not None, f"{module}:{line} imports {target}, which is in no layer"
        if other > own:
            upward.append(f"{path.relative_to(SRC)}:{line}: {module} (layer {own}) imports {target} (layer {other})")
    assert upward == []


def test_imports_are_found_wherever_they_stand(tmp_path):
    """Top-level, TYPE_CHECKING, function-level and relative imports are all seen."""
    sample = tmp_path / "termguard" / "morph" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "from termguard.model import Unit\n"
        "if TYPE_CHECKING:\n    from termguard.checks.base import Rule\n"
        "def f():\n    import termguard.engine\n    from ..config import Config\n    from . import base\n",
        encoding="utf-8",
    )
    found = imports_of(sample, tmp_path)
    assert (2, "termguard.model") in found
    assert (4, "termguard.checks.base") in found
    assert (6, "termguard.engine") in found
    assert (7, "termguard.config") in found
    assert (8, "termguard.morph.base") in found
    ranks = {name: layer_of(name) for _line, name in found if name in ("termguard.checks.base", "termguard.engine", "termguard.config")}
    assert len(ranks) == 3
    assert all(rank is not None and rank > layer_of("termguard.morph.sample") for rank in ranks.values())


def test_layer_order_ranks_known_upward_imports():
    assert layer_of("termguard.model") < layer_of("termguard.checks.forbidden_term") < layer_of("termguard.engine")
    assert layer_of("termguard.glossary.model") < layer_of("termguard.morph.matcher") < layer_of("termguard.glossary.query")
    assert layer_of("termguard.translit.schemes") < layer_of("termguard.translit.document")
    assert layer_of("termguard.sources.references") < layer_of("termguard.sources.fetch")
    assert layer_of("termguard.checks.base") < layer_of("termguard.glossary_lint") < layer_of("termguard.cli.glossary")


def test_modules_imported_by_name_stay_in_their_layer():
    """The tables that import modules by name (readers, reporters) name modules of their own
    layer: the parser above cannot see those imports, so they are held here."""
    from termguard.readers import READERS
    from termguard.reporters import REPORTERS

    for table, modules in (("termguard.readers", [r.module for r in READERS]),
                           ("termguard.reporters", [r.module for r in REPORTERS.values()])):
        for module in modules:
            assert _known(module) and layer_of(module) == layer_of(table), module
