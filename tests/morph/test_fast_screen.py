"""The term screen's fast pass (`morph.fast`, `TermScreen._fast`).

The fast pass reads raw automaton hits through per-slot tables and may only over-count:
every pair the exact screen (resolved matches, as `find` sees them) sends to the full check
must be among the pairs the fast pass cannot clear. These tests check the tables against
the matcher's candidates, that containment on pairs built from every kind of glossary form
(approved, rejected, inflected, case drift, overlapping terms, shared renderings), and that
the fast pass does clear the clean pairs it is there for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.glossary import glossary_from_text, load_glossary
from termguard.morph import matcher_for
from termguard.morph.fast import (
    CANDIDATES,
    EXACT,
    MULTI,
    NEUTRAL,
    POISON,
    REJECT,
    SIMPLE,
    SLOW,
    FastTable,
    fast_table,
)
from termguard.screen import TermScreen, _starts

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = load_glossary(ROOT / "tests" / "fixtures" / "morph" / "glossary.yaml")

# Two entries share a rendering (ПВО), one term lies inside another of another entry
# (Akkuyu in Akkuyu NPP, «Аккую» in АЭС «Аккую»), a rejected name with a capital.
OVERLAPS = glossary_from_text(
    """
- id: akkuyu
  kind: place
  en: [Akkuyu]
  ru: [{text: Аккую, indeclinable: true}]
- id: akkuyu-npp
  kind: place
  en: [Akkuyu NPP]
  ru: [{text: АЭС «Аккую», indeclinable: true}]
- id: air-defence
  kind: term
  en: [air defence]
  ru: [ПВО]
- id: air-defence-forces
  kind: term
  en: [air defence forces]
  ru: [ПВО, {text: войска ПВО, status: admitted}]
- id: kyiv
  kind: place
  en: [Kyiv]
  ru: [Киев, {text: Кийив, status: forbidden}]
- id: march
  kind: name
  en: [Mart]
  ru: [Марта, {text: Март, status: forbidden}]
""",
    "overlaps.yaml",
)


def _fast_and_exact(glossary, lang: str, pairs: list[tuple[str, str]]) -> tuple[set[int], set[int]]:
    screen = TermScreen(matcher_for(glossary, "en"), matcher_for(glossary, lang))
    sources = [s for s, _ in pairs]
    targets = [t for _, t in pairs]
    fast = screen._fast("\n".join(sources), _starts(sources), "\n".join(targets), _starts(targets))
    return fast, screen._exact(sources, targets)


@pytest.mark.parametrize("lang", ["en", "ru", "tr"])
def test_tables_agree_with_the_candidates(lang):
    matcher = matcher_for(GLOSSARY, lang)
    table = fast_table(matcher)
    forms = matcher._forms
    for _spaced, value in matcher.slots():
        k, cands = value[8], value[5]
        approved = [forms[c[0]][c[1]].approved for c in cands]
        entries = {c[0] for c in cands}
        code = table.evidence[k]
        if code >= 0:
            assert all(approved) and entries == {code} and not value[3]
        elif code == MULTI:
            assert all(approved) and set(table.multi[k]) == entries
        elif code == REJECT:
            assert not any(approved) and len(table.reject[k]) == len(cands)
        elif code == NEUTRAL:
            assert value[3] and all(approved)  # a stemmed approved form
        elif code == CANDIDATES:
            assert not value[3] and any(approved) and len(table.cands[k]) == len(cands)
            assert [c[0] for c in table.cands[k]] == [c[0] for c in cands]
            assert [c[1] for c in table.cands[k]] == approved
        assert table.entry[k] == (next(iter(entries)) if len(entries) == 1 else POISON)
        assert table.offset[k] == value[0] - value[1] and table.core[k] == value[2]
        cls = table.target_class[k]
        assert cls in (SIMPLE, EXACT, SLOW, POISON, NEUTRAL)
        if cls in (SIMPLE, EXACT):
            assert code >= 0 and not table.cover[k] and not table.inner[k]


def test_overlap_tables_mark_covers_and_inner_forms():
    matcher = matcher_for(OVERLAPS, "ru")
    table = fast_table(matcher)
    by_key = {" ".join(spaced.split()): value[8] for spaced, value in matcher.slots()}
    assert table.cover[by_key["аэс аккую"]] and table.inner[by_key["аккую"]]
    assert table.evidence[by_key["пво"]] == MULTI  # two entries share it
    assert table.cover[by_key["войска пво"]] and table.inner[by_key["пво"]]
    assert table.evidence[by_key["кийив"]] == REJECT
    # «Март» is rejected and also a form the approved «Марта» inflects to: judged per hit.
    mart = by_key["март"]
    assert table.evidence[mart] == CANDIDATES
    assert sorted(approved for _e, approved, _key, _exact, _capital, _s in table.cands[mart]) == [False, True]


def test_fast_pass_clears_clean_pairs_and_keeps_every_suspect():
    pairs = [
        ("The Akkuyu NPP.", "АЭС «Аккую»."),  # 0 clean: the shorter term lies inside the longer
        ("Akkuyu NPP near Akkuyu.", "АЭС «Аккую» у моря."),  # 1 Akkuyu's own rendering is only inside
        ("Akkuyu NPP near Akkuyu.", "АЭС «Аккую» рядом с Аккую."),  # 2 clean
        ("The air defence.", "ПВО."),  # 3 clean: a rendering two entries share
        ("The air defence forces.", "Войска ПВО."),  # 4 clean
        ("In Mart.", "В марте."),  # 5 clean: a lowercase look-alike of the forbidden «Март»
        ("In Mart.", "В Март."),  # 6 forbidden
        ("The air defence.", "Ничего."),  # 7 dropped
        ("In Kyiv.", "В Кийиве."),  # 8 forbidden, inflected
        ("In Kyiv.", "В Киеве."),  # 9 clean
    ]
    fast, exact = _fast_and_exact(OVERLAPS, "ru", pairs)
    assert exact <= fast
    assert {1, 6, 7, 8} <= exact
    assert not fast & {0, 2, 3, 9}, "the fast pass should clear these itself"


RU_PARTS = [
    "Триумф", "«Триумфа»", "Триумпфа", "Триумф-2", "ПВО", "ЗРК", "CAATSA", "Caatsa", "caatsa",
    "Аккую", "АЭС «Аккую»", "АЭС Аккую", "Киев", "Кийив", "Киеву", "S-400", "С-400", "С 400",
    "зенитный ракетный комплекс", "зенитных ракетных комплексов", "KAAN", "Kaan", "Эрдоган",
    "Эрдогана", "Путин", "СВО", "Triumf", "Akkuyu", "air defence", "*Триумф*", "войска ПВО",
    "Марта", "март", "Март", "—", "«", "»", ",", "в", "и",
]
TR_PARTS = [
    "Triumf", "Triumf'un", "Triumph'un", "Triumf’a", "S-400'lerin", "S-400", "CAATSA", "Caatsa",
    "Akkuyu", "Akkuyu'da", "Akkuyu NGS'de", "Akkuyu NGS", "Kiev", "Kiev'e", "Kyiv", "Erdoğan'ın",
    "Erdogan", "KAAN", "Kaan", "hava savunma", "füze", "füzeler", "Putin", "Rusya", "'", "’", ",", "ve",
]
EN_PARTS = [
    "Triumf", "the Triumf", "Triumph", "S-400", "S-400s", "CAATSA", "Akkuyu", "Akkuyu NPP", "Kyiv",
    "Kiev", "Erdoğan", "Erdogan", "KAAN", "air defence", "air-defence", "surface-to-air missile system",
    "Putin", "SMO", "and", ",", "in",
]


def pair_lists(lang: str, source_parts: list[str] = EN_PARTS, max_size: int = 12):
    """Lists of (English source, translation) pairs built from the parts above."""
    parts = RU_PARTS if lang == "ru" else TR_PARTS
    text = st.lists(st.sampled_from(parts), min_size=1, max_size=6).map(" ".join)
    source = st.lists(st.sampled_from(source_parts), min_size=1, max_size=4).map(" ".join)
    return st.lists(st.tuples(source, text), min_size=1, max_size=max_size)


@pytest.mark.parametrize(("glossary", "lang"), [(GLOSSARY, "ru"), (GLOSSARY, "tr"), (OVERLAPS, "ru")])
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_fast_pass_never_clears_a_suspect(glossary, lang, data):
    pairs = data.draw(pair_lists(lang))
    fast, exact = _fast_and_exact(glossary, lang, pairs)
    assert exact <= fast


def test_table_round_trips_through_its_dump():
    table = fast_table(matcher_for(GLOSSARY, "ru"))
    size = len(table.evidence)
    head, sections = table.dump()
    stored = (head, [memoryview(s) for s in sections])  # as `diskcache.load_sections` gives them
    again = FastTable.load(stored, size)
    assert again is not None
    # Python values are decoded when a slot's is first read, not on load.
    assert all(v is None for name in FastTable._OBJECTS for v in getattr(again, name).values)
    assert any(getattr(table, name).values for name in FastTable._OBJECTS)
    for name in FastTable.__slots__:
        assert list(getattr(again, name)) == list(getattr(table, name)), name
    # (marshal's bytes of equal values may differ: the round trip is checked by value)
    head2, sections2 = again.dump()
    thrice = FastTable.load((head2, [memoryview(s) for s in sections2]), size)
    for name in FastTable.__slots__:
        assert list(getattr(thrice, name)) == list(getattr(table, name)), name
    assert FastTable.load(stored, size + 1) is None  # another glossary's table
    assert FastTable.load(("not", "a", "table"), size) is None
    assert FastTable.load((head, stored[1][:-1]), size) is None
