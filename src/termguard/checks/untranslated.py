"""TG401 untranslated: an entry of a translation file with no translation, or a copy of the source."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from termguard.checks.base import CheckContext, Rule, context_hash, register
from termguard.model import Finding, Severity, Unit

_WORD = re.compile(r"[^\W\d_]{2,}")
# What is not prose in a copied string: placeholders (printf, named, brace), HTML tags and
# character references, URLs, e-mail addresses, domain and file names, code identifiers.
_NOT_PROSE = re.compile(
    r"%(?:\([^)]*\))?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaA%](?:[A-Za-z]{1,2}\b)?"
    r"|\{[^{}\s]*\}"
    r"|</?(?:a|abbr|b|br|code|del|div|em|h[1-6]|i|img|input|kbd|label|li|mark|ol|p|pre|s|samp|small|span|strong|"
    r"sub|sup|table|td|th|time|tr|u|ul)\b[^<>]*>|&(?:#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z]\w*);"
    r"|\b(?:https?|ftp)://\S+|\bwww\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|edu|gov|info|ru|tr|de|py|js|html|txt|json|yaml)\b"
    r"|\b\w+_\w*|\b\w*[a-z][A-Z]\w*"
)
_READ = 1000
#: Small words a name may hold in lower case ("Common Vulnerabilities and Exposures").
_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "to", "by", "with", "de", "von", "van"})


def prose_words(text: str) -> list[str]:
    """The words of a copied string a translator would translate: placeholders, markup,
    URLs, addresses, domains and identifiers taken out."""
    # Only the start of a long text is read: enough to tell prose, and the address and
    # domain patterns stay linear on hostile input.
    return _WORD.findall(_NOT_PROSE.sub(" ", text[:_READ]))


def term_like(text: str, words: list[str]) -> bool:
    """A short label of at most three words, no placeholder and no sentence punctuation
    ("Read committed", "Context switches"): translators keep such technical terms in the
    source language on purpose often enough that a copy of one is only worth an info."""
    return len(words) <= 3 and "%" not in text and "{" not in text and not re.search(r"[.!?:;]\s*$|[.!?]\s", text.strip())


def name_like(words: list[str]) -> bool:
    """True for a name, brand or title kept as in the source: every word capitalised
    (small function words aside: "Common Weakness Enumeration", "Wagtail API"), or two
    words at most with an acronym among them ("django CMS")."""
    content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
    if all(w[0].isupper() for w in content):
        return True
    return len(content) <= 2 and any(len(w) > 1 and w.isupper() for w in content)


def _base(lang: str | None) -> str:
    return re.split(r"[_-]", lang or "")[0].lower()


def _keyed(finding: Finding, unit: Unit, form: int | None = None) -> Finding:
    """An empty translation's finding, keyed by the unit's source (and plural form).

    A finding's context (what a baseline and a review sheet key it by) is the hash of the
    text it stands in; for an empty msgstr that text is "" in every unit, so one silenced
    empty entry would silence any other empty entry of the file. The source names the unit.
    """
    plural = unit.source_plural.text if unit.source_plural is not None else ""
    key = "\x00".join((unit.source.text, plural, "" if form is None else str(form)))
    return dataclasses.replace(finding, context=context_hash(key))


@register
class Untranslated(Rule):
    """An entry of a PO or XLIFF file that has no translation.

    What:
        Reports entries whose translation is empty (`msgstr ""`, an empty plural form, an
        XLIFF unit with no or an empty `<target>`), and prose entries whose translation is
        a verbatim copy of the source. A copy is reported only when it holds prose a
        translator translates: two or more words (of two letters or more) once placeholders (`%(name)s`, `%s`,
        `{0}`), HTML tags and character references, URLs, e-mail addresses, domain and
        file names (`example.com`, `conf.py`) and code identifiers (`can_view`,
        `firstName`) are taken out. Not reported as copies: such placeholder- or
        markup-only strings (`%(filename)s &#8212; %(title)s`), single words (many are
        spelled the same in both languages: "Status", "Normal", "Model" in Turkish),
        names, brands and titles (every word capitalised, small function words aside:
        "Common Weakness Enumeration", "Wagtail API v2"; or at most two words with an
        acronym: "django CMS"), plural entries, and reference entries, which often keep
        titles as published. A copied label of at most three words with no placeholder
        and no sentence punctuation ("Read committed", "Context switches") is said at
        info level only: translators often keep such technical terms on purpose.
        Templates (`.pot`) are not checked.
    Why:
        An untranslated entry silently falls back to the source language in the built
        document; a pasted source looks translated to progress counters but is not.
        Names and codes stay as they are in every language, so a copy of them is not
        reported (an English sentence in Title Case copied as it is is missed for the
        same reason).
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
            yield _keyed(ctx.finding(self, unit, unit.targets[0], 0, 0, f"not translated: {what}", lang=lang, found=""),
                         unit)
            return
        for index, fld in enumerate(unit.targets):
            if not fld.text:
                yield _keyed(ctx.finding(self, unit, fld, 0, 0, f"plural form msgstr[{index}] is empty; translate every form",
                                         lang=lang, found=""), unit, index)
        target = unit.targets[0]
        if (
            unit.source_plural is None
            and unit.kind != "reference"
            and target.text == unit.source.text
            and _base(lang) != _base(unit.source_lang)
            and len(words := prose_words(unit.source.text)) >= 2
            and not name_like(words)
        ):
            finding = ctx.finding(self, unit, target, 0, len(target.text),
                                  "the translation is a copy of the source; translate it", lang=lang,
                                  found=target.text[:60])
            if term_like(unit.source.text, words):
                finding = dataclasses.replace(
                    finding, severity=Severity.INFO,
                    message="the translation is a copy of the source: a short term kept on purpose, or not yet translated?")
            yield finding
