"""`termguard init TEMPLATE.pot --lang LANG [-o PO]`: start a translation (like msginit)."""

from __future__ import annotations

import click

from termguard.cli import main


@main.command("init")
@click.argument("template", type=click.Path(dir_okay=False))
@click.option("--lang", required=True, help="Language of the new translation (a babel locale: ru, tr, pt_BR).")
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None,
              help="The new PO file (default: <template's folder>/<lang>.po). Never overwritten.")
@click.option("--translator", default=None, metavar="'NAME <EMAIL>'", help="Your name and e-mail for the Last-Translator header.")
def init(template, lang, output, translator) -> None:
    """Start a translation of TEMPLATE.pot: every unit, untranslated, with a ready header.

    The header gets Language, Language-Team and Plural-Forms from babel's CLDR data and
    UTF-8; it is not marked fuzzy. An existing file is never overwritten (exit 2); merge a
    new template into an existing translation with `termguard update`.

    \b
    Example:
      termguard segment seeds/triumf-commentary.en.md -o translations/commentary.pot
      termguard init translations/commentary.pot --lang ru      # writes translations/ru.po
      termguard init translations/commentary.pot --lang tr --translator "Ayşe Kaya <ayse@example.org>"
      termguard init translations/commentary.pot --lang pt_BR -o work/pt_BR.po
    """
    from termguard.fileio import check_output
    from termguard.workflow.init import init_file

    check_output(output, (template,))
    result = init_file(template, lang, output, translator)
    click.echo(f"{result.path}: {result.units} units to translate into {result.lang}")
