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
        lsp,
        review,
        rules,
        segment,
        translit,
        workflow_build,
        workflow_update,
    )


_register()


def run() -> None:
    """The `termguard` program (console script and `python -m termguard`).

    A process of its own: the glossary and matchers it builds live until it exits, so they
    are moved out of the cycle collector's reach as they are built (`termguard.gcpause`),
    and the program ends without tearing down the interpreter (`_end`). `main` alone
    (click's test runner, embedding) leaves the collector as it finds it.
    """
    from termguard import gcpause

    gcpause.freeze_lasting = True
    try:
        main()
    except SystemExit as exc:
        _end(exc.code)
    _end(0)


def _end(code: object) -> None:
    """Exit with `code` (as `sys.exit` takes it) once exit handlers have run and output is
    flushed, without freeing the interpreter's objects one by one: for a 10,000-term
    glossary its matchers are millions of objects, and the process's memory goes back to
    the system whole anyway (a tenth of a second's check spent a fortieth on it)."""
    import atexit
    import os

    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe (`termguard check | head`): nothing more can be said
    os._exit(status)
