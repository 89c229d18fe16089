"""The matcher cache: a cached matcher finds exactly what a freshly built one finds."""

from __future__ import annotations

from pathlib import Path

import pytest

import termguard.morph.russian as russian
from termguard import diskcache
from termguard.glossary import glossary_from_text, load_glossary
from termguard.morph import TermMatcher, cache
from termguard.readers.po import parse_po

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "morph"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(where))
    return where


def _texts(name: str) -> list[str]:
    doc = parse_po((FIXTURES / name).read_text(encoding="utf-8"), name)
    return [t.text for u in doc.units for t in (u.source, *u.targets)]


@pytest.mark.parametrize(("lang", "name"), [("ru", "ru.po"), ("tr", "tr.po"), ("en", "ru.po")])
def test_cached_matcher_finds_the_same(cache_dir, monkeypatch, lang, name):
    glossary = load_glossary(FIXTURES / "glossary.yaml")
    built = TermMatcher(glossary, lang)
    assert len(list(cache_dir.glob("*.matcher"))) == 1

    def no_inflection(text):
        raise AssertionError("a cached matcher generates no forms")

    monkeypatch.setattr(russian, "inflect", no_inflection)
    loaded = TermMatcher(glossary, lang)
    texts = _texts(name)
    assert any(built.find(t) for t in texts)
    lazy = getattr(loaded._automaton, "_packed", None) is not None  # the C automaton: values decoded on demand
    if lazy:
        loaded.find(texts[0])
        assert loaded._automaton._values.count(None) > len(loaded._automaton) // 2
    for text in texts:
        assert loaded.find(text) == built.find(text)
        assert loaded.scan(text) == built.scan(text)
    entries = list(glossary)
    assert all(loaded.may_find([e], t) == built.may_find([e], t) for e in entries for t in texts[:20])
    assert sorted(loaded._automaton.items()) == sorted(built._automaton.items())
    if lazy:
        assert None not in loaded._automaton._values  # all decoded for `slots`


def test_key_follows_the_glossary_and_language(cache_dir):
    one = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml")
    other = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумфф]\n", "g.yaml")
    morph = TermMatcher(one, "ru").morph
    assert cache.cache_key(one, "ru", morph) != cache.cache_key(other, "ru", morph)
    assert cache.cache_key(one, "ru", morph) != cache.cache_key(one, "ru_RU", morph)
    assert cache.cache_key(one, "ru", morph) == cache.cache_key(
        glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml"), "ru", morph
    )
    # An edited glossary gets its own matcher, not the stale one.
    assert TermMatcher(other, "ru").find("о «Триумффе»")
    assert not TermMatcher(one, "ru").find("о «Триумффе»")


def test_corrupt_cache_is_rebuilt(cache_dir):
    glossary = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml")
    TermMatcher(glossary, "ru")
    (path,) = cache_dir.glob("*.matcher")
    path.write_bytes(b"\x00garbage")
    assert [m.surface for m in TermMatcher(glossary, "ru").find("о «Триумфе»")] == ["Триумфе"]
    # Well-formed data, but not written by the cache (no checksum).
    stray = (99, 0, "x", 1, None, None, False, "x")
    path.write_bytes(__import__("marshal").dumps((((" x ", (3, 1, 1, False, 0, (stray,), stray, False, 0)),), None)))
    assert [m.surface for m in TermMatcher(glossary, "ru").find("о «Триумфе»")] == ["Триумфе"]


def test_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("TERMGUARD_CACHE_DIR", str(blocker / "cache"))
    glossary = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml")
    assert TermMatcher(glossary, "ru").find("«Триумфа»")


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("TERMGUARD_NO_CACHE", "1")
    glossary = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml")
    assert TermMatcher(glossary, "ru").find("«Триумфа»")
    assert not cache_dir.exists()


def test_old_files_are_pruned(cache_dir, monkeypatch):
    monkeypatch.setattr(diskcache, "KEEP", 3)
    for i in range(5):
        glossary = glossary_from_text(f"- id: t\n  kind: name\n  en: [Triumf{i}]\n  ru: [Триумф{i}]\n", "g.yaml")
        TermMatcher(glossary, "en")
    assert len(list(cache_dir.glob("*.matcher"))) == 3
    assert not list(cache_dir.glob("*.tmp"))


def test_check_no_cache_flag(cache_dir, monkeypatch, tmp_path):
    from click.testing import CliRunner

    from termguard.cli import main

    monkeypatch.setattr(diskcache, "_disabled", False)  # restored after the test: the flag is process-wide
    (tmp_path / "g.yaml").write_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", encoding="utf-8")
    po = tmp_path / "ru.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "The Triumf"\nmsgstr "Система"\n', encoding="utf-8")
    args = ["check", str(po), "--glossary", str(tmp_path / "g.yaml"), "--isolated", "--select", "missing-term"]
    first = CliRunner().invoke(main, [*args, "--no-cache"])
    assert first.exit_code == 1, first.output
    assert "missing-term" in first.output
    assert not cache_dir.exists()
    monkeypatch.setattr(diskcache, "_disabled", False)
    second = CliRunner().invoke(main, args)
    assert second.output == first.output
    assert len(list(cache_dir.glob("*.matcher"))) == 2  # en and ru


def test_cache_size_is_capped(cache_dir, monkeypatch):
    monkeypatch.setattr(diskcache, "KEEP_BYTES", 1)  # only the newest file fits
    for i in range(3):
        glossary = glossary_from_text(f"- id: t\n  kind: name\n  en: [Name{i}]\n  ru: [Имя{i}]\n", "g.yaml")
        TermMatcher(glossary, "en")
    assert len(list(cache_dir.glob("*.matcher"))) == 1


def test_a_loaded_matcher_finds_what_a_built_one_does_and_damage_is_rebuilt(cache_dir):
    """The stored keys and values are loaded back (no forms generated again) and find the
    same; a damaged record is refused by its checksum and the matcher built again."""
    glossary = load_glossary(FIXTURES / "glossary.yaml")
    first = TermMatcher(glossary, "ru")
    (stored,) = cache_dir.glob("*.matcher")
    whole = stored.read_bytes()
    built = TermMatcher._keys
    TermMatcher._keys = None  # type: ignore[assignment]  # a load generates no forms
    try:
        second = TermMatcher(glossary, "ru")
    finally:
        TermMatcher._keys = built  # type: ignore[method-assign]
    texts = _texts("ru.po")
    assert sum(len(first.scan(t)) for t in texts) > 50
    for text in texts:
        assert second.scan(text) == first.scan(text)
    assert sorted(second._automaton.items()) == sorted(first._automaton.items())
    stored.write_bytes(stored.read_bytes()[:-100])  # truncated: the checksum refuses it
    third = TermMatcher(glossary, "ru")
    assert stored.read_bytes() == whole  # built again, and stored whole again
    for text in texts:
        assert third.scan(text) == first.scan(text)


def test_may_find_is_the_same_from_the_cache_and_never_misses(cache_dir):
    """`may_find` (a cheap test before `find`) reads stored initials on a cached matcher:
    the same answers as a fresh one, and never False where `find` finds the entry."""
    glossary = load_glossary(FIXTURES / "glossary.yaml")
    for lang, name in (("ru", "ru.po"), ("tr", "tr.po"), ("en", "ru.po")):
        built = TermMatcher(glossary, lang)
        loaded = TermMatcher(glossary, lang)
        texts = _texts(name)
        for text in texts:
            found = {id(m.entry) for m in built.find(text)}
            for entry in glossary:
                answer = built.may_find([entry], text)
                assert loaded.may_find([entry], text) == answer
                assert answer or id(entry) not in found
