"""`termguard lsp` on the command line: help, and a clear error without the `lsp` extra."""

from __future__ import annotations

import sys

from click.testing import CliRunner

from termguard.cli import main


def test_help_names_the_extra_and_an_example():
    result = CliRunner().invoke(main, ["lsp", "--help"])
    assert result.exit_code == 0
    assert "termguard[lsp]" in result.output
    assert "Example:" in result.output


def test_without_pygls_one_line_and_exit_2(monkeypatch):
    # A module set to None in sys.modules fails to import, as a missing package does.
    monkeypatch.setitem(sys.modules, "pygls", None)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)
    monkeypatch.delitem(sys.modules, "termguard.lsp.server", raising=False)
    result = CliRunner().invoke(main, ["lsp"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("termguard: error: the language server needs the lsp extra")
    assert "pip install 'termguard[lsp]'" in lines[0]
    assert "Traceback" not in result.output
