"""TG403 po-header: a PO file header without a usable Language, charset or Plural-Forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from termguard import localedata
from termguard.checks.base import CheckContext, Rule, register
from termguard.checks.plural_forms import header_line, language_plurals, parse_plural_forms
from termguard.model import Document, Field, Finding, Severity
from termguard.readers.po import language_from_filename


def _base(lang: str) -> str:
    return re.split(r"[_-]", lang)[0].lower()


def _known(lang: str) -> bool:
    return localedata.locale_id(lang.replace("-", "_")) is not None


@register
class PoHeader(Rule):
    """A PO header that is missing or lacks a valid `Language`, `charset` or `Plural-Forms`.

    What:
        For translation files (`.po`; templates are exempt): the header entry must exist;
        `Language` must be set, be a locale babel knows, and agree with the language the
        file name names (`ru.po`, `commentary.tr.po`); `Content-Type` must declare
        `charset=UTF-8` (termguard, like most tools, reads UTF-8); `Plural-Forms` must be
        present and read `nplurals=N; plural=EXPRESSION;` with a valid C expression.
        Whether the count and formula fit the language is `plural-forms`' job.
    Why:
        gettext tools take the language, encoding and plural rule from the header: without
        them msgfmt refuses the file or picks the wrong plural form, and checkers guess
        the language from the file name.
    Example:
        A `ru.po` whose header says `Language: tr`, or `charset=CHARSET` left from the
        template, or no `Plural-Forms` line.
    Use instead:
        `Language: ru`, `Content-Type: text/plain; charset=UTF-8`, and the Plural-Forms
        line the message suggests.
    """

    code = "TG403"
    name = "po-header"
    severity = Severity.WARNING
    summary = "PO header without a valid Language, UTF-8 charset or Plural-Forms"
    applies_to = "translation"

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """Check the header fields one by one; each problem is one finding on its line."""
        if doc.kind != "po":
            return
        if doc.header_field is None:
            yield ctx.document_finding(
                self, doc, 1, 1,
                "no PO header; start the file with msgid \"\" / msgstr \"Language: ...\\n\" "
                "(with Content-Type and Plural-Forms)",
            )
            return
        yield from self._language(doc, ctx)
        yield from self._charset(doc, ctx)
        yield from self._plural(doc, ctx)

    def _finding(self, ctx: CheckContext, doc: Document, where: tuple[Field, int, int] | None, message: str, **extra: Any) -> Finding:
        if where is None:
            fld = doc.header_field
            line, col = fld.locate(0) if fld is not None else (1, 1)
            return ctx.document_finding(self, doc, line, col, message, **extra)
        fld, start, end = where
        line, col, _el, end_col = fld.locate_span(start, end)
        return ctx.document_finding(self, doc, line, col, message, end_column=end_col,
                                    found=fld.text[start:end], **extra)

    def _language(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        where = header_line(doc, "Language")
        value = where[0].text[where[1]:where[2]].strip() if where else ""
        from_name = language_from_filename(doc.path)
        if not value:
            hint = f" `Language: {from_name}`" if from_name else " `Language: xx`"
            yield self._finding(ctx, doc, where, f"the header has no Language; add{hint}")
            return
        if not _known(value):
            yield self._finding(ctx, doc, where, f"Language `{value}` is not a locale babel knows; use a code such as ru or tr")
            return
        if from_name and _base(from_name) != _base(value) and _known(from_name):
            yield self._finding(
                ctx, doc, where,
                f"Language `{value}` disagrees with the file name, which says `{from_name}`; "
                f"the file is read as {doc.target_lang}; fix one of them",
                suggestions=(from_name,),
            )

    def _charset(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        where = header_line(doc, "Content-Type")
        if where is None:
            yield self._finding(ctx, doc, None, "the header has no Content-Type; add `Content-Type: text/plain; charset=UTF-8`")
            return
        value = where[0].text[where[1]:where[2]]
        m = re.search(r"charset\s*=\s*([^\s;]+)", value, re.IGNORECASE)
        if not m:
            yield self._finding(ctx, doc, where, "Content-Type names no charset; use `text/plain; charset=UTF-8`")
        elif m.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
            yield self._finding(ctx, doc, where, f"charset={m.group(1)}; the file is read as UTF-8, so declare `charset=UTF-8`",
                                suggestions=("text/plain; charset=UTF-8",))

    def _plural(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        where = header_line(doc, "Plural-Forms")
        expected = language_plurals(doc.target_lang) if doc.target_lang else None
        suggestion = expected.suggestion if expected else None
        hint = f"; for {doc.target_lang} use `{suggestion}`" if suggestion else ""
        if where is None:
            yield self._finding(ctx, doc, None, f"the header has no Plural-Forms{hint}",
                                suggestions=(suggestion,) if suggestion else ())
            return
        parsed = parse_plural_forms(where[0].text[where[1]:where[2]])
        if isinstance(parsed, str):
            yield self._finding(ctx, doc, where, parsed + hint, suggestions=(suggestion,) if suggestion else ())
