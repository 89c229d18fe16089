"""`termguard glossary ...`: lint, show, find, import, export and candidates (no logic here)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from termguard import __version__
from termguard.cli import main
from termguard.config import lang_option
from termguard.errors import ConfigError
from termguard.reporters import REPORTERS

DEFAULT_GLOSSARY = "glossary"
#: The report formats of `glossary lint`: those that render findings without unit texts, as text.
LINT_FORMATS = [name for name, r in REPORTERS.items() if r.without_units and not r.binary]

_glossary_option = click.option(
    "--glossary", "glossary_path", type=click.Path(), default=DEFAULT_GLOSSARY, show_default=True,
    help="Glossary: a directory (its *.yaml, *.tbx and *.csv files), or one .yaml, .tbx or .csv file.",
)
_langs_option = click.option(
    "--glossary-langs", "langs", default=None, metavar="SRC:TGT",
    help="Languages of a CSV glossary's columns, e.g. en:ru.",
)


def _langs(value: str | None):
    from termguard.glossary.csv_io import parse_langs

    return parse_langs(value)


def _load(path: str, langs: str | None):
    from termguard.glossary import load_glossary

    return load_glossary(path, _langs(langs))


def _emit(text: str, output: str | None, inputs: tuple[str, ...] = ()) -> None:
    from termguard.fileio import check_output, write_atomic

    check_output(output, inputs)

    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@main.group("glossary")
def glossary_group() -> None:
    """Validate, query, import and export the glossary (SPEC §4).

    \b
    Example:
      termguard glossary lint                       # glossary/ (exit 1 on errors)
      termguard glossary show triumf
      termguard glossary export --format tbx -o glossary.tbx
    """


@glossary_group.command("lint")
@click.argument("path", required=False, type=click.Path())
@_glossary_option
@_langs_option
@click.option("--format", "fmt", type=click.Choice(LINT_FORMATS), default="text", show_default=True, help="Report format (the formats of `check` that need no unit texts).")
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write the report to this file.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings (an empty glossary file) too.")
def lint_cmd(path, glossary_path, langs, fmt, output, strict) -> None:
    """Validate glossary files: schema, duplicates, conflicts, unmatchable forms, inline tests.

    PATH (default: --glossary, i.e. glossary/) is a directory, .yaml, .tbx or .csv.
    Exit codes: 0 clean, 1 errors found, 2 unreadable glossary.

    \b
    Example:
      termguard glossary lint
      termguard glossary lint glossary/systems.yaml --format json
    """
    from termguard.glossary_lint import lint_path
    from termguard.model import Severity
    from termguard.reporters import RenderOptions, get_renderer, stderr_summary

    result = lint_path(path or glossary_path, langs=_langs(langs))
    report = result.report()
    color = fmt == "text" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    options = RenderOptions(color=color, version=__version__)
    _emit(get_renderer(fmt)(report, options), output, (path or glossary_path,))
    note = stderr_summary(fmt, report, options)
    if note:
        click.echo(note, err=True)
    failing = report.count(Severity.ERROR) + (report.count(Severity.WARNING) if strict else 0)
    sys.exit(1 if failing else 0)


@glossary_group.command("show")
@click.argument("term")
@_glossary_option
@_langs_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_cmd(term, glossary_path, langs, fmt) -> None:
    """Show the entries whose id or any rendering is TERM, with every rendering.

    Without an exact match, entries containing TERM are shown after a line saying so
    (on stderr with --format json). Exit 1 when none matches.

    \b
    Example:
      termguard glossary show triumf
      termguard glossary show Киев
    """
    from termguard.glossary.query import describe, entry_dict, search

    found, exact = search(_load(glossary_path, langs), term)
    if not found:
        click.echo(f"termguard: no glossary entry for {term!r}; try `termguard glossary find`", err=True)
        sys.exit(1)
    if not exact:
        many = f"{len(found)} entries contain it" if len(found) != 1 else "1 entry contains it"
        click.echo(f"no exact match for {term!r}; {many}:" + ("" if fmt == "json" else "\n"), err=fmt == "json")
    if fmt == "json":
        click.echo(json.dumps([entry_dict(e) for e in found], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(describe(e) for e in found))


@glossary_group.command("find")
@click.argument("text")
@_glossary_option
@_langs_option
@click.option("--lang", default="en", callback=lang_option, show_default=True, help="Language of TEXT.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def find_cmd(text, glossary_path, langs, lang, fmt) -> None:
    """List the glossary terms found in TEXT ("-" reads standard input), as LINE:COL.

    A term inside a longer form of the same entry ("Trump" in "Donald Trump") is listed
    once, as the longer form. JSON rows also give `start`/`end` character offsets.

    \b
    Example:
      termguard glossary find "the S-400 Triumph systems"
      termguard glossary find --lang ru "поставки С-400 «Триумф»"
    """
    from termguard.glossary.query import find_terms, place
    from termguard.morph import one_space

    if text == "-":
        text = sys.stdin.read()
    view, matches = find_terms(_load(glossary_path, langs), text, lang)
    rows = []
    for m in matches:
        start, end = view.to_text_span(m.start, m.end)
        where = place(text, start, end)
        rows.append({"line": where.line, "column": where.column, "end_line": where.end_line,
                     "end_column": where.end_column, "start": start, "end": end, "found": text[start:end],
                     "term": m.entry.id, "status": m.rendering.status, "form": m.rendering.text,
                     "preferred": m.entry.preferred(lang)})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        hint = f" → {r['preferred']}" if r["status"] not in ("preferred", "admitted") and r["preferred"] else ""
        click.echo(f"{r['line']}:{r['column']}: {one_space(r['found'])}  {r['term']} ({r['status']}: {r['form']}){hint}")
    if not rows:
        click.echo("no glossary terms found")


@glossary_group.command("import")
@click.argument("file", type=click.Path())
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write the YAML here (default: standard output).")
@_langs_option
def import_cmd(file, output, langs) -> None:
    """Convert a TBX (v2 martif or v3 TBX-Basic) or CSV glossary into glossary YAML.

    A CSV's columns are `source,target,forbidden,note` (`|` between forms); name its
    languages with --glossary-langs en:ru.

    \b
    Example:
      termguard glossary import terms.tbx -o glossary/imported.yaml
      termguard glossary import terms.csv --glossary-langs en:tr -o glossary/tr.yaml
    """
    from termguard.fileio import check_output
    from termguard.glossary import read_entries
    from termguard.glossary.model import ANY_TARGET
    from termguard.glossary.yaml_writer import glossary_yaml

    check_output(output, (file,))
    suffix = Path(file).suffix.lower()
    if suffix not in (".tbx", ".csv", ".yaml", ".yml"):
        raise ConfigError(f"cannot import {suffix or 'a file without suffix'}; give a .tbx or .csv file", file)
    pair = _langs(langs)
    entries, problems = read_entries(file, pair)
    for p in problems:
        if p.severity == "error":
            raise ConfigError(p.message, p.path, p.line)
    if pair is None and any(ANY_TARGET in e.renderings for e in entries):
        raise ConfigError("the CSV's target language is unknown; pass --glossary-langs en:ru (source:target)", file)
    for p in problems:
        if p.severity == "warning":
            click.echo(f"termguard: warning: {p.path}:{p.line}: {p.message}", err=True)
    _emit(glossary_yaml(entries, header=f"Imported from {Path(file).name} by termguard glossary import."), output)
    if output:
        click.echo(f"imported {len(entries)} entries into {output}", err=True)


@glossary_group.command("export")
@click.option("--format", "fmt", type=click.Choice(["tbx", "csv"]), required=True, help="tbx: TBX-Basic (v3 unless --tbx-version 2); csv: source,target,forbidden,note.")
@click.option("--tbx-version", type=click.Choice(["2", "3"]), default="3", show_default=True, help="TBX version: 3 (ISO 30042:2019) or 2 (martif, for translate-toolkit and older tools).")
@click.option("-o", "--output", type=click.Path(), metavar="FILE", default=None, help="Write here (default: standard output).")
@_glossary_option
@_langs_option
def export_cmd(fmt, output, glossary_path, langs, tbx_version="3") -> None:
    """Export the glossary as TBX-Basic (v3, ISO 30042:2019; or v2 martif) or CSV.

    TBX carries the whole glossary (termguard's own settings travel in `termguard:` notes).

    CSV holds one language pair: --glossary-langs en:ru (needed when the glossary has
    more than one target language). What CSV cannot carry (kinds, origins, tests, flags,
    forbidden source forms, other languages) is named on stderr; forms that differ only in
    case are read back as case-sensitive, so export, import and lint stay clean.

    \b
    Example:
      termguard glossary export --format tbx -o glossary.tbx
      termguard glossary export --format tbx --tbx-version 2 -o glossary-v2.tbx
      termguard glossary export --format csv --glossary-langs en:ru -o glossary-ru.csv
    """
    from termguard.fileio import check_output
    from termguard.glossary.model import ANY_TARGET

    check_output(output, (glossary_path,))
    glossary = _load(glossary_path, langs if Path(glossary_path).suffix.lower() == ".csv" else None)
    if any(ANY_TARGET in e.renderings for e in glossary):
        raise ConfigError("the CSV glossary's target language is unknown; pass --glossary-langs en:LANG", glossary_path)
    if fmt == "tbx":
        from termguard.glossary.tbx import write_tbx

        _emit(write_tbx(glossary, version=int(tbx_version)), output, (glossary_path,))
        return
    from termguard.glossary.csv_io import csv_losses, write_csv

    pair = _langs(langs)
    if pair is None:
        targets = sorted(glossary.languages() - {"en"})
        if len(targets) != 1:
            raise ConfigError(f"the glossary has target languages {', '.join(targets) or '(none)'}; "
                              "choose one with --glossary-langs en:LANG")
        pair = ("en", targets[0])
    _emit(write_csv(glossary, *pair), output, (glossary_path,))
    for loss in csv_losses(glossary, *pair):
        click.echo(f"termguard: warning: CSV cannot carry this: {loss}", err=True)


@glossary_group.command("candidates")
@click.argument("doc", type=click.Path())
@_glossary_option
@_langs_option
@click.option("--lang", default=None, callback=lang_option, help="Language of DOC (default: en, or front matter).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(0, None), default=0, help="Show at most N candidates (0: all).")
def candidates_cmd(doc, glossary_path, langs, lang, fmt, limit) -> None:
    """List term candidates in DOC not yet in the glossary, most frequent first.

    Acronyms, capitalised names (single words such as surnames, countries and capitals
    too, and repeated institutions such as "European Commission"), quoted names, the
    outlets and Russian names of the reference list, each with its count and first
    context.

    \b
    Example:
      termguard glossary candidates seeds/triumf-commentary.en.md --limit 20
    """
    from termguard.files import display_path
    from termguard.glossary import Glossary
    from termguard.glossary.candidates import find_candidates
    from termguard.readers import load_text, read_document

    glossary = _load(glossary_path, langs) if Path(glossary_path).exists() or glossary_path != DEFAULT_GLOSSARY else Glossary()
    document = read_document(display_path(doc), load_text(doc), lang=lang)
    found = find_candidates(document, glossary)
    if limit:
        found = found[:limit]
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
        return
    for c in found:
        click.echo(f"{c.count:>4}  {c.text}  [{c.kind}]  {c.path}:{c.line}:{c.column}: {c.context}")
    click.echo(f"{len(found)} candidate{'s' if len(found) != 1 else ''} not in the glossary.")
