"""`termguard build` and `termguard stats`: rebuild a translated document, measure progress."""

from __future__ import annotations

import os

import click

from termguard.cli import main
from termguard.config import lang_option
from termguard.errors import ConfigError

DEFAULT_TRANSLATIONS = "translations"


@main.command("build")
@click.argument("po_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write the document here (default: standard output).")
@click.option("--source", type=click.Path(dir_okay=False), default=None, help="Source document (default: the one the '#:' references name).")
@click.option("--lang", default=None, callback=lang_option, help="Refuse the PO file unless its Language is this one.")
def build(po_file, output, source, lang) -> None:
    """Rebuild the translated document from PO_FILE and its source document.

    The source (found from the entries' `#:` references, or --source) keeps its exact
    structure; each translated unit replaces its text. Untranslated and fuzzy units keep
    the source text and are counted on standard error.

    \b
    Example:
      termguard build translations/ru.po -o commentary.ru.md
      termguard build translations/tr.po --source seeds/triumf-commentary.en.md
    """
    from termguard.fileio import check_output, write_atomic
    from termguard.workflow.build import build_file

    check_output(output, tuple(p for p in (po_file, source) if p))
    result = build_file(po_file, source=source, lang=lang)
    check_output(output, (result.source_path,))
    if output:
        write_atomic(output, result.text)
    else:
        click.echo(result.text, nl=False)
    if result.fallback:
        click.echo(
            f"termguard: {po_file}: {result.untranslated} of {result.units} units untranslated or fuzzy; "
            "their source text was kept",
            err=True,
        )
    for unit_id, what in result.unbalanced:
        click.echo(f"termguard: {po_file}: unit {unit_id}: {what}", err=True)
    if result.stale:
        click.echo(
            f"termguard: {po_file}: {len(result.stale)} entries match no unit of {result.source_path}; "
            "run termguard update with a fresh template",
            err=True,
        )


@main.command("stats")
@click.argument("po_files", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def stats(po_files, fmt) -> None:
    """Per-language progress: translated, fuzzy and untranslated units and source words.

    With no PO_FILES, measures the translation files under translations/. PO, XLIFF
    and TMX files are read; a directory stands for those below it (but those the
    configuration's `exclude` patterns name, as in `check`); files of one language are
    added up.

    \b
    Example:
      termguard stats
      termguard stats translations/ru.po translations/tr.po --format json
    """
    from termguard.config import load_config
    from termguard.workflow.stats import collect, render_json, render_text

    config = load_config()
    if not po_files:
        if not os.path.isdir(DEFAULT_TRANSLATIONS):
            raise ConfigError("nothing to measure: no PO files given and no translations/ here")
        po_files = (DEFAULT_TRANSLATIONS,)
    warnings: list[str] = []
    result = collect(po_files, warnings, config.is_excluded if config.exclude else None)
    for note in warnings:
        click.echo(f"warning: {note}", err=True)
    click.echo((render_json if fmt == "json" else render_text)(result), nl=False)
