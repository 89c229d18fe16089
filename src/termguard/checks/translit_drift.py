"""TG201 translit-drift: a Latin rendering of a Russian name that no scheme and no glossary gives."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from termguard.checks.base import CheckContext, Option, Rule, register
from termguard.edits import replacement_fix
from termguard.model import Finding, Severity, Unit


def _scheme_key(name: str) -> str:
    """The canonical key of a romanisation scheme name (aliases allowed), else `ValueError`."""
    from termguard.translit.schemes import resolve_scheme

    return resolve_scheme(name).key


#: The house romanisation: which accepted scheme's form the publication prefers. Read by
#: every rule that aligns Latin names with Russian ones (through the document's name index).
HOUSE_SCHEME = Option(
    "translit.scheme", "wikipedia", str, "the house romanisation scheme",
    check=_scheme_key, fix="`termguard translit --help` lists them",
)


def _english(lang: str) -> bool:
    """The schemes romanise for English (and international) use: other languages, such as
    Turkish with its own spelling of Russian names (Şoygu), are the glossary's to decide."""
    return lang.replace("-", "_").split("_")[0].lower() == "en"


def _schemes_text(schemes: tuple[str, ...], limit: int = 3) -> str:
    from termguard.translit.align import scheme_label

    labels = [scheme_label(s) for s in schemes]
    more = f", +{len(labels) - limit} more" if len(labels) > limit else ""
    return ", ".join(labels[:limit]) + more


@register
class TranslitDrift(Rule):
    """A Latin-script rendering of a Russian name that drifts from every accepted form.

    What:
        Aligns each capitalised Latin word of the text with the Russian names the document
        cites (its reference list, `--sources` texts, glossary entries with a Russian
        origin). A word is fine when some romanisation scheme produces it (BGN/PCGN, ISO 9,
        ALA-LC, ICAO, Wikipedia, ... all of iuliia's Russian schemes, diacritics aside), when
        the glossary approves it, or when it is the English exonym (CLDR: «Индию» ↔ India).
        A word that is none of these but one or two edits from an accepted form, or an
        anglicised spelling of one (ph/f, x/ks, c/k, w/v), is reported with the nearest
        accepted form and its scheme. Acronyms, words inside glossary matches (see
        `forbidden-term`) and words with no Russian counterpart are not checked, nor is
        text in a language other than English (Turkish writes Şoygu for Шойгу).

        Foreign names are not reported. Russian articles transcribe foreign names
        («Трамп», «Шольц», «Баррак», «Эрдоган», «Мухаммед»); the original spelling
        (Trump, Scholz, Barrack, Erdoğan, Mohammed) is the model of the Russian, not a
        romanisation of it, however close "Tramp" or "Barrak" is. A word is taken for the
        original of a name when the Russian can be read as its practical transcription
        (English, German, French, Italian, Spanish, Turkish, Arabic and Hebrew spellings:
        w → в/у, u → а, th → т, j → дж/ж, sch → ш, z → ц, c → к/с, ph → ф, ç/ş/ğ/ı,
        silent and double letters) and the name is not itself Russian. A name is Russian
        when it has a Russian surname or patronymic suffix (Белкова, Стародубцев,
        Сергеевич, Достоевский, Лукашенко) or place-name ending (Иркутск, Волгоград,
        Пермь), is a Russian given name (Максим, Николай), a compound of Russian words
        (Рособоронэкспорт), or a Russian common word quoted as a name («Триумф», «Армия»): Maxim, Nicolai, Starodubzev, Rosoboronexport and
        Triumph stay reported although English spelling rules could produce them.

        Names found only in the text of `--sources` articles count like the reference
        list's, but they bring most of the foreign names, which is why the test above
        applies to every name. It has one blind spot: a Russian name with no Russian
        suffix and not a common given name (Шойгу, Греф, Москва, Сочи), written the way
        another language would transcribe it ("Shoigou", "Moskwa", "Sotchi"), is taken
        for a foreign original and not reported; the glossary's forbidden forms catch
        those that matter.
    Why:
        A misspelt or half-anglicised name ("Starodubzev", "Rosoboronexport" where no
        convention approves it) cannot be searched for, and readers cannot tell whether
        two spellings mean one person.
    Example:
        With «И. Стародубцев» in the references, "Starodubzev" in the text is reported:
        nearest accepted form "Starodubcev" (ISO 9) — or "Starodubtsev" (Wikipedia).
        With «Дональд Трамп» in a source's text, "Trump" is not reported (a transcribed
        foreign name), nor "Erdoğan" for «Эрдоган»; "Yermakof" for «Ермаков» still is.
    Use instead:
        The suggested form (the house scheme's where it is as close), or add the
        convention to the glossary with a note when the spelling is deliberate. The
        finding carries an unsafe fix writing the suggested form (`--fix --unsafe-fixes`).
    """

    options = (HOUSE_SCHEME,)
    code = "TG201"
    name = "translit-drift"
    severity = Severity.WARNING
    summary = "a Latin rendering of a Russian name that no accepted romanisation or glossary entry gives"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report every drifting name of the unit with the nearest accepted form."""
        from termguard.translit.document import unit_name_occurrences

        for occ in unit_name_occurrences(unit, ctx.document, ctx, ctx.option(self, HOUSE_SCHEME.key)):
            v = occ.verdict
            if v.kind != "drift" or not _english(occ.lang):
                continue
            origin = f" of «{v.russian}»" if v.russian else ""
            where = "the glossary" if v.schemes == ("glossary",) else _schemes_text(v.schemes)
            finding = ctx.finding(
                self, occ.unit, occ.fld, occ.start, occ.end,
                f"“{v.token}” is not an accepted romanisation{origin}; nearest accepted form “{v.form}” ({where})",
                lang=occ.lang,
                term=None if (v.key or "").startswith("ru:") else v.key,
                found=v.token,
                suggestions=[v.form] if v.form else [],
            )
            if v.form:
                kind = ctx.document.kind if ctx.document is not None else None
                # The nearest form is a guess at the name meant: offered, never applied unasked.
                fix = replacement_fix(kind, occ.fld, occ.start, occ.end, v.form, safe=False)
                if fix is not None:
                    finding = replace(finding, fix=fix)
            yield finding
