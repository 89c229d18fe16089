"""The matching core: boundaries, case rules, overlaps, folding, caching."""

from __future__ import annotations

import pytest

from termguard.glossary.model import Entry, Glossary, Rendering
from termguard.morph import Match, TermMatcher, language_support, matcher_for


def R(text: str, status: str = "preferred", **kw) -> Rendering:
    return Rendering(text, status, **kw)


GLOSSARY = Glossary((
    Entry("triumf", "name", renderings={"en": (R("Triumf"), R("Triumph", "forbidden")), "xx": (R("Triumf"), R("Triumph", "forbidden"))}),
    Entry("triumph-street", "place", renderings={"en": (R("Triumph Street"),), "xx": (R("Triumph Street"),)}),
    Entry("caatsa", "term", renderings={"xx": (R("CAATSA"), R("Caatsa", "forbidden"))}),
    Entry("air-defense", "term", renderings={"xx": (R("air defense"), R("anti-air", "forbidden"))}),
    Entry("defense", "term", renderings={"xx": (R("defense"),)}),
    Entry("and", "term", renderings={"xx": (R("AND"),)}),
    Entry("us", "organization", renderings={"xx": (R("U.S."),)}),
    Entry("akkuyu-npp", "place", renderings={"xx": (R("АЭС «Аккую»"),)}),
))


@pytest.fixture(scope="module")
def xx() -> TermMatcher:
    return TermMatcher(GLOSSARY, "xx")  # an unknown language: exact forms with folding


def spans(matcher: TermMatcher, text: str) -> list[tuple[str, str, str]]:
    return [(m.entry.id, m.rendering.status, m.surface) for m in matcher.find(text)]


def test_matches_are_sorted_and_carry_their_offsets(xx):
    text = "The Triumph and the Triumf."
    found = xx.find(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert isinstance(m, Match) and text[m.start : m.end] == m.surface
    assert [(m.entry.id, m.approved) for m in found] == [("triumf", False), ("triumf", True)]


@pytest.mark.parametrize("text", ["«Triumph»", "“Triumph”", "(Triumph)", "Triumph’s", "*Triumph*", "—Triumph—"])
def test_unicode_boundaries_next_to_quotes_and_punctuation(xx, text):
    assert spans(xx, text) == [("triumf", "forbidden", "Triumph")]


@pytest.mark.parametrize("text", ["Triumphant", "Triumph2", "preTriumph", "Triumph_x"])
def test_no_match_inside_a_longer_word(xx, text):
    assert [s for s in spans(xx, text) if s[0] == "triumf"] == []


def test_quoted_name_ends_with_a_guillemet(xx):
    assert spans(xx, "строительство АЭС «Аккую» идёт") == [("akkuyu-npp", "preferred", "АЭС «Аккую»")]
    assert spans(xx, "U.S. sanctions") == [("us", "preferred", "U.S.")]


def test_rejected_form_inside_a_longer_approved_form_is_dropped(xx):
    assert spans(xx, "on Triumph Street") == [("triumph-street", "preferred", "Triumph Street")]


def test_shorter_approved_term_inside_a_longer_one_gives_way(xx):
    assert spans(xx, "our air defense") == [("air-defense", "preferred", "air defense")]
    assert spans(xx, "our defense") == [("defense", "preferred", "defense")]


def test_rejected_form_differing_only_in_case_is_matched_with_its_case(xx):
    assert spans(xx, "CAATSA") == [("caatsa", "preferred", "CAATSA")]
    assert spans(xx, "Caatsa") == [("caatsa", "forbidden", "Caatsa")]
    assert spans(xx, "caatsa") == []  # written in capitals: an acronym keeps its case


def test_acronyms_keep_their_case(xx):
    assert spans(xx, "this and that") == []
    assert spans(xx, "AND gate") == [("and", "preferred", "AND")]


def test_unicode_hyphens_and_no_break_spaces_fold(xx):
    assert spans(xx, "anti\u2011air guns") == [("air-defense", "forbidden", "anti\u2011air")]
    assert spans(xx, "air\u00a0defense") == [("air-defense", "preferred", "air\u00a0defense")]


def test_find_results_are_cached_but_not_shared(xx):
    first = xx.find("The Triumf.")
    first.clear()
    assert len(xx.find("The Triumf.")) == 1


def test_matcher_for_builds_once_per_glossary_and_language():
    assert matcher_for(GLOSSARY, "xx") is matcher_for(GLOSSARY, "xx")
    assert matcher_for(GLOSSARY, "xx") is not matcher_for(GLOSSARY, "en")


def test_empty_glossary_matches_nothing():
    assert TermMatcher(Glossary(), "ru").find("«Триумф»") == []


def test_language_support_names_every_dedicated_language():
    langs = " ".join(lang for lang, _ in language_support())
    assert "ru" in langs and "tr" in langs and "en" in langs and "de" in langs


def test_capitalised_rejected_form_does_not_fire_on_its_lowercase_look_alike():
    # A glossary without case information (TBX, CSV): a misspelt name «Март» is not the month.
    g = Glossary((Entry("mort", "term", renderings={"ru": (R("Морт"), R("Март", "forbidden"))}),))
    ru = TermMatcher(g, "ru")
    assert [(m.approved, m.surface) for m in ru.find("18 марта в «Марте»")] == [(False, "Марте")]


def test_case_exact_match_of_one_entry_beats_a_folded_match_of_another():
    g = Glossary((
        Entry("ner-acronym", "term", renderings={"xx": (R("NER"),)}),
        Entry("ner-name", "term", renderings={"xx": (R("Ner"),)}),
    ))
    xx = TermMatcher(g, "xx")
    assert [m.entry.id for m in xx.find("the NER")] == ["ner-acronym"]
    assert [m.entry.id for m in xx.find("the Ner")] == ["ner-name"]


def test_punctuation_inside_a_form_must_match():
    g = Glossary((Entry("s-400", "name", renderings={"xx": (R("S-400"), R("S400", "forbidden"))}),))
    xx = TermMatcher(g, "xx")
    assert [m.surface for m in xx.find("S-400, S400 and S 400")] == ["S-400", "S400"]
    assert [m.approved for m in xx.find("S-400, S400 and S 400")] == [True, False]


def test_large_glossary_only_reports_whole_words():
    entries = tuple(Entry(f"t{i}", "term", renderings={"xx": (R(f"{w}"),)}) for i, w in enumerate(["ten", "den", "men", "pen", "ran", "tan"]))
    xx = TermMatcher(Glossary(entries), "xx")
    assert xx.find("attention tendency mental pencil oranges tank") == []
    assert [m.surface for m in xx.find("ten men ran")] == ["ten", "men", "ran"]


def test_rules_languages_lists_what_each_language_gets():
    from click.testing import CliRunner

    from termguard.cli import main

    result = CliRunner().invoke(main, ["rules", "--languages"])
    assert result.exit_code == 0
    out = result.output
    for lang, what in language_support():
        assert f"{lang}:" in out and what in out
    assert "pymorphy3" in out and "apostrophe" in out and "Snowball" in out
