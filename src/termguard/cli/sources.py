"""`termguard sources`: list a document's references (`sources DOC`), fetch them (`sources fetch DOC`)."""

from __future__ import annotations

import sys

import click

from termguard.cli import main


class _SourcesGroup(click.Group):
    """`sources DOC` is `sources list DOC`: the listing came first and keeps its form."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@main.group(cls=_SourcesGroup)
def sources() -> None:
    """The sources a document cites: list its references, fetch the pages they point to.

    \b
    Example:
      termguard sources seeds/triumf-commentary.en.md            # same as `sources list`
      termguard sources fetch seeds/triumf-commentary.en.md --into sources/ru
      termguard check seeds/triumf-commentary.en.md --sources sources/ru
    """


@sources.command("fetch")
@click.argument("doc", type=click.Path(dir_okay=False))
@click.option("--into", default=None, type=click.Path(), help="The store: one .txt per reference, created if missing (default: the first `sources` directory of the configuration, else sources/).")
@click.option("--refresh", is_flag=True, help="Ask the server again for pages already stored (conditional requests: an unchanged page costs a 304).")
@click.option("--offline", is_flag=True, help="Fetch nothing: report which references the store lacks.")
@click.option("--timeout", type=click.FloatRange(0.01, None), default=15.0, show_default=True, help="Seconds to wait for a connection or for the next bytes (a whole page gets four times this).")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True, help="Retries after a timeout, a refused connection, 429 or 5xx (with growing pauses).")
@click.option("--max-size", "max_size", type=click.IntRange(1024, None), default=5 * 1024 * 1024, show_default=True, help="Largest page read, in bytes.")
@click.option("-j", "--jobs", type=click.IntRange(1, 32), default=4, show_default=True, help="Requests at most at once (one at a time per host).")
@click.option("--delay", type=click.FloatRange(0, None), default=1.0, show_default=True, help="Seconds between two requests to one host (a longer robots.txt Crawl-delay wins).")
@click.option("-q", "--quiet", is_flag=True, help="Only the failures.")
def fetch(doc, into, refresh, offline, timeout, retries, max_size, jobs, delay, quiet) -> None:
    """Download the page every reference of DOC points to, into the store.

    Each page's article text and metadata (title, publication date, site name) are
    stored as one .txt with YAML front matter; stored pages are not fetched again
    unless --refresh is given. Failures (DNS, timeout, HTTP errors, not HTML, too big,
    robots.txt) are one line each on stderr and the run goes on.
    Exit codes: 0 every reference stored, 1 some failed, 2 unusable input.

    \b
    Example:
      termguard sources fetch seeds/triumf-commentary.en.md --into sources/ru
      termguard sources fetch seeds/triumf-commentary.en.md --into sources/ru --refresh
      termguard sources fetch seeds/triumf-commentary.en.md --into sources/ru --offline
    """
    from termguard.progress import progress_reporter
    from termguard.sources.fetch import (
        FetchOptions,
        default_store,
        fetch_references,
        result_line,
        summary_line,
    )

    if into is None:
        into = default_store()
    options = FetchOptions(timeout=timeout, retries=retries, max_bytes=max_size, jobs=jobs, host_delay=delay)
    bar = progress_reporter(quiet, min_seconds=0.0)

    def report(result, done, total) -> None:
        if bar is not None:
            sys.stderr.write("\r\x1b[K")  # the line the bar is drawn on, cleared for the message
        if result.failed:
            click.echo(result_line(doc, result), err=True)
        elif not quiet:
            click.echo(result_line(doc, result))
        if bar is not None:
            bar(done, total)

    results = fetch_references(doc, into, refresh=refresh, offline=offline, options=options, on_result=report)
    if not quiet:
        click.echo(summary_line(results, into), err=True)
    sys.exit(1 if any(r.failed for r in results) else 0)
