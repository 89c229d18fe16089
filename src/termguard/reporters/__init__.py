"""Reporters: one module per output format, each a pure `render(report, options) -> str`.

Reporters see only the `Report` (findings and counts), never the files.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from termguard.engine import Report

FORMATS = {
    "text": "termguard.reporters.text",
    "json": "termguard.reporters.json_",
}


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour (text only) and the tool version."""

    color: bool = False
    version: str = ""


def get_renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    """The `render` function of the named format."""
    module = importlib.import_module(FORMATS[name])
    return module.render
