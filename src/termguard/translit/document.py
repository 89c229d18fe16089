"""The name index of a document being checked: its own Russian names, its sources, the glossary.

Rules share one index per document and run (the same document, glossary, sources and
house scheme give the same index), so three rules that align names pay for it once. The
house scheme is the rules' `translit.scheme` option: each passes the value it read.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from termguard.errors import ConfigError
from termguard.translit.align import NameIndex
from termguard.translit.names import RussianName, russian_names
from termguard.translit.schemes import has_cyrillic, resolve_scheme

if TYPE_CHECKING:
    from termguard.glossary.model import Glossary
    from termguard.model import Document
    from termguard.morph.unitterms import TermContext

#: Languages written in Cyrillic, whose texts are not searched for Latin renderings.
CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "cv", "sah"})


def house_scheme(name: str) -> str:
    """The key of the house scheme named `name` (`translit.scheme`), validated."""
    try:
        return resolve_scheme(name).key
    except ValueError as exc:
        raise ConfigError(f"translit.scheme: {exc}") from None


def sources_key(options: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """`ctx.options["sources"]` ((path, text) pairs, loaded by the CLI) as a hashable key."""
    return tuple((str(p), str(t)) for p, t in options.get("sources") or ())


@lru_cache(maxsize=16)
def _source_names(sources: tuple[tuple[str, str], ...]) -> tuple[RussianName, ...]:
    return tuple(n for _path, text in sources for n in russian_names(text))


@lru_cache(maxsize=8)
def _index(glossary: Glossary, text: str | None, sources: tuple[tuple[str, str], ...], house: str) -> NameIndex:
    from termguard.sources.references import reference_names

    names: list[RussianName] = []
    if text and has_cyrillic(text):
        names.extend(reference_names(text))
    names.extend(_source_names(sources))
    return NameIndex.build(names, glossary, house)


def document_index(doc: Document, ctx: TermContext, scheme: str) -> NameIndex:
    """The name index for `doc` under the run's glossary and sources and the house `scheme`."""
    return _index(ctx.glossary, doc.source_text, sources_key(ctx.options), house_scheme(scheme))


class NameOccurrence:
    """A Latin name in a unit's text with its verdict (offsets in the field's text)."""

    __slots__ = ("end", "fld", "lang", "start", "unit", "verdict")

    def __init__(self, unit: Any, fld: Any, lang: str, start: int, end: int, verdict: Any) -> None:
        self.unit, self.fld, self.lang, self.start, self.end, self.verdict = unit, fld, lang, start, end, verdict


_LAST_SCAN: dict[str, tuple[Any, ...]] = {}


def field_terms(unit: Any, doc: Document, ctx: TermContext) -> list[tuple[Any, str, Any, list]]:
    """(field, language, prose view, glossary matches) for each field a rule reads.

    Translation targets reuse the matches the term rules already found for the unit
    (`unit_terms`), so a large PO file is matched once, not once more per rule.
    """
    from termguard.fields import text_fields

    cached = _LAST_SCAN.get("terms")
    if cached is not None and cached[0] is unit and cached[1] is ctx:
        return cached[2]
    out = _field_terms(unit, doc, ctx, text_fields)
    _LAST_SCAN["terms"] = (unit, ctx, out)
    return out


def _field_terms(unit: Any, doc: Document, ctx: TermContext, text_fields: Any) -> list[tuple[Any, str, Any, list]]:
    if doc.is_translation:
        from termguard.morph.unitterms import unit_terms

        terms = unit_terms(unit, ctx) if len(ctx.glossary) else None
        if terms is not None:
            return [(t.field, unit.target_lang, t.view, t.matches) for t in terms.targets if t.field.text]
    out = []
    for fld, lang, _role in text_fields(unit, doc):
        out.append((fld, lang, ctx.prose(fld), ctx.terms(fld, lang) if len(ctx.glossary) else []))
    return out


def unit_name_occurrences(unit: Any, doc: Document, ctx: TermContext, scheme: str) -> list[NameOccurrence]:
    """Every capitalised Latin word of one unit's text with its verdict.

    Words inside a glossary match are left to the glossary rules (an approved match needs
    nothing, a forbidden one is `forbidden-term`'s), so no span is reported twice. The
    last unit's scan is kept: translit-drift, translit-house-scheme and inconsistent-term
    read the same one.
    """
    from termguard.translit.align import latin_names

    cached = _LAST_SCAN.get("scan")
    if cached is not None and cached[0] is unit and cached[1] is ctx and cached[3] == scheme:
        return cached[2]
    out: list[NameOccurrence] = []
    # Latin words in a Cyrillic-script text are quotations (an English title), not the
    # text's own renderings of Russian names.
    views = [v for v in field_terms(unit, doc, ctx) if v[1].replace("-", "_").split("_")[0].lower() not in CYRILLIC_LANGS]
    if any(next(latin_names(view.plain), None) for _f, _l, view, _m in views):
        index = document_index(doc, ctx, scheme)
        if index.forms or index.approved:
            for fld, lang, view, matches in views:
                names = list(latin_names(view.plain))
                if not names:
                    continue
                covered = [(m.start, m.end) for m in matches]
                for start, end, word in names:
                    if any(s < end and start < e for s, e in covered):
                        continue
                    t_start, t_end = view.to_text_span(start, end)
                    out.append(NameOccurrence(unit, fld, lang, t_start, t_end, index.verdict(word)))
    _LAST_SCAN["scan"] = (unit, ctx, out, scheme)
    return out


def name_occurrences(doc: Document, ctx: TermContext, scheme: str) -> list[NameOccurrence]:
    """`unit_name_occurrences` for every unit of a (fully read) document."""
    return [occ for unit in doc.units for occ in unit_name_occurrences(unit, doc, ctx, scheme)]
