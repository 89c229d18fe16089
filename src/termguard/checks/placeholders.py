"""TG303 placeholders: format placeholders differ between msgid and msgstr."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Field, Finding, Severity, Unit

# printf: %[(name)][n$][flags][width][.precision][length]conversion; %% is a literal percent.
_PRINTF = re.compile(
    # Linear on hostile text: a name is at most 256 characters (an unclosed "%(" does not
    # scan the rest of the text), and runs of flags and digits are taken whole.
    r"%(?:(?P<pct>%)|(?:\((?P<name>[^)]{0,256})\))?(?:(?P<pos>\d++)\$)?[-+ #0']*+(?:\d++|\*)?(?:\.(?:\d++|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t)?(?P<conv>[diouxXeEfFgGcrsaAp]))"
)
# str.format / python-brace-format: {}, {0}, {name}, {name.attr}, {name[0]!r:>10}; {{ }} are literal.
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^\W\d]\w*|\d+|)(?P<rest>(?:\.[A-Za-z_]\w*|\[[^\]]*\])*(?:![rsa])?(?::[^{}]*)?)\}")
# Without a format flag only unambiguous placeholders are checked: %(name)s and {name}.
_NAMED_PRINTF = re.compile(r"%\([^\W\d]\w*\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
_NAMED_BRACE = re.compile(r"\{[^\W\d]\w*(?:![rsa])?(?::[^{}]*)?\}")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder: its key (name, position or order), conversion and span."""

    key: str
    conv: str
    text: str
    start: int
    end: int


def printf_placeholders(text: str) -> list[Placeholder]:
    """printf-style placeholders in order (c-format and python-format); `%%` is skipped."""
    out = []
    order = 0
    for m in _PRINTF.finditer(text):
        if m.group("pct"):
            continue
        if m.group("name") is not None:
            key = f"({m.group('name')})"
        elif m.group("pos"):
            key = f"{m.group('pos')}$"
        else:
            order += 1
            key = f"#{order}"
        conv = m.group("conv")
        out.append(Placeholder(key, conv, m.group(), m.start(), m.end()))
    return out


def brace_placeholders(text: str) -> list[Placeholder]:
    """str.format placeholders; `{}` are numbered in order like Python does."""
    out = []
    auto = 0
    for m in _BRACE.finditer(text):
        if m.group() in ("{{", "}}"):
            continue
        name = m.group("field")
        if name == "":
            name = str(auto)
            auto += 1
        out.append(Placeholder(name, "", m.group(), m.start(), m.end()))
    return out


def _styles(unit: Unit, source: str) -> list[str]:
    flags = unit.flags
    styles = []
    if "python-format" in flags or "c-format" in flags:
        styles.append("printf")
    elif "no-python-format" not in flags and "no-c-format" not in flags and _NAMED_PRINTF.search(source):
        styles.append("named-printf")
    if "python-brace-format" in flags:
        styles.append("brace")
    elif "no-python-brace-format" not in flags and _NAMED_BRACE.search(source):
        styles.append("named-brace")
    return styles


def _extract(style: str, text: str) -> list[Placeholder]:
    if style == "printf":
        return printf_placeholders(text)
    if style == "named-printf":
        return [p for p in printf_placeholders(text) if p.key.startswith("(")]
    if style == "brace":
        return brace_placeholders(text)
    return [p for p in brace_placeholders(text) if not p.key.isdigit()]


@register
class Placeholders(Rule):
    """Format placeholders of the source missing, added or changed in the translation.

    What:
        Compares the placeholders of msgid (msgid_plural for plural forms) with those of
        each msgstr: printf-style for entries flagged `c-format` or `python-format`
        (`%s`, `%d`, `%1$s`, `%(name)s`; `%%` is a literal), and `str.format` style for
        `python-brace-format` (`{}`, `{0}`, `{name}`). Without a flag, the unambiguous
        named forms `%(name)s` and `{name}` are still checked when the source has them.
        Named and numbered placeholders may be reordered; unnamed `%s %d` must keep their
        order and types. A plural form may leave out a placeholder (Russian «одна
        батарея» for n = 1), but never add one.
    Why:
        A placeholder that is lost, renamed or of another type makes the program show
        the raw pattern or crash (`KeyError`, `TypeError`) when the message is formatted.
    Example:
        `msgid "%(count)d systems from %(country)s"` with
        `msgstr "%(count)d систем из %(страна)s"`: `%(country)s` is missing and
        `%(страна)s` is not in the source.
    Use instead:
        Exactly the source's placeholders, reordered as the language needs.
    """

    code = "TG303"
    name = "placeholders"
    severity = Severity.ERROR
    summary = "format placeholders differ between msgid and msgstr"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare placeholders style by style, form by form."""
        if not unit.is_translated and not any(t.text for t in unit.targets):
            return
        sources = [unit.source.text] + ([unit.source_plural.text] if unit.source_plural else [])
        styles = _styles(unit, " ".join(sources))
        if not styles:
            return
        plural = unit.source_plural is not None
        for index, fld in enumerate(unit.targets):
            if not fld.text:
                continue
            src_field = unit.source if index == 0 or not plural else unit.source_plural
            for style in styles:
                yield from self._compare(unit, ctx, style, src_field, fld, plural)

    def _compare(self, unit: Unit, ctx: CheckContext, style: str, src: Field, fld: Field, plural: bool) -> Iterator[Finding]:
        want = _extract(style, src.text)
        have = _extract(style, fld.text)
        lang = unit.target_lang
        ordered = style == "printf" and any(p.key.startswith("#") for p in want + have)
        if ordered:
            yield from self._compare_ordered(unit, ctx, src, fld, want, have, plural)
            return
        want_keys = Counter((p.key, p.conv) for p in want)
        have_keys = Counter((p.key, p.conv) for p in have)
        by_key = {p.key: p for p in want}
        for p in have:
            if (p.key, p.conv) not in want_keys:
                other = by_key.get(p.key)
                if other is not None:
                    message = f"placeholder {p.text} has another type than {other.text} in the source"
                else:
                    message = f"placeholder {p.text} is not in the source"
                yield ctx.finding(self, unit, fld, p.start, p.end, message, lang=lang, found=p.text,
                                  suggestions=[other.text] if other is not None else [])
        if plural:
            return
        reported = set()
        for p in want:
            if (p.key, p.conv) not in have_keys and p.key not in reported and p.key not in {h.key for h in have}:
                reported.add(p.key)
                yield ctx.finding(self, unit, src, p.start, p.end,
                                  f"placeholder {p.text} of the source is missing from the translation",
                                  lang=lang, found=p.text)

    def _compare_ordered(self, unit, ctx, src, fld, want, have, plural) -> Iterator[Finding]:
        lang = unit.target_lang
        want_seq = [p.conv for p in want]
        have_seq = [p.conv for p in have]
        if want_seq == have_seq or (plural and len(have_seq) < len(want_seq) and have_seq == want_seq[: len(have_seq)]):
            return
        shown_want = " ".join(p.text for p in want) or "none"
        shown_have = " ".join(p.text for p in have) or "none"
        anchor = have[0] if have else None
        start, end = (anchor.start, anchor.end) if anchor else (0, len(fld.text.split("\n", 1)[0]))
        yield ctx.finding(self, unit, fld, start, end,
                          f"placeholders {shown_have} in the translation do not match {shown_want} of the source "
                          "(unnamed placeholders keep their order and types)",
                          lang=lang, found=shown_have, suggestions=[shown_want])
