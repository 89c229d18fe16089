"""Command line: a click group; each command lives in its own module and holds no logic.

Every `TermguardError` becomes one line on stderr and exit code 2; click's own usage errors
exit 2 too.
"""

from __future__ import annotations

import sys

import click

from termguard import __version__
from termguard.errors import TermguardError


class _Group(click.Group):
    """Turns termguard errors into one clear line and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TermguardError as exc:
            click.echo(f"termguard: error: {exc}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("termguard: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termguard")
def main() -> None:
    """termguard: segment, translate and lint documents against a glossary.

    \b
    Example:
      termguard check                      # seeds/ and translations/ against glossary/
      termguard check translations/ru.po --format json
    """


def _register() -> None:
    # Imported for their side effect of adding commands to `main`.
    from termguard.cli import (  # noqa: F401
        cache,
        check,
        glossary,
        review,
        rules,
        segment,
        sources,
        translit,
        workflow_build,
        workflow_init,
        workflow_update,
    )


_register()


def run() -> None:
    """The `termguard` program (console script and `python -m termguard`)."""
    main()
