"""Russian names with several readings, surnames from first names, soft signs, Cyrillic outlets."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Entry, Glossary, Origin, Rendering
from termguard.translit.align import NameIndex
from termguard.translit.names import lemmatize_name, name_readings, russian_names


def _index(text: str) -> NameIndex:
    return NameIndex.build(russian_names(text))


@pytest.mark.parametrize("title,ok,drift,suggestion", [
    ("«Эпоха Горбачева»", "Gorbachev", "Gorbachov", "Gorbachyov"),
    ("«Упрёки Ельцина»", "Yeltsin", "Yeltsine", "Yeltsin"),
    ("«Дело Ходорковского»", "Khodorkovsky", "Khodorkovskiy", None),  # -iy: an accepted scheme
    ("М. Захарова, «Брифинг»", "Zakharova", "Zakharovva", "Zakharova"),
    ("«Интервью Заботкиной»", "Zabotkina", "Zabotkna", "Zabotkina"),
])
def test_any_reading_accepts_and_the_nearest_reading_suggests(title, ok, drift, suggestion):
    index = _index(title)
    assert index.verdict(ok).kind == "accepted"
    v = index.verdict(drift)
    if suggestion is None:
        assert v.kind == "accepted"
    else:
        assert (v.kind, v.form) == ("drift", suggestion)


def test_readings_keep_both_genders_and_the_title_reading_is_the_likelier():
    assert {"Горбачев", "Горбачева"} <= {r.replace("ё", "е") for r in name_readings("Горбачева")}
    assert lemmatize_name("Горбачева", True)[0].replace("ё", "е") == "Горбачев"  # «Эпоха Горбачева»
    assert lemmatize_name("Белкова")[0] == "Белкова"  # an author, «Е. Белкова»


@pytest.mark.parametrize("word,lemma", [("Заботкиной", "Заботкина"), ("Тимуров", "Тимуров"), ("Тимурову", "Тимуров")])
def test_surnames_the_dictionary_lacks_get_their_own_gender(word, lemma):
    assert lemmatize_name(word) == (lemma, "person")


def test_surname_from_a_first_name_is_in_the_name_list_and_drifts():
    index = _index("С. Тимуров, «Записки»")
    assert index.verdict("Timurov").kind == "accepted"
    assert (index.verdict("Timurof").kind, index.verdict("Timurof").form) == ("drift", "Timurov")


@pytest.mark.parametrize("token,kind", [("Rosneft", "accepted"), ("Rosnefty", "drift"), ("Rosnefti", "drift")])
def test_soft_sign_as_y_is_not_an_english_ending(token, kind):
    assert _index("«Роснефть»").verdict(token).kind == kind


def test_english_endings_still_derive():
    index = _index("«Пакистан»")
    assert index.verdict("Pakistani").kind == "derived"


OUTLETS = Glossary((
    Entry("rbc", "outlet", origin=Origin("ru", "РБК"), renderings={"en": (Rendering("RBC"),), "ru": (Rendering("РБК"),)}),
    Entry("kommersant", "outlet", origin=Origin("ru", "Коммерсантъ"),
          renderings={"en": (Rendering("Kommersant"),), "ru": (Rendering("Коммерсантъ"),)}),
))


def _outlet_findings(outlet: str, url: str) -> list:
    text = f"A claim [1].\n\n## References\n\n- [1] «Заголовок статьи». *{outlet}*, 01.02.2025, <{url}>\n"
    engine = Engine(Config(select=("reference-mismatch",)), glossary=OUTLETS)
    return [f for f in engine.check_text("note.md", text) if "outlet" in f.message]


@pytest.mark.parametrize("outlet,url", [
    ("Коммерсантъ", "https://www.kommersant.ru/doc/1"), ("РБК", "https://www.rbc.ru/politics/1"),
    ("Интерфакс", "https://www.interfax.ru/world/1"), ("Известия", "https://iz.ru/1"),
    ("Ведомости", "https://www.vedomosti.ru/1"), ("РИА Новости", "https://ria.ru/1"),
])
def test_correct_cyrillic_outlets_pass(outlet, url):
    assert _outlet_findings(outlet, url) == []


@pytest.mark.parametrize("outlet,url,suggestion", [
    ("Комерсантъ", "https://www.kommersant.ru/doc/1", ("Коммерсантъ",)),
    ("Ведомасти", "https://www.vedomosti.ru/1", ()),
])
def test_misspelt_cyrillic_outlets_are_reported(outlet, url, suggestion):
    [f] = _outlet_findings(outlet, url)
    assert f.found == outlet and f.suggestions == suggestion


def test_cyrillic_outlet_written_as_a_domain():
    assert _outlet_findings("Армия.аз", "https://armiya.az/ru/news/1") == []
    [f] = _outlet_findings("Армис.аз", "https://armiya.az/ru/news/1")
    assert f.found == "Армис.аз"


def test_names_in_a_headline_in_capitals_are_checked():
    from termguard.translit.align import latin_names

    assert [w for _s, _e, w in latin_names("ERMAKOFF: TURKEY WILL KEEP THE S-400")] == [
        "ERMAKOFF", "TURKEY", "WILL", "KEEP"]
    assert [w for _s, _e, w in latin_names("NATO and CAATSA, said Ermakov")] == ["Ermakov"]  # acronyms in prose
    index = _index("А. Ермаков, «Заголовок»")
    v = index.verdict("ERMAKOFF")
    assert (v.kind, v.form) == ("drift", "ERMAKOV")
    assert index.verdict("YERMAKOV").kind == "accepted"


def test_names_in_a_russian_title_in_capitals():
    names = {n.surface: n for n in russian_names("В. Ермаков, «ЭПОХА ГОРБАЧЕВА И НАТО»")}
    assert names["ГОРБАЧЕВА"].kind == "person" and names["НАТО"].kind == "acronym"
    index = _index("В. Ермаков, «ЭПОХА ГОРБАЧЕВА И НАТО»")
    assert index.verdict("Gorbachev").kind == "accepted"
    assert (index.verdict("Gorbachov").kind, index.verdict("Gorbachov").form) == ("drift", "Gorbachyov")


def test_sources_lists_female_authors_as_women_and_other_readings(tmp_path):
    import json

    from click.testing import CliRunner

    from termguard.cli import main

    doc = tmp_path / "note.md"
    doc.write_text("A claim [1] and another [2].\n\n## References\n\n"
                   "- [1] М. Заботкина, «Эпоха Горбачева». *Известия*, 01.02.2025, <https://iz.ru/1>\n"
                   "- [2] «Интервью Е. Стародубцевой». *Известия*, 02.02.2025, <https://iz.ru/2>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", str(doc), "--format", "json"])
    assert result.exit_code == 0, result.output
    names = {n["lemma"].replace("ё", "е"): n for n in json.loads(result.output)["names"]}
    assert "Заботкина" in names and "Стародубцева" in names  # women, not Заботкин, Стародубцев
    assert "Горбачев" in names and any(r.replace("ё", "е") == "Горбачева" for r in names["Горбачев"]["readings"])
