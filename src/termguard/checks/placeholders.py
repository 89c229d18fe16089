"""TG303 placeholders: format placeholders differ between msgid and msgstr, as `msgfmt --check` sees them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termguard.checks.base import CheckContext, Rule, register
from termguard.checks.plural_forms import header_line, parse_plural_forms
from termguard.model import Field, Finding, Severity, Unit
from termguard.triggers import Trigger

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
_RANGE = re.compile(r"^range:\s*(\d+)\s*\.\.\s*(\d+)$")
#: gettext's default when a catalog has no Plural-Forms header (Germanic languages).
_DEFAULT_PLURAL = "nplurals=2; plural=(n != 1);"
#: msgfmt deems a plural form used "often" (for infinitely many n) when the formula picks it
#: at least this many times for n = 0…1000 (gettext's OFTEN in msgl-check.c).
_OFTEN = 5


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


@dataclass(frozen=True)
class Directive:
    """A format directive as gettext's format checkers see it: named (`name`), or the n-th
    argument (`number`), with the type class of its argument."""

    name: str | None
    number: int
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Parsed:
    """A format string's directives, or why it is not a valid format string."""

    directives: tuple[Directive, ...] = ()
    invalid: str | None = None
    at: tuple[int, int] = (0, 0)

    @property
    def named(self) -> dict[str, Directive]:
        """Named directives by name (the first of each)."""
        out: dict[str, Directive] = {}
        for d in self.directives:
            if d.name is not None:
                out.setdefault(d.name, d)
        return out

    @property
    def unnamed(self) -> list[Directive]:
        """Unnamed (numbered or sequential) directives, one per argument, in argument order."""
        by_number: dict[int, Directive] = {}
        for d in self.directives:
            if d.name is None:
                by_number.setdefault(d.number, d)
        return [by_number[n] for n in sorted(by_number)]


_PY_TYPES = {"c": "char", "s": "any", "r": "any", "a": "any"} | dict.fromkeys("diouxX", "integer") | dict.fromkeys(
    "eEfFgG", "float")
_C_TYPES = dict.fromkeys("di", "int") | dict.fromkeys("ouxX", "unsigned") | dict.fromkeys("eEfFgGaA", "double") | {
    "c": "char", "s": "string", "p": "pointer", "n": "count"}


def parse_python(text: str) -> Parsed:
    """A python-format string as gettext's format-python.c reads it."""
    out: list[Directive] = []
    seq = 0
    i = text.find("%")
    while i >= 0:
        j = i + 1
        name = None
        if j < len(text) and text[j] == "(":
            depth, k = 1, j + 1
            while k < len(text) and depth:
                depth += {"(": 1, ")": -1}.get(text[k], 0)
                k += 1
            if depth:
                return Parsed(invalid="the name of a directive is not terminated by ')'", at=(i, len(text)))
            name, j = text[j + 1:k - 1], k
        while j < len(text) and text[j] in "-+ #0":
            j += 1
        stars = 0
        if j < len(text) and text[j] == "*":
            stars, j = stars + 1, j + 1
        while j < len(text) and text[j].isdigit():
            j += 1
        if j < len(text) and text[j] == ".":
            j += 1
            if j < len(text) and text[j] == "*":
                stars, j = stars + 1, j + 1
            while j < len(text) and text[j].isdigit():
                j += 1
        while j < len(text) and text[j] in "hlL":
            j += 1
        conv = text[j] if j < len(text) else ""
        if conv == "%":
            i = text.find("%", j + 1)
            continue
        if conv not in _PY_TYPES:
            shown = repr(conv) if conv else "end of string"
            return Parsed(invalid=f"directive {text[i:j + 1]!r} ends with {shown}, not a conversion", at=(i, j + 1))
        if name is not None and stars:
            return Parsed(invalid="a named directive cannot take its width or precision from '*'", at=(i, j + 1))
        for _ in range(stars):
            seq += 1
            out.append(Directive(None, seq, "integer", "*", i, j + 1))
        if name is None:
            seq += 1
        out.append(Directive(name, seq if name is None else 0, _PY_TYPES[conv], text[i:j + 1], i, j + 1))
        i = text.find("%", j + 1)
    if any(d.name is not None for d in out) and any(d.name is None for d in out):
        return Parsed(invalid="it mixes named directives like %(name)s with unnamed ones like %s", at=(out[0].start, out[0].end))
    kinds: dict[str, str] = {}
    for d in out:
        if d.name is None or d.kind == "any":
            continue
        if kinds.setdefault(d.name, d.kind) != d.kind:
            return Parsed(invalid=f"argument '{d.name}' is used with two different types", at=(d.start, d.end))
    return Parsed(tuple(out))


_C_DIRECTIVE = re.compile(
    r"%(?:(?P<pos>\d+)\$)?[-+ #0'I]*(?P<width>\*(?:\d+\$)?|\d+)?(?:\.(?P<prec>\*(?:\d+\$)?|\d*))?"
    r"(?P<len>hh|h|ll|l|L|q|j|z|t)?(?P<conv>.?)", re.DOTALL)


def parse_c(text: str) -> Parsed:
    """A c-format string as gettext's format-c.c reads it (`%n$` numbered or sequential)."""
    out: list[Directive] = []
    seq = 0
    numbered = unnumbered = False
    i = text.find("%")
    while i >= 0:
        if text.startswith("%%", i):
            i = text.find("%", i + 2)
            continue
        m = _C_DIRECTIVE.match(text, i)
        assert m is not None
        d = m
        conv = d.group("conv")
        if conv == "<":
            # <PRId64> style macros (gettext's ISO C 99 support): an integer argument.
            close = text.find(">", d.end())
            conv, end = ("d", close + 1) if close > 0 else ("", d.end())
        else:
            end = d.end()
        if conv not in _C_TYPES:
            shown = repr(conv) if conv else "end of string"
            return Parsed(invalid=f"directive {text[m.start():end]!r} ends with {shown}, not a conversion", at=(m.start(), end))
        kind = _C_TYPES[conv] + (f"/{d.group('len')}" if d.group("len") else "")
        for star in (d.group("width"), d.group("prec")):
            if star and star.startswith("*"):
                if len(star) > 1:
                    numbered, number = True, int(star[1:-1])
                else:
                    unnumbered, seq = True, seq + 1
                    number = seq
                out.append(Directive(None, number, "int", "*", m.start(), end))
        if d.group("pos"):
            numbered, number = True, int(d.group("pos"))
        else:
            unnumbered, seq = True, seq + 1
            number = seq
        out.append(Directive(None, number, kind, text[m.start():end], m.start(), end))
        i = text.find("%", max(end, i + 1))
    if numbered and unnumbered:
        return Parsed(invalid="it mixes numbered directives like %1$s with unnumbered ones like %s", at=(0, 0))
    seen: dict[int, str] = {}
    for directive in out:
        if seen.setdefault(directive.number, directive.kind) != directive.kind:
            return Parsed(invalid=f"argument {directive.number} is used with two different types",
                          at=(directive.start, directive.end))
    missing = next((n for n in range(1, len(seen) + 1) if n not in seen), None)
    if missing is not None:
        # printf cannot skip an argument: "%2$s" alone leaves it no way to find argument 2.
        last = max(out, key=lambda d: d.number)
        return Parsed(invalid=f"it refers to argument {last.number} but leaves out argument {missing}",
                      at=(last.start, last.end))
    return Parsed(tuple(out))


def parse_brace(text: str) -> Parsed:
    """A python-brace-format string: `{name}`, `{0}`, `{}`; `{{`/`}}` are literal."""
    out = [Directive(p.key, 0, "any", p.text, p.start, p.end) for p in brace_placeholders(text)]
    for d in out:
        if d.name is not None and not d.name.isascii():
            # gettext's python-brace-format takes ASCII identifiers only.
            return Parsed(tuple(out), invalid=f"{d.text} is not an ASCII name or number", at=(d.start, d.end))
    stripped = _BRACE.sub("", text)
    if "{" in stripped:
        at = _first_stray_brace(text)
        return Parsed(tuple(out), invalid="a '{' opens no complete {field}", at=(max(at, 0), max(at, 0) + 1))
    return Parsed(tuple(out))


def _first_stray_brace(text: str) -> int:
    """Where the first `{` that opens no complete field stands."""
    pos = 0
    for m in _BRACE.finditer(text):
        stray = text.find("{", pos, m.start())
        if stray >= 0:
            return stray
        pos = m.end()
    return text.find("{", pos)


def _named_only(parsed: Parsed) -> Parsed:
    return Parsed(tuple(d for d in parsed.directives if d.name is not None and not d.name.isdigit()))


def parse(style: str, text: str) -> Parsed:
    """The directives of `text` in one of the styles the rule checks."""
    if style == "python":
        return parse_python(text)
    if style == "c":
        return parse_c(text)
    if style == "brace":
        return parse_brace(text)
    if style == "named-printf":
        found = [Directive(p.key[1:-1], 0, _PY_TYPES.get(p.conv, "any"), p.text, p.start, p.end)
                 for p in printf_placeholders(text) if p.key.startswith("(")]
        return Parsed(tuple(found))
    return _named_only(parse_brace(text))


def _styles(unit: Unit, source: str) -> list[str]:
    flags = unit.flags
    styles = []
    if "python-format" in flags:
        styles.append("python")
    elif "c-format" in flags:
        styles.append("c")
    elif "no-python-format" not in flags and "no-c-format" not in flags and _NAMED_PRINTF.search(source):
        styles.append("named-printf")
    if "python-brace-format" in flags:
        styles.append("brace")
    elif "no-python-brace-format" not in flags and _NAMED_BRACE.search(source):
        styles.append("named-brace")
    return styles


@lru_cache(maxsize=64)
def often_forms(plural_forms: str) -> tuple[bool, ...] | None:
    """Which plural forms the formula picks for infinitely many n (msgfmt: 5 times or more
    for n = 0…1000); None when the header is broken (msgfmt then checks every form strictly)."""
    parsed = parse_plural_forms(plural_forms)
    if isinstance(parsed, str):
        return None
    counts = [0] * parsed.nplurals
    for n in range(1001):
        try:
            form = int(parsed.function(n))
        except (ZeroDivisionError, ValueError, TypeError):
            return None
        if 0 <= form < parsed.nplurals:
            counts[form] += 1
    return tuple(c >= _OFTEN for c in counts)


def _range_hits(plural_forms: str, low: int, high: int, form: int) -> int:
    parsed = parse_plural_forms(plural_forms)
    if isinstance(parsed, str):
        return high - low + 1
    return sum(1 for n in range(low, min(high, low + 10000) + 1) if parsed.function(n) == form)


@register
class Placeholders(Rule):
    """Format placeholders that `msgfmt --check` rejects, and named ones a translation lost.

    What:
        Checks each translated form as GNU gettext's `msgfmt --check` does. For entries
        flagged `python-format` (`%s`, `%(name)s`), `c-format` (`%d`, `%1$s`; `%%` is a
        literal) or `python-brace-format` (`{}`, `{0}`, `{name}`): a translation that is
        not a valid format string, a placeholder the source does not have, a placeholder
        of another type (`%(n)d` → `%(n)s`), unnamed placeholders out of order or of other
        types, a tuple where the source wants a mapping. Each form of a plural entry is
        compared with `msgid_plural`, as gettext does, never with the singular `msgid`.
        A source placeholder may be left out only where gettext allows it: in a plural form
        the `Plural-Forms` formula picks for a handful of numbers only (the form for n = 1
        alone under `n != 1`: Turkish «Bir sayfa»; `#, range:` narrows the numbers), never in a form that
        serves infinitely many numbers, such as Russian form 0 (1, 21, 31, …, so
        «%(count)s батарея» must keep `%(count)s`). Without a format flag only the
        unambiguous named forms `%(name)s` and `{name}` are compared. Named placeholders may
        be reordered. Fuzzy and untranslated entries are not checked (gettext ignores them).
    Why:
        A placeholder that is lost, renamed or of another type makes the program show a
        wrong number or crash (`KeyError`, `TypeError`) when the message is formatted, and
        `msgfmt --check` refuses to compile the catalog.
    Example:
        `msgid "%(count)d systems from %(country)s"` with
        `msgstr "%(count)d систем из %(страна)s"`: `%(country)s` is missing and
        `%(страна)s` is not in the source; `msgstr[0] "Одна страница"` for
        `msgid_plural "%(counter)s pages"` in Russian: form 0 also serves 21 pages.
    Use instead:
        Exactly the source's placeholders, reordered as the language needs.
    """

    code = "TG303"
    name = "placeholders"
    severity = Severity.ERROR
    summary = "format placeholders differ between msgid and msgstr (as msgfmt --check sees them)"
    applies_to = "translation"
    #: A style needs a format flag or a named placeholder (`%(`, `{`) in the source.
    trigger = Trigger(chars=r"[%{]", flags=frozenset({"python-format", "c-format", "python-brace-format"}))

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Compare placeholders style by style, form by form."""
        if unit.is_fuzzy or not any(t.text for t in unit.targets):
            return
        reference = unit.source_plural if unit.source_plural is not None else unit.source
        styles = _styles(unit, reference.text)
        if not styles:
            return
        plural = unit.source_plural is not None
        strict = self._strict_forms(unit, ctx) if plural else None
        for index, fld in enumerate(unit.targets):
            if not fld.text:
                continue
            form_strict = True if strict is None else strict[index] if index < len(strict) else True
            where = f"msgstr[{index}]" if plural else "msgstr"
            for style in styles:
                yield from self._compare(unit, ctx, style, reference, fld, form_strict, where)

    @staticmethod
    def _strict_forms(unit: Unit, ctx: CheckContext) -> list[bool] | None:
        """Per msgstr[j]: must it keep every placeholder (msgfmt's strict checking)?"""
        if len(unit.targets) < 2:
            return None
        doc = ctx.document
        where = header_line(doc, "Plural-Forms") if doc is not None else None
        value = where[0].text[where[1]:where[2]] if where is not None else _DEFAULT_PLURAL
        often = often_forms(value)
        if often is None:
            return None
        low_high = next((_RANGE.match(f) for f in unit.flags if _RANGE.match(f)), None)
        out = []
        for j in range(len(unit.targets)):
            strict = j < len(often) and often[j]
            if strict and low_high is not None:
                low, high = int(low_high.group(1)), int(low_high.group(2))
                strict = _range_hits(value, low, high, j) > 1
            out.append(strict)
        return out

    def _compare(self, unit: Unit, ctx: CheckContext, style: str, src: Field, fld: Field, strict: bool,
                 where: str) -> Iterator[Finding]:
        lang = unit.target_lang
        want = parse(style, src.text)
        if want.invalid:
            return
        have = parse(style, fld.text)
        if have.invalid:
            start, end = have.at
            name = {"python": "Python", "c": "C", "brace": "Python brace"}.get(style, "")
            yield ctx.finding(self, unit, fld, start, end,
                              f"{where} is not a valid {name} format string, unlike the source: {have.invalid}",
                              lang=lang, found=fld.text[start:end])
            return
        want_named, have_named = want.named, have.named
        if style == "python" and want.directives and have.directives and bool(want_named) != bool(have_named):
            d = have.directives[0]
            expects = "a mapping (%(name)s)" if want_named else "a tuple (%s)"
            yield ctx.finding(self, unit, fld, d.start, d.end,
                              f"placeholders in {where} do not fit the source, which expects {expects}",
                              lang=lang, found=d.text)
            return
        for name, d in have_named.items():
            other = want_named.get(name)
            if other is None:
                yield ctx.finding(self, unit, fld, d.start, d.end, f"placeholder {d.text} is not in the source",
                                  lang=lang, found=d.text)
            elif other.kind != d.kind and (strict or "any" not in (other.kind, d.kind)):
                yield ctx.finding(self, unit, fld, d.start, d.end,
                                  f"placeholder {d.text} has another type than {other.text} in the source",
                                  lang=lang, found=d.text, suggestions=[other.text])
        if strict:
            for name, d in want_named.items():
                if name not in have_named:
                    yield ctx.finding(self, unit, fld, 0, 0,
                                      f"placeholder {d.text} of the source is missing from the translation"
                                      if where == "msgstr" else
                                      f"placeholder {d.text} of the source is missing from {where}, a plural "
                                      "form that serves many numbers (gettext requires it there)",
                                      lang=lang, found=d.text, suggestions=[d.text])
        want_seq, have_seq = want.unnamed, have.unnamed
        if not want_seq and not have_seq:
            return
        count_ok = len(have_seq) == len(want_seq) if strict else len(have_seq) <= len(want_seq)
        types_ok = all(w.kind == h.kind for w, h in zip(want_seq, have_seq))
        if count_ok and types_ok:
            return
        shown_want = " ".join(d.text for d in want_seq) or "none"
        shown_have = " ".join(d.text for d in have_seq) or "none"
        start, end = (have_seq[0].start, have_seq[0].end) if have_seq else (0, 0)
        yield ctx.finding(self, unit, fld, start, end,
                          f"placeholders {shown_have} in the translation do not match {shown_want} of the source "
                          "(unnamed placeholders keep their order and types)",
                          lang=lang, found=shown_have, suggestions=[shown_want])
