"""Russian names in Russian text, lemmatised with pymorphy3, surname gender kept."""

from __future__ import annotations

import pytest

from termguard.translit.names import lemmatize_name, russian_names


@pytest.mark.parametrize(
    ("word", "lemma", "kind"),
    [
        ("Белковой", "Белкова", "person"),
        ("Ермаковым", "Ермаков", "person"),
        ("Белкова", "Белкова", "person"),
        ("Стародубцевым", "Стародубцев", "person"),
        ("Киеву", "Киев", "place"),
        ("Индию", "Индия", "place"),
        ("Турцией", "Турция", "place"),
        ("Интерфакс", "Интерфакс", "organization"),
        ("Аккую", "Аккую", "name"),
        ("Кремле", "Кремль", "name"),
    ],
)
def test_lemmatize_name(word, lemma, kind):
    assert lemmatize_name(word) == (lemma, kind)


def test_names_in_a_reference_entry():
    text = "[3] А. Ермаков, «Турецкий пат». Эрдоган заявил, что покупка С-400 у РФ вызвана отказом США."
    found = {(n.surface, n.lemma, n.kind) for n in russian_names(text)}
    assert ("А. Ермаков", "Ермаков", "person") in found
    assert ("Эрдоган", "Эрдоган", "person") in found
    assert ("РФ", "РФ", "acronym") in found and ("США", "США", "acronym") in found
    # A title's first word is capitalised because it opens the title, not because it is a name.
    assert not any(n.lemma == "Турецкий" for n in russian_names(text))


def test_inflected_source_text():
    text = "Интервью с Максимом Ермаковым. Корреспонденту Елене Белковой сообщили, что он прибыл в Индию."
    lemmas = [n.lemma for n in russian_names(text)]
    assert lemmas == ["Максим", "Ермаков", "Елена", "Белкова", "Индия"]


def test_quoted_names_count_titles_do_not():
    names = russian_names("комплексы С-400 «Триумф» и статья «Турецкий пат»")
    assert [n.lemma for n in names] == ["Триумф"]


def test_sentence_opener_without_name_reading_is_not_a_name():
    assert russian_names("Выступление и дискуссия.") == []
    assert [n.lemma for n in russian_names("Выступление на Мюнхенской конференции.")] == ["Мюнхенский"]


@pytest.mark.parametrize(("word", "lemma"), [("Гюлер", "Гюлер"), ("Гюлером", "Гюлер"), ("Том", "Том"), ("Коммерсанта", "Коммерсант")])
def test_unknown_and_ambiguous_words(word, lemma):
    # Words the dictionary does not know keep their nominative; a case ending is stripped.
    assert lemmatize_name(word)[0] == lemma
