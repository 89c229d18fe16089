"""TG203 date-format: impossible dates and dates that break the document's own convention."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from termguard.checks.base import CheckContext, Rule, register, text_fields
from termguard.edits import field_edit
from termguard.model import Applicability, Document, Edit, Finding, Fix, Severity, Unit
from termguard.triggers import Trigger

_PATTERN = {"dmy": "DD.MM.YYYY", "mdy": "MM.DD.YYYY"}


@register
class DateFormat(Rule):
    """A date that is impossible, or that breaks the order the document's other dates follow.

    What:
        Finds numeric dates (`17.12.2025`, `17/12/2025`, `2025-12-17`) in prose (URLs and
        code are not prose). The document's convention is the day/month order its
        unambiguous dates follow (a first field above 12 is a day: day-first). A date that
        only the other order can read (`12.17.2025` in a DD.MM.YYYY document: there is no
        month 17) is reported with the date rewritten in the convention; a date that no
        order can read (`31.02.2025`, `2025-13-01`) is reported as impossible; when the
        document's unambiguous dates are split evenly, each ambiguous date is reported.
    Why:
        A reader of a DD.MM.YYYY text reads 11.16.2019 as the 11th of month 16; mixed
        conventions make every date in the text doubtful.
    Example:
        In the commentary (DD.MM.YYYY), `On 12.17.2025, it became known` is reported with
        the suggestion `17.12.2025`.
    Use instead:
        The document's convention (or ISO 8601, `2025-12-17`, which is never ambiguous).
        A date that breaks the convention carries a safe fix rewriting it in the
        convention (only one reading of it exists); impossible and ambiguous dates get no fix.
    """

    code = "TG203"
    name = "date-format"
    severity = Severity.WARNING
    summary = "an impossible or ambiguous date, or one that breaks the document's date convention"
    #: Only numeric dates are read.
    trigger = Trigger(chars=r"\d")

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Collect the unit's dates; they are judged in `check_document`, once the convention is known."""
        from termguard.sources.dates import find_dates

        dates = ctx.state_for(self).setdefault("dates", [])
        for fld, lang, _role in text_fields(unit, ctx.document):
            view = ctx.prose(fld)
            for mention in find_dates(view.plain):
                start, end = view.to_text_span(mention.start, mention.end)
                # Where the date stands in the file, for the fix `check_document` may build.
                edit = field_edit(ctx.document.kind if ctx.document else None, fld, start, end, mention.text)
                dates.append((mention, ctx.finding(self, unit, fld, start, end, "", lang=lang), edit))
        return iter(())

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """Find the convention from every date of the document, then check each date."""
        from termguard.sources.dates import dominant_order

        found = ctx.state_for(self).get("dates", [])
        if not found:
            return
        mentions = [m for m, _f, _e in found]
        order = dominant_order(mentions)
        evidence = {m.order for m in mentions}
        for m, where, edit in found:
            dmy, mdy = m.as_date(True), m.as_date(False)
            if dmy is None and mdy is None:
                yield replace(where, message=f"impossible date “{m.text}”: no day/month reading of it exists; correct it")
            elif order and not m.iso and m.order and m.order != order:
                date = dmy if order == "mdy" else mdy
                fix = m.written(date, day_first=(order == "dmy"))
                month = m.second if order == "dmy" else m.first
                yield replace(
                    where,
                    message=f"“{m.text}” breaks the document's {_PATTERN[order]} convention ({month} is not a month); write {fix}",
                    suggestions=(fix,), fix=_rewrite(edit, m.text, fix))
            elif order is None and {"dmy", "mdy"} <= evidence and m.order is None and m.first != m.second and not m.iso:
                yield replace(
                    where,
                    message=f"ambiguous date “{m.text}”: the document mixes day-first and month-first dates; "
                            f"write it as {dmy.isoformat() if dmy else m.text} (ISO) or settle on one order")

    def merge_states(self, states: list[dict]) -> dict:
        """Chunks of one file, in file order: their dates one after the other."""
        return {"dates": [d for state in states for d in state.get("dates", [])]}


def _rewrite(edit: Edit | None, old: str, new: str) -> Fix | None:
    """The safe fix writing `new` where the date `old` stands."""
    if edit is None:
        return None
    return Fix(Applicability.SAFE, f"write {old} as {new}",
               (Edit(edit.line, edit.column, edit.end_line, edit.end_column, new),))
