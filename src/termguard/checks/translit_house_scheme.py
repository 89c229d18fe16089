"""TG204 translit-house-scheme: a name romanised by another scheme than the house one (info)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from termguard.checks.base import CheckContext, Rule, register
from termguard.checks.translit_drift import HOUSE_SCHEME, _english
from termguard.edits import replacement_fix
from termguard.model import Document, Finding, Severity, Unit


@register
class TranslitHouseScheme(Rule):
    """A Russian name written in an accepted romanisation that is not the house scheme's.

    What:
        For each Latin name that some scheme accepts but the house scheme
        (`translit.scheme`, default `wikipedia`) does not produce, reports the house form
        once per document and spelling. Glossary-approved and translated names are not
        reported: a convention overrides the scheme. Nor is the original spelling of a
        foreign name the Russian transcribes (Hakan for «Хакан», Rutte for «Рютте»), which
        a scheme may happen to give but the house scheme's "Khakan" would misspell.
    Why:
        Any accepted scheme is correct, but a publication reads best when every name
        follows one: Yermakov and Starodubtsev, not Ermakov and Starodubtsev.
    Example:
        With «А. Ермаков» in the references and the house scheme Wikipedia, "Ermakov"
        (ICAO, ISO 9, ...) gets an info finding suggesting "Yermakov".
    Use instead:
        The house scheme's form, or set `translit.scheme` to the scheme the publication
        follows. The finding carries an unsafe fix writing the house form.
    """

    options = (HOUSE_SCHEME,)
    code = "TG204"
    name = "translit-house-scheme"
    severity = Severity.INFO
    summary = "a name romanised by an accepted scheme other than the house scheme"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterable[Finding]:
        """Collect the candidates; they are reported once per spelling in `check_document`."""
        from termguard.translit.align import scheme_label
        from termguard.translit.document import document_index, unit_name_occurrences

        found = ctx.state_for(self).setdefault("found", [])
        for occ in unit_name_occurrences(unit, ctx.document, ctx, ctx.option(self, HOUSE_SCHEME.key)):
            v = occ.verdict
            if v.kind != "accepted" or not _english(occ.lang):
                continue
            index = document_index(ctx.document, ctx, ctx.option(self, HOUSE_SCHEME.key))
            if index.house in v.schemes or index.foreign(v):
                continue
            house = index.house_form(v)
            if not house or house.casefold() == v.token.casefold():
                continue
            others = ", ".join(scheme_label(s) for s in v.schemes[:3]) + (f", +{len(v.schemes) - 3} more" if len(v.schemes) > 3 else "")
            finding = ctx.finding(
                self, occ.unit, occ.fld, occ.start, occ.end,
                f"“{v.token}” («{v.russian}») follows {others}; the house scheme ({scheme_label(index.house)}) writes “{house}”",
                lang=occ.lang,
                found=v.token,
                suggestions=[house],
            )
            # A name's established spelling may be deliberate: the house form is offered, unsafe.
            fix = replacement_fix(ctx.document.kind if ctx.document else None, occ.fld, occ.start, occ.end, house, safe=False)
            found.append(replace(finding, fix=fix) if fix is not None else finding)
        return ()

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """The first use of each spelling that only other schemes give."""
        seen: set[str] = set()
        for finding in ctx.state_for(self).get("found", []):
            key = (finding.found or "").casefold()
            if key not in seen:
                seen.add(key)
                yield finding

    def merge_states(self, states: list[dict]) -> dict:
        """Chunks of one file, in file order: their candidates one after the other."""
        return {"found": [f for state in states for f in state.get("found", [])]}
