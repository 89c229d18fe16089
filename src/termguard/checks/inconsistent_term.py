"""TG104 inconsistent-term: one concept rendered two ways in one document or translation file."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import replace
from hashlib import blake2b
from typing import TYPE_CHECKING

from termguard.checks.base import CheckContext, Rule, register
from termguard.checks.translit_drift import HOUSE_SCHEME
from termguard.inttable import IntTable
from termguard.model import Document, Field, Finding, Severity, Unit

if TYPE_CHECKING:
    from termguard.prose import ProseView


_WORD_START = re.compile(r"(?<!\S)\S")


def _positions(text: str, ch: str) -> list[int]:
    """Every index of `ch` in `text` (a search per mark, not a look at every character)."""
    out = []
    at = text.find(ch)
    while at != -1:
        out.append(at)
        at = text.find(ch, at + 1)
    return out


class _Quotations:
    """Answers `_in_quotation` for one prose text in logarithmic time per span.

    The positions of every quotation mark and of every word start are found once per
    text, so a paragraph with tens of thousands of terms is not scanned once per term.
    """

    _MARKS = (("“", "”"), ("«", "»"), ('"', '"'))

    def __init__(self, plain: str) -> None:
        self.plain = plain
        self.marks: dict[str, list[int]] = {}
        for open_, close in self._MARKS:
            if open_ in plain:
                for ch in (open_, close):
                    if ch not in self.marks:
                        self.marks[ch] = _positions(plain, ch)
        self.word_starts: list[int] | None = None

    def _words_between(self, lo: int, hi: int) -> int:
        """len(plain[lo:hi].split()), from the word starts of the whole text."""
        from bisect import bisect_left

        if self.word_starts is None:
            self.word_starts = [m.start() for m in _WORD_START.finditer(self.plain)]
        if lo >= hi:
            return 0
        inner = bisect_left(self.word_starts, hi) - bisect_left(self.word_starts, lo)
        # A word cut at `lo` (it starts before it) is a word of the slice too.
        cut = not self.plain[lo].isspace() and lo > 0 and not self.plain[lo - 1].isspace()
        return inner + (1 if cut else 0)

    def inside(self, start: int, end: int) -> bool:
        """True when `[start, end)` lies inside a quotation of five words or more.

        A quoted name ("S-400 “Triumph”") is the author's rendering; a quoted sentence from
        a source ("… the S-400 surface-to-air missile system") is the source's wording.
        """
        from bisect import bisect_left

        for open_, close in self._MARKS:
            opens = self.marks.get(open_)
            if not opens:
                continue
            before = bisect_left(opens, start)  # marks at positions < start
            if before == 0:
                continue
            left = opens[before - 1]
            if open_ == close and before % 2 == 0:
                continue
            closes = self.marks.get(close, [])
            if open_ != close:
                i = bisect_left(closes, left)
                if i < len(closes) and closes[i] < start:
                    continue
            j = bisect_left(closes, end)
            if j < len(closes) and self._words_between(left + 1, closes[j]) >= 5:
                return True
        return False


def _in_quotation(plain: str, start: int, end: int) -> bool:
    """True when `[start, end)` lies inside a quotation of five words or more (one-off
    form of `_Quotations.inside`)."""
    return _Quotations(plain).inside(start, end)


def _outermost(matches: list) -> list:
    """The matches not inside a longer one ("SIPER" inside "SIPER 2" is one use of the
    longer form), in their order; one sort and one sweep instead of comparing every pair."""
    if len(matches) < 2:
        return list(matches)
    order = sorted(range(len(matches)), key=lambda i: (matches[i].start, -matches[i].end))
    keep = [False] * len(matches)
    reach = -1  # the furthest end among spans other than the current group's
    k = 0
    while k < len(order):
        first = matches[order[k]]
        group_end = k
        while group_end < len(order) and (matches[order[group_end]].start, matches[order[group_end]].end) == (first.start, first.end):
            group_end += 1
        inside = reach >= first.end
        for g in range(k, group_end):
            keep[order[g]] = not inside
        reach = max(reach, first.end)
        k = group_end
    return [m for i, m in enumerate(matches) if keep[i]]


def _plain_span(view: ProseView, start: int, end: int) -> tuple[int, int]:
    """Map a `[start, end)` of a field's text back into its prose view."""
    if view.index is None:
        return start, end
    from bisect import bisect_left

    return bisect_left(view.index, start), bisect_left(view.index, end)


def _rivals(a: str, b: str, rejected: bool, romanised: bool) -> bool:
    """True when two forms of one concept are rival spellings, not two words for it.

    A rejected form beside an approved one always is (Triumph and Triumf), and so are two
    romanisations of one Russian name (Ermakov and Yermakov, Kiev and Kyiv). Two approved
    forms are rivals only when they spell the same word differently (U.S. and US): an
    adjective beside its noun (российский, Россия), an acronym beside its expansion, a
    short form beside the full one or a synonym is ordinary writing, and a Latin form in a
    Cyrillic text (a cited English title) is a quotation.
    """
    from termguard.translit.schemes import fold, has_cyrillic

    if has_cyrillic(a) != has_cyrillic(b):
        return False
    if rejected:
        return True
    if _short_form(a, b) or a[:1].isupper() != b[:1].isupper():
        return False
    if romanised:
        return True
    na, nb = (re.sub(r"[\W_]+", "", fold(x).casefold()) for x in (a, b))
    if na == nb:
        return True
    from rapidfuzz.fuzz import ratio  # (imported only for the pairs that get this far)

    return ratio(na, nb) >= 80


def _short_form(a: str, b: str) -> bool:
    """True when one form abbreviates the other rather than rivals it.

    An acronym beside its expansion (MIC, military-industrial complex) or a form that is
    the other's leading or trailing words (JF-17 / JF-17 Thunder, coup / coup d'état) is
    ordinary style, not two renderings of one concept.
    """
    short, long_ = sorted((a, b), key=len)
    words = long_.split()
    if short.isupper() and " " not in short and len(words) > 1:
        return True
    n = len(short.split())
    if n < len(words) and (words[:n] == short.split() or words[-n:] == short.split()):
        return True
    return _abbreviates(short.split(), words)


def _abbreviates(short: list[str], long_: list[str]) -> bool:
    """True when `short` is `long_` with runs of words replaced by their initials (Turkish AF)."""
    if not short:
        return not long_
    if not long_:
        return False
    head = short[0]
    if head == long_[0] and _abbreviates(short[1:], long_[1:]):
        return True
    if head.isupper() and len(head) > 1 and len(head) <= len(long_):
        run = long_[:len(head)]
        if "".join(w[0] for w in run).upper() == head and _abbreviates(short[1:], long_[len(head):]):
            return True
    return False


@register
class InconsistentTerm(Rule):
    """One concept written in two different ways within one document or translation file.

    What:
        Groups the renderings used in a document by concept and reports a concept that
        appears in rival spellings: a forbidden or superseded rendering of a glossary entry
        beside an approved one (Triumf and Triumph), two approved renderings that spell one
        word differently (U.S. and US), or one Russian name written in two romanisations
        (Ermakov and Yermakov for «Ермаков», Kiev and Kyiv). An adjective beside its noun,
        an acronym beside its expansion, a short form beside the full one, a synonym, a
        quotation of a source and a Latin title in a Cyrillic text are not rivals. In a
        translation file, one source text translated twice with different glossary terms
        is reported at the second translation (a translation set). The
        finding stands at the first use of each form other than the one to keep (the
        glossary's preferred form, else the house scheme's, else the most frequent), once
        per form. Inflected forms of one rendering count as one form. A forbidden or
        superseded glossary form is counted in the listing but not reported again here
        when `forbidden-term` runs: it reports that span.
    Why:
        Readers take two spellings for two things; search, indexes and translation memory
        split one concept in two.
    Example:
        A text with "S-400 Triumf" in its title and "S-400 Triumph" in its body gets one
        finding at the first "Triumph": written two ways, “Triumf” (2×) and “Triumph” (5×).
    Use instead:
        One form throughout: the one the message names.
    """

    options = (HOUSE_SCHEME,)
    code = "TG104"
    name = "inconsistent-term"
    severity = Severity.WARNING
    summary = "one concept rendered in two different ways in one document or translation set"

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """Count the forms of every concept in the unit (reported in `check_document`)."""
        from termguard.translit.document import document_index, field_terms, unit_name_occurrences
        from termguard.translit.schemes import fold

        state = ctx.state_for(self)
        groups: dict[tuple[str, str], dict[str, list]] = state.setdefault("groups", {})
        preferred: dict[tuple[str, str], str] = state.setdefault("preferred", {})
        rejected: set[tuple[str, str, str]] = state.setdefault("rejected", set())
        romanised: set[tuple[str, str]] = state.setdefault("romanised", set())

        # Folded spelling -> the first form of a bucket with it (a look-up, not a scan of
        # every form per use).
        folded: dict[tuple[str, str], tuple[list[int], dict[str, str]]] = state.setdefault("folded", {})

        def use(key: tuple[str, str], form: str, fld: Field, start: int, end: int, surface: str, lang: str,
                loose: bool = False) -> str:
            bucket = groups.setdefault(key, {})
            indexed, index = folded.setdefault(key, ([0], {}))
            if indexed[0] != len(bucket):  # forms added elsewhere (a merged state): index them
                for f in list(bucket)[indexed[0]:]:
                    index.setdefault(fold(f).casefold(), f)
                indexed[0] = len(bucket)
            if loose:
                # A name spelt with or without diacritics or in capitals is one form (Erdogan,
                # Erdoğan, ERDOGAN); glossary renderings are compared exactly (White house).
                form = index.get(fold(form).casefold(), form)
            if form in bucket:
                bucket[form][0] += 1
            else:
                bucket[form] = [1, ctx.finding(self, unit, fld, start, end, "", lang=lang, found=surface)]
                index.setdefault(fold(form).casefold(), form)
                indexed[0] += 1
            return form

        quotations: dict[int, _Quotations] = {}

        def quoted(plain: str, start: int, end: int) -> bool:
            q = quotations.get(id(plain))
            if q is None or q.plain is not plain:
                q = quotations[id(plain)] = _Quotations(plain)
            return q.inside(start, end)

        for fld, lang, view, matches in field_terms(unit, ctx.document, ctx):
            for m in _outermost(matches):
                if quoted(view.plain, m.start, m.end):
                    continue  # a quoted source keeps its own wording
                key = (lang, m.entry.id)
                if not m.rendering.approved:
                    rejected.add((*key, m.rendering.text))
                start, end = view.to_text_span(m.start, m.end)
                use(key, m.rendering.text, fld, start, end, m.surface, lang)
                if key not in preferred:
                    preferred[key] = m.entry.preferred(lang) or ""
        scheme = ctx.option(self, HOUSE_SCHEME.key)
        for occ in unit_name_occurrences(unit, ctx.document, ctx, scheme):
            v = occ.verdict
            if v.kind not in ("accepted", "approved", "translated") or not v.key:
                continue
            if quoted(ctx.prose(occ.fld).plain, *_plain_span(ctx.prose(occ.fld), occ.start, occ.end)):
                continue
            key = (occ.lang, v.key)
            form = use(key, v.form if v.kind == "approved" and v.form else v.token, occ.fld, occ.start, occ.end, v.token, occ.lang,
                       loose=True)
            romanised.add(key)
            if v.kind == "accepted" and not preferred.get(key) and document_index(ctx.document, ctx, scheme).house in v.schemes:
                preferred[key] = form
        if ctx.document.is_translation and unit.is_translated and not unit.is_fuzzy and len(ctx.glossary):
            yield from self._repeated_source(unit, ctx, state)

    def _repeated_source(self, unit: Unit, ctx: CheckContext, state: dict) -> Iterator[Finding]:
        """One source text translated twice with different glossary terms (a translation set).

        Only two 8-byte integers are kept per distinct source text, in flat arrays
        (`termguard.inttable`), so a million-entry file costs about 32 MB. A repeat can be
        anywhere in the file: a chunk of a parallel run (`ctx.chunked`) records (source,
        terms, line) of every unit instead, the chunks' records are merged in file order,
        and the units that turn out to differ from their source's first translation are
        read again (`wanted_lines`, `check_wanted`).
        """
        seen: IntTable | None = state.get("sources")
        if seen is None:
            seen = state["sources"] = IntTable()
        source = unit.source.text + ("\0" + unit.source_plural.text if unit.source_plural else "")
        key = int.from_bytes(blake2b(source.encode("utf-8"), digest_size=8).digest(), "big")
        target = unit.targets[0]
        from termguard.translit.document import field_terms

        found = field_terms(unit, ctx.document, ctx)
        terms = sorted({m.entry.id for _f, _l, _v, matches in found[:1] for m in matches})
        digest = int.from_bytes(blake2b("\0".join(terms).encode("utf-8"), digest_size=4).digest(), "big")
        packed = (digest << 32) | (target.line & 0xFFFFFFFF)
        if ctx.chunked:
            state.setdefault("records", _Records()).add(key, packed)
            return
        first = seen.get(key)
        if first is None:
            seen[key] = packed
            return
        if first >> 32 == digest:
            return
        yield self._repeat_finding(unit, ctx, first & 0xFFFFFFFF)

    def _repeat_finding(self, unit: Unit, ctx: CheckContext, first_line: int) -> Finding:
        target = unit.targets[0]
        return ctx.finding(
            self, unit, target, 0, len(target.text),
            f"this source text is translated with other glossary terms than at line {first_line}; "
            f"one source, one rendering of its terms",
            lang=unit.target_lang or "")

    def wanted_lines(self, ctx: CheckContext) -> set[int]:
        """The repeats, among the merged chunk records, translated with other terms than
        their source's first translation (which may lie in an earlier chunk)."""
        records = ctx.state_for(self).get("records")
        if records is None:
            return set()
        wanted = ctx.state_for(self)["wanted"] = records.repeats()
        return set(wanted)

    def check_wanted(self, unit: Unit, ctx: CheckContext) -> Iterator[Finding]:
        """The finding a serial run gives this repeat."""
        wanted = ctx.state_for(self).get("wanted", {})
        if unit.targets and unit.targets[0].line in wanted:
            yield self._repeat_finding(unit, ctx, wanted[unit.targets[0].line])

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        """Report each concept written in rival forms, at the first use of each other form."""
        state = ctx.state_for(self)
        preferred = state.get("preferred", {})
        rejected = state.get("rejected", set())
        romanised = state.get("romanised", set())
        for key, forms in state.get("groups", {}).items():
            if len(forms) < 2:
                continue
            order = list(forms)  # first use first: units arrive in file order
            keep = preferred.get(key) if preferred.get(key) in forms else max(order, key=lambda f: forms[f][0])
            rivals = [f for f in order if f == keep or _rivals(f, keep, (*key, f) in rejected, key in romanised)]
            if len(rivals) < 2:
                continue
            listing = " and ".join(f"“{f}” ({forms[f][0]}×)" for f in rivals)
            concept = f"«{key[1][3:]}»" if key[1].startswith("ru:") else f"'{key[1]}'"
            for form in rivals:
                if form == keep or ((*key, form) in rejected and "forbidden-term" in ctx.selected):
                    continue  # a rejected form's use is forbidden-term's finding, on the same span
                yield replace(
                    forms[form][1],
                    message=f"{concept} is written {len(rivals)} ways in this document: {listing}; use “{keep}” throughout",
                    term=None if key[1].startswith("ru:") else key[1],
                    suggestions=(keep,),
                )

    def merge_states(self, states: list[dict]) -> dict:
        """Chunks of one file, in file order: counts add up, the first use of a form wins."""
        merged: dict = {"groups": {}, "preferred": {}, "rejected": set(), "romanised": set()}
        records = [state["records"] for state in states if "records" in state]
        if records:
            merged["records"] = _Records.joined(records)
        for state in states:
            for key, forms in state.get("groups", {}).items():
                bucket = merged["groups"].setdefault(key, {})
                for form, (count, first) in forms.items():
                    if form in bucket:
                        bucket[form][0] += count
                    else:
                        bucket[form] = [count, first]
            for key, form in state.get("preferred", {}).items():
                merged["preferred"].setdefault(key, form)
            merged["rejected"] |= state.get("rejected", set())
            merged["romanised"] |= state.get("romanised", set())
        return merged


class _Records:
    """(source digest, terms digest and target line) of every translated unit of a chunk,
    in file order: 16 bytes a unit. Holds file lines, so it shifts with its chunk."""

    def __init__(self, keys: array | None = None, packed: array | None = None) -> None:
        self.keys = keys if keys is not None else array("q")
        self.packed = packed if packed is not None else array("Q")

    def add(self, key: int, packed: int) -> None:
        self.keys.append(key - (1 << 63))  # unsigned 64-bit digest into a signed slot
        self.packed.append(packed)

    def shift_lines(self, lines: int) -> _Records:
        """The same records with every line `lines` further down (see parallel._shift_state)."""
        return _Records(array("q", self.keys), array("Q", (p + lines for p in self.packed)))

    @staticmethod
    def joined(parts: list[_Records]) -> _Records:
        out = _Records()
        for part in parts:
            out.keys.extend(part.keys)
            out.packed.extend(part.packed)
        return out

    def repeats(self) -> dict[int, int]:
        """Target line → line of the first translation, for every repeat whose terms differ
        from its source's first translation (what a serial run reports)."""
        first: dict[int, int] = {}
        out: dict[int, int] = {}
        for key, packed in zip(self.keys, self.packed):
            seen = first.get(key)
            if seen is None:
                first[key] = packed
            elif seen >> 32 != packed >> 32:
                out[packed & 0xFFFFFFFF] = seen & 0xFFFFFFFF
        return out
