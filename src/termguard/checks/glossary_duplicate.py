"""TG502 glossary-duplicate: an id, a YAML key or a rendering given twice."""

from __future__ import annotations

from collections.abc import Iterator

from termguard.checks.base import GlossaryContext, Rule, register
from termguard.checks.glossary_schema import problem_findings
from termguard.glossary.model import ANY_TARGET, Entry, Rendering
from termguard.model import Finding, Severity


@register
class GlossaryDuplicate(Rule):
    """The same id used by two entries, a YAML key repeated, or a rendering listed twice.

    What:
        Reported by `termguard glossary lint`. Finds two entries with one `id` (across all
        glossary files), a key repeated inside one YAML mapping (PyYAML would silently keep
        the last one), and one form listed twice for the same language of one entry. The
        message names the line of the first occurrence.
    Why:
        Ids are how findings, baselines and `glossary show` name a concept; two entries with
        one id make one of them unreachable. A repeated YAML key silently throws away the
        first value, typically a language's renderings.
    Example:
        Two files both define `- id: kyiv`; or one entry has `en:` twice.
    Use instead:
        Merge the two entries into one (or give the second a distinct id); keep one key.
    """

    code = "TG502"
    name = "glossary-duplicate"
    severity = Severity.ERROR
    summary = "an entry id, a YAML key or a rendering given twice"
    applies_to = "glossary"
    needs_glossary = True

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """Duplicate YAML keys (found by the loader), duplicate ids and repeated renderings."""
        yield from problem_findings(self, ctx)
        first: dict[str, Entry] = {}
        for entry in ctx.glossary:
            if entry.id in first:
                other = first[entry.id]
                yield ctx.finding(
                    self, entry.path, entry.line,
                    f"duplicate id '{entry.id}' (first at {where(other, other.line)}); merge the entries or rename one",
                    term=entry.id,
                )
            else:
                first[entry.id] = entry
            for lang, forms in entry.renderings.items():
                seen: dict[tuple, Rendering] = {}
                for r in forms:
                    key = (r.text, r.approved, r.case_sensitive, r.exact, r.indeclinable)
                    if key in seen:
                        yield ctx.finding(
                            self, entry.path, r.line,
                            f"“{r.text}” is listed twice for {lang_label(lang)} in '{entry.id}' (first at line {seen[key].line}); keep one",
                            column=r.column or 1, term=entry.id, lang=lang, found=r.text,
                        )
                    else:
                        seen[key] = r


def lang_label(lang: str) -> str:
    """A language for messages: a CSV's unnamed target column is "target"."""
    return "target" if lang == ANY_TARGET else lang


def where(entry: Entry, line: int) -> str:
    """`file:line` of an entry's line (`line N` for a glossary built in memory)."""
    return f"{entry.path}:{line}" if entry.path else f"line {line}"
