"""TG501 glossary-schema: a glossary file that does not follow the format of SPEC §4."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import GlossaryContext, Rule, register
from termguard.model import Finding, Severity


@register
class GlossarySchema(Rule):
    """A glossary entry, rendering or test that breaks the glossary format.

    What:
        Reported by `termguard glossary lint`, never by `check`. Finds YAML entries without
        an `id`, ids that are not kebab-case, unknown `kind`s and `status`es, flags that are
        not true/false, notes that are not text, malformed `origin`s and `tests`, languages
        with an empty list of renderings, and entries with no rendering at all (errors).
        Keys that are neither a field nor a known language code (`notes:`, `nte:`), and
        unknown keys of a rendering or an origin (`stauts:`), are errors too, with the
        nearest known key as a suggestion: an ignored `stauts: forbidden` would leave a
        forbidden form approved. A file that is not valid YAML is one error at the line and
        column where the parser stopped, with the parser's reason; the other glossary files
        are still linted. YAML tags (`!x`, `!!python/...`) and merge keys (`<<`) stop the
        file with a one-line error instead (exit 2). An empty file is a warning. It does not
        judge the renderings themselves (see glossary-conflict and glossary-unmatchable).
    Why:
        Every check reads the glossary; an entry the loader cannot understand silently drops
        a term from every check, so a typo in a key must be caught where it was made.
    Example:
        `- id: Triumf` (not kebab-case), `status: forbiden`, `case_sensitive: yes please`,
        `notes: Transliterate` or `{text: Druzba, stauts: forbidden}` (unknown key: "did you
        mean 'status'?") each get `file:line: TG501 ...`.
    Use instead:
        The fields of SPEC §4: `id`, `kind`, `note`, `origin: {lang, text}`, `dnt`,
        `case_sensitive`, `tests`, and language keys mapping to lists of renderings
        (strings or `{text, status, note, case_sensitive, exact, indeclinable}`).
    """

    code = "TG501"
    name = "glossary-schema"
    severity = Severity.ERROR
    summary = "a glossary entry that breaks the glossary format (SPEC §4)"
    #: Run by `glossary lint` only: the engine runs rules for "any", "source" or "translation".
    applies_to = "glossary"
    needs_glossary = True

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """The loader's schema problems (it finds them while reading), at their line."""
        yield from problem_findings(self, ctx)


def problem_findings(rule: Rule, ctx: GlossaryContext) -> Iterator[Finding]:
    """The loader problems that belong to `rule`, each with the severity the loader gave."""
    for p in ctx.problems:
        if p.rule == rule.name:
            yield ctx.finding(rule, p.path, p.line, p.message, severity=p.severity, column=p.column,
                              end_column=p.end_column, term=p.term)
