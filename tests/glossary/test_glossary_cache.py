"""Parsed glossary files in the disk cache (`termguard.glossary.cached`): a cached read gives
exactly what a parse gives, and any change to a file, its path or the CSV languages parses
it again."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

import termguard.glossary.tbx as tbx
from termguard.errors import InputError
from termguard.glossary import read_glossary
from termguard.glossary.cached import dump_entry, load_entry

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "glossary"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(where))
    return where


def _parse_only(path, monkeypatch, langs=None):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    try:
        return read_glossary(path, langs)
    finally:
        monkeypatch.delenv("TERMGUARD_NO_CACHE")


@pytest.mark.parametrize(
    ("name", "langs"),
    [
        (ROOT / "glossary", None),  # the project's glossary: every YAML feature it uses
        (FIXTURES / "sample_v2.tbx", None),
        (FIXTURES / "sample_v3.tbx", None),
        (FIXTURES / "broken.yaml", None),  # entries with problems (eight)
        (FIXTURES / "sample.csv", ("en", "ru")),
        (FIXTURES / "sample.csv", None),
        (ROOT / "tests" / "fixtures" / "morph" / "glossary.yaml", None),
    ],
)
def test_a_cached_read_is_the_parse(cache_dir, monkeypatch, name, langs):
    parsed, parsed_problems = _parse_only(name, monkeypatch, langs)
    first, first_problems = read_glossary(name, langs)  # parsed, and stored
    assert list(cache_dir.glob("*.glossary"))
    second, second_problems = read_glossary(name, langs)  # from the cache
    assert second.entries == first.entries == parsed.entries
    assert second_problems == first_problems == parsed_problems
    assert second.sources == parsed.sources
    assert second.digest == first.digest is not None


def test_a_hit_does_not_parse(cache_dir, monkeypatch):
    path = FIXTURES / "sample_v3.tbx"
    expected, _ = read_glossary(path)

    def no_parse(*args, **kwargs):
        raise AssertionError("a cached file is not parsed again")

    monkeypatch.setattr(tbx, "load_tbx", no_parse)
    assert read_glossary(path)[0].entries == expected.entries


def test_an_edited_file_is_parsed_again(cache_dir, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", encoding="utf-8")
    before = read_glossary(path)[0]
    path.write_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумфф]\n", encoding="utf-8")
    after = read_glossary(path)[0]
    assert after.get("t").renderings["ru"][0].text == "Триумфф"
    assert after.digest != before.digest


def test_the_same_bytes_at_another_path_name_their_own_path(cache_dir, tmp_path):
    one, other = tmp_path / "one.tbx", tmp_path / "other.tbx"
    shutil.copy(FIXTURES / "sample_v3.tbx", one)
    shutil.copy(FIXTURES / "sample_v3.tbx", other)
    assert {e.path for e in read_glossary(one)[0]} == {str(one)}
    assert {e.path for e in read_glossary(other)[0]} == {str(other)}


def test_csv_languages_are_part_of_the_key(cache_dir):
    path = FIXTURES / "sample.csv"
    assert read_glossary(path, ("en", "tr"))[0].entries != read_glossary(path, ("en", "ru"))[0].entries


def test_a_corrupt_or_foreign_cache_file_is_parsed_again(cache_dir, monkeypatch):
    path = FIXTURES / "sample_v3.tbx"
    expected = read_glossary(path)[0].entries
    (stored,) = cache_dir.glob("*.glossary")
    for junk in (b"\x00garbage", marshal.dumps(("not", "entries")), marshal.dumps(((("x",),), ()))):
        stored.write_bytes(junk)
        assert read_glossary(path)[0].entries == expected


def test_an_invalid_file_still_fails_and_is_not_stored(cache_dir, tmp_path):
    path = tmp_path / "g.tbx"
    shutil.copy(FIXTURES / "malformed.tbx", path)
    for _ in range(2):
        with pytest.raises(InputError):
            read_glossary(path)
    assert not list(cache_dir.glob("*.glossary"))


def test_no_cache_writes_nothing_but_still_fingerprints(cache_dir, monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    glossary, _ = read_glossary(FIXTURES / "sample_v3.tbx")
    assert glossary.digest is not None
    assert not cache_dir.exists()


def test_entries_round_trip_through_plain_data():
    entries = read_glossary(ROOT / "glossary")[0].entries
    assert [load_entry(dump_entry(e)) for e in entries] == list(entries)
    assert any(e.origin for e in entries) and any(e.tests for e in entries)


def test_cached_entries_are_built_when_first_asked_for(cache_dir):
    """A glossary from the cache builds an entry only when someone asks for it, and the
    same object every time (matchers key their caches on entries' identity)."""
    import pickle

    from termguard.glossary.model import Entries

    path = ROOT / "glossary"
    parsed = list(read_glossary(path)[0].entries)  # parsed and stored
    glossary = read_glossary(path)[0]  # from the cache
    entries = glossary.entries
    assert isinstance(entries, Entries)

    def built() -> int:
        return sum(item is not None for item in entries._items)

    assert built() == 0
    assert len(entries) == len(parsed) and entries.ids() == [e.id for e in parsed]
    assert built() == 0
    caatsa = glossary.get("caatsa")
    assert caatsa == next(e for e in parsed if e.id == "caatsa")
    assert built() == 1
    assert glossary.get("caatsa") is caatsa is entries[entries.index_of(caatsa)]
    assert glossary.get("no-such-id") is None
    assert entries[-1] == parsed[-1] and entries[-1] is entries[len(entries) - 1]
    assert entries[:2] == tuple(parsed[:2])
    assert built() == 4
    with pytest.raises(KeyError):
        entries.index_of(parsed[0])  # an equal entry, but not one of these
    assert entries == parsed and built() == len(parsed)
    assert pickle.loads(pickle.dumps(entries)) == entries


def test_a_check_builds_only_the_entries_its_texts_hit(cache_dir, tmp_path):
    from termguard.config import Config
    from termguard.engine import Engine

    path = tmp_path / "ru.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The Triumf system"\nmsgstr "Система «Триумпф»"\n',
        encoding="utf-8",
    )
    config = Config(glossary=str(ROOT / "glossary"), select=("forbidden-term", "missing-term"))
    Engine(config).check_file(str(path))  # the glossary's parse and its matchers stored
    engine = Engine(config)
    findings, _, _ = engine.check_file(str(path))
    assert [f.term for f in findings] == ["triumf"]
    items = engine.glossary.entries._items
    assert sum(item is not None for item in items) < len(items) // 4
