"""`termguard cache`: where the disk cache is, what it holds, and clearing it."""

from __future__ import annotations

import click

from termguard.cli import main


@main.group("cache")
def cache_group() -> None:
    """The cache of parsed glossaries and compiled term matchers (~/.cache/termguard,
    $XDG_CACHE_HOME/termguard or $TERMGUARD_CACHE_DIR).

    \b
    Example:
      termguard cache info
      termguard cache clear
    """


@cache_group.command("info")
def info_cmd() -> None:
    """Print the cache directory, its file count and size."""
    from termguard.diskcache import contents

    where, count, size = contents()
    if where is None:
        click.echo("cache: off (TERMGUARD_NO_CACHE is set)")
        return
    click.echo(f"cache: {where}\nfiles: {count}\nsize: {size / 1_048_576:.1f} MB")


@cache_group.command("clear")
def clear_cmd() -> None:
    """Remove every cached glossary and matcher (they are rebuilt on the next check)."""
    from termguard.diskcache import clear

    click.echo(f"removed {clear()} cache files")
