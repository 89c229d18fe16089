"""`termguard review import`: a reviewed XLSX sheet's "not an error" verdicts as a baseline."""

from __future__ import annotations

import click

from termguard.cli import main


@main.group("review")
def review() -> None:
    """Work with review sheets written by `check --format xlsx`."""


@review.command("import")
@click.argument("sheet", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=".termguard-baseline.json", show_default=True, help="Baseline file to write.")
def import_cmd(sheet: str, output: str) -> None:
    """Turn the rows marked "not an error" in SHEET into a baseline for `check --baseline`.

    Run it at the repository root (where the sheet was made).

    \b
    Example:
      termguard check --format xlsx -o review.xlsx
      termguard review import review.xlsx -o baseline.json
      termguard check --baseline baseline.json
    """
    from termguard.config import load_config, repository_root
    from termguard.fileio import check_output
    from termguard.review import import_review

    check_output(output, (sheet,))

    count = import_review(sheet, output, repository_root(load_config(None, False)))
    click.echo(f"termguard: wrote {count} finding(s) marked not an error to baseline {output}", err=True)
