"""`termguard translit` and `termguard sources`: romanise Russian, list a document's references."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypedDict

import click

from termguard.cli import main
from termguard.cli.sources import sources as sources_group
from termguard.errors import ConfigError

if TYPE_CHECKING:
    from termguard.translit.names import RussianName


class _Found(TypedDict):
    """One place a name was found: its surface form and where it stands."""

    surface: str
    where: str


class _NameItem(TypedDict):
    """One lemma of `termguard sources`, as the JSON output lists it."""

    lemma: str
    kind: str
    romanized: str
    readings: list[str]
    found: list[_Found]


@main.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--scheme", "-s", default=None, help="Only this scheme (e.g. wikipedia, bgn_pcgn, gost_779, icao, ala_lc, scholarly).")
@click.option("--diacritics", is_flag=True, help="Show each scheme's exact output (diacritics, sign marks) instead of the folded form.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def translit(words, scheme, diacritics, fmt) -> None:
    """Romanise Russian WORDS under every known scheme, or one.

    Diacritics and the sign marks are folded away unless --diacritics is given (that is
    how English prose writes names); acronyms stay in capitals (ЦИК → TSIK).

    \b
    Example:
      termguard translit Ермаков
      termguard translit "Е. Белкова" --scheme bgn_pcgn
      termguard translit Горбачёв --diacritics
    """
    from termguard.translit.schemes import SCHEMES, resolve_scheme, romanize

    text = " ".join(words)
    try:
        chosen = [resolve_scheme(scheme)] if scheme else list(SCHEMES)
    except ValueError as exc:
        raise ConfigError(f"--scheme: {exc}") from None
    rows = [(s.key, s.label, romanize(text, s.key, folded=not diacritics)) for s in chosen]
    if fmt == "json":
        click.echo(json.dumps({"text": text, "romanizations": [{"scheme": k, "label": lbl, "text": t} for k, lbl, t in rows]},
                              ensure_ascii=False, indent=2))
    elif scheme:
        click.echo(rows[0][2])
    else:
        width = max(len(k) for k, _l, _t in rows)
        for key, label, out in rows:
            click.echo(f"{key:<{width}}  {out}    ({label})")


@sources_group.command("list")
@click.argument("doc", type=click.Path(dir_okay=False))
@click.option("--sources", "sources_dirs", multiple=True, type=click.Path(file_okay=False), help="Directory of Russian source texts whose names join the list; repeatable.")
@click.option("--scheme", default="wikipedia", show_default=True, help="Scheme for the romanised names shown.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
def sources(doc, sources_dirs, scheme, fmt) -> None:
    """List the references of DOC and the Russian names found in them.

    Each reference shows its number, authors, title, outlet, date, URL and access date;
    each Russian name its lemma (surnames keep their gender: «Белковой» → Белкова), its
    kind, where it was found and its romanisation.

    \b
    Example:
      termguard sources seeds/triumf-commentary.en.md
      termguard sources seeds/triumf-commentary.en.md --sources sources/ru --format json
    """
    from termguard.readers import load_text
    from termguard.sources.loader import load_sources
    from termguard.sources.references import parse_references, reference_names
    from termguard.translit.names import russian_names
    from termguard.translit.schemes import resolve_scheme, romanize

    try:
        key = resolve_scheme(scheme).key
    except ValueError as exc:
        raise ConfigError(f"--scheme: {exc}") from None
    text = load_text(doc)
    refs = parse_references(text)
    names: list[tuple[str, RussianName]] = []
    by_line = [(r.start, r.end, f"[{r.number}]") for r in refs]
    for name in reference_names(text, refs):
        where = next((label for s, e, label in by_line if s <= name.start < e), f"line {text.count(chr(10), 0, name.start) + 1}")
        names.append((f"{doc} {where}", name))
    for directory in sources_dirs:
        for path, src in load_sources(directory):
            for name in russian_names(src):
                names.append((f"{path} line {src.count(chr(10), 0, name.start) + 1}", name))
    merged: dict[str, _NameItem] = {}
    for where, name in names:
        item = merged.setdefault(name.lemma, {"lemma": name.lemma, "kind": name.kind, "romanized": romanize(name.lemma, key),
                                              "readings": [], "found": []})
        item["found"].append({"surface": name.surface, "where": where})
        readings = item["readings"]
        for reading in name.readings:  # other nominatives the surface may be a form of (Горбачев/Горбачева)
            plain = reading.replace("ё", "е")
            if plain != name.lemma.replace("ё", "е") and all(r.replace("ё", "е") != plain for r in readings):
                readings.append(reading)
    if fmt == "json":
        click.echo(json.dumps({"document": doc, "references": [r.to_dict() for r in refs], "names": list(merged.values()), "scheme": key},
                              ensure_ascii=False, indent=2))
        return
    if not refs:
        click.echo(f"{doc}: no reference list found (a `References` heading followed by numbered entries)")
    for r in refs:
        click.echo(f"[{r.number}] line {r.line}")
        for label, value in (("authors", r.authors), ("title", r.title), ("outlet", r.outlet), ("date", r.date),
                             ("url", r.url), ("accessed", r.access_date)):
            if value:
                click.echo(f"    {label:<8} {value}")
    click.echo(f"\nRussian names ({len(merged)}; romanised with {key}):")
    for item in merged.values():
        surfaces = sorted({f["surface"] for f in item["found"]})
        wheres = ", ".join(dict.fromkeys(f["where"].rsplit(" ", 1)[-1] if f["where"].startswith(doc) else f["where"] for f in item["found"]))
        others = item["readings"]
        also = f"  [or {', '.join(others)}]" if others else ""
        click.echo(f"    {item['lemma']:<24} {item['kind']:<12} {item['romanized']:<24} {', '.join(surfaces)}  ({wheres}){also}")
