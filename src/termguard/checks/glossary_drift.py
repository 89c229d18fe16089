"""TG506 glossary-drift: a glossary name whose English form drifts from its Russian origin."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import GlossaryContext, Rule, register
from termguard.model import Finding, Severity


@register
class GlossaryDrift(Rule):
    """A glossary entry whose approved English form no romanisation of its origin gives.

    What:
        Reported by `termguard glossary lint` (through `termguard.translit.drift`), never by
        `check`. For an entry of a name kind with `origin: {lang: ru, ...}`, each approved
        English form must be produced by some romanisation scheme (word by word), be the
        CLDR exonym of the origin, or be far from every romanisation (a translation). A
        form one or two edits, or an anglicisation (ph/f, x/ks, c/k), away from a
        romanisation drifts, unless the entry's or the rendering's note marks it as
        conventional ("conventional", "traditional", "established", "exonym", ...).
    Why:
        The glossary is what every check trusts: a drifted form there spreads to every
        document, and a deliberate convention should say so for the next editor.
    Example:
        `origin: {lang: ru, text: Рособоронэкспорт}` with `en: [Rosoboronexport]` and no
        note is reported (nearest "Rosoboroneksport"); with `note: conventional English
        name of the agency` it is not.
    Use instead:
        The suggested romanisation, or a note that marks the form as the conventional one.
    """

    code = "TG506"
    name = "glossary-drift"
    severity = Severity.WARNING
    summary = "a glossary name whose English form drifts from its Russian origin"
    #: Run by `glossary lint` only: the engine runs rules for "any", "source" or "translation".
    applies_to = "glossary"
    needs_glossary = True

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """A finding for every drifting English form, at the rendering's line."""
        from termguard.translit.drift import drifting_forms, nearest

        for entry in ctx.glossary:
            for rendering, message in drifting_forms(entry):
                near = nearest(rendering.text, entry.origin.text) if entry.origin else None
                yield ctx.finding(self, entry.path, rendering.line or entry.line, message, lang="en", term=entry.id,
                                  found=rendering.text, suggestions=(near[0],) if near else ())
