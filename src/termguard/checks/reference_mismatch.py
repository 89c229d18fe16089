"""TG202 reference-mismatch: references that contradict themselves or the citations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from termguard.checks.base import CheckContext, Rule, register
from termguard.edits import offset_edit
from termguard.model import Applicability, Document, Finding, Fix, Severity
from termguard.positions import LineIndex

if TYPE_CHECKING:
    from termguard.glossary.model import Glossary
    from termguard.sources.references import Reference

_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def _unit_at(doc: Document, line: int) -> str | None:
    """The id of the unit that starts on or before `line` (the one the line belongs to)."""
    best = None
    for unit in doc.units:
        if unit.line <= line:
            best = unit.id
        else:
            break
    return best


def _cyrillic_outlet(ref: Reference, host: str, at: Callable[..., Finding], glossary: Glossary | None) -> Iterator[Finding]:
    """A Cyrillic outlet («Комерсантъ») compared with its URL's domain (kommersant.ru)
    through its romanisations under every scheme and its glossary entry's English forms."""
    from termguard.translit.align import anglicised, outlet_latin_forms
    from termguard.translit.schemes import fold

    outlet = (ref.outlet or "").strip()
    if ref.outlet_span is None:
        return
    forms, _entry = outlet_latin_forms(outlet, glossary)
    label = host.split(".")[-2] if "." in host else host
    flat_host = host.replace(".", "").replace("-", "")
    squashed = {re.sub(r"[\W_]+", "", fold(f).casefold()) for f in forms}
    squashed.discard("")
    if not squashed or any(s == label or s in flat_host or (len(label) >= 3 and s.startswith(label))
                           or anglicised(s) == anglicised(label) for s in squashed):
        return  # an English brand spelling of the romanisation is the outlet's own (Interfax)
    limit = 1 if len(label) <= 7 else 2
    near_label = len(label) >= 4 and any(_close(s, label, limit) for s in squashed)
    # An outlet named like its domain («Армия.аз» for armiya.az) is compared with the whole host.
    near_host = "." in outlet and any(_close(s, flat_host, 1 if len(flat_host) <= 7 else 2) for s in squashed)
    if not (near_label or near_host):
        return
    fix = None
    if glossary is not None:
        for candidate in glossary:
            en = [re.sub(r"[\W_]+", "", fold(r.text).casefold()) for r in candidate.approved("en")]
            if candidate.kind == "outlet" and label in en:
                fix = candidate.origin.text if candidate.origin is not None and candidate.origin.lang == "ru" else None
                fix = fix or next((r.text for r in candidate.approved("ru")), None)
                break
    shown = next(iter(sorted(forms, key=lambda f: _distance(f, label))))
    hint = f"is it «{fix}»?" if fix else f"is it “{label[:1].upper() + label[1:]}”?"
    yield at(*ref.outlet_span,
             f"outlet «{outlet}» (romanised “{shown}”) of reference [{ref.number}] contradicts its URL's domain {host}; {hint}",
             found=outlet, suggestions=(fix,) if fix else ())


def _distance(a: str, b: str) -> int:
    """Edit distance of two strings, case and diacritics aside."""
    from rapidfuzz.distance import Levenshtein

    from termguard.translit.schemes import fold

    return Levenshtein.distance(fold(a).casefold(), fold(b).casefold())


def _close(a: str, b: str, limit: int = 2) -> bool:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


@register
class ReferenceMismatch(Rule):
    """A reference whose date, outlet or number contradicts its URL or the citations.

    What:
        Reads the document's reference list (SPEC §5.1) and its citations `[n]`, and
        reports: a reference date that no date in its URL confirms (`18.02.2025` with
        `/18/12/2025/` in the URL); an outlet written as a domain, or named like its
        domain, that is a slight misspelling of the URL's host (`Armiys.az` for
        `armiya.az`); a citation `[n]` with no reference `[n]`; a reference never cited;
        two references with one number.
    Why:
        A reader who follows a reference must land on the cited text; a wrong date or
        outlet name sends them elsewhere, and a dangling citation cites nothing.
    Example:
        `[9] «…». *Armiys.az*, …, <https://armiya.az/ru/news/147060>` is reported with the
        suggestion `Armiya.az`.
    Use instead:
        The date and outlet the URL shows; a reference for every citation, a citation for
        every reference. A reference date carries a fix writing the URL's date in the
        document's convention: safe when the URL names one date, unsafe when its
        `DD/MM/YYYY` segment reads two ways. An outlet gets an unsafe fix (the URL's name
        for it is a guess at the outlet's spelling).
    """

    code = "TG202"
    name = "reference-mismatch"
    severity = Severity.WARNING
    summary = "a reference whose date or outlet disagrees with its URL, a dangling citation or an uncited reference"
    applies_to = "source"

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """Check every reference against its URL and the citations against the references."""
        from termguard.sources.dates import dominant_order, find_dates, url_dates
        from termguard.sources.references import find_citations, mask_urls, parse_references

        text = doc.source_text
        if not text:
            return
        refs = parse_references(text)
        if not refs:
            return
        lines = LineIndex(text)
        self._glossary = ctx.glossary  # Cyrillic outlets are compared through their glossary forms
        day_first = dominant_order(find_dates(mask_urls(text))) != "mdy"

        def at(start: int, end: int, message: str, **extra) -> Finding:
            line, col = lines.locate(start)
            end_line, end_col = lines.locate(max(end - 1, start))
            f = ctx.document_finding(self, doc, line, col, message, end_column=end_col + 1 if end_line == line else col,
                                     unit=_unit_at(doc, line), **extra)
            return f

        numbers: dict[int, int] = {}
        for ref in refs:
            if ref.number in numbers:
                marker = max(text.find(f"[{ref.number}]", ref.start, ref.end), ref.start)
                yield at(marker, marker + len(f"[{ref.number}]"),
                         f"reference [{ref.number}] is numbered twice (first on line {numbers[ref.number]}); renumber it",
                         found=f"[{ref.number}]")
            numbers.setdefault(ref.number, ref.line)
            yield from self._date(ref, day_first, at, url_dates, text, lines)
            yield from self._outlet(ref, at, text, lines)
        cited = set()
        for cite in find_citations(text):
            cited.add(cite.number)
            if cite.number not in numbers:
                yield at(cite.start, cite.end, f"citation [{cite.number}] has no reference [{cite.number}]; add the reference or fix the number",
                         found=text[cite.start:cite.end])
        for ref in refs:
            if ref.number not in cited:
                marker = text.find(f"[{ref.number}]", ref.start, ref.end)
                start = marker if marker >= 0 else ref.start
                yield at(start, start + len(f"[{ref.number}]"), f"reference [{ref.number}] is never cited in the text; cite it or remove it",
                         found=f"[{ref.number}]")

    def _date(self, ref, day_first, at, url_dates, text, lines) -> Iterator[Finding]:
        from termguard.sources.dates import find_dates

        if not (ref.date and ref.url and ref.date_span):
            return
        mention = find_dates(ref.date)[0]
        stated = mention.as_date(day_first)
        in_url = url_dates(ref.url)
        if stated is None or not in_url or stated in in_url:
            return  # an impossible date is date-format's to report
        fix = mention.written(in_url[0], day_first)
        yield at(*ref.date_span,
                 f"reference [{ref.number}] is dated {ref.date} but its URL says {in_url[0].strftime('%d.%m.%Y')}; use {fix}",
                 found=ref.date, suggestions=(fix,),
                 fix=_fix(text, lines, ref.date_span, ref.date, fix, safe=len(in_url) == 1))

    def _outlet(self, ref, at, text, lines) -> Iterator[Finding]:
        from termguard.translit.schemes import has_cyrillic

        if not (ref.outlet and ref.url and ref.outlet_span):
            return
        host = (urlsplit(ref.url).hostname or "").lower()
        host = host[4:] if host.startswith("www.") else host
        if not host:
            return
        if has_cyrillic(ref.outlet):
            yield from _cyrillic_outlet(ref, host, at, getattr(self, "_glossary", None))
            return
        outlet = ref.outlet.strip()
        low = outlet.lower()
        if _DOMAIN.match(outlet):
            if low == host or host.endswith("." + low) or low.endswith("." + host) or not _close(low, host):
                return
            fix = host[:1].upper() + host[1:] if outlet[:1].isupper() else host
            yield at(*ref.outlet_span,
                     f"outlet “{outlet}” of reference [{ref.number}] contradicts its URL's domain {host}; write “{fix}”",
                     found=outlet, suggestions=(fix,), fix=_fix(text, lines, ref.outlet_span, outlet, fix, safe=False))
            return
        label = host.split(".")[-2] if "." in host else host
        squashed = re.sub(r"[\W_]+", "", low)
        if len(squashed) < 4 or squashed == label or squashed in host.replace(".", "") or not _close(squashed, label, 1 if len(label) <= 7 else 2):
            return
        fix = label[:1].upper() + label[1:]
        yield at(*ref.outlet_span,
                 f"outlet “{outlet}” of reference [{ref.number}] contradicts its URL's domain {host}; is it “{fix}”?",
                 found=outlet, suggestions=(fix,), fix=_fix(text, lines, ref.outlet_span, outlet, fix, safe=False))


def _fix(text: str, lines: LineIndex, span: tuple[int, int], old: str, new: str, *, safe: bool) -> Fix | None:
    """A fix writing `new` where `old` stands in `span` of the document's text."""
    at = text.find(old, span[0], max(span[1], span[0] + len(old)))
    if at < 0:
        return None
    return Fix(Applicability.SAFE if safe else Applicability.UNSAFE, f"write “{new}” for “{old}”",
               (offset_edit(lines, at, at + len(old), new),))
