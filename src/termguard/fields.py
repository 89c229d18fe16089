"""Which fields of a unit a check reads: its source and targets, paired or with their roles.

Below the rules and the name index alike, so both read a unit's texts the same way.
"""

from __future__ import annotations

from collections.abc import Iterator

from termguard.model import Document, Field, Unit


def translated_pairs(unit: Unit) -> Iterator[tuple[Field, Field]]:
    """(source, target) for each non-empty target of a unit: a plural form after the first
    translates the plural msgid, the others the singular."""
    for index, fld in enumerate(unit.targets):
        if not fld.text:
            continue
        plural = index > 0 and unit.source_plural is not None
        yield (unit.source_plural if plural and unit.source_plural is not None else unit.source), fld


def text_fields(unit: Unit, doc: Document, *, source: bool = True) -> Iterator[tuple[Field, str, str]]:
    """The (field, language, role) triples of a unit that a rule should read.

    In a translation file the source (msgid) belongs to the source document, where it is
    checked; only targets are read there unless `source` rules ask for it explicitly.
    """
    if source and not doc.is_translation:
        yield unit.source, unit.source_lang, "source"
    if doc.is_translation and unit.target_lang:
        for fld in unit.targets:
            if fld.text:
                yield fld, unit.target_lang, "target"
