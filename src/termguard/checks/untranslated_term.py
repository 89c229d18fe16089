"""TG103 untranslated-term: a term that must be translated is left in its source form."""

from __future__ import annotations

from typing import Iterator

from termguard.checks.base import CheckContext, Rule, register
from termguard.glossary.model import Entry
from termguard.model import Field, Finding, Severity, Unit
from termguard.morph import Match


def must_translate(entry: Entry, source_lang: str, target_lang: str, fold) -> bool:  # type: ignore[no-untyped-def]
    """True when an entry's approved target forms all differ from its source forms.

    A `dnt` entry, or one whose target rendering is the source form itself (CAATSA in
    Russian, F-35 everywhere), is right when left as it is; an entry without a target
    rendering gives nothing to translate it into.
    """
    if entry.dnt:
        return False
    targets = {fold(r.text.strip()) for r in entry.approved(target_lang)}
    if not targets:
        return False
    return not any(fold(r.text.strip()) in targets for r in entry.forms(source_lang))


def source_forms_left(ctx: CheckContext, unit: Unit, fld: Field, entries: dict[str, Entry]) -> list[Match]:
    """Source-language forms of `entries` standing in the target field `fld`.

    A span the target language itself recognises as a form of the same entry (approved,
    or rejected and so reported by forbidden-term) is not counted.
    """
    plain = ctx.prose(fld).plain
    left = [m for m in ctx.matcher(unit.source_lang).find(plain) if m.entry.id in entries]
    if not left:
        return left
    own = [(m.start, m.end) for m in ctx.matcher(unit.target_lang).find(plain) if m.entry.id in entries]
    return [m for m in left if not any(s < m.end and m.start < e for s, e in own)]


@register
class UntranslatedTerm(Rule):
    """A glossary term that must be translated, left in its source-language form.

    What:
        For each translated unit, finds the glossary terms of the source text whose
        approved renderings in the target language differ from the source form (so not
        `dnt` entries, and not entries like CAATSA that every language writes alike), and
        reports each one whose source form (inflected too: `S-400s`) stands in the
        translation. The finding points at the form in the translation (msgstr). A form
        the glossary rejects in the target language is left to `forbidden-term`.
    Why:
        A term copied over untranslated ("S-400" in Latin letters in a Russian text, SMO
        for СВО) is invisible to readers' search, breaks the terminology the glossary
        fixes, and often hides a sentence translated in a hurry.
    Example:
        msgid "The S-400 contract" with msgstr "Контракт на S-400": the glossary renders
        `s-400` in Russian as «С-400» (Cyrillic С), so “S-400” is reported.
    Use instead:
        The approved target rendering named in the message, inflected as the sentence needs.
    """

    code = "TG103"
    name = "untranslated-term"
    severity = Severity.ERROR
    summary = "a term that must be translated is left in its source form in the translation"
    applies_to = "translation"
    needs_glossary = True

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Look for the source forms of the unit's must-translate terms in each target form."""
        lang = unit.target_lang
        if not lang or not unit.is_translated:
            return
        src_matches = ctx.matcher(unit.source_lang).find(ctx.prose(unit.source).plain)
        if not src_matches:
            return
        fold = ctx.matcher(lang).morph.fold
        entries = {m.entry.id: m.entry for m in src_matches if must_translate(m.entry, unit.source_lang, lang, fold)}
        if not entries:
            return
        for fld in unit.targets:
            view = ctx.prose(fld)
            for match in source_forms_left(ctx, unit, fld, entries):
                entry = match.entry
                expected = [r.text for r in entry.approved(lang)]
                start, end = view.to_text_span(match.start, match.end)
                yield ctx.finding(
                    self,
                    unit,
                    fld,
                    start,
                    end,
                    f"“{match.shown}” ('{entry.id}') is left in its source ({unit.source_lang}) form; "
                    f"the {lang} rendering is “{expected[0]}”",
                    lang=lang,
                    term=entry.id,
                    found=match.surface,
                    suggestions=expected,
                )
