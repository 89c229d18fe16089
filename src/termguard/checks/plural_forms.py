"""TG404 plural-forms: the PO header's plural count and formula disagree with the language's rules."""

from __future__ import annotations

import dataclasses
import gettext
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from termguard import localedata
from termguard.checks.base import CheckContext, Rule, register
from termguard.model import Document, Field, Finding, Severity, Unit

_PLURAL_FORMS = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$", re.DOTALL)
#: The whole numbers a formula is compared on: every n % 10 and n % 100 pattern (0…200).
#: Millions are left out on purpose: CLDR's French/Spanish "many" (un million *de*) is a
#: compact-number form gettext catalogs do not use.
SAMPLE = tuple(range(201))
#: Languages whose nouns stay singular after any numeral (Turkish «2 dosya», Hungarian
#: «2 fájl»): a formula that puts 0 with 1, or other CLDR categories together, picks a
#: form the numeral phrase writes the same way, so that is no mistake there.
NUMERAL_KEEPS_SINGULAR = frozenset({"tr", "az", "hu", "kk", "ky", "uz", "tk"})
_ORDER = ("zero", "one", "two", "few", "many", "other")


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
    locale = localedata.locale_id(lang.replace("-", "_"))
    if locale is None:
        return None
    of = localedata.plural_categories(locale, SAMPLE)
    categories = tuple(c for c in _ORDER if c in set(of))
    suggestion = None
    num_plurals, plural_expr = localedata.gettext_plural(locale)
    if num_plurals == len(categories):
        suggestion = f"nplurals={num_plurals}; plural={plural_expr};"
    elif categories == ("one", "other") and [n for n, c in zip(SAMPLE, of) if c == "one"] == [1]:
        suggestion = "nplurals=2; plural=(n != 1);"
    else:
        generated = localedata.gettext_from_cldr(locale)
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
    """A `Plural-Forms` header that gives some whole number the wrong form, or too few forms.

    What:
        Evaluates the PO header's `Plural-Forms` formula for every whole number 0…200 (all
        `n % 10` and `n % 100` patterns; gettext passes only whole numbers) and compares
        the forms it picks with babel's CLDR plural categories of the file's language.
        Warns when the header has fewer forms than the language has categories for whole
        numbers (ru: one, few, many → 3), when the formula fails or picks a form outside
        `0…nplurals-1`, and when it sends numbers of two categories to one form where the
        language writes them differently (Russian 21 «батарея» and 25 «батарей»). Formulas
        are compared by meaning, never by their text: `(n%10==1 && n%100!=11 ? 0 : …)` in
        any spelling is the same formula. Differences that give no whole number a wrong
        form are said once per file at info level: an extra form no whole number reaches
        (Transifex's `nplurals=4` for Russian, whose fourth form serves fractions like
        CLDR's `other`), one category spread over two forms, and, in languages whose nouns
        stay singular after a numeral (Turkish, Hungarian, …), categories sharing a form
        (Turkish `n > 1`, which puts 0 with 1, or a single form, `nplurals=1`). Also reports plural entries whose number
        of `msgstr[n]` forms differs from `nplurals`. (A missing or unparsable header is
        `po-header`'s.)
    Why:
        A wrong formula makes gettext pick the wrong form at run time: «21 батарей»
        instead of «21 батарея»; too few forms leave a number without its form.
    Example:
        `Language: ru` with `Plural-Forms: nplurals=2; plural=(n != 1);` is reported
        with the suggestion `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : ...);`;
        `nplurals=3; plural=(n==1 ? 0 : …)` too (21 gets the form of 25).
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
        """Compare the header's formula with the language's CLDR categories, by evaluating it."""
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
        if expected is None:
            return
        lang = doc.target_lang
        problem, notes = compare_formula(parsed, expected, lang)
        if problem:
            hint = f"; use `{expected.suggestion}`" if expected.suggestion else ""
            yield self._at(ctx, doc, fld, start, end, problem + hint, lang,
                           [expected.suggestion] if expected.suggestion else [])
        elif notes:
            finding = self._at(ctx, doc, fld, start, end,
                               "Plural-Forms differs from babel's CLDR rules only where no whole number gets a "
                               "wrong form: " + "; ".join(notes), lang, [])
            yield dataclasses.replace(finding, severity=Severity.INFO)

    def _at(self, ctx: CheckContext, doc: Document, fld: Field, start: int, end: int, message: str, lang: str,
            suggestions: list[str]) -> Finding:
        line, col, _end_line, end_col = fld.locate_span(start, end)
        return ctx.document_finding(self, doc, line, col, message, end_column=end_col, lang=lang,
                                    found=fld.text[start:end], suggestions=tuple(suggestions))


def compare_formula(parsed: PluralForms, expected: LanguagePlurals, lang: str) -> tuple[str | None, list[str]]:
    """Evaluate the formula on `SAMPLE` and compare it with the CLDR categories.

    Returns a problem (a whole number gets a form the language writes differently, too few
    forms, or a formula that fails) or else the harmless differences, as notes.
    """
    base = re.split(r"[_-]", lang)[0].lower()
    cats = expected.categories
    forms: list[int] = []
    for n in SAMPLE:
        try:
            form = int(parsed.function(n))
        except (ZeroDivisionError, ValueError, TypeError, OverflowError):
            return f"the plural expression fails for n={n}", []
        if not 0 <= form < parsed.nplurals:
            return f"the plural expression gives form {form} for n={n}, outside 0…{parsed.nplurals - 1}", []
        forms.append(form)
    notes: list[str] = []
    if parsed.nplurals < len(cats):
        message = (f"nplurals={parsed.nplurals}, but {lang} has {len(cats)} plural forms for whole numbers in "
                   f"babel's CLDR rules ({', '.join(cats)})")
        if base not in NUMERAL_KEEPS_SINGULAR:
            return message, []
        # Turkish «1 dosya», «5 dosya»: the numeral phrase reads alike in every category.
        notes.append(message + f", which a {lang} noun after a numeral writes alike")
    first: dict[tuple[int, str], int] = {}
    for n, form, cat in zip(SAMPLE, forms, expected.of):
        first.setdefault((form, cat), n)
    by_form: dict[int, list[tuple[str, int]]] = {}
    by_cat: dict[str, list[tuple[int, int]]] = {}
    for (form, cat), n in sorted(first.items(), key=lambda kv: kv[1]):
        by_form.setdefault(form, []).append((cat, n))
        by_cat.setdefault(cat, []).append((form, n))
    for form, shared in sorted(by_form.items()):
        if len(shared) < 2:
            continue
        (cat_a, n_a), (cat_b, n_b) = shared[0], shared[1]
        if base in NUMERAL_KEEPS_SINGULAR:
            if parsed.nplurals < len(cats):
                continue  # said once above
            notes.append(f"form {form} serves n={n_a} ('{cat_a}') and n={n_b} ('{cat_b}'), which a {lang} "
                         "noun after a numeral writes alike")
            continue
        return (f"the plural expression gives form {form} to n={n_a} ('{cat_a}') and to n={n_b} ('{cat_b}'); "
                f"{lang}'s CLDR rules keep them apart"), []
    for cat, split in by_cat.items():
        if len(split) > 1:
            shown = ", ".join(f"form {f} (n={n})" for f, n in split)
            notes.append(f"'{cat}' numbers are spread over {shown}, which must then read alike")
    unused = [f for f in range(parsed.nplurals) if f not in set(forms)]
    if unused:
        shown = ", ".join(map(str, unused))
        notes.append(f"form{'s' if len(unused) > 1 else ''} {shown} serve{'' if len(unused) > 1 else 's'} no whole "
                     f"number (nplurals={parsed.nplurals} where {lang} has {len(cats)}; such a form is for "
                     "fractions, which gettext never passes)")
    return None, notes


__all__ = ["PluralForms", "PluralFormsRule", "compare_formula", "header_line", "language_plurals", "parse_plural_forms"]
