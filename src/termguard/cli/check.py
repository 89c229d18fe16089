"""`termguard check`: lint sources and translations."""

from __future__ import annotations

import os
import sys

import click

from termguard import __version__
from termguard.cli import main
from termguard.config import Config
from termguard.errors import ConfigError
from termguard.model import Severity

DEFAULT_PATHS = ("seeds", "translations")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--glossary", "glossary", type=click.Path(), default=None, help="Glossary directory or file (default: glossary/).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None, help="Output format (default: text).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--select", multiple=True, help="Only these rules (names or codes, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (names or codes, comma-separated).")
@click.option("--lang", default=None, help="Language of .md/.txt sources, or target language of PO files.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless termguard itself fails.")
@click.option("-j", "--jobs", type=click.IntRange(0, None), default=1, show_default=True, help="Worker processes (0 = one per core); large PO files are split into chunks.")
def check(paths, glossary, fmt, output, select, ignore, lang, strict, exit_zero, jobs) -> None:
    """Lint sources (.md, .txt) and translations (.po, .pot) against the glossary.

    With no PATHS, checks seeds/ and translations/ of the current directory.
    Exit codes: 0 no errors, 1 findings, 2 usage or input error.

    \b
    Example:
      termguard check seeds/triumf-commentary.en.md
      termguard check translations/ru.po --format json -o report.json
    """
    from termguard.engine import Engine
    from termguard.fileio import write_atomic
    from termguard.reporters import RenderOptions, get_renderer

    if not paths:
        paths = tuple(p for p in DEFAULT_PATHS if os.path.isdir(p))
        if not paths:
            raise ConfigError("nothing to check: no PATHS given and no seeds/ or translations/ here")
    config = Config(
        glossary=glossary or "glossary",
        glossary_required=glossary is not None,
        select=_split(select),
        ignore=_split(ignore),
        lang=lang,
    )
    from termguard.progress import progress_reporter

    report = Engine(config).run(paths, jobs=jobs or os.cpu_count() or 1, progress=progress_reporter())
    fmt = fmt or "text"
    color = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    rendered = get_renderer(fmt)(report, RenderOptions(color=color, version=__version__))
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    failing = report.count(Severity.ERROR) + (report.count(Severity.WARNING) if strict else 0)
    sys.exit(1 if failing and not exit_zero else 0)
