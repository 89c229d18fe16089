"""TG401 untranslated: an entry of a translation file with no translation, or a copy of the source."""

from __future__ import annotations

import re
from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Finding, Severity, Unit

_WORD = re.compile(r"[^\W\d_]{3,}")


def _base(lang: str | None) -> str:
    return re.split(r"[_-]", lang or "")[0].lower()


@register
class Untranslated(Rule):
    """An entry of a PO or XLIFF file that has no translation.

    What:
        Reports entries whose translation is empty (`msgstr ""`, an empty plural form, an
        XLIFF unit with no or an empty `<target>`), and prose entries whose translation is
        a verbatim copy of the source (two or more words; reference entries, which
        often keep titles as published, are exempt). Templates (`.pot`) are not checked.
    Why:
        An untranslated entry silently falls back to the source language in the built
        document; a pasted source looks translated to progress counters but is not.
    Example:
        `msgid "Political background of the S-400 deal"` with `msgstr ""`.
    Use instead:
        A translation, or drop the entry from the set of files being checked.
    """

    code = "TG401"
    name = "untranslated"
    severity = Severity.WARNING
    summary = "an entry with no translation, or with a copy of the source"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report empty translations and verbatim copies."""
        doc = ctx.document
        if doc is None or doc.kind == "pot" or unit.source.text == "":
            return
        lang = unit.target_lang
        if not unit.targets:
            yield ctx.finding(self, unit, unit.source, 0, len(unit.source.text), "not translated: the unit has no target",
                              lang=lang, found=unit.source.text[:60])
            return
        if not any(t.text for t in unit.targets):
            what = "msgstr is empty" if doc.kind == "po" else "the target is empty"
            yield ctx.finding(self, unit, unit.targets[0], 0, 0, f"not translated: {what}", lang=lang, found="")
            return
        for index, fld in enumerate(unit.targets):
            if not fld.text:
                yield ctx.finding(self, unit, fld, 0, 0, f"plural form msgstr[{index}] is empty; translate every form",
                                  lang=lang, found="")
        target = unit.targets[0]
        if (
            unit.source_plural is None
            and unit.kind != "reference"
            and target.text == unit.source.text
            and _base(lang) != _base(unit.source_lang)
            and len(_WORD.findall(unit.source.text)) >= 2
        ):
            yield ctx.finding(self, unit, target, 0, len(target.text),
                              "the translation is a copy of the source; translate it", lang=lang,
                              found=target.text[:60])
