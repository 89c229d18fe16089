"""TG404 plural-forms: the PO header's plural count and formula disagree with the language's rules."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural
from babel.plural import to_gettext

from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Document, Field, Finding, Severity, Unit

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)
#: Whole numbers that tell CLDR's integer categories apart: every n % 10 / n % 100 pattern
#: (0…299) and some thousands. Millions are left out on purpose: CLDR's French/Spanish
#: "many" (un million *de*) is a compact-number form gettext catalogs do not use.
SAMPLE = tuple(range(300)) + tuple(range(1000, 1012)) + (1021, 1100, 2000, 10000, 100000)


@dataclass(frozen=True)
class PluralForms:
    """A parsed `Plural-Forms` header value."""

    nplurals: int
    expression: str
    function: Callable[[int], int]


@lru_cache(maxsize=64)
def parse_plural_forms(value: str) -> PluralForms | str:
    """Parse `nplurals=N; plural=EXPR;`; return an error message string when it is broken."""
    m = _PLURAL_FORMS.match(value)
    if not m:
        return "Plural-Forms must read `nplurals=N; plural=EXPRESSION;`"
    nplurals = int(m.group(1))
    if nplurals < 1:
        return "nplurals must be at least 1"
    try:
        # gettext's own C-expression compiler: it tokenises and rejects anything but C
        # arithmetic on n, so no Python code can come through.
        function = gettext.c2py(m.group(2))
        function(1)
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, TypeError):
        return f"the plural expression `{m.group(2)}` is not a valid C expression of n"
    return PluralForms(nplurals, m.group(2), function)


@dataclass(frozen=True)
class LanguagePlurals:
    """What babel's CLDR data says about a language's plural forms for whole numbers."""

    categories: tuple[str, ...]
    of: tuple[str, ...]
    suggestion: str | None


@lru_cache(maxsize=32)
def language_plurals(lang: str) -> LanguagePlurals | None:
    """CLDR categories the integers in `SAMPLE` fall into (gettext counts only integers), in
    the order gettext formulas use; plus a header value to suggest. None for unknown locales."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    rule = locale.plural_form
    of = tuple(rule(n) for n in SAMPLE)
    order = ("zero", "one", "two", "few", "many", "other")
    categories = tuple(c for c in order if c in set(of))
    suggestion = None
    known = get_plural(locale)
    if known.num_plurals == len(categories):
        suggestion = f"nplurals={known.num_plurals}; plural={known.plural_expr};"
    elif categories == ("one", "other") and [n for n, c in zip(SAMPLE, of) if c == "one"] == [1]:
        suggestion = "nplurals=2; plural=(n != 1);"
    else:
        generated = to_gettext(rule)
        if generated.startswith(f"nplurals={len(categories)};"):
            suggestion = generated
    return LanguagePlurals(categories, of, suggestion)


def header_line(doc: Document, key: str) -> tuple[Field, int, int] | None:
    """The header field and the `[start, end)` of the value of `key` in it, if present."""
    fld = doc.header_field
    if fld is None:
        return None
    m = re.search(rf"(?m)^{re.escape(key)}[ \t]*:[ \t]*(.*)$", fld.text)
    if not m:
        return None
    return fld, m.start(1), m.end(1)


@register
class PluralFormsRule(Rule):
    """A `Plural-Forms` header whose count or formula is wrong for the language.

    What:
        Checks the PO header's `Plural-Forms` against babel's CLDR plural rules for the
        file's language: `nplurals` must equal the number of plural categories whole
        numbers fall into (ru: one, few, many → 3; tr and en: one, other → 2), and the
        formula must send two numbers to the same form exactly when CLDR puts them in the
        same category (checked for n = 0…299 and sample thousands). Also reports plural entries whose number
        of `msgstr[n]` forms differs from `nplurals`. (A missing or unparsable header is
        `po-header`'s.)
    Why:
        A wrong formula makes gettext pick the wrong form at run time: «21 батарей»
        instead of «21 батарея»; a wrong count leaves forms untranslated or unused.
    Example:
        `Language: ru` with `Plural-Forms: nplurals=2; plural=(n != 1);` is reported
        with the suggestion `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : ...);`.
    Use instead:
        The header the message suggests (babel's gettext formula for the language), and
        one `msgstr[n]` per form.
    """

    code = "TG404"
    name = "plural-forms"
    severity = Severity.WARNING
    summary = "Plural-Forms count or formula wrong for the language (babel's CLDR rules)"
    applies_to = "translation"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """A plural entry must have one msgstr[n] per form the header declares.

        Done per unit (not from `doc.units`) so that streamed and chunked files, whose
        Document holds only the header, are checked the same way.
        """
        doc = ctx.document
        if unit.source_plural is None or doc is None or doc.kind != "po":
            return
        where = header_line(doc, "Plural-Forms")
        if where is None:
            return
        parsed = parse_plural_forms(where[0].text[where[1]:where[2]])
        if isinstance(parsed, str) or len(unit.targets) == parsed.nplurals:
            return
        fld = unit.targets[-1] if unit.targets else unit.source
        yield ctx.finding(
            self, unit, fld, 0, 0,
            f"plural entry has {len(unit.targets)} msgstr forms but the header says nplurals={parsed.nplurals}",
            lang=unit.target_lang, found="",
        )

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """Check the header's Plural-Forms count and formula against the language."""
        if doc.kind != "po" or not doc.target_lang:
            return
        where = header_line(doc, "Plural-Forms")
        if where is None:
            return
        fld, start, end = where
        parsed = parse_plural_forms(fld.text[start:end])
        if isinstance(parsed, str):
            return
        expected = language_plurals(doc.target_lang)
        lang = doc.target_lang
        if expected is not None:
            problem = self._formula_problem(parsed, expected, lang)
            if problem:
                hint = f"; use `{expected.suggestion}`" if expected.suggestion else ""
                yield self._at(ctx, doc, fld, start, end, problem + hint, lang,
                               [expected.suggestion] if expected.suggestion else [])

    @staticmethod
    def _formula_problem(parsed: PluralForms, expected: LanguagePlurals, lang: str) -> str | None:
        cats = ", ".join(expected.categories)
        if parsed.nplurals != len(expected.categories):
            return (f"nplurals={parsed.nplurals}, but {lang} has {len(expected.categories)} plural "
                    f"forms for whole numbers in babel's CLDR rules ({cats})")
        form_of_cat: dict[str, tuple[int, int]] = {}
        cat_of_form: dict[int, tuple[str, int]] = {}
        for n, cat in zip(SAMPLE, expected.of):
            try:
                form = int(parsed.function(n))
            except (ZeroDivisionError, ValueError, TypeError):
                return f"the plural expression fails for n={n}"
            if not 0 <= form < parsed.nplurals:
                return f"the plural expression gives form {form} for n={n}, outside 0…{parsed.nplurals - 1}"
            if cat in form_of_cat and form_of_cat[cat][0] != form:
                first_form, first_n = form_of_cat[cat]
                return (f"the plural expression gives form {first_form} for n={first_n} but form {form} for n={n}; "
                        f"both are '{cat}' in {lang}'s CLDR rules")
            if form in cat_of_form and cat_of_form[form][0] != cat:
                first_cat, first_n = cat_of_form[form]
                return (f"the plural expression gives form {form} to n={first_n} ('{first_cat}') and to n={n} "
                        f"('{cat}'); {lang}'s CLDR rules keep them apart")
            form_of_cat.setdefault(cat, (form, n))
            cat_of_form.setdefault(form, (cat, n))
        return None

    def _at(self, ctx: CheckContext, doc: Document, fld: Field, start: int, end: int, message: str, lang: str,
            suggestions: list[str]) -> Finding:
        line, col, _end_line, end_col = fld.locate_span(start, end)
        return ctx.document_finding(self, doc, line, col, message, end_column=end_col, lang=lang,
                                    found=fld.text[start:end], suggestions=tuple(suggestions))


__all__ = ["PluralForms", "PluralFormsRule", "header_line", "language_plurals", "parse_plural_forms"]
