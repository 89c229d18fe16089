"""Multi-word forms across runs of white space: any run of Unicode white space between the
words of a form stands for the form's one space; zero-width characters do not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import TermMatcher
from termguard.morph.base import COMMON_FOLD, LONG_TEXT


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("white-house", "organization", renderings={
        "en": (R("White House"), R("White house", "forbidden", case_sensitive=True)),
        "xx": (R("White House"), R("White house", "forbidden", case_sensitive=True)),
        "tr": (R("Beyaz Saray"),),
    }),
    Entry("ukraine", "place", renderings={"en": (R("Ukraine"), R("the Ukraine", "forbidden"))}),
    Entry("doctor-who", "name", renderings={"en": (R("Dr. Who"),)}),
    Entry("spaced", "term", renderings={"en": (R("front  line"),)}),  # a glossary form with a run
    Entry("sam", "term", renderings={"ru": (R("зенитный ракетный комплекс"), R("система ПВО", "forbidden"))}),
    Entry("air-force", "organization", renderings={"tr": (R("Türk Hava Kuvvetleri"),)}),
    Entry("erdogan", "person", renderings={"tr": (R("Erdoğan"), R("Recep Tayyip Erdogan", "forbidden"))}),
    Entry("triumf", "name", renderings={"en": (R("Triumf"), R("Triumph", "forbidden"))}),
))

# Runs of white space as they come in real texts: two spaces, a tab, no-break spaces (a
# French-style typographer's U+00A0, the narrow U+202F, the thin U+2009), line breaks from
# a wrapped paragraph or a Windows file, the ideographic space, the line separator, mixes.
RUNS = [
    "  ", "\t", " \t ", "\u00a0", "\u202f", "\u2009", "\u2007", "\n", "\r\n", " \r\n  ", "\u00a0 \u202f",
    "\u3000", "\u2028", "\u2003\u2002", "\x0c", "\x85", "\n\n",
]
# Not white space: a zero-width space, word joiner, byte order mark, soft hyphen (between
# two words they join them: "White\u00adhouse" is "Whitehouse").
ZERO_WIDTH = ["\u200b", "\u2060", "\ufeff", "\u00ad"]


@pytest.fixture(scope="module")
def en() -> TermMatcher:
    return TermMatcher(GLOSSARY, "en")


@pytest.fixture(scope="module")
def xx() -> TermMatcher:
    return TermMatcher(GLOSSARY, "xx")  # a language with no morphology of its own


@pytest.fixture(scope="module")
def ru() -> TermMatcher:
    return TermMatcher(GLOSSARY, "ru")


@pytest.fixture(scope="module")
def tr() -> TermMatcher:
    return TermMatcher(GLOSSARY, "tr")


def found(matcher: TermMatcher, text: str) -> list[tuple[str, bool, str, str]]:
    out = []
    for m in matcher.find(text):
        assert text[m.start:m.end] == m.surface  # the span is the text's own, runs and all
        out.append((m.entry.id, m.approved, m.surface, m.suffix))
    return out


def test_every_unicode_white_space_character_folds_to_a_space():
    spaces = {ch for ch in map(chr, range(0x110000)) if ch.isspace() and ch != " "}
    assert {ch for ch, to in COMMON_FOLD.items() if to == " "} == spaces
    assert not set(ZERO_WIDTH) & set(COMMON_FOLD)


@pytest.mark.parametrize("run", RUNS)
def test_forbidden_and_approved_forms_across_a_run(en, xx, run):
    for matcher in (en, xx):
        bad = f"He spoke at the White{run}house on Monday."
        assert found(matcher, bad) == [("white-house", False, f"White{run}house", "")]
        [m] = matcher.find(bad)
        assert m.start == bad.index("White") and m.end == bad.index(" on")
        assert m.text == "White house"  # what messages show
        good = f"the White{run}House said"
        assert found(matcher, good) == [("white-house", True, f"White{run}House", "")]
    assert ("ukraine", False, f"the{run}Ukraine", "") in found(en, f"the{run}Ukraine")


def one_space_view(matcher: TermMatcher, text: str) -> list[tuple[str, bool, str, str, int]]:
    """The matches of `text`, each surface read with its runs as one space, and the start
    as a count of the words before it."""
    return [(m.entry.id, m.approved, m.text, m.suffix, len(text[:m.start].split())) for m in matcher.find(text)]


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("lang,template", [
    ("en", "the{}Ukraine{}said the White{}house{}and{}the{}White{}House's{}staff"),
    ("en", "Dr.{}Who{}met{}the{}Triumph{}crew"),
    ("ru", "купила{}зенитный{}ракетный{}комплекс,{}а{}не{}систему{}американской{}ПВО"),
    ("ru", "о{}системе{}ПВО{}и{}зенитных{}ракетных{}комплексах"),
    ("tr", "Türk{}Hava{}Kuvvetleri'nin{}ve{}Beyaz{}Saray'ın{}açıklaması"),
    ("tr", "Recep{}Tayyip{}Erdogan'ın{}sözleri{}ve{}Erdoğan"),
])
def test_a_run_finds_what_one_space_finds(en, ru, tr, run, lang, template):
    matcher = {"en": en, "ru": ru, "tr": tr}[lang]
    n = template.count("{}")
    expected = one_space_view(matcher, template.format(*[" "] * n))
    assert expected  # the template has forms to find
    assert one_space_view(matcher, template.format(*[run] * n)) == expected
    # A run in one place only: the same forms.
    for k in range(n):
        seps = [" "] * n
        seps[k] = run
        assert one_space_view(matcher, template.format(*seps)) == expected


@pytest.mark.parametrize("ch", ZERO_WIDTH)
def test_zero_width_characters_are_not_white_space(en, ch):
    # Invisible, they join the two words on the page ("Whitehouse"): not the form "White house".
    assert found(en, f"the White{ch}house said") == []
    assert found(en, f"the White{ch}House said") == []


def test_a_zero_width_space_still_ends_a_word(en):
    # U+200B breaks words (UAX #29): "Triumph" then "al", as "Triumph-al" would be.
    assert found(en, "the Triumph\u200b system") == [("triumf", False, "Triumph", "")]
    assert found(en, "the Triumph\u200bal") == [("triumf", False, "Triumph", "")]
    assert found(en, "the Tri\u200bumph") == []


@pytest.mark.parametrize("ch", ["\u00ad", "\u2060", "\ufeff", "\u200d", "\u200c", "\u200e", "\u00ad\u00ad"])
def test_format_characters_inside_a_word_do_not_break_it(en, ru, ch):
    # Soft hyphen, word joiner, zero-width (non-)joiner, direction marks: no word boundary
    # (UAX #29, WB4), so a forbidden form hidden by one is still found, span and all.
    text = f"the Tri{ch}umph's system"
    [m] = en.find(text)
    assert (m.entry.id, m.approved, m.surface, m.text, m.suffix) == ("triumf", False, f"Tri{ch}umph", "Triumph", "'s")
    assert (m.start, m.end) == (4, 4 + len(f"Tri{ch}umph"))
    assert found(en, f"the White{ch} house") == [("white-house", False, f"White{ch} house", "")]
    assert found(en, f"{ch}Triumph{ch}") == [("triumf", False, "Triumph", "")]  # not the invisible ones
    assert found(ru, f"купила систему амери{ch}канской ПВО") == [
        ("sam", False, f"систему амери{ch}канской ПВО", "")]


@pytest.mark.parametrize("text", ["the White, house", "the White-house", "the White.  house", "the White\u200b house"])
def test_punctuation_between_the_words_is_still_not_a_space(en, text):
    assert found(en, text) == []


def test_offsets_after_runs_stay_exact(en):
    text = "A  run,\t\tthen  the\n\nUkraine  and   Triumph\r\n\r\nand White\u00a0\u00a0house."
    got = [(m.entry.id, m.approved, m.surface, m.start, m.end) for m in en.find(text)]
    at = text.index
    assert got == [
        ("ukraine", False, "the\n\nUkraine", at("the\n"), at("  and")),
        ("ukraine", True, "Ukraine", at("Ukraine"), at("  and")),
        ("triumf", False, "Triumph", at("Triumph"), at("Triumph") + 7),
        ("white-house", False, "White\u00a0\u00a0house", at("White"), len(text) - 1),
    ]


def test_punctuation_inside_a_form_then_a_run(en):
    assert found(en, "Dr.  Who returns") == [("doctor-who", True, "Dr.  Who", "")]
    assert found(en, "Dr.\nWho returns") == [("doctor-who", True, "Dr.\nWho", "")]
    assert found(en, "Dr Who returns") == []


def test_a_glossary_form_written_with_a_run_matches_one_space(en):
    assert found(en, "at the front line") == [("spaced", True, "front line", "")]
    assert found(en, "at the front\t\tline") == [("spaced", True, "front\t\tline", "")]


def test_english_possessive_after_a_form_with_a_run(en):
    assert found(en, "the White  house's view") == [("white-house", False, "White  house", "'s")]


@pytest.mark.parametrize("text,surface", [
    ("купила зенитный  ракетный\nкомплекс", "зенитный  ракетный\nкомплекс"),
    ("о зенитных\u00a0ракетных \r\n комплексах", "зенитных\u00a0ракетных \r\n комплексах"),
    ("против зенитного\t\tракетного комплекса", "зенитного\t\tракетного комплекса"),
])
def test_russian_inflected_multiword_forms_across_runs(ru, text, surface):
    assert found(ru, text) == [("sam", True, surface, "")]


@pytest.mark.parametrize("text,surface", [
    ("купила систему  ПВО", "систему  ПВО"),
    ("о системе\nПВО", "системе\nПВО"),
    ("купила систему американской  ПВО", "систему американской  ПВО"),
    ("о системе\u00a0турецкой\r\nПВО", "системе\u00a0турецкой\r\nПВО"),
])
def test_russian_rejected_forms_and_gap_adjective_forms_across_runs(ru, text, surface):
    assert found(ru, text) == [("sam", False, surface, "")]


def test_turkish_forms_and_suffixes_across_runs(tr):
    assert found(tr, "Beyaz  Saray'ın açıklaması") == [("white-house", True, "Beyaz  Saray", "'ın")]
    assert found(tr, "Türk\nHava   Kuvvetleri'nin envanteri") == [
        ("air-force", True, "Türk\nHava   Kuvvetleri", "'nin")]
    assert ("erdogan", False, "Recep  Tayyip\tErdogan", "'ın") in found(tr, "Recep  Tayyip\tErdogan'ın sözleri")


def test_texts_hit_sees_the_texts_with_a_form_across_a_run(en):
    texts = ["nothing here", "the White  house", "no\n\nterm  ", "  the\tUkraine", "White\r\n", "house"]
    hit = en.texts_hit(texts)
    assert {1, 3} <= hit
    assert all(i in hit for i, t in enumerate(texts) if en.find(t))


def test_texts_hit_on_a_long_block(en):
    # A block's texts joined past `LONG_TEXT` go the long way (one `replace` per character).
    filler = ["plain words  and\tmore words \u00a0 here"] * (LONG_TEXT // 20)
    texts = [*filler, "at the White \u202f house", *filler, "the\n Ukraine", *filler]
    assert sum(map(len, texts)) > LONG_TEXT
    hit = en.texts_hit(texts)
    assert {len(filler), 2 * len(filler) + 1} <= hit
    assert all(i in hit for i, t in enumerate(texts) if en.find(t))


def test_a_long_text_with_runs(en):
    text = ("words  and\twords. " * (LONG_TEXT // 10)) + "the White\n\thouse"
    assert len(text) > LONG_TEXT
    assert found(en, text) == [("white-house", False, "White\n\thouse", "")]


_WORDS = ["White", "house", "House", "the", "Ukraine", "Dr.", "Who", "Triumph", "front", "line", "and", "«White", "house»"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", *RUNS])), min_size=1, max_size=10))
def test_any_text_with_runs_finds_what_its_one_space_reading_finds(words):
    en = TermMatcher(GLOSSARY, "en")
    text = "".join(w + sep for w, sep in words)
    plain = "".join(w + " " for w, _sep in words)
    assert one_space_view(en, text) == one_space_view(en, plain)
    texts = [text, plain, "none", text]
    assert {k for k, t in enumerate(texts) if en.find(t)} <= en.texts_hit(texts)


_RU_WORDS = ["систему", "системе", "система", "американской", "турецкой", "ПВО", "зенитный", "ракетный", "комплекс",
             "зенитных", "ракетных", "комплексах", "и", "сис\u00adтему", "ракет\u2060ный", "ПВО\u00ad"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_RU_WORDS), st.sampled_from([" ", *RUNS, *ZERO_WIDTH])), min_size=1, max_size=8))
def test_texts_hit_never_misses_a_russian_text_find_finds_something_in(words):
    ru = TermMatcher(GLOSSARY, "ru")
    texts = ["".join(w + sep for w, sep in words), "ничего", "".join(w + " " for w, _sep in words)]
    assert {k for k, t in enumerate(texts) if ru.find(t)} <= ru.texts_hit(texts)
    if ru.find(texts[0]):
        # A block of them, joined past `LONG_TEXT`: every one is hit.
        assert ru.texts_hit([texts[0]] * 300) == set(range(300))


@pytest.mark.parametrize("text", ["купила сис\u00adтему американской ПВО", "о системе  турецкой\u2060 ПВО",
                                  "купила систему американ\u00adской\n\nПВО"])
def test_texts_hit_sees_a_gap_form_with_runs_and_format_characters(ru, text):
    assert found(ru, text)[0][:2] == ("sam", False)
    assert ru.texts_hit(["ничего", text]) == {1}
