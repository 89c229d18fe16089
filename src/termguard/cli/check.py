"""`termguard check`: lint sources and translations (the options; `termguard.checkrun` does the work)."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from termguard.cli import main
from termguard.config import lang_option
from termguard.reporters import FORMATS

FORMAT_NAMES = list(FORMATS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--glossary", "glossary", type=click.Path(), default=None, help="Glossary directory or file (default: glossary/).")
@click.option("--glossary-langs", default=None, metavar="SRC:TGT", help="Languages of a CSV glossary's columns, e.g. en:ru (default: en and the checked file's language).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None, help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write the report to this file.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read this configuration file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False), default=None, help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", type=click.Path(), metavar="FILE", default=None, help="Record today's findings in this baseline file and exit 0.")
@click.option("--force-exclude", is_flag=True, help="Apply `exclude` and the configured `paths` to files named on the command line too; a glossary file stands for every configured path (for pre-commit).")
@click.option("--stdin-filename", default=None, help="With PATH `-`: the name (and so the file type) of standard input.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings.")
@click.option("-q", "--quiet", is_flag=True, help="Only the findings: no summary line, no notes on stderr.")
@click.option("--sources", "sources_dirs", multiple=True, type=click.Path(file_okay=False), help="Directory of Russian source texts (.txt/.md) the documents cite; repeatable.")
@click.option("--select", multiple=True, help="Only these rules (names or codes, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (names or codes, comma-separated).")
@click.option("--lang", default=None, callback=lang_option, help="Language of .md/.txt sources, or target language of PO files.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--exit-zero", is_flag=True, help="Always exit 0 unless termguard itself fails.")
@click.option("-j", "--jobs", type=click.IntRange(0, None), default=1, show_default=True, help="Worker processes (0 = one per core); large PO files are split into chunks.")
@click.option("--no-cache", is_flag=True, help="Parse the glossary and build the term matchers afresh, without reading or writing the cache (TERMGUARD_NO_CACHE=1).")
@click.option("--fix", "apply_fixes", is_flag=True, help="Apply every safe fix in place (atomically), then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the unified diff of the fixes and write nothing (exit 1 when there is one).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: apply the unsafe fixes too (they may change the meaning).")
def check(**params: Any) -> None:
    """Lint sources (.md, .txt) and translations (.po, .pot) against the glossary.

    With no PATHS, checks seeds/ and translations/ of the current directory. Settings come
    from [tool.termguard] in pyproject.toml or termguard.toml (searched upwards).
    Exit codes: 0 no errors, 1 findings, 2 usage or input error.

    \b
    Example:
      termguard check seeds/triumf-commentary.en.md
      termguard check translations/ru.po --format json -o report.json
      termguard check --write-baseline .termguard-baseline.json
      termguard check --baseline .termguard-baseline.json --format sarif -o termguard.sarif
      cat ru.po | termguard check - --stdin-filename translations/ru.po
      termguard check --fix translations/ru.po       # apply the safe fixes
      termguard check --diff --unsafe-fixes seeds/   # show every fix, write nothing
    """
    from termguard.checkrun import CheckOptions, Console, run_check

    options = CheckOptions(**params)  # click gives every option by its parameter name
    console = Console(
        out=lambda text: click.echo(text, nl=False), err=lambda line: click.echo(line, err=True),
        tty=lambda: sys.stdout.isatty(), read_stdin=lambda: sys.stdin.buffer.read(), environ=os.environ,
    )
    sys.exit(run_check(options, console))
