"""Adjective agreement reads the adjective's lexeme once (`_adjective_lexeme`) and picks
each form itself (`_inflected`): the form it picks is pymorphy3's `Parse.inflect`, for
every case, number, gender and animacy, rare cases included."""

from __future__ import annotations

import itertools

import pytest

from termguard.glossary import load_glossary
from termguard.morph import russian

pytest.importorskip("pymorphy3")

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "gen2", "loc2", "acc2", "voct")
NUMBERS = ("sing", "plur")
GENDERS = (None, "masc", "femn", "neut")
ANIMACY = (None, "anim", "inan")
#: Adjectives and participles of every kind: hard and soft stems, -ой, possessives,
#: short-form-only and prefix-analysed words, participles.
WORDS = (
    "красный", "синий", "большой", "лисий", "третий", "зенитный", "ракетный", "многовекторная",
    "турецкой", "военно-морской", "национальный", "летящий", "сбитый", "московское", "российские",
    "атомная", "новый", "последний", "божий", "стратегический",
)


def _glossary_words() -> set[str]:
    glossary = load_glossary("glossary")
    words: set[str] = set()
    for entry in glossary.entries:
        for rendering in entry.renderings.get("ru", ()):
            words.update(w.lower().replace("ё", "е") for w in rendering.text.split())
    return words


@pytest.fixture(scope="module")
def adjectives() -> list[str]:
    found = [w for w in sorted(set(WORDS) | _glossary_words()) if russian._adjective(w) is not None]
    assert len(found) >= 20  # the test must see many adjectives to mean anything
    return found


def test_each_form_is_pymorphy3s(adjectives):
    compared = 0
    for word in adjectives:
        p = russian._adjective(word)
        lexeme = russian._adjective_lexeme(word)
        for case, number, gender, animacy in itertools.product(CASES, NUMBERS, GENDERS, ANIMACY):
            grams = {g for g in (case, number, gender, animacy) if g}
            expected = p.inflect(grams)
            got = russian._inflected(p, lexeme, grams)
            assert (got.word, got.tag) == (expected.word, expected.tag) if expected else got is None, (word, grams)
            compared += 1
    assert compared > 1000


def test_agreement_forms_are_unchanged(adjectives):
    # `_adjective_form` as it was written on `Parse.inflect`, beside the one on the lexeme.
    def before(word, case, number, gender, animacy):
        p = russian._adjective(word)
        grams = {case, number}
        if number == "sing" and gender:
            grams.add(gender)
        found = p.inflect(grams | {animacy}) if case == "accs" and animacy else None
        found = found or p.inflect(grams)
        return found.word if found else None

    for word in adjectives:
        for case, number, gender, animacy in itertools.product(CASES[:6], NUMBERS, GENDERS, ANIMACY):
            assert russian._adjective_form(word, case, number, gender, animacy) == before(word, case, number, gender, animacy)
