"""What `termguard check` does, below the command line: settings, then steps.

The command collects its options into a frozen `CheckOptions` and calls `run_check`. Every
decision lives here, each in a small function with its own tests: which paths to read
(`resolve_paths`), which settings apply (`CheckSettings.from_options`), what the fix and
diff modes print (`run_fixes`), how the baseline records or hides findings
(`record_baseline`, `hide_baseline`), which format and colour the report takes
(`output_format`, `use_color`) and the exit code (`exit_code`).

What the user reads goes through a `Console`: standard output and one line at a time on
standard error, in the order the steps say them (a note never waits for a later step,
which could fail).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from termguard.config import Config, load_config
from termguard.errors import ConfigError
from termguard.fileio import check_output
from termguard.model import Report, Severity

if TYPE_CHECKING:
    from termguard.engine import Engine

def split_rules(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select a,b --select c` → ("a", "b", "c"): every comma-separated name, blanks dropped."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


@dataclass(frozen=True)
class CheckOptions:
    """The options of `termguard check`, as given on the command line."""

    paths: tuple[str, ...] = ()
    glossary: str | None = None
    glossary_langs: str | None = None
    fmt: str | None = None
    output: str | None = None
    config_file: str | None = None
    isolated: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    force_exclude: bool = False
    stdin_filename: str | None = None
    statistics: bool = False
    quiet: bool = False
    sources_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    strict: bool = False
    exit_zero: bool = False
    jobs: int = 1
    no_cache: bool = False
    apply_fixes: bool = False
    show_diff: bool = False
    unsafe_fixes: bool = False

    @property
    def stdin(self) -> bool:
        """True when the one PATH is `-` (standard input)."""
        return self.paths == ("-",)


@dataclass(frozen=True)
class Console:
    """Where `check` speaks: `out(text)` on standard output (written as given), `err(line)`
    one line on standard error; `tty()` says whether standard output is a terminal,
    `read_stdin()` returns standard input's bytes, `environ` is the environment. The two
    are called only when needed: a run with standard input or output closed still works
    when it reads or writes neither."""

    out: Callable[[str], None]
    err: Callable[[str], None]
    tty: Callable[[], bool] = lambda: False
    read_stdin: Callable[[], bytes] = lambda: b""
    environ: Mapping[str, str] = field(default_factory=dict)


def validate_options(options: CheckOptions) -> None:
    """Refuse combinations of options that cannot work, before anything is read."""
    from termguard.reporters import is_binary

    if "-" in options.paths and not options.stdin:
        raise ConfigError("`-` (standard input) cannot be mixed with other PATHS")
    if options.stdin and not options.stdin_filename:
        raise ConfigError("reading standard input needs --stdin-filename NAME (its extension picks the reader)")
    if options.stdin_filename and not options.stdin:
        raise ConfigError("--stdin-filename only applies when PATH is `-`")
    if options.fmt is not None and not options.output and is_binary(options.fmt):
        raise ConfigError(f"--format {options.fmt} writes a binary file; give it one with -o FILE")
    if options.statistics and options.fmt not in (None, "text"):
        raise ConfigError("--statistics prints a table; drop --format or --statistics")


def resolve_paths(options: CheckOptions, config: Config) -> tuple[str, ...]:
    """The paths to check: the given ones, or the configured ones that hold something to
    check; with --force-exclude, only the given files the configuration covers (possibly
    none: pre-commit named nothing of this project)."""
    if not options.paths:
        from termguard.files import has_checkable

        paths = tuple(p for p in config.checked_paths() if has_checkable(p))
        if not paths:
            raise ConfigError("nothing to check: no PATHS given and none of the configured paths "
                              f"({', '.join(config.checked_paths())}) exists here")
        return paths
    if options.force_exclude and not options.stdin:
        return config.hook_paths(options.paths)
    return options.paths


@dataclass(frozen=True)
class CheckSettings:
    """Everything one `check` run needs, decided from the options and the configuration."""

    options: CheckOptions
    config: Config
    paths: tuple[str, ...]
    baseline: str | None
    #: Why the term rules did not run (no glossary), said after the files were read.
    absent: str | None

    @property
    def nothing_to_check(self) -> bool:
        """True when --force-exclude left none of the named files: the run ends with exit 0."""
        return bool(self.options.paths) and not self.paths

    @classmethod
    def from_options(cls, options: CheckOptions) -> CheckSettings:
        """Validate the options, read the configuration and settle every setting; raises
        `ConfigError` (exit 2) on anything that cannot work."""
        validate_options(options)
        config = load_config(options.config_file, options.isolated).with_cli(
            glossary=options.glossary, select=split_rules(options.select), ignore=split_rules(options.ignore),
            lang=options.lang,
        )
        paths = resolve_paths(options, config)
        if options.paths and not paths:
            return cls(options, config, (), None, None)  # nothing_to_check: the run ends here
        baseline = options.baseline
        if baseline is None and not options.write_baseline and config.baseline:
            baseline = config.baseline
        check_outputs(options, paths, baseline)
        config = _with_sources(config, options.sources_dirs)
        config.check_paths()
        absent = config.missing_glossary()  # raises when a term rule was asked for by name
        config = _with_rule_options(config, options.glossary_langs)
        return cls(options, config, paths, baseline, absent)


def check_outputs(options: CheckOptions, paths: tuple[str, ...], baseline: str | None) -> None:
    """Refuse an output (`-o`, `--write-baseline`) that is empty, a directory or one of
    the run's inputs."""
    from termguard.readers import SUFFIXES

    inputs = (*paths, *(p for p in (options.glossary, baseline, options.config_file) if p), *options.sources_dirs)
    check_output(options.output, inputs, "-o", SUFFIXES)
    check_output(options.write_baseline, inputs, "--write-baseline", SUFFIXES)


def _with_sources(config: Config, sources_dirs: tuple[str, ...]) -> Config:
    """--sources replaces the configured source directories; their names become rule options."""
    if sources_dirs:
        config = replace(config, sources=tuple(sources_dirs),
                         options={k: v for k, v in config.options.items() if k != "sources"})
    return config


def _with_rule_options(config: Config, glossary_langs: str | None) -> Config:
    """The source texts' names and --glossary-langs (a CSV glossary's columns) as rule options."""
    if config.sources and "sources" not in config.options:
        from termguard.sources.loader import source_options

        config = replace(config, options={**config.options, **source_options(config.sources)})
    if glossary_langs:
        from termguard.glossary.csv_io import parse_langs

        config = replace(config, options={**config.options, "glossary.langs": parse_langs(glossary_langs)})
    return config


def run_fixes(engine: Engine, settings: CheckSettings, console: Console) -> int | None:
    """--fix / --diff: apply (or show) the fixes. Returns the exit code when the run ends
    here (--diff), None when the check goes on to report what is left."""
    options = settings.options
    if options.stdin:
        raise ConfigError("--fix and --diff change files; they cannot read standard input")
    from termguard.fixes import fix_paths, render_diff, write_fixes

    fixed = fix_paths(engine, settings.paths, unsafe=options.unsafe_fixes, force_exclude=options.force_exclude)
    if options.show_diff:
        console.out(render_diff(fixed))
        if not options.quiet:
            console.err(f"termguard: {fixed.applied} fix(es) would change {len(fixed.changed)} file(s); nothing written")
        return 1 if fixed.changed else 0
    write_fixes(fixed)
    if not options.quiet:
        console.err(f"termguard: applied {fixed.applied} fix(es) in {len(fixed.changed)} file(s)")
    return None


def read_report(engine: Engine, settings: CheckSettings, console: Console) -> Report:
    """Check standard input or the paths (in `jobs` processes)."""
    options = settings.options
    if options.stdin:
        name = options.stdin_filename or "-"
        if options.force_exclude and settings.config.is_excluded(name):
            return Report((), (), 0)
        from termguard.readers import decode_utf8

        return engine.run_text(name, decode_utf8(console.read_stdin(), name))
    from termguard.progress import progress_reporter
    from termguard.runner import check_paths

    return check_paths(engine, settings.paths, jobs=options.jobs or os.cpu_count() or 1,
                       progress=progress_reporter(options.quiet), force_exclude=options.force_exclude)


def record_baseline(report: Report, path: str, quiet: bool, console: Console) -> int:
    """--write-baseline: record the findings; the run ends with exit 0."""
    from termguard.baseline import write_baseline

    count = write_baseline(path, report.findings)
    if not quiet:
        console.err(f"termguard: wrote {count} finding(s) to baseline {path}")
    return 0


def hide_baseline(report: Report, path: str, quiet: bool, console: Console) -> Report:
    """--baseline: the report without the findings the baseline knows."""
    from termguard.baseline import load_baseline

    report, hidden = load_baseline(path).filter(report)
    if hidden and not quiet:
        console.err(f"termguard: {hidden} known finding(s) hidden by baseline {path}")
    return report


def output_format(fmt: str | None, environ: Mapping[str, str]) -> str:
    """The format asked for, else `github` in GitHub Actions, else `text`."""
    if fmt is not None:
        return fmt
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_color(fmt: str, output: str | None, tty: Callable[[], bool], environ: Mapping[str, str]) -> bool:
    """Colour only for text on a terminal (`tty()`), and never with NO_COLOR set."""
    return fmt == "text" and output is None and tty() and not environ.get("NO_COLOR")


def exit_code(report: Report, strict: bool, exit_zero: bool) -> int:
    """1 when errors (and with --strict warnings) were found, unless --exit-zero; else 0."""
    failing = report.count(Severity.ERROR) + (report.count(Severity.WARNING) if strict else 0)
    return 1 if failing and not exit_zero else 0


def render(report: Report, engine: Engine, settings: CheckSettings, console: Console) -> None:
    """Render the report in its format to -o FILE (atomically) or standard output, then
    the summary note on standard error where the format wants it there."""
    from termguard import __version__
    from termguard.config import repository_root
    from termguard.fileio import write_atomic
    from termguard.reporters import RenderOptions, get_renderer, stderr_summary

    options = settings.options

    def write_out(rendered: str) -> None:
        if options.output:
            write_atomic(options.output, rendered)
        else:
            console.out(rendered)

    fmt = output_format(options.fmt, console.environ)
    render_options = RenderOptions(
        color=use_color(fmt, options.output, console.tty, console.environ), version=__version__,
        root=repository_root(settings.config), quiet=options.quiet, glossary=engine.glossary,
        baseline=bool(settings.baseline),
    )
    if options.statistics:
        from termguard.reporters.text import render_statistics

        write_out(render_statistics(report, render_options))
    elif options.output:
        from termguard.reporters import render_for_file  # a file is written a piece at a time

        write_atomic(options.output, render_for_file(fmt, report, render_options))
    else:
        console.out(get_renderer(fmt)(report, render_options))
    note = None if options.statistics else stderr_summary(fmt, report, render_options)
    if note:
        console.err(note)


def run_check(options: CheckOptions, console: Console) -> int:
    """The whole of `termguard check`; returns its exit code."""
    from termguard.engine import Engine
    from termguard.localedata import deferred

    if options.no_cache:
        from termguard.diskcache import disable

        disable()
    settings = CheckSettings.from_options(options)
    if settings.nothing_to_check:
        return 0  # pre-commit named no document or translation of this project
    with deferred():  # the new CLDR facts of the run go to the disk cache in one write
        engine = Engine(settings.config)
        if options.apply_fixes or options.show_diff:
            ended = run_fixes(engine, settings, console)
            if ended is not None:
                return ended
        report = read_report(engine, settings, console)
    if settings.absent and not options.quiet:  # said once the files were read: an input error comes alone
        console.err(f"termguard: note: {settings.absent}")
    if options.write_baseline:
        return record_baseline(report, options.write_baseline, options.quiet, console)
    if settings.baseline:
        report = hide_baseline(report, settings.baseline, options.quiet, console)
    render(report, engine, settings, console)
    return exit_code(report, options.strict, options.exit_zero)
