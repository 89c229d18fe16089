"""`termguard.localedata`: babel's answers, remembered in the disk cache under babel's version."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.messages.plurals import get_plural
from babel.numbers import get_decimal_symbol, get_group_symbol

from termguard import diskcache, localedata


@pytest.fixture
def where(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TERMGUARD_NO_CACHE", raising=False)
    monkeypatch.setattr(diskcache, "_disabled", False)
    localedata.forget()
    yield tmp_path / "cache"
    localedata.forget()


@pytest.mark.parametrize("code", ["ru", "tr", "en", "pt_BR", "de_CH", "ar"])
def test_answers_are_babels(where, code):
    loc = Locale.parse(code)
    assert localedata.locale_id(code) == str(loc)
    assert localedata.number_symbols(code) == (get_decimal_symbol(loc), get_group_symbol(loc))
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            assert dict(localedata.month_names(code, width, context)) == dict(get_month_names(width, context=context, locale=loc))
    assert localedata.plural_categories(code, (0, 1, 2, 5, 11, 21, 101)) == tuple(
        loc.plural_form(n) for n in (0, 1, 2, 5, 11, 21, 101))
    known = get_plural(loc)
    assert localedata.gettext_plural(code) == (known.num_plurals, known.plural_expr)


@pytest.mark.parametrize("code", ["xx", "", "ru-RU", "not a locale", "zz_ZZ"])
def test_unknown_codes_are_none(where, code):
    assert localedata.locale_id(code) is None


def test_a_later_process_reads_the_answers_without_babel(where):
    program = (
        "import json, sys\n"
        "from termguard.numbers.lexicon import lexicon\n"
        "from termguard.checks.plural_forms import language_plurals\n"
        "from termguard.scripts import language_script\n"
        "lex = lexicon('ru')\n"
        "plurals = language_plurals('ru')\n"
        "print(json.dumps([lex.decimal, lex.group, sorted(lex.months.items()), plurals.categories,"
        " plurals.suggestion, language_script('ru'), 'babel' in sys.modules]))\n"
    )
    env_run = lambda: json.loads(subprocess.run(  # noqa: E731
        [sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout)
    first = env_run()
    assert first[-1] is True  # the first process asked babel
    assert list(where.glob("*.locale"))
    second = env_run()
    assert second[:-1] == first[:-1]
    assert second[-1] is False  # the second read the answers from the cache


def test_a_damaged_or_foreign_entry_is_asked_again(where):
    assert localedata.number_symbols("ru") == (",", "\u00a0")
    (path,) = where.glob("*.locale")
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    localedata.forget()
    assert localedata.number_symbols("ru") == (",", "\u00a0")


def test_the_key_follows_babels_version(where, monkeypatch):
    localedata.number_symbols("tr")
    before = {p.name for p in where.glob("*.locale")}
    tokens = {"babel": "another babel"}
    monkeypatch.setattr(diskcache, "library_token", lambda name: tokens.get(name, name))
    localedata.forget()
    localedata.number_symbols("tr")
    after = {p.name for p in where.glob("*.locale")}
    assert len(after - before) == 1


def test_with_the_cache_off_answers_still_come(where, monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    assert localedata.locale_id("ru_RU") == "ru_RU"
    assert not where.exists() or not list(where.glob("*.locale"))


def test_library_token_changes_with_the_package(tmp_path, monkeypatch):
    pkg = tmp_path / "tgfakepkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("__version__ = '1.0'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    diskcache.library_token.cache_clear()
    one = diskcache.library_token("tgfakepkg")
    (pkg / "__init__.py").write_text("__version__ = '1.1'\n")
    diskcache.library_token.cache_clear()
    two = diskcache.library_token("tgfakepkg")
    assert one != two
    assert "tgfakepkg" not in sys.modules  # found, not imported
    absent = diskcache.library_token("tg_no_such_package_here")
    assert absent not in (one, two)
    diskcache.library_token.cache_clear()


def test_the_table_stays_bounded(where, monkeypatch):
    monkeypatch.setattr(localedata, "LIMIT", 8)
    for i in range(40):
        assert localedata.locale_id(f"q{i:03d}") is None
    assert localedata.locale_id("ru") == "ru"
    assert len(localedata._answers()) <= 8
    localedata.forget()
    assert 0 < len(localedata._answers()) <= 8  # what was stored last


def test_place_names_are_babels(where):
    ru, en = Locale("ru"), Locale("en")
    pairs = set(localedata.place_names("ru", "en"))
    assert (ru.territories["IN"], en.territories["IN"]) == ("Индия", "India")
    assert ("Индия", "India") in pairs
    assert {("Москва", "Moscow"), ("Китай", "China")} <= pairs
    assert all(a and b for a, b in pairs)


def test_a_huge_code_is_answered_but_not_kept(where):
    for code in ("ru_" + "x" * 100000, "q" * 100000):
        try:
            expected: str | None = str(Locale.parse(code))
        except (ValueError, UnknownLocaleError):
            expected = None
        assert localedata.locale_id(code) == expected  # what babel says, whatever it is
    assert not any(len(k) > 2000 for k in localedata._answers())


def test_deferred_answers_are_written_once_when_the_block_ends(where, monkeypatch):
    writes: list[int] = []
    real_store = diskcache.store

    def counting_store(key, data, suffix=".matcher"):
        writes.append(len(data))
        real_store(key, data, suffix)

    monkeypatch.setattr(diskcache, "store", counting_store)
    with localedata.deferred():
        with localedata.deferred():  # nested: only the outermost block writes
            assert localedata.number_symbols("ru") == (",", "\u00a0")
            assert localedata.locale_id("tr") == "tr"
        assert localedata.locale_id("en") == "en"
        assert writes == []
        assert not list(where.glob("*.locale"))
    assert len(writes) == 1
    localedata.forget()
    assert localedata._answers().keys() >= {"number_symbols('ru',)", "locale_id('tr',)", "locale_id('en',)"}
    with localedata.deferred():
        assert localedata.locale_id("tr") == "tr"  # known: nothing new to write
    assert len(writes) == 1
    localedata.locale_id("de")  # outside a block: written at once
    assert len(writes) == 2


def test_a_deferred_block_ended_by_an_error_still_writes(where):
    with pytest.raises(RuntimeError), localedata.deferred():
        localedata.locale_id("ru")
        raise RuntimeError("the check failed")
    localedata.forget()
    assert "locale_id('ru',)" in localedata._answers()


def test_a_forked_worker_in_a_deferred_block_writes_what_it_learns(where, monkeypatch):
    with localedata.deferred():
        localedata.locale_id("ru")
        monkeypatch.setattr(localedata, "_deferrer", -1)  # as a forked child sees it: another process's block
        localedata.locale_id("tr")
        assert list(where.glob("*.locale"))  # written at once, both facts
        localedata.forget()
        assert localedata._answers().keys() >= {"locale_id('ru',)", "locale_id('tr',)"}
