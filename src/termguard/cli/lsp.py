"""`termguard lsp`: the language server over standard input and output (no logic here)."""

from __future__ import annotations

import click

from termguard.cli import main
from termguard.errors import ConfigError


@main.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp_cmd(stdio: bool) -> None:
    """Run the termguard language server (LSP 3.17 over stdio) for editors.

    Diagnostics for open .po, .pot, .md, .xlf and .xliff documents, quick fixes, and the
    glossary entry on hover; the configuration is found from the workspace root. Needs the
    `lsp` extra: pip install 'termguard[lsp]'. Editor set-up: docs/lsp.md.

    \b
    Example:
      termguard lsp
      nvim: vim.lsp.start({name = "termguard", cmd = {"termguard", "lsp"}})
    """
    try:
        from termguard.lsp.server import start
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise  # not the extra: a bug, reported as one (the CLI's internal-error line)
        raise ConfigError(
            f"the language server needs the lsp extra ({exc.name or 'pygls'} is missing); "
            "install it with: pip install 'termguard[lsp]'"
        ) from None
    start()
