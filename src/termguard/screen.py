"""The term screen: clear, a block at a time, the PO entries the term rules cannot fault.

Checking an entry through the rules costs tens of microseconds of Python (its `Unit` and
`Field`s, prose views, one automaton pass per text, the rules' bookkeeping), and in a
translation memory almost every entry is clean. When every rule that looks at units is a
term rule (`Rule.screened`: `forbidden-term`, `missing-term`, `untranslated-term`, as in
`--select TG101,TG102,TG103`), PO files over 256 KB are read through this screen instead:

* a block of entries (4 MB) is split into rows by one regular expression (no objects per
  entry); the msgids of the simple one-line entries are joined into one text, their
  msgstrs into another;
* the fast pass (`morph.fast`) runs each language's automaton over a joined text once and
  reads the raw hits in bulk through per-slot tables (which entry a hit proves present,
  which hits may be rejected forms or lie over another entry's form): C loops over columns
  of hits, no `Match` objects; it clears most pairs and only ever over-counts;
* the pairs it cannot clear go through the exact screen: the matcher's `scan` (the very
  filters of `find`) over their joined texts, overlapping matches resolved as `find`
  resolves them (a term inside a longer term is dropped);
* an entry is cleared only when none of the three rules could report on it: no rejected
  form in its translation, every source term that has a target rendering present in an
  approved form, no source form of a must-translate term left in the translation, and
  nothing the screen cannot judge (a match across two entries; markup, URLs or code,
  which the prose view changes; an unreadable string; multi-line strings, the header,
  suppression comments, which are not simple rows); a plural entry is judged form by
  form, each msgstr[n] against the msgid;
* every entry not cleared is read and checked in full, with its exact line numbers; the
  matches the exact screen resolved for its texts are handed to the matchers
  (`TermMatcher.remember`), so the rules do not scan them again.

With the optional C module (`termguard._cscreen`, see `morph.fast.native_parts`) the first
three steps run in C over the whole block, on its undecoded UTF-8: rows (and their line
numbers), escapes, markup, folding, an automaton pass per text and the fast pass's tables,
per pair rather than over joined texts; the pairs it cannot clear go to the same exact
screen. The C pass is in two parts: the gathering (`Screen.gather`: rows, decoding,
folding, the automata, and the pairs whose tests need no Python object), which lets go of
the GIL and runs on a second thread while this one finishes the block before (`finish`:
the other pairs, the exact screen) and the rules check its entries; a `--jobs` worker
does both itself unless it has two cores. `TERMGUARD_PURE_PYTHON=1` keeps the Python pass; the tests run both.

The screen may send a clean entry to the full check, never skip one that has a finding:
every test it applies is implied by a finding (`tests/morph/test_screen.py` checks that runs
with and without it report the same findings). Entries without a translation are cleared
(the term rules skip them); they are counted like every other unit.
"""

from __future__ import annotations

import sys
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, compress, repeat
from operator import add, contains, itemgetter, sub
from typing import TYPE_CHECKING

from termguard.errors import InputError
from termguard.gcpause import paused
from termguard.morph import Match, resolve_overlaps
from termguard.morph.fast import (
    CANDIDATES,
    EXACT,
    MULTI,
    POISON,
    REJECT,
    SIMPLE,
    SLOW,
    fast_table,
    judge_candidates,
    may_reject,
    native_available,
    native_parts,
    passing_candidates,
    verified,
)
from termguard.morph.unitterms import must_translate
from termguard.readers.po import PoEntry, decode_simple, entries_in, entry_rows, plural_strings

if TYPE_CHECKING:
    from termguard.checks.base import CheckContext, Rule
    from termguard.morph import TermMatcher

__all__ = ["TermScreen", "screen_between", "screen_for", "screened_entries"]


def screen_for(rules: Iterable[Rule], ctx: CheckContext) -> TermScreen | None:
    """The screen for a translation document, or None when it cannot be used: some rule
    that looks at units is not a term rule, or there is no glossary or target language."""
    from termguard.checks.base import terminology_mode

    doc = ctx.document
    if doc is None or not doc.is_translation or not doc.target_lang or not len(ctx.glossary):
        return None
    if not terminology_mode(rules):
        return None
    return screen_between(ctx.matcher(doc.source_lang), ctx.matcher(doc.target_lang))


def screen_between(source: TermMatcher, target: TermMatcher) -> TermScreen:
    """The screen of a language pair, made once per pair of matchers (it holds only what
    the glossary says; the chunks of a parallel run, made in one worker, share it)."""
    key = ("term-screen", source)
    screen = target.memo.get(key)
    if screen is None:
        screen = target.memo[key] = TermScreen(source, target)
    return screen  # type: ignore[return-value]


class TermScreen:
    """Decide, for many (source, translation) pairs at once, which need the full check."""

    def __init__(self, source: TermMatcher, target: TermMatcher) -> None:
        self.source = source
        self.target = target
        # Per glossary entry (by index): does the target language have an approved
        # rendering (missing-term expects one), must its source form be translated
        # (untranslated-term).
        self._facts = _Facts()
        self._entries = source.entries
        self._native: object = None  # the C pass (`native()`), False when not available

    def prepare(self) -> None:
        """Build the tables the screen reads (the C pass's, or the fast pass's) now."""
        if self.native() is None:
            fast_table(self.source)
            fast_table(self.target)

    def native(self):
        """The C pass of this screen (`_cscreen.Screen`), or None without the C module (or
        with `TERMGUARD_PURE_PYTHON=1`, read at each call: a screen outlives a document)."""
        if not native_available():
            return None
        if self._native is None:
            target, source = native_parts(self.target), native_parts(self.source)
            self._native = False
            if target is not None and source is not None:
                from termguard.morph.fast import _cscreen

                self._native = _cscreen.Screen(
                    *target, *source, entries=len(self._entries), learn=self._learn_index, facts=self._known_facts()
                )
        return self._native or None

    def _known_facts(self) -> bytes | None:
        """Every entry's facts for the C pass, one byte each (bit 1: an approved target
        rendering, bit 2: must be translated), from the disk cache beside the matchers or
        worked out now and stored there; None without a cache (they are then learnt as the
        entries come up: a small file need not pay for a 10,000-term glossary)."""
        from termguard.morph import cache

        if self.target.cache_key is None or self.source.cache_key is None:
            return None
        key = f"{self.target.cache_key}-{self.source.cache_key[:20]}-facts"
        stored = cache.load(key)
        if isinstance(stored, bytes) and len(stored) == len(self._entries) and max(stored, default=0) <= 3:
            self._facts = _Facts(stored)  # (the exact screen reads them too)
            return stored
        facts = bytes(expected | must << 1 for expected, must in map(self._learn_index, range(len(self._entries))))
        cache.store(key, facts)
        return facts

    def _learn_index(self, index: int) -> tuple[bool, bool]:
        return self._facts.get(index) or self._learn(index)

    def _learn(self, index: int) -> tuple[bool, bool]:
        entry = self._entries[index]
        facts = self._facts[index] = (
            bool(self.target.approved_texts(entry)),
            must_translate(entry, self.source, self.target),
        )
        return facts

    def suspects(self, sources: list[str], targets: list[str]) -> set[int]:
        """Indices of the pairs the term rules might report on (see the module docstring).

        `sources[i]` and `targets[i]` are the decoded msgid and msgstr of one entry; every
        translation is non-empty. The fast pass clears most pairs from the raw automaton
        hits; the pairs it cannot clear go through the exact screen (`_exact`).
        """
        bad: set[int] = set()
        if not sources:
            return bad
        src_text = "\n".join(sources)
        tgt_text = "\n".join(targets)
        src_starts = _starts(sources)
        tgt_starts = _starts(targets)
        for text, starts in ((src_text, src_starts), (tgt_text, tgt_starts)):
            bad.update(_with_markup(text, starts))
        unsure = self._fast(src_text, src_starts, tgt_text, tgt_starts)
        unsure.difference_update(bad)
        if unsure:
            order = sorted(unsure)
            found = self._exact([sources[i] for i in order], [targets[i] for i in order])
            bad.update(order[j] for j in found)
        return bad

    def _fast(self, src_text: str, src_starts: list[int], tgt_text: str, tgt_starts: list[int]) -> set[int]:
        """The pairs the raw hits cannot clear (`morph.fast`): a hit that may be a rejected
        form or that the tables cannot judge, a source term without evidence of an approved
        rendering, or a must-translate source form standing in the translation. Everything
        here over-counts: a pair it leaves out has no finding.

        The hits go through the tables in bulk (`map`, `compress`, set algebra: C loops);
        only the hits of `SLOW` slots take a Python step each. Texts are numbered from 1
        here (`bisect_right` of a hit's last offset in the padded text).
        """
        unsure: set[int] = set()
        target, source = fast_table(self.target), fast_table(self.source)
        tgt_bounds = [s + 1 for s in tgt_starts]
        src_bounds = [s + 1 for s in src_starts]

        # Target: evidence of approved forms, (text, entry) pairs.
        folded, hits = self.target.hits(tgt_text)
        lasts, ks, classes, texts = _columns(hits, target.target_class, tgt_bounds)
        present = set(compress(zip(texts, map(target.evidence.__getitem__, ks)), map(SIMPLE.__eq__, classes)))
        unsure.update(compress(texts, map(POISON.__eq__, classes)))
        mask = list(map(EXACT.__eq__, classes))
        if any(mask):
            exact_ks = list(compress(ks, mask))
            starts = list(map(sub, compress(lasts, mask), map(target.offset.__getitem__, exact_ks)))
            ends = map(add, starts, map(target.core.__getitem__, exact_ks))
            surfaces = map(tgt_text.__getitem__, map(slice, starts, ends))
            ok = map(contains, map(target.exact.__getitem__, exact_ks), surfaces)
            present.update(compress(zip(compress(texts, mask), map(target.evidence.__getitem__, exact_ks)), ok))
        slow = list(compress(range(len(hits)), map(SLOW.__eq__, classes)))
        if slow:
            self._slow_target(target, folded, tgt_text, [(lasts[j], ks[j], texts[j]) for j in slow], present, unsure)

        # Source: the entries each text needs to find in its translation.
        folded, hits = self.source.hits(src_text)
        lasts, ks, classes, texts = _columns(hits, source.source_class, src_bounds)
        needs = set(compress(zip(texts, map(source.entry.__getitem__, ks)), map(SIMPLE.__eq__, classes)))
        unsure.update(compress(texts, map(POISON.__eq__, classes)))
        slow = list(compress(range(len(hits)), map(SLOW.__eq__, classes)))
        if slow:
            needs.update(_slow_source(
                source, folded, src_text, [(lasts[j], ks[j], texts[j]) for j in slow], self.source.morph.fold_exact
            ))
        facts, learn = self._facts, self._learn
        for t, e in needs - present:
            if (facts.get(e) or learn(e))[0]:
                unsure.add(t)

        # Source forms of must-translate terms standing in the translation.
        if needs:
            _, hits = self.source.hits(tgt_text)
            if hits:
                _lasts, ks, classes, texts = _columns(hits, source.source_class, tgt_bounds)
                unsure.update(compress(texts, map(POISON.__eq__, classes)))
                entries = list(map(source.entry.__getitem__, ks))
                left = set(zip(texts, entries))
                for t, k in compress(zip(texts, ks), map(POISON.__eq__, entries)):
                    left.update((t, e) for e in _entries_of(source, k))  # a slot of several entries
                for t, e in left & needs:
                    if (facts.get(e) or learn(e))[1]:
                        unsure.add(t)
        return {t - 1 for t in unsure}

    def _slow_target(self, table, folded: str, plain: str, hits, present: set, unsure: set) -> None:
        """The target hits of `SLOW` slots, `(last, slot, text)`, one Python step each."""
        evidence, verify, cover, inner = table.evidence, table.verify, table.cover, table.inner
        spans: list[tuple[int, int, int]] = []  # (text, start, end) of hits that may cover others
        held: list[tuple] = []  # (text, entry or entries, start, end) of inner evidence
        fold_exact = self.target.morph.fold_exact
        for last, k, t in hits:
            code = evidence[k]
            start = last - table.offset[k]
            end = start + table.core[k]
            if code == REJECT:
                if may_reject(table.reject[k], folded, plain, start, end, fold_exact):
                    unsure.add(t)
                continue
            if cover[k]:
                spans.append((t, start, end))  # verified or not: it may still drop a form under it
            if code == CANDIDATES:
                rejected, candidates = judge_candidates(table.cands[k], folded, plain, start, end, fold_exact)
                if rejected:
                    unsure.add(t)  # (even under a longer approved form: over-counting)
                    continue
                found = tuple(candidates)
            elif not verified(verify[k], folded, plain, start, end):
                continue
            else:
                found = code if code >= 0 else table.multi[k]
            if inner[k]:
                held.append((t, found, start, end))
            elif isinstance(found, int):
                present.add((t, found))
            else:
                present.update((t, e) for e in found)
        for t, found, _start, _end in _uncovered(held, spans):
            if isinstance(found, int):
                present.add((t, found))
            else:
                present.update((t, e) for e in found)

    def _exact(self, sources: list[str], targets: list[str]) -> set[int]:
        """Indices of the pairs the term rules might report on, from resolved matches."""
        bad: set[int] = set()
        src_text = "\n".join(sources)
        tgt_text = "\n".join(targets)
        src_starts = _starts(sources)
        tgt_starts = _starts(targets)

        # Texts a match runs into from another: their matches are not `find`'s.
        crossed: set[int] = set()

        # Target forms: rejected ones are forbidden-term's, approved ones are what
        # missing-term looks for.
        approved: dict[int, set[int]] = {}
        tgt_placed = _placed(self.target.scan(tgt_text), tgt_starts, crossed)
        for i, m in tgt_placed:
            if not m.rendering.approved:
                bad.add(i)
            else:
                found = approved.get(i)
                if found is None:
                    approved[i] = {id(m.entry)}
                else:
                    found.add(id(m.entry))

        # Source terms: each one that has a target rendering must be there, approved.
        must: dict[int, set[int]] = {}
        facts_of, learn, index_of = self._facts.get, self._learn, self._entries.index_of
        src_placed = _placed(self.source.scan(src_text), src_starts, crossed)
        for i, m in src_placed:
            key = id(m.entry)
            index = index_of(m.entry)
            expected, must_translate = facts_of(index) or learn(index)
            if expected and key not in approved.get(i, ()):
                bad.add(i)
            if must_translate:
                must.setdefault(i, set()).add(key)

        # Source forms of must-translate terms standing in the translation.
        left_placed = None
        if must:
            left_placed = _placed(self.source.scan(tgt_text), tgt_starts, crossed)
            for i, m in left_placed:
                if id(m.entry) in must.get(i, ()):
                    bad.add(i)
        bad.update(crossed)

        # The texts read in full next will be asked for the same matches: hand them over.
        seeded = bad - crossed
        if seeded:
            _remember(self.target, tgt_placed, targets, tgt_starts, seeded)
            _remember(self.source, src_placed, sources, src_starts, seeded)
            if left_placed is not None:
                _remember(self.source, left_placed, targets, tgt_starts, seeded)
        return bad


class _Facts(dict):
    """Per entry index: (has an approved target rendering, must be translated), read from
    the stored bytes (`TermScreen._known_facts`) when first asked for, else as learnt."""

    __slots__ = ("_stored",)

    def __init__(self, stored: bytes | None = None) -> None:
        super().__init__()
        self._stored = stored

    def get(self, index: int, default: tuple[bool, bool] | None = None) -> tuple[bool, bool] | None:  # type: ignore[override]
        found = dict.get(self, index)
        if found is None and self._stored is not None and 0 <= index < len(self._stored):
            f = self._stored[index]
            found = self[index] = (bool(f & 1), bool(f & 2))
        return found if found is not None else default


def _columns(hits: list, classes: list[int], bounds: list[int]) -> tuple[list, list, list, list]:
    """Raw hits `(last, value)` as columns: last offsets, slots, slot classes, text numbers."""
    lasts = list(map(_first, hits))
    ks = list(map(_slot, map(_second, hits)))
    return lasts, ks, list(map(classes.__getitem__, ks)), list(map(bisect_right, repeat(bounds, len(hits)), lasts))


_first, _second, _slot = itemgetter(0), itemgetter(1), itemgetter(8)
_whole = _first  # a row's whole entry text


def _approved_hit(table, k: int, folded: str, plain: str, start: int, end: int, fold_exact) -> bool:
    """Is the hit of slot `k` at `[start, end)` certainly an approved form?"""
    code = table.evidence[k]
    if code >= 0:
        return verified(table.verify[k], folded, plain, start, end)
    if code == CANDIDATES:
        rejected, found = judge_candidates(table.cands[k], folded, plain, start, end, fold_exact)
        return not rejected and bool(found)
    return False


def _slow_source(table, folded: str, plain: str, hits, fold_exact) -> list[tuple[int, int]]:
    """The (text, entry) needs of the source hits of `SLOW` slots, `(last, slot, text)`: a
    form under a longer approved form of another entry is no need (overlap resolution)."""
    needs: list[tuple[int, int]] = []
    spans: list[tuple[int, int, int]] = []
    held: list[tuple] = []
    for last, k, t in hits:
        start = last - table.offset[k]
        end = start + table.core[k]
        for e in _needed(table, k, folded, plain, start, end, fold_exact):
            if table.inner[k]:
                held.append((t, e, start, end))
            else:
                needs.append((t, e))
        # Only a hit that is an approved form drops the source forms under it.
        if table.cover[k] and _approved_hit(table, k, folded, plain, start, end, fold_exact):
            spans.append((t, start, end))
    needs.extend((t, e) for t, e, _start, _end in _uncovered(held, spans))
    return needs


def _needed(table, k: int, folded: str, plain: str, start: int, end: int, fold_exact) -> Iterable[int]:
    """The entries a source hit of slot `k` at `[start, end)` needs in the translation:
    its one entry, or those of the matches `scan` makes of it (over-counting is safe)."""
    e = table.entry[k]
    if e >= 0:
        return (e,)
    if table.evidence[k] == MULTI:
        return table.multi[k] if verified(table.verify[k], folded, plain, start, end) else ()
    return {e for e, _ok, _strength in passing_candidates(table.cands[k], folded, plain, start, end, fold_exact)}


def _entries_of(table, k: int) -> tuple[int, ...]:
    """Every entry of a source slot (hits of it in a translation, where no test is applied)."""
    e = table.entry[k]
    if e >= 0:
        return (e,)
    if table.evidence[k] == MULTI:
        return table.multi[k]
    return tuple({c[0] for c in table.cands.get(k, ())})


def _uncovered(
    held: list[tuple], spans: list[tuple[int, int, int]]
) -> Iterator[tuple]:
    """The held hits `(pair, code, start, end)` that no longer span of `spans` `(pair,
    start, end)` in the same text lies over."""
    by_pair: dict[int, list[tuple[int, int]]] = {}
    for i, start, end in spans:
        by_pair.setdefault(i, []).append((start, end))
    for hit in held:
        i, _code, start, end = hit
        if not any(s <= start and end <= e and e - s > end - start for s, e in by_pair.get(i, ())):
            yield hit


# Sort key of a `Match` by its start (field 2), without a Python-level call per match.
_start = itemgetter(2)


def _remember(
    matcher: TermMatcher, placed: list[tuple[int, Match]], texts: list[str], starts: list[int], wanted: set[int]
) -> None:
    """Give `matcher` the placed matches of the `wanted` texts, at their offsets in each
    text, as what its `find` returns for them (`TermMatcher.remember`)."""
    found: dict[int, list[Match]] = {i: [] for i in wanted}
    for i, m in placed:
        if i in found:
            found[i].append(m)
    new = tuple.__new__
    for i, matches in found.items():
        at = starts[i]
        matcher.remember(texts[i], [new(Match, (m[0], m[1], m[2] - at, m[3] - at, *m[4:])) for m in matches])


def _placed(matches: list[Match], starts: list[int], crossed: set[int]) -> list[tuple[int, Match]]:
    """(index of the text it lies in, match) for scanned matches, overlaps resolved as
    `find` resolves them, one overlapping stretch at a time (resolution never looks beyond
    a stretch): per text, the very list `find` returns for it. A match running into the
    next text (words joined across the separator) puts every text it touches in
    `crossed`: those are suspects, and their lists are not `find`'s."""
    matches.sort(key=_start)
    out: list[tuple[int, Match]] = []
    n = len(matches)
    limits = [*starts[1:], 1 << 62]  # where the text after each one starts
    k = 0
    while k < n:
        m = matches[k]
        reach = m.end
        j = k + 1
        while j < n and matches[j].start < reach:
            reach = max(reach, matches[j].end)
            j += 1
        for m in (m,) if j == k + 1 else resolve_overlaps(matches[k:j]):  # noqa: B020 -- the tuple is built before the loop rebinds m
            i = bisect_right(starts, m.start) - 1
            if m.end + len(m.suffix) >= limits[i]:
                crossed.update(range(i, bisect_right(starts, m.end + len(m.suffix)) - 1 + 1))
            out.append((i, m))
        k = j
    return out


# What `prose.MARKUP` looks for (tests check they agree), as plain substrings: `str.find`
# skips to the next one at C speed, where the regular expression stops at every character.
MARKUP_NEEDLES = ("*", "_", "<", "`", "[", "]", "\\", "http:", "https:", "www.")


def _with_markup(text: str, starts: list[int]) -> set[int]:
    """Indices of the joined texts that have markup, URLs or code (their prose view differs)."""
    found: set[int] = set()
    limit = len(text)
    for needle in MARKUP_NEEDLES:
        at = text.find(needle)
        while at != -1:
            i = bisect_right(starts, at) - 1
            found.add(i)
            if i + 1 >= len(starts):
                break
            at = text.find(needle, starts[i + 1], limit)  # the next text: one hit is enough
    return found


def _starts(texts: list[str]) -> list[int]:
    """Where each text starts in `"\n".join(texts)`."""
    return [0, *accumulate(len(t) + 1 for t in texts[:-1])]


def screened_entries(
    blocks: Iterable[tuple[memoryview | bytes, int]],
    path: str,
    screen: TermScreen,
    cleared: Callable[[int], None],
    overlap: bool = True,
) -> Iterator[PoEntry]:
    """The entries of a PO file's blocks (`iter_po_buffers`: UTF-8, undecoded) that the
    screen does not clear.

    Entries come in file order with their file lines, the header first (as read by
    `iter_po_entries`); `cleared(n)` is told how many entries of each block were cleared.
    Invalid UTF-8 raises `UnicodeDecodeError`, as a full read does.

    With the C pass, the next block is gathered (`Screen.gather`: parsed, decoded, folded,
    its automata run, without the GIL) on a second thread while this one judges the
    block before and checks its entries: a block must stay as it is until the one after
    the next is asked for (`iter_po_buffers` reads into two buffers in turn). Without
    `overlap` (a `--jobs` worker with no core to spare) each block is gathered where it is
    judged. (While blocks are gathered the interpreter's switch interval is short: it is
    the process's, and is put back afterwards.)
    """
    native = screen.native()
    if native is None or not overlap:
        for block, first_line in blocks:
            yield from _finished(None, block, first_line, native, path, screen, cleared)
        return
    pending: tuple[_Gathering, memoryview | bytes, int] | None = None
    # The gathering thread takes the GIL twice a block (to start, to hand its result
    # over), each time waiting for this thread to let go of it: every 5 ms by default,
    # which would hold up the gathering more than it works.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, 0.0002))
    try:
        for block, first_line in blocks:
            # One gathering at a time: the previous one is done before this one starts.
            done = (pending[0].result(), pending[1], pending[2]) if pending is not None else None
            pending = (_Gathering(native, block), block, first_line)
            if done is not None:
                yield from _finished(*done, native, path, screen, cleared)
        if pending is not None:
            done, pending = (pending[0].result(), pending[1], pending[2]), None
            yield from _finished(*done, native, path, screen, cleared)
    finally:
        sys.setswitchinterval(interval)
        if pending is not None:
            pending[0].join()  # (abandoned half-way: the thread still reads the block)


class _Gathering(threading.Thread):
    """`native.gather(block)` on a thread of its own."""

    def __init__(self, native, block: memoryview | bytes) -> None:
        super().__init__(name="termguard-gather", daemon=True)
        self._native = native
        self._block = block
        self._value: object = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._value = self._native.gather(self._block)
        except BaseException as exc:  # handed to the thread that waits for it
            self._error = exc

    def result(self) -> object:
        self.join()
        if self._error is not None:
            raise self._error
        return self._value


def _finished(
    gathered, block: memoryview | bytes, first_line: int, native, path: str, screen: TermScreen,
    cleared: Callable[[int], None],
) -> Iterator[PoEntry]:
    """The entries of a block (gathered already, or not) that the screen does not clear:
    through the C pass, or the Python one without it or for a block that is not valid
    UTF-8 (which its decoding then reports)."""
    # A block's rows and matches are hundreds of thousands of small objects with no
    # reference cycles: the cycle collector would only walk them again and again
    # (a third of the screen's time on a 10,000-term glossary).
    with paused():
        wanted = _screen_block_native(block, native, screen, cleared, gathered) if native is not None else None
        if wanted is None:
            wanted = _screen_block(str(block, "utf-8"), path, screen, cleared)
    for text, lines in wanted:
        yield from entries_in(text, path, first_line + lines)


def _screen_block_native(
    block: memoryview | bytes, native, screen: TermScreen, cleared: Callable[[int], None], gathered: object = None
) -> list[tuple[str, int]] | None:
    """`_screen_block` through the C pass, on the block's bytes (which it checks, decoding
    only the strings it judges, and counting the lines as it parses the rows), from its
    gathering if it has been gathered already; None if the block is not valid UTF-8."""
    found = native.finish(gathered) if gathered is not None else native.block(block)
    if found is None:
        return None
    rows, full, unsure = found
    spans = {r: (start, end, line) for r, start, end, line in full}
    if unsure:
        for j in screen._exact([u[4] for u in unsure], [u[5] for u in unsure]):
            r, start, end, line = unsure[j][:4]
            spans[r] = (start, end, line)
    cleared(rows - len(spans))
    return [(str(block[start:end], "utf-8"), line) for start, end, line in (spans[r] for r in sorted(spans))]


def _screen_block(
    block: str, path: str, screen: TermScreen, cleared: Callable[[int], None]
) -> list[tuple[str, int]]:
    """The rows to read in full, in order: their text and the newlines of the block before
    them."""
    rows = entry_rows(block)
    full: list[int] = []  # rows to read in full
    index: list[int] = []  # row of each pair given to the screen
    sources: list[str] = []
    targets: list[str] = []
    for r, (_text, comments, _ctxt, msgid, msgstr, _msgid_plural, plurals, other) in enumerate(rows):
        if other or not msgid or "termguard" in comments:
            full.append(r)  # not a simple entry, the header, or a suppression comment
            continue
        forms = [msgstr] if not plurals else plural_strings(plurals)
        if forms is None:
            full.append(r)  # msgstr[n] out of order: the full read reports it
            continue
        if not all(forms):
            continue  # untranslated: the term rules skip it
        try:
            # (the escape test inline: most strings have none, and this loop runs per entry)
            source = msgid if "\\" not in msgid else decode_simple(msgid, path)
            forms = [form if "\\" not in form else decode_simple(form, path) for form in forms]
        except InputError:
            full.append(r)  # the full read reports it
            continue
        if not all(forms):
            continue
        for form in forms:  # a plural entry: one pair per msgstr[n], all of the msgid
            index.append(r)
            sources.append(source)
            targets.append(form)
    wanted = sorted(set(full).union(index[i] for i in screen.suspects(sources, targets)))
    cleared(len(rows) - len(wanted))
    if not wanted:
        return []
    ends = list(accumulate(map(len, map(_whole, rows))))
    spans = []
    line = pos = 0
    for r in wanted:
        start = ends[r - 1] if r else 0
        line += block.count("\n", pos, start)
        pos = start
        spans.append((block[start : ends[r]], line))
    return spans
