"""`termguard update TEMPLATE.pot PO...`: merge a new template into translations (msgmerge-like)."""

from __future__ import annotations

import click

from termguard.cli import main
from termguard.config import lang_option


@main.command("update")
@click.argument("template", type=click.Path(dir_okay=False))
@click.argument("po_files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print what would change per file (old and new text of changed units, new units); write nothing.")
@click.option("--lang", default=None, callback=lang_option, help="Refuse any PO file whose Language is not this one.")
@click.option("--threshold", type=float, default=0.7, show_default=True,
              help="Minimum similarity (0-1) for a changed unit to inherit an old translation as fuzzy.")
@click.option("--force", is_flag=True, help="Merge even when a PO file shares no unit with the template.")
@click.option("-v", "--verbose", is_flag=True, help="Also list the fuzzy and obsolete units by id.")
def update(template, po_files, dry_run, lang, threshold, force, verbose) -> None:
    """Merge TEMPLATE.pot into the PO files, keeping every translation.

    Unchanged units keep their translation; a changed unit gets the closest old
    translation flagged fuzzy (`#| msgid` shows the old text); removed units become
    obsolete (`#~`) and come back when their text does. Every file is checked before
    any is written; each write is atomic.

    \b
    Example:
      termguard segment seeds/triumf-commentary.en.md -o translations/commentary.pot
      termguard update translations/commentary.pot translations/ru.po translations/tr.po
      termguard update translations/commentary.pot translations/tr.po --dry-run
    """
    from termguard.workflow.update import apply_updates, changed_span, plan_updates, shorten

    plans = plan_updates(template, po_files, lang=lang, threshold=threshold, force=force, check_writable=not dry_run)
    if not dry_run:
        apply_updates(plans)
    for plan in plans:
        if dry_run:
            verb = "would stay as it is" if plan.unchanged else "would be updated"
        else:
            verb = "unchanged" if plan.unchanged else "updated"
        click.echo(f"{plan.path}: {verb}: {plan.result.summary()}")
        if verbose or dry_run:
            texts = plan.result.fuzzy_texts
            for n, (new_id, old_id, score) in enumerate(plan.result.fuzzy_sources):
                click.echo(f"  fuzzy     {new_id} (from {old_id}, similarity {score:.2f})")
                if n < len(texts):
                    old, new = changed_span(texts[n][1], texts[n][2])
                    click.echo(f"            - {old}")
                    click.echo(f"            + {new}")
            for new_id, text in plan.result.added:
                click.echo(f"  new       {new_id}: {shorten(text)}")
            for old_id in plan.result.obsoleted:
                click.echo(f"  obsolete  {old_id}")
