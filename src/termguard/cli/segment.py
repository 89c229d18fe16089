"""`termguard segment`: cut a document into translation units and write POT, JSON, text or XLIFF."""

from __future__ import annotations

import sys

import click

from termguard.cli import main
from termguard.config import lang_option
from termguard.errors import ConfigError


@main.command()
@click.argument("doc", required=False, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write here instead of standard output.")
@click.option(
    "--format", "fmt", type=click.Choice(["pot", "json", "text", "xliff", "xliff2"]), default=None,
    help="Output format (default: from the -o suffix, else pot); xliff is XLIFF 1.2, xliff2 XLIFF 2.0.",
)
@click.option("--lang", default=None, callback=lang_option, help="Language of DOC (default: front matter lang:, a name like x.ru.md, else en).")
@click.option("--srx", "srx_path", type=click.Path(dir_okay=False), default=None, help="Use the sentence rules of this SRX file.")
@click.option("--export-srx", is_flag=True, help="Write the built-in sentence rules as SRX 2.0 and exit.")
@click.option("--stdin-filename", default=None, help="Name to use for DOC when it is '-' (standard input).")
def segment(doc, output, fmt, lang, srx_path, export_srx, stdin_filename) -> None:
    """Segment DOC (Markdown or plain text) into translation units.

    Headings, sentences, list and reference entries and footnotes become units with stable,
    content-based ids. POT: msgctxt = unit id, `#:` DOC:LINE, `#.` the unit kind.

    \b
    Example:
      termguard segment seeds/triumf-commentary.en.md -o translations/commentary.pot
      termguard segment notes.md --format text
      termguard segment --export-srx -o termguard.srx
    """
    from termguard.fileio import check_output, write_atomic
    from termguard.readers import decode_utf8, load_text
    from termguard.segment import guess_lang, segment_text
    from termguard.segment.writers import WRITERS, format_for

    check_output(output, tuple(p for p in (doc, srx_path) if p))
    if export_srx:
        from termguard.segment.srx import export_srx as build_srx

        rendered = build_srx()
    else:
        if not doc:
            raise ConfigError("no DOC given; name the document to segment (or pass --export-srx)")
        if doc == "-":
            name = stdin_filename or "<stdin>"
            text = decode_utf8(sys.stdin.buffer.read(), name)
        else:
            name = doc
            text = load_text(doc)
        lang = lang or guess_lang(name, text)
        splitter = None
        if srx_path:
            from termguard.segment.srx import load_srx

            splitter = load_srx(load_text(srx_path), srx_path).splitter(lang)
        fmt = fmt or format_for(output) or "pot"
        units = segment_text(text, lang, splitter=splitter, markdown=not name.endswith((".txt", ".rst")),
                             plain_structure=True)
        rendered = WRITERS[fmt](units, name, lang)
    if output:
        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
