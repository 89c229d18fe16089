"""TG502 glossary-duplicate: an id, a YAML key or a rendering given twice."""

from __future__ import annotations

from termguard.checks.base import Rule, register
from termguard.model import Severity


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
