"""The term screen's C pass (`termguard._cscreen`), against the Python pass it replaces.

The C pass splits a block into rows, decodes and folds the strings and runs its own
automaton; it must find what pyahocorasick finds, read rows as `readers.po.entry_rows`
reads them, never clear a pair the exact screen sends to the full check, and clear no
more than the Python fast pass would. (The whole-file comparisons with and without the
screen, `test_screen.py`, run through both passes.)
"""

from __future__ import annotations

import dataclasses
from itertools import accumulate, pairwise

import ahocorasick
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fast_screen import EN_PARTS, GLOSSARY, OVERLAPS, pair_lists

from termguard.glossary import glossary_from_text
from termguard.morph import matcher_for
from termguard.morph.fast import native_parts
from termguard.readers.po import decode_simple, entry_rows
from termguard.screen import TermScreen, _starts

_cscreen = pytest.importorskip("termguard._cscreen", reason="the optional C extension is not built")


@pytest.fixture(autouse=True)
def _native_on(monkeypatch):
    monkeypatch.delenv("TERMGUARD_PURE_PYTHON", raising=False)


def _screen(glossary, lang: str) -> TermScreen:
    return TermScreen(matcher_for(glossary, "en"), matcher_for(glossary, lang))


# -- the automaton --------------------------------------------------------------------------

KEY_CHARS = "ab а" + "\u0130\U0001f600"


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(st.text(KEY_CHARS, min_size=1, max_size=5), min_size=1, max_size=30, unique=True),
    text=st.text(KEY_CHARS, max_size=60),
)
def test_automaton_reports_what_pyahocorasick_reports(keys, text):
    reference = ahocorasick.Automaton()
    for k, key in enumerate(keys):
        reference.add_word(key, k)
    reference.make_automaton()
    # in the same order too: the matcher's matches keep the automaton's order
    assert _cscreen.Automaton(keys).iter(text) == list(reference.iter(text))


WORDS = ["a", "ab", "ba", "abb", "аб", "İa", "😀", "a😀", "b" * 23, "b" * 24, "b" * 50]
word_keys = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).flatmap(
        lambda words: st.tuples(st.just(words), st.lists(st.sampled_from([" ", "  "]), min_size=2, max_size=2))
    ).map(lambda kw: " " + "  ".join(kw[0]) if kw[1][0] == "  " else " " + " ".join(kw[0]) + kw[1][1][:1]),
    min_size=1, max_size=20, unique=True,
)
word_texts = st.lists(
    st.lists(st.sampled_from([*WORDS, "b" * 22, "x"]), max_size=12).flatmap(
        lambda words: st.lists(st.sampled_from([" ", "  ", "   "]), min_size=len(words) + 1, max_size=len(words) + 1).map(
            lambda gaps: "".join(g + w for g, w in zip(gaps, [*words, ""]))
        )
    ),
    min_size=1, max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(keys=word_keys, texts=word_texts)
def test_words_remembered_from_text_to_text_match_as_pyahocorasick_does(keys, texts):
    """Keys of whole words (all a matcher has) start with a space: the automaton remembers
    each word it walks from the node after a space (its end state and matches) and reuses
    it, within a text and across texts; what it reports stays what pyahocorasick reports,
    in the same order. (Words longer than it remembers, 23 characters, are walked.)"""
    reference = ahocorasick.Automaton()
    for k, key in enumerate(keys):
        reference.add_word(key, k)
    reference.make_automaton()
    automaton = _cscreen.Automaton(keys)
    for text in [*texts, *texts]:  # the second time round, every word is remembered
        assert automaton.iter(text) == list(reference.iter(text))


def test_many_words_remembered_stay_right():
    """Thousands of different words (the memo grows and rehashes) and their repeats."""
    import random

    rng = random.Random(3)
    vocabulary = ["".join(rng.choice("abcдеж") for _ in range(rng.randint(1, 9))) for _ in range(6000)]
    keys = sorted({" " + w + " " for w in vocabulary[:3000:7]} | {" " + a + " " + b + " " for a, b in pairwise(vocabulary)})
    reference = ahocorasick.Automaton()
    for k, key in enumerate(keys):
        reference.add_word(key, k)
    reference.make_automaton()
    automaton = _cscreen.Automaton(keys)
    for _round in range(3):
        text = " " + " ".join(rng.choice(vocabulary) for _ in range(20000)) + " "
        found = automaton.iter(text)
        assert found == list(reference.iter(text))
        assert found  # (the text does hold keys)


@settings(max_examples=100, deadline=None)
@given(
    keys=st.lists(st.text(KEY_CHARS, min_size=1, max_size=5), min_size=1, max_size=30, unique=True),
    text=st.text(KEY_CHARS, max_size=60),
)
def test_a_dumped_automaton_loads_back_the_same(keys, text):
    built = _cscreen.Automaton(keys)
    loaded = _cscreen.Automaton.load(built.dump())
    assert (loaded.nodes(), loaded.keys()) == (built.nodes(), len(keys))
    assert loaded.iter(text) == built.iter(text)
    assert loaded.dump() == built.dump()


def test_a_damaged_dump_is_refused_or_harmless():
    """Cache files are read back with `Automaton.load`: a truncated or altered one raises
    ValueError, or loads as a trie whose search still ends (every index in range)."""
    import random

    keys = ["ab", "b", "ба", "a b", "İ", "😀a"]
    good = _cscreen.Automaton(keys).dump()
    for bad in (b"", b"junk", good[:-1], good + b"\0\0\0\0", good[:24], b"\1" + good[1:]):
        with pytest.raises(ValueError):
            _cscreen.Automaton.load(bad)
    with pytest.raises(TypeError):
        _cscreen.Automaton.load("not bytes")
    rng = random.Random(7)
    refused = 0
    for _ in range(3000):
        data = bytearray(good)
        for _flip in range(rng.randint(1, 3)):
            data[rng.randrange(24, len(data))] = rng.randrange(256)
        try:
            damaged = _cscreen.Automaton.load(bytes(data))
        except ValueError:
            refused += 1
            continue
        for last, slot in damaged.iter("ab ба a b İ 😀a bab"):
            assert 0 <= slot < len(keys) and last >= 0
    assert refused > 1000  # most damage is seen as such


def test_automaton_without_keys_finds_nothing():
    assert _cscreen.Automaton([]).iter("any text") == []


def test_matcher_automaton_agrees_on_a_real_text():
    matcher = matcher_for(GLOSSARY, "ru")
    native = _screen(GLOSSARY, "ru").native()
    assert native is not None
    keys = [""] * matcher.size
    for spaced, value in matcher.slots():
        keys[value[8]] = spaced
    folded, hits = matcher.hits("В «Триумфе» и С-400 — зенитных ракетных комплексов, CAATSA и Caatsa.")
    padded = " " + "".join(ch if ch.isalnum() or ch == "_" else " " for ch in folded) + " "
    assert sorted(_cscreen.Automaton(keys).iter(padded)) == sorted((last, v[8]) for last, v in hits)


# -- pairs --------------------------------------------------------------------------------------


def _verdicts(glossary, lang: str, pairs: list[tuple[str, str]]) -> tuple[set[int], set[int], set[int]]:
    """(exact screen, C pass, Python fast pass, pair by pair) suspects."""
    screen = _screen(glossary, lang)
    native = screen.native()
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    exact = screen._exact(sources, targets)
    c_pass = {i for i, (s, t) in enumerate(pairs) if native.pair(s, t)}
    python = {i for i, (s, t) in enumerate(pairs) if screen._fast(s, _starts([s]), t, _starts([t]))}
    return exact, c_pass, python


# Common nouns (no case, no key tests): most of their slots are judged without Python
# objects, as in large generated glossaries.
NOUNS = glossary_from_text(
    "- {id: sanctions, kind: term, en: [sanctions], ru: [санкции, {text: ограничения, status: forbidden}]}\n"
    "- {id: export, kind: term, en: [export], ru: [экспорт]}\n"
    "- {id: deal, kind: term, en: [deal], ru: [сделка]}\n"
    "- {id: air-defense, kind: term, en: [air defense], ru: [противовоздушная оборона, ПВО]}\n"
    "- {id: radar, kind: term, en: [radar], ru: [радар, радиолокатор]}\n"
    "- {id: nato, kind: acronym, en: [NATO], ru: [НАТО]}\n",
    "nouns.yaml",
)
NOUN_PARTS = (
    ["sanctions", "export", "deal", "air defense", "radar", "NATO", "the", "was", "signed", "Deal"],
    ["санкции", "санкциях", "ограничения", "экспорт", "экспорта", "сделка", "сделки", "ПВО", "радары",
     "противовоздушной обороны", "НАТО", "и", "в", "deal", "radar", "sanctions"],
)


def _noun_pairs():
    source = st.lists(st.sampled_from(NOUN_PARTS[0]), min_size=1, max_size=4).map(" ".join)
    target = st.lists(st.sampled_from(NOUN_PARTS[1]), min_size=1, max_size=5).map(" ".join)
    return st.lists(st.tuples(source, target), min_size=1, max_size=8)


# Source words that split or rejoin the overlapping terms ("Akkuyu , NPP" is no Akkuyu NPP).
SOURCE_PARTS = [*EN_PARTS, "NPP", "Akkuyu-NPP", "forces", "Mart", "defence"]


@pytest.mark.parametrize(("glossary", "lang"), [(GLOSSARY, "ru"), (GLOSSARY, "tr"), (OVERLAPS, "ru"), ("nouns", "ru")])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_c_pass_between_the_exact_screen_and_the_python_pass(glossary, lang, data):
    if glossary == "nouns":
        glossary, pairs = NOUNS, data.draw(_noun_pairs())
    else:
        pairs = data.draw(pair_lists(lang, SOURCE_PARTS, max_size=8))
    exact, c_pass, python = _verdicts(glossary, lang, pairs)
    assert exact <= c_pass <= python


def _literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


@pytest.mark.parametrize(("glossary", "lang"), [(GLOSSARY, "ru"), (GLOSSARY, "tr"), (OVERLAPS, "ru"), (NOUNS, "ru")])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_pairs_judged_while_gathering_get_the_verdicts_of_the_judging_with_the_gil(glossary, lang, data):
    """A block's gathering judges, without the GIL, the pairs whose tests are compiled to C
    (by an earlier finishing) and leaves the others to `finish`; per pair, the reasons it
    gives are those `pair` (judged entirely with the GIL) gives."""
    pairs = data.draw(_noun_pairs() if glossary is NOUNS else pair_lists(lang, SOURCE_PARTS, max_size=8))
    native = _screen(glossary, lang).native()
    block = "".join(f'msgid "{_literal(s)}"\nmsgstr "{_literal(t)}"\n\n' for s, t in pairs if s and t).encode()
    kept = [(s, t) for s, t in pairs if s and t]
    first = native.block(block)
    # The second time, the gathering sees the tests the first finishing compiled.
    assert native.block(block) == first
    _rows, full, unsure = first
    in_full = {r for r, *_ in full}
    reasons = {r: why for r, _s, _e, _l, _src, _tgt, why in unsure}
    for r, (s, t) in enumerate(kept):
        if r not in in_full:
            assert reasons.get(r, 0) == native.pair(s, t), (s, t)


def test_c_pass_clears_clean_pairs_and_says_why_it_keeps_others():
    native = _screen(OVERLAPS, "ru").native()
    assert native.pair("The Akkuyu NPP.", "АЭС «Аккую».") == 0  # a term inside a longer one
    assert native.pair("In Kyiv.", "В Киеве.") == 0  # inflected
    assert native.pair("In Kyiv.", "В Кийиве.") == 4  # a rejected form
    assert native.pair("In Mart.", "В Март.") == 9  # a rejected form on a key shared with an approved one
    assert native.pair("The air defence.", "Ничего.") == 6  # dropped
    # Characters the tables do not fold alone: left to the exact screen.
    assert native.pair("In Kyiv.", "В Киеве \U0001f600.") == 1
    assert native.pair("In Kyiv.", "В Киеве ΣΑΣ.") == 1


def test_case_exact_candidates_on_one_key():
    native = _screen(GLOSSARY, "ru").native()
    assert native.pair("CAATSA sanctions.", "Санкции CAATSA.") == 0
    assert native.pair("CAATSA sanctions.", "Санкции Caatsa.") != 0


# -- blocks -------------------------------------------------------------------------------------

TRICKY = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'  # the header: multi-line, not simple
    'msgid "One *Triumf*."\nmsgstr "Один «Триумф»."\n\n'  # markup
    'msgid ""\n"Two lines."\nmsgstr "Две строки."\n\n'  # a multi-line msgid
    '#~ msgid "Old."\n#~ msgstr "Старое."\n\n'  # obsolete
    'msgctxt "menu"\nmsgid "The [Triumf]."\nmsgstr "«Триумф»."\n\n\n\n'  # context, extra blank lines
    'msgid "One S-400 _unit_."\nmsgid_plural "%d S-400 units."\nmsgstr[0] "%d С-400."\nmsgstr[1] "%d С-400."\n'
    'msgstr[2] "%d С-400."\n\n'
    'msgid "Out of order `x`."\nmsgid_plural "Many."\nmsgstr[1] "Б."\nmsgstr[0] "А."\n\n'
    'msgid "Bad escape <b>."\nmsgstr "Плохо \\q."\n\n'
    '# termguard: disable=missing-term\nmsgid "Suppressed Triumf."\nmsgstr "Ничего."\n\n'
    'msgid "Untranslated Triumf."\nmsgstr ""\n\n'
    'msgid "Last http://example.org Triumf."\nmsgstr "Последний."'  # no newline at the end
)


def _row_spans(block: str) -> list[tuple[int, int, int]]:
    """(start, end, newlines before the start) of every row of the block, in bytes of its
    UTF-8 (as the C pass reads it)."""
    ends = list(accumulate(len(row[0].encode()) for row in entry_rows(block)))
    starts = [ends[r - 1] if r else 0 for r in range(len(ends))]
    data = block.encode()
    return [(start, end, data.count(b"\n", 0, start)) for start, end in zip(starts, ends)]


def test_block_reads_rows_as_the_reader_does():
    native = _screen(GLOSSARY, "ru").native()
    rows, full, unsure = native.block(TRICKY.encode())
    spans = _row_spans(TRICKY)
    assert rows == len(spans) == 11
    untranslated = 9
    assert full == [(r, *span) for r, span in enumerate(spans) if r != untranslated]
    assert unsure == []
    for _r, start, end, _line in full:
        assert TRICKY.encode()[start:end].decode().strip("\n")  # whole rows, leading newlines included


def test_block_returns_the_unsure_pairs_decoded():
    block = (
        'msgid "The \\"Triumf\\" system."\nmsgstr "Система \\"Триумпф\\"."\n\n'
        'msgid "Fine Triumf."\nmsgstr "Хороший «Триумф»."\n\n'
        'msgid "Tab\\tTriumf."\nmsgstr "Таб\\tТриумпф."\n'
    )
    native = _screen(GLOSSARY, "ru").native()
    rows, full, unsure = native.block(block.encode())
    assert rows == 3 and full == []
    spans = _row_spans(block)
    assert [(r, s, e, line) for r, s, e, line, _src, _tgt, _why in unsure] == [(0, *spans[0]), (2, *spans[2])]
    raw = entry_rows(block)
    assert [why for *_row, why in unsure] == [4, 4]  # a rejected form (`judge` in _cscreen.c)
    for r, _s, _e, _line, source, target, _why in unsure:
        assert source == decode_simple(raw[r][3], "x.po")
        assert target == decode_simple(raw[r][4], "x.po")


def test_block_and_python_pass_send_the_same_rows_on_the_fixtures():
    from pathlib import Path

    from termguard.screen import _screen_block, _screen_block_native

    root = Path(__file__).resolve().parents[2]
    screen = _screen(GLOSSARY, "ru")
    block = (root / "tests" / "fixtures" / "morph" / "ru.po").read_text(encoding="utf-8")
    counts: list[int] = []
    c_rows = _screen_block_native(block.encode(), screen.native(), screen, counts.append)
    python_rows = _screen_block(block, "ru.po", screen, counts.append)
    assert c_rows == python_rows
    assert counts[0] == counts[1] > 0


_ROWS = 'msgid "Triumf"\nmsgstr "«Триумф»"\n\n#: a.c:1\nmsgid "ok"\nmsgstr "{}"\n\nmsgid "x"\nmsgstr ""\n'


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=12))
def test_block_refuses_the_bytes_python_refuses(raw):
    """The C pass checks the whole block's UTF-8 as Python's strict decoder does (cleared
    rows included: an untranslated entry's comment is never decoded by anyone else)."""
    native = _screen(GLOSSARY, "ru").native()
    for data in (_ROWS.format("да").encode().replace(b"a.c", raw), _ROWS.format("да").encode().replace(b"\xd0\xb4", raw)):
        try:
            data.decode("utf-8")
            valid = True
        except UnicodeDecodeError:
            valid = False
        assert (native.block(data) is not None) == valid


@pytest.mark.parametrize(
    "bad",
    [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xd0", b"\x80"],
)
def test_overlong_surrogate_and_cut_sequences_are_refused(bad):
    native = _screen(GLOSSARY, "ru").native()
    data = _ROWS.format("да").encode()
    assert native.block(data) is not None
    assert native.block(data.replace(b"x", bad)) is None  # in an untranslated entry's msgid
    assert native.block(data + bad) is None  # at the very end


def test_a_block_with_bad_utf8_fails_as_a_full_read_does(tmp_path):
    """Through the engine, a large file with a bad byte in an entry the screen would clear
    gets the same error (file, line) as with the screen off."""
    from termguard.config import Config
    from termguard.engine import STREAM_THRESHOLD, Engine
    from termguard.errors import InputError

    entry = '#: a.c:1\nmsgid "The Triumf"\nmsgstr "«Триумф»"\n\n'
    count = STREAM_THRESHOLD // len(entry.encode()) + 10
    data = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n' + entry * count).encode()
    bad_at = data.index(b"a.c", len(data) // 2)
    path = tmp_path / "big.po"
    path.write_bytes(data[:bad_at] + b"\xff" + data[bad_at + 1 :])
    line = data[:bad_at].count(b"\n") + 1
    errors = []
    for rules in (["missing-term"], ["missing-term", "fuzzy"]):  # screened, and not
        engine = Engine(Config(select=rules), glossary=GLOSSARY)
        with pytest.raises(InputError) as info:
            engine.check_file(str(path))
        errors.append((info.value.line, info.value.message))
    assert errors[0] == errors[1] and errors[0][0] == line


def test_pure_python_switch_turns_the_c_pass_off(monkeypatch):
    monkeypatch.setenv("TERMGUARD_PURE_PYTHON", "1")
    assert _screen(GLOSSARY, "ru").native() is None


def test_facts_from_the_cache_or_learnt_give_the_same_verdicts(monkeypatch):
    """With a cache, every entry's facts are worked out once and stored (`_known_facts`);
    without one they are learnt entry by entry: the pass decides the same either way."""
    pairs = [
        ("The Triumf system", "Система «Триумф»"),
        ("The Triumf system", "System Triumf"),
        ("CAATSA sanctions", "санкции CAATSA"),
        ("CAATSA sanctions", "санкции"),
        ("Akkuyu NPP", "АЭС «Аккую»"),
        ("Akkuyu NPP", "Akkuyu NPP"),
    ]
    cached = _screen(GLOSSARY, "ru")
    assert cached._known_facts() is not None
    with_cache = [cached.native().pair(s, t) for s, t in pairs]
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    learnt = _screen(dataclasses.replace(GLOSSARY), "ru")  # a new glossary object: new matchers
    assert learnt._known_facts() is None
    assert [learnt.native().pair(s, t) for s, t in pairs] == with_cache
    assert any(with_cache) and not all(with_cache)


def test_screen_refuses_facts_of_the_wrong_shape():
    screen = _screen(GLOSSARY, "ru")
    screen.native()
    parts = (*native_parts(screen.target), *native_parts(screen.source))
    size = len(screen._entries)
    for bad in (bytes(size - 1), bytes([4]) * size, b"\xfe" * size):
        with pytest.raises(ValueError):
            _cscreen.Screen(*parts, entries=size, learn=screen._learn_index, facts=bad)
    _cscreen.Screen(*parts, entries=size, learn=screen._learn_index, facts=b"\xff" * size)


def test_block_counts_the_lines_of_every_kind_of_row():
    block = (
        '\n\n# a comment\n#: src/a.c:1\nmsgctxt "c"\nmsgid "Triumf one."\nmsgstr "Триумпф один."\n\n\n\n'
        'msgid ""\n"Multi-line Triumf."\nmsgstr ""\n"Триумпф."\n\n'
        'msgid "%d Triumf"\nmsgid_plural "%d Triumfs"\nmsgstr[0] "%d Триумпф"\nmsgstr[1] "%d Триумпфа"\n\n'
        '#, fuzzy\nmsgid "Last Triumf."\nmsgstr "Последний Триумпф."\n'
    )
    native = _screen(GLOSSARY, "ru").native()
    rows, full, unsure = native.block(block.encode())
    spans = _row_spans(block)
    assert rows == len(spans) == 4
    seen = {r: (start, end, line) for r, start, end, line in full}
    seen.update({r: (start, end, line) for r, start, end, line, _src, _tgt, _why in unsure})
    assert seen == dict(enumerate(spans))


def test_screen_refuses_a_damaged_column():
    """The Python-value columns come from the cache (`morph.fast.Column`): ids out of
    range or offsets that do not fit the blob are refused, never read."""
    import copy
    from array import array

    from termguard.morph.fast import Column

    screen = _screen(GLOSSARY, "ru")
    screen.native()
    automaton, table, folds = native_parts(screen.target)
    source = native_parts(screen.source)
    size = len(table.evidence)
    _head, sections = table.dump()
    ids, offsets, blob = sections[-12:-9]  # verify's
    good = Column.load(memoryview(ids), memoryview(offsets), memoryview(blob), size)
    assert good is not None
    bad_ids = array("i", ids)
    bad_ids[bad_ids.tolist().index(max(bad_ids))] = len(good.values)  # one past the end
    bad_offsets = array("i", offsets)
    bad_offsets[1] = bad_offsets[2] + 1  # no longer in order
    for column in (
        Column(bad_ids, [None] * len(good.values), good.offsets, good.blob),
        Column(good.ids, [None] * len(good.values), bad_offsets, good.blob),
        Column(good.ids, [None] * len(good.values), good.offsets, bytes(good.blob)[:-1]),
        Column(good.ids, [None] * len(good.values)),  # values missing, nothing to decode them from
    ):
        damaged = copy.copy(table)
        damaged.verify = column
        try:
            native = _cscreen.Screen(automaton, damaged, folds, *source, entries=len(screen._entries), learn=screen._learn_index)
        except ValueError:
            continue
        # (only the last kind loads: a value it cannot find is an error when read, not a crash)
        with pytest.raises(ValueError):
            native.block('msgid "S-400 systems"\nmsgstr "системы С-400"\n'.encode())


@settings(max_examples=400, deadline=None)
@given(
    source=st.text("htpsw:.*_<`[]\\ aТ\t", max_size=14),
    target=st.text("htpsw:.*_<`[]\\ aТ\t", max_size=14),
)
def test_block_sends_markup_on_as_the_python_pass_finds_it(source, target):
    """The C pass spots markup, URLs and code while it decodes a string (`text_of`); a row
    is read in full exactly when `screen.MARKUP_NEEDLES` finds one in its decoded texts."""
    from termguard.screen import _starts, _with_markup

    def literal(text: str) -> str:
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")

    native = _screen(GLOSSARY, "ru").native()
    block = f'msgid "Triumf {literal(source)}"\nmsgstr "«Триумф» {literal(target)}"\n'.encode()
    _rows, full, _unsure = native.block(block)
    texts = [f"Triumf {source}", f"«Триумф» {target}"]
    assert bool(full) == bool(_with_markup("\n".join(texts), _starts(texts)))


def test_gather_and_finish_are_block_in_two():
    """`Screen.gather` (parse, decode, fold, automata: no Python object, no GIL) and
    `Screen.finish` (the judging) give what `block` gives; a gathering is finished once."""
    native = _screen(GLOSSARY, "ru").native()
    data = TRICKY.encode()
    gathered = native.gather(data)
    assert native.finish(gathered) == native.block(data)
    with pytest.raises(RuntimeError):
        native.finish(gathered)
    assert native.finish(native.gather(b"\xff")) is None  # not UTF-8
    with pytest.raises(TypeError):
        native.gather("text")


def test_blocks_gathered_on_a_second_thread_give_the_same_entries(tmp_path, monkeypatch):
    """A large file's blocks are gathered on a second thread while the one before is
    judged (`screened_entries`); entries, lines and the cleared count are those of the
    one-thread pass, over many small blocks."""
    import termguard.readers.po as po
    from termguard.screen import screened_entries

    rows = ['msgid ""\nmsgstr ""\n"Language: ru\\n"\n']
    pairs = [
        ("The Triumf system", "Система «Триумф»"),
        ("The Triumf system", "Система «Триумпф»"),
        ("CAATSA sanctions", "санкции"),
        ("Akkuyu NPP", "АЭС «Аккую»"),
        ("Nothing here", "Ничего"),
    ]
    for i in range(400):
        source, target = pairs[i % len(pairs)]
        rows.append(f'#: a.c:{i}\nmsgid "{source} {i}"\nmsgstr "{target} {i}"\n')
    path = tmp_path / "ru.po"
    path.write_text("\n".join(rows), encoding="utf-8")
    monkeypatch.setattr(po, "_SCREEN_BLOCK", 997)
    monkeypatch.setattr(po, "_FIRST_SCREEN_BLOCK", 500)
    screen = _screen(GLOSSARY, "ru")
    runs = []
    for overlap in (True, False):
        cleared: list[int] = []
        with open(path, "rb") as handle:
            entries = list(screened_entries(po.iter_po_buffers(handle), "ru.po", screen, cleared.append, overlap))
        runs.append(([(e.line, e.msgid.text, e.msgstr[0].text) for e in entries], sum(cleared)))
    assert runs[0] == runs[1]
    assert len(runs[0][0]) == 1 + 2 * 80 and runs[0][1] == 3 * 80  # the header and the faulty pairs; the rest cleared


def test_compiled_spellings_are_whole_spellings():
    """Case-exact forms are tested through their compiled spellings (`struct Test`): a
    surface that differs from the approved spelling in any character, first or last, is
    no evidence of it, with the GIL or without."""
    glossary = glossary_from_text(
        "- {id: kaan, kind: acronym, en: [KAAN], ru: [KAAN]}\n"
        "- {id: triumf, kind: name, en: [Triumf], ru: [Триумф]}\n",
        "names.yaml",
    )
    screen = _screen(glossary, "ru")
    native = screen.native()
    pairs = [
        ("The KAAN jet.", "Истребитель KAAN."),
        ("The KAAN jet.", "Истребитель KAAn."),
        ("The KAAN jet.", "Истребитель kAAN."),
        ("The Triumf system.", "Система Триумф."),
        ("The Triumf system.", "Система ТриумФ."),
    ]
    expected = [0, 6, 6, 0, 6]  # 6: a needed entry without its approved form
    block = "".join(f'msgid "{s}"\nmsgstr "{t}"\n\n' for s, t in pairs).encode()
    for _round in range(2):  # the second time, the gathering judges them with the compiled tests
        _rows, full, unsure = native.block(block)
        assert full == []
        assert [{u[0]: u[6] for u in unsure}.get(r, 0) for r in range(len(pairs))] == expected
    assert [native.pair(s, t) for s, t in pairs] == expected
    assert screen._exact([s for s, _ in pairs], [t for _, t in pairs]) == {1, 2, 4}
