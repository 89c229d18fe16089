"""Command line: a click group; each command lives in its own module and holds no logic.

Every `TermguardError` becomes one line on stderr and exit code 2; click's own usage errors
exit 2 too. Any other exception is a bug in termguard: one line saying so and how to
report it, exit 2 (never 1, which means findings); `--debug` or `TERMGUARD_DEBUG=1` adds
the traceback. A reader that stops reading (`termguard check | head`) ends the run quietly
with status 141, as a program killed by SIGPIPE would.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from termguard import __version__
from termguard.errors import TermguardError

#: Each command's name, the modules under `termguard.cli` that define it (with
#: `@main.command` / `@main.group`), and the first sentence of its help: a module is
#: imported only when its command runs, so `termguard check` does not import every other
#: command and `termguard --help` none (the tests keep the sentences equal to the help).
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "build": (("workflow_build",), "Rebuild the translated document from PO_FILE and its source document."),
    "cache": (("cache",), "The cache of parsed glossaries and compiled term matchers (~/.cache/termguard, "
                          "$XDG_CACHE_HOME/termguard or $TERMGUARD_CACHE_DIR)."),
    "check": (("check",), "Lint sources (.md, .txt) and translations (.po, .pot) against the glossary."),
    "explain": (("rules",), "Show a rule's documentation (by name or code)."),
    "glossary": (("glossary",), "Validate, query, import and export the glossary (SPEC §4)."),
    "init": (("workflow_init",), "Start a translation of TEMPLATE.pot: every unit, untranslated, with a ready header."),
    "lsp": (("lsp",), "Run the termguard language server (LSP 3.17 over stdio) for editors."),
    "review": (("review",), "Work with review sheets written by `check --format xlsx`."),
    "rules": (("rules",), "List every rule: code, name, default severity, what it finds."),
    "segment": (("segment",), "Segment DOC (Markdown or plain text) into translation units."),
    # `sources list` is defined beside `translit`
    "sources": (("sources", "translit"), "The sources a document cites: list its references, fetch the pages they point to."),
    "stats": (("workflow_build",), "Per-language progress: translated, fuzzy and untranslated units and source words."),
    "translit": (("translit",), "Romanise Russian WORDS under every known scheme, or one."),
    "update": (("workflow_update",), "Merge TEMPLATE.pot into the PO files, keeping every translation."),
}


class _Group(click.Group):
    """Turns termguard errors into one clear line and exit code 2, never a traceback; loads
    each command's module when the command is first asked for (click's lazy group)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            from importlib import import_module

            for module in COMMANDS[cmd_name][0]:
                import_module(f"termguard.cli.{module}")
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # click's own listing, over stand-ins that carry each command's first sentence.
        listing = click.Group(commands=[
            self.commands.get(name) or click.Command(name, help=COMMANDS[name][1]) for name in self.list_commands(ctx)
        ])
        click.Group.format_commands(listing, ctx, formatter)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TermguardError as exc:
            click.echo(f"termguard: error: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("termguard: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(141)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # the last line of defence: a bug, reported as one line
            if ctx.params.get("debug") or os.environ.get("TERMGUARD_DEBUG", "").strip() not in ("", "0"):
                import traceback

                traceback.print_exc()
            command = ctx.invoked_subcommand or "termguard"
            click.echo(
                f"termguard: internal error in `{command}`: {type(exc).__name__}: {exc}. This is a bug in "
                "termguard, not in your files; please report it with the command and its input "
                "(rerun with --debug or TERMGUARD_DEBUG=1 for the traceback)",
                err=True,
            )
            sys.exit(2)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so that flushing it at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termguard")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error (also TERMGUARD_DEBUG=1).")
def main(debug: bool = False) -> None:
    """termguard: segment, translate and lint documents against a glossary.

    \b
    Example:
      termguard check                      # seeds/ and translations/ against glossary/
      termguard check translations/ru.po --format json
    """


def run() -> None:
    """The `termguard` program (console script and `python -m termguard`)."""
    main()
