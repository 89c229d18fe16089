"""`termguard check`: lint sources and translations."""

from __future__ import annotations

import os
import sys

import click

from termguard import __version__
from termguard.cli import main
from termguard.config import lang_option, load_config, repository_root
from termguard.errors import ConfigError
from termguard.model import Severity
from termguard.reporters import FORMATS

DEFAULT_PATHS = ("seeds", "translations")
FORMAT_NAMES = list(FORMATS)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--glossary", "glossary", type=click.Path(), default=None, help="Glossary directory or file (default: glossary/).")
@click.option("--glossary-langs", default=None, metavar="SRC:TGT", help="Languages of a CSV glossary's columns, e.g. en:ru (default: en and the checked file's language).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None, help="Output format (default: text; github when GITHUB_ACTIONS=true).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to this file.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Read this configuration file instead of searching for one.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False), default=None, help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, help="Record today's findings in this baseline file and exit 0.")
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
def check(
    paths, glossary, glossary_langs, fmt, output, config_file, isolated, baseline, write_baseline, force_exclude,
    stdin_filename, statistics, quiet, select, ignore, lang, strict, exit_zero, jobs, no_cache=False, sources_dirs=(),
    apply_fixes=False, show_diff=False, unsafe_fixes=False,
) -> None:
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
    from termguard.engine import Engine, Report
    from termguard.fileio import write_atomic
    from termguard.reporters import RenderOptions, get_renderer, is_binary, stderr_summary

    if no_cache:
        from termguard.diskcache import disable

        disable()
    stdin = paths == ("-",)
    if "-" in paths and not stdin:
        raise ConfigError("`-` (standard input) cannot be mixed with other PATHS")
    if stdin and not stdin_filename:
        raise ConfigError("reading standard input needs --stdin-filename NAME (its extension picks the reader)")
    if stdin_filename and not stdin:
        raise ConfigError("--stdin-filename only applies when PATH is `-`")
    if fmt is not None and not output and is_binary(fmt):
        raise ConfigError(f"--format {fmt} writes a binary file; give it one with -o FILE")
    if statistics and fmt not in (None, "text"):
        raise ConfigError("--statistics prints a table; drop --format or --statistics")
    config = load_config(config_file, isolated).with_cli(
        glossary=glossary, select=_split(select), ignore=_split(ignore), lang=lang
    )
    if not paths:
        from termguard.files import has_checkable

        paths = tuple(p for p in config.checked_paths() if has_checkable(p))
        if not paths:
            raise ConfigError("nothing to check: no PATHS given and none of the configured paths "
                              f"({', '.join(config.checked_paths())}) exists here")
    elif force_exclude and not stdin:
        paths = config.hook_paths(paths)
        if not paths:
            sys.exit(0)  # pre-commit named no document or translation of this project
    if baseline is None and not write_baseline and config.baseline:
        baseline = config.baseline
    from termguard.fileio import refuse_output_over_input
    from termguard.readers import SUFFIXES

    inputs = (*paths, *(p for p in (glossary, baseline, config_file) if p), *sources_dirs)
    refuse_output_over_input(output, inputs, "-o", SUFFIXES)
    refuse_output_over_input(write_baseline, inputs, "--write-baseline", SUFFIXES)
    if sources_dirs:  # --sources replaces the configured source directories
        from dataclasses import replace

        config = replace(config, sources=tuple(sources_dirs), options={k: v for k, v in config.options.items() if k != "sources"})
    config.check_paths()
    absent = config.missing_glossary()  # raises when a term rule was asked for by name
    if config.sources and "sources" not in config.options:
        from dataclasses import replace

        from termguard.sources.loader import source_options

        config = replace(config, options={**config.options, **source_options(config.sources)})
    if glossary_langs:
        from dataclasses import replace

        from termguard.glossary.csv_io import parse_langs

        config = replace(config, options={**config.options, "glossary.langs": parse_langs(glossary_langs)})
    from termguard.progress import progress_reporter

    engine = Engine(config)
    if apply_fixes or show_diff:
        if stdin:
            raise ConfigError("--fix and --diff change files; they cannot read standard input")
        from termguard.fixes import fix_paths, render_diff, write_fixes

        fixed = fix_paths(engine, paths, unsafe=unsafe_fixes, force_exclude=force_exclude)
        if show_diff:
            click.echo(render_diff(fixed), nl=False)
            if not quiet:
                click.echo(f"termguard: {fixed.applied} fix(es) would change {len(fixed.changed)} file(s); nothing written", err=True)
            sys.exit(1 if fixed.changed else 0)
        write_fixes(fixed)
        if not quiet:
            click.echo(f"termguard: applied {fixed.applied} fix(es) in {len(fixed.changed)} file(s)", err=True)
    if stdin:
        if force_exclude and config.is_excluded(stdin_filename):
            report = Report((), (), 0)
        else:
            from termguard.readers import decode_utf8

            report = engine.run_text(stdin_filename, decode_utf8(sys.stdin.buffer.read(), stdin_filename))
    else:
        report = engine.run(
            paths, jobs=jobs or os.cpu_count() or 1, progress=progress_reporter(quiet), force_exclude=force_exclude
        )
    if absent and not quiet:  # said once the files were read: an input error comes alone
        click.echo(f"termguard: note: {absent}", err=True)
    if write_baseline:
        from termguard.baseline import write_baseline as record

        count = record(write_baseline, report.findings)
        if not quiet:
            click.echo(f"termguard: wrote {count} finding(s) to baseline {write_baseline}", err=True)
        sys.exit(0)
    if baseline:
        from termguard.baseline import load_baseline

        report, hidden = load_baseline(baseline).filter(report)
        if hidden and not quiet:
            click.echo(f"termguard: {hidden} known finding(s) hidden by baseline {baseline}", err=True)
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    color = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = RenderOptions(color=color, version=__version__, root=repository_root(config), quiet=quiet,
                            glossary=engine.glossary, baseline=bool(baseline))
    if statistics:
        from termguard.reporters.text import render_statistics

        rendered = render_statistics(report, options)
    else:
        rendered = "" if output else get_renderer(fmt)(report, options)
    if output:
        from termguard.reporters import render_for_file  # (a file is written a piece at a time)

        write_atomic(output, rendered if statistics else render_for_file(fmt, report, options))
    else:
        click.echo(rendered, nl=False)
    note = None if statistics else stderr_summary(fmt, report, options)
    if note:
        click.echo(note, err=True)
    failing = report.count(Severity.ERROR) + (report.count(Severity.WARNING) if strict else 0)
    sys.exit(1 if failing and not exit_zero else 0)
