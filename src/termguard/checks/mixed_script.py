"""TG301 mixed-script: a Latin look-alike inside a Cyrillic word, or the reverse."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from termguard.checks.base import CheckContext, Rule, register, text_fields
from termguard.edits import field_edit
from termguard.model import Applicability, Field, Finding, Fix, Severity, Unit
from termguard.scripts import (
    CYRILLIC,
    LATIN,
    codepoint,
    convert,
    dominant_script,
    language_script,
    letters_by_script,
    script_of,
)

# A word: letters, with inner hyphens and apostrophes; a designation: letters + digits (C-400).
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DESIGNATION = re.compile(r"(?<![^\W_])([^\W\d_]{1,4})-?\d+(?![^\W_])")
_WINDOW = 40
_CHAR_REF = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_JOINER = re.compile(r"['’]")
# A word all in ASCII has no Cyrillic letter, and one all in the Cyrillic block (whose
# letters are all Cyrillic) no Latin letter: neither can mix the two.
_ONE_SCRIPT = re.compile(r"[\x00-\x7f]*|[\u0400-\u04ff]*")


def _suffixed_name(word: str, home: str | None) -> bool:
    """A name in one script with case endings in the language's own script after an
    apostrophe: «Filer'а», «iPhone'ом» (Russian), the normal way to decline a foreign name."""
    if home is None or ("'" not in word and "’" not in word):
        return False
    parts = _JOINER.split(word)
    if len(parts) < 2:
        return False
    scripts = [set(letters_by_script(p)) - {s for s, n in letters_by_script(p).items() if not n} for p in parts]
    if any(len(sc) != 1 for sc in scripts):
        return False
    return scripts[0] != {home} and all(sc == {home} for sc in scripts[1:])


def _quote(word: str, script: str) -> str:
    return f"«{word}»" if script == CYRILLIC else f'"{word}"'


def _translit(letters: str) -> str | None:
    """Romanise the letters of a Cyrillic designation (С-400 → S-400), if iuliia is there."""
    try:
        import iuliia
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return iuliia.WIKIPEDIA.translate(letters)


def _approved(ctx: CheckContext, lang: str, token: str) -> bool:
    """True when the glossary approves `token` as written in `lang` (a Latin "C-130" that a
    Russian glossary keeps in Latin is a name, not a slip)."""
    if ctx.glossary is None or not len(ctx.glossary):
        return False
    return any(m.approved and m.start == 0 and m.end == len(token) for m in ctx.matcher(lang).find(token))


def doc_is_translation(ctx: CheckContext) -> bool:
    """True when the unit at hand comes from a translation file (it has a source text)."""
    return ctx.document is not None and ctx.document.is_translation


def _written_alike(token: str, source: str) -> bool:
    """True when the source has `token` letter for letter as a word of its own."""
    return re.search(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", source) is not None


@register
class MixedScript(Rule):
    """A word that mixes Latin and Cyrillic letters that look alike.

    What:
        Finds words whose letters come from both Latin and Cyrillic where the odd letters
        are look-alikes of the word's script (Latin C, o, a, e, p, x, y inside a Cyrillic
        word; Cyrillic с, о, а, е, р, х, у inside a Latin one), and designations such as
        C-400 whose letters are all look-alikes of the other script than the text around
        them (Latin «C-400» in Russian text; Cyrillic "С-400" in English or Turkish text).
        The message names each character and its code point and suggests the repaired
        word. Look-alike pairs are Unicode's confusables (UTS #39), see `termguard.scripts`.
        A designation the glossary approves as written in the text's language is a name,
        not a slip, and is not reported; nor is a code a translation keeps exactly as its
        source writes it (`CC0`, `C-130` in a Russian translation of an English text).
        A foreign name declined with an apostrophe («Filer'а», «iPhone'ом»), a name joined
        by a hyphen («Django-приложение») and HTML character references (`&#x2013;`) are
        not mixed words. Sources are read in source documents,
        translations in translation files.
    Why:
        Look-alike letters are invisible to readers and reviewers but break search,
        spell-checking, sorting and glossary matching: «C-400» with a Latin C is not found
        by a search for «С-400». They come from keyboard-layout slips and copy-paste.
    Example:
        «системы C-400» (Latin C, U+0043) is reported with the suggestion «С-400»;
        "the С-400 deal" in English (Cyrillic С, U+0421) with "S-400". A Latin name in a
        Russian sentence («истребители F-35», «Bloomberg») and a Russian title quoted in
        an English text are not reported.
    Use instead:
        The word typed in one script, as the message suggests. The finding carries a fix:
        safe when each odd letter is replaced by its look-alike of the word's script (the
        text reads the same), unsafe when a designation is romanised instead («С-400» in
        English becomes "S-400", not the look-alike "C-400").
    """

    code = "TG301"
    name = "mixed-script"
    severity = Severity.ERROR
    summary = "a word mixing Latin and Cyrillic look-alike letters"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Report mixed words and wrong-script designations in the unit's text."""
        for fld, lang, _role in text_fields(unit, ctx.document):
            text = fld.text
            home = language_script(lang)
            if text.isascii() and home != CYRILLIC:
                continue
            view = ctx.prose(fld)
            plain = view.plain
            present = {script for script, n in letters_by_script(plain).items() if n}
            if len(present) < 2 and (not present or home in (None, *present)):
                continue  # one script only, the language's own: nothing can be mixed
            reported: set[int] = set()
            refs = [(r.start(), r.end()) for r in _CHAR_REF.finditer(plain)] if "&" in plain else []
            source_text = unit.source.text if doc_is_translation(ctx) else ""
            for m in _WORD.finditer(plain):
                if _suffixed_name(m.group(), home) or any(a <= m.start() < b for a, b in refs):
                    continue
                found = self._mixed_word(m.group(), plain, m.start(), m.end(), lang)
                if found is None:
                    continue
                message, suggestions = found
                reported.add(m.start())
                start, end = view.to_text_span(m.start(), m.end())
                finding = ctx.finding(self, unit, fld, start, end, message, lang=lang, suggestions=suggestions)
                yield _with_fix(ctx, finding, fld, start, end, suggestions[0], safe=True)
            for m in _DESIGNATION.finditer(plain):
                if m.start() in reported or any(a <= m.start() < b for a, b in refs):
                    continue
                if source_text and _written_alike(m.group(), source_text):
                    continue  # a code the source writes the same way (CC0, C-130): not a slip
                found = self._designation(m.group(), m.group(1), plain, m.start(), m.end(), lang)
                if found is None or _approved(ctx, lang, m.group()):
                    continue
                message, suggestions = found
                start, end = view.to_text_span(m.start(), m.end())
                finding = ctx.finding(self, unit, fld, start, end, message, lang=lang, suggestions=suggestions)
                yield _with_fix(ctx, finding, fld, start, end, suggestions[0], safe=len(suggestions) == 1)

    @staticmethod
    def _context(plain: str, start: int, end: int, lang: str | None = None) -> str | None:
        """The script around `[start, end)`: the words nearby, else the whole text, else the
        script the text's language is written in."""
        rest = plain[:start] + " " + plain[end:]
        return (
            dominant_script(plain[max(0, start - _WINDOW):start] + " " + plain[end:end + _WINDOW])
            or dominant_script(rest)
            or language_script(lang)
        )

    def _mixed_word(self, word: str, plain: str, start: int, end: int, lang: str) -> tuple[str, list[str]] | None:
        if _ONE_SCRIPT.fullmatch(word):
            return None
        counts = letters_by_script(word)
        if not counts[LATIN] or not counts[CYRILLIC]:
            return None
        converted = {script: convert(word, script) for script in (LATIN, CYRILLIC)}
        options = {s: w for s, w in converted.items() if w is not None}
        if not options:
            return None  # not a look-alike slip (e.g. a deliberate mix); nothing to suggest
        if len(options) == 2:
            context = self._context(plain, start, end, lang)
            if context is None:
                context = LATIN if counts[LATIN] > counts[CYRILLIC] else CYRILLIC
            target = context
        else:
            target = next(iter(options))
        repaired = options[target]
        return self._message(word, target, repaired), [repaired]

    def _designation(self, token: str, letters: str, plain: str, start: int, end: int, lang: str) -> tuple[str, list[str]] | None:
        scripts = {script_of(ch) for ch in letters}
        if len(scripts) != 1 or None in scripts:
            return None
        own = scripts.pop()
        context = self._context(plain, start, end, lang)
        if context is None or context == own:
            return None
        repaired = convert(token, context)
        if repaired is None:
            return None
        suggestions = [repaired]
        if own == CYRILLIC:
            romanised = _translit(letters)
            if romanised and romanised != letters and token.replace(letters, romanised, 1) != repaired:
                suggestions.insert(0, token.replace(letters, romanised, 1))
        return self._message(token, context, suggestions[0], suggestions[1:]), suggestions

    @staticmethod
    def _message(word: str, target: str, repaired: str, others: list[str] | None = None) -> str:
        odd = [ch for ch in dict.fromkeys(word) if script_of(ch) not in (None, target)]
        wrong_script = script_of(odd[0]) if odd else ""
        named = " and ".join(f'"{ch}" ({codepoint(ch)})' for ch in odd)
        also = "".join(f" (or the look-alike {_quote(o, target)})" for o in others or [])
        return f"{wrong_script} {named} in {target} word {_quote(word, target)}; did you mean {_quote(repaired, target)}{also}?"


def _with_fix(ctx: CheckContext, finding: Finding, fld: Field, start: int, end: int, new: str, *, safe: bool) -> Finding:
    """The finding with the fix writing `new` over `[start, end)` (the word as the text has it)."""
    old = fld.text[start:end]
    if len(old) != len(new):
        safe = False  # markup inside the word would be lost
    edit = field_edit(ctx.document.kind if ctx.document else None, fld, start, end, new)
    if edit is None or old == new:
        return finding
    applicability = Applicability.SAFE if safe else Applicability.UNSAFE
    return replace(finding, fix=Fix(applicability, f"write “{new}” for “{old}”", (edit,)))
