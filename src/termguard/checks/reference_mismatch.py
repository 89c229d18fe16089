"""TG202 reference-mismatch: references that contradict themselves or the citations."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from termguard.checks.base import CheckContext, Rule, register
from termguard.edits import offset_edit
from termguard.model import Applicability, Document, Finding, Fix, Severity
from termguard.positions import LineIndex

if TYPE_CHECKING:
    from termguard.glossary.model import Glossary
    from termguard.sources.references import Reference
    from termguard.sources.store import PageMeta

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

        With `--sources DIR` holding the pages `termguard sources fetch` stored, each
        reference is also compared with its own page (the stored page of the same URL):
        its title, when the two titles, with quotes, case, ё/е and punctuation set aside,
        neither contain each other nor are at least 85% alike (rapidfuzz `ratio`, after
        dropping a site-name tail such as ` | РБК` from the page's title); its date, when
        it is more than one day from the page's publication date (one day is a time-zone
        shift: 23:30 UTC is the next day in Moscow); its outlet, when it matches neither
        the page's site name (Cyrillic romanised under every scheme: «Коммерсантъ» =
        Kommersant, «Лента.ру» = Lenta.ru; c/k, x/ks, y/i spellings of one sound made
        one: «РБК» = RBC) nor the URL's domain, nor is 85% alike to it.
        Not reported: what the store does not know (a page that failed to fetch, a page
        with no date or no site name), a title in the other script than the page's (a
        translated or romanised title), and a date or outlet already reported against
        the URL (one finding per field).
    Why:
        A reader who follows a reference must land on the cited text; a wrong date or
        outlet name sends them elsewhere, and a dangling citation cites nothing.
    Example:
        `[9] «…». *Armiys.az*, …, <https://armiya.az/ru/news/147060>` is reported with the
        suggestion `Armiya.az`. With the store, `[8] «…». *Независимая Газета*, …` whose
        page names its site «Коммерсантъ» is reported with the suggestion `Коммерсантъ`.
    Use instead:
        The date and outlet the URL shows (and the title, date and site name of the page
        it leads to); a reference for every citation, a citation for every reference. A
        reference date carries a fix writing the URL's date in the document's convention:
        safe when the URL names one date, unsafe when its `DD/MM/YYYY` segment reads two
        ways. An outlet gets an unsafe fix (the URL's name for it is a guess at the
        outlet's spelling).
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
        from termguard.sources.store import normalize_url

        text = doc.source_text
        if not text:
            return
        refs = parse_references(text)
        if not refs:
            return
        lines = LineIndex(text)
        self._glossary = ctx.glossary  # Cyrillic outlets are compared through their glossary forms
        pages = stored_pages(ctx.options)
        day_first = dominant_order(find_dates(mask_urls(text))) != "mdy"

        def at(start: int, end: int, message: str, **extra: Any) -> Finding:
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
            outlet_findings = list(self._outlet(ref, at, text, lines))
            yield from outlet_findings
            page = pages.get(normalize_url(ref.url)) if ref.url and pages else None
            if page is not None:
                yield from page_findings(ref, page, text, day_first, at, skip_outlet=bool(outlet_findings))
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

    def _date(self, ref: Reference, day_first: bool, at: Callable[..., Finding], url_dates: Callable[[str], list[_dt.date]],
              text: str, lines: LineIndex) -> Iterator[Finding]:
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

    def _outlet(self, ref: Reference, at: Callable[..., Finding], text: str, lines: LineIndex) -> Iterator[Finding]:
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


# -- against the stored page (`--sources DIR` holding `termguard sources fetch`'s store) ----

#: Two titles agree when, normalised, one contains the other or rapidfuzz's `ratio` (0-100)
#: of the two is at least this: a headline edited after publication, a dropped
#: subtitle or a typo stays quiet, another article's title does not.
TITLE_THRESHOLD = 85
#: Two outlet names agree at this `ratio` of their squashed forms (Izvestia/Izvestiya).
OUTLET_THRESHOLD = 85
#: Days a reference's date may stand from the page's publication date (a time-zone shift).
DATE_SLACK = 1

_QUOTE_CHARS = "«»„“”‟\"'‘’‚‛‹›`´"
_SITE_TAIL = re.compile(r"\s+(?:[|•·]|::|[—–-]{1,2})\s+")


def stored_pages(options: dict[str, Any]) -> dict[str, PageMeta]:
    """The stored pages the loader put in the options (`sources.pages`), by URL."""
    from termguard.sources.store import normalize_url

    out: dict[str, PageMeta] = {}
    for meta in options.get("sources.pages") or ():
        url = getattr(meta, "url", None)
        if url:
            out.setdefault(normalize_url(url), meta)
    return out


def normalize_title(text: str) -> str:
    """A title as compared: NFKC, case-folded, ё as е, quotes and punctuation dropped,
    spaces collapsed."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    text = "".join(" " if ch in _QUOTE_CHARS or unicodedata.category(ch)[0] in "PS" else ch for ch in text)
    return " ".join(text.split())


def title_similarity(cited: str, page: str) -> int:
    """How alike a reference's title and a page's title are, 0-100 (100: one contains the
    other once normalised); the page's title is also tried without a site-name tail."""
    from rapidfuzz import fuzz

    a = normalize_title(cited)
    candidates = [page, *(part for part in _SITE_TAIL.split(page) if part.strip())]
    best = 0
    for candidate in candidates:
        b = normalize_title(candidate)
        if not a or not b:
            continue
        if a == b or (min(len(a), len(b)) >= 8 and (a in b or b in a)):
            return 100
        best = max(best, round(fuzz.ratio(a, b)))
    return best


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold().replace("ё", "е"))


def outlet_forms(name: str) -> set[str]:
    """An outlet's name squashed to letters and digits, with its romanisations under every
    scheme when it is Cyrillic, and without a leading `www.`."""
    from termguard.translit.schemes import SCHEMES, has_cyrillic, romanize

    name = name.strip()
    name = name[4:] if name.lower().startswith("www.") else name
    forms = {_squash(name)}
    if has_cyrillic(name):
        forms |= {_squash(romanize(name, scheme.key)) for scheme in SCHEMES}
    forms |= {_latin_sound(f) for f in forms}
    return {f for f in forms if f}


_SOUNDS = (("ck", "k"), ("ph", "f"), ("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"))


def _latin_sound(form: str) -> str:
    """A squashed Latin name with the spellings of one sound made one (RBC = RBK,
    Izvestiya = Izvestia, Interfax = Interfaks): brands keep their own Latin spelling
    where the schemes give another."""
    form = re.sub(r"c(?!h)", "k", form)
    for old, new in _SOUNDS:
        form = form.replace(old, new)
    return form


def outlet_agrees(outlet: str, sitename: str, host: str) -> bool:
    """True when a reference's outlet names the page's site: the same name (romanised or
    not), one name inside the other, a close spelling, or the URL's domain itself."""
    from rapidfuzz import fuzz

    cited = outlet_forms(outlet)
    site = outlet_forms(sitename)
    host = host.lower().removeprefix("www.")
    if host and (_squash(host) in cited or _squash(host.split(".")[0]) in cited):
        return True  # the outlet written as its domain (Kremlin.ru for «Президент России»)
    for a in cited:
        for b in site:
            if a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)):
                return True
            if fuzz.ratio(a, b) >= OUTLET_THRESHOLD:
                return True
    return False


def _iso_date(value: str | None) -> _dt.date | None:
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _title_span(ref: Reference, text: str) -> tuple[int, int]:
    """Where the reference's title stands in the document (the entry's start if the title
    was written with escapes that the parser removed)."""
    title = ref.title or ""
    at = text.find(title, ref.start, ref.end) if title else -1
    return (at, at + len(title)) if at >= 0 else (ref.start, ref.start + 1)


def page_findings(ref: Reference, page: PageMeta, text: str, day_first: bool, at: Callable[..., Finding],
                  skip_outlet: bool = False) -> Iterator[Finding]:
    """Findings of one reference against its stored page: title, date, outlet."""
    from urllib.parse import urlsplit

    from termguard.sources.dates import find_dates, url_dates
    from termguard.translit.schemes import has_cyrillic, romanize

    # A title in the other script is a translation or a romanisation the reader chose,
    # not a claim about the page's wording.
    if ref.title and page.title and has_cyrillic(ref.title) == has_cyrillic(page.title):
        score = title_similarity(ref.title, page.title)
        if score < TITLE_THRESHOLD:
            yield at(*_title_span(ref, text),
                     f"title of reference [{ref.number}] differs from the title of the page at its URL, "
                     f"«{page.title}» ({score}% alike); cite the page's title or fix the URL",
                     found=ref.title, suggestions=(page.title,))
    published = _iso_date(page.published)
    if ref.date and ref.date_span and published is not None:
        mention = find_dates(ref.date)[0]
        stated = mention.as_date(day_first)
        in_url = url_dates(ref.url) if ref.url else []
        already = bool(in_url) and stated not in in_url  # the URL's date is reported instead
        if stated is not None and not already and abs((stated - published).days) > DATE_SLACK:
            fix = mention.written(published, day_first)
            yield at(*ref.date_span,
                     f"reference [{ref.number}] is dated {ref.date} but the page at its URL was published on "
                     f"{published.strftime('%d.%m.%Y')}; use {fix}",
                     found=ref.date, suggestions=(fix,))
    if ref.outlet and ref.outlet_span and page.sitename and not skip_outlet:
        host = urlsplit(page.final_url or ref.url or "").hostname or ""
        if not outlet_agrees(ref.outlet, page.sitename, host):
            shown = page.sitename
            if has_cyrillic(page.sitename) and not has_cyrillic(ref.outlet):
                shown = romanize(page.sitename, "wikipedia")
            extra = f" ({shown})" if shown != page.sitename else ""
            yield at(*ref.outlet_span,
                     f"outlet “{ref.outlet}” of reference [{ref.number}] differs from the site name of the page at its URL, "
                     f"“{page.sitename}”{extra}; name the site the URL leads to",
                     found=ref.outlet, suggestions=(shown,))
