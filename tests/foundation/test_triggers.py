"""Triggers (`termguard.triggers`) only let entries through: a triggered run reports byte for
byte what a run of every rule on every entry reports, on the fixtures, the project's
translations, generated corpora and hostile entries."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.checks import all_rules
from termguard.config import Config
from termguard.engine import Engine, collect_files
from termguard.errors import TermguardError
from termguard.glossary import load_glossary
from termguard.model import Unit
from termguard.reporters import RenderOptions, get_renderer
from termguard.runner import check_paths
from termguard.triggers import Dispatcher, Trigger

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
GLOSSARIES = [
    ROOT / "glossary", FIXTURES / "morph" / "glossary.yaml", FIXTURES / "glossary" / "sample_v2.tbx",
    FIXTURES / "linguistics" / "glossary.yaml", FIXTURES / "fixes" / "glossary.yaml",
]
OPTIONS = RenderOptions(color=False, version="test", root=str(ROOT), quiet=True)


def _rendered(engine: Engine, paths: list[str], jobs: int = 1) -> str:
    try:
        report = check_paths(engine, paths, jobs=jobs)
    except TermguardError as exc:
        return f"error: {exc}"
    return get_renderer("json")(report, OPTIONS)


def _both(glossary_path: Path, paths: list[str], jobs: int = 1, **config) -> tuple[str, str]:
    glossary = load_glossary(glossary_path)
    triggered = Engine(Config(**config), glossary=glossary)
    full = Engine(Config(**config), glossary=glossary)
    full.triggered = False
    return _rendered(triggered, paths, jobs), _rendered(full, paths, jobs)


def _checkable() -> list[str]:
    files = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix in (".po", ".pot", ".md", ".txt", ".xlf", ".xliff", ".tmx"):
            files.append(str(path))
    return files


def test_some_rules_have_triggers_and_each_is_a_trigger():
    triggered = [r for r in all_rules() if r.trigger is not None]
    assert {r.name for r in triggered} >= {"forbidden-term", "missing-term", "untranslated-term"}
    assert all(isinstance(r.trigger, Trigger) for r in triggered)


@pytest.mark.parametrize("glossary", GLOSSARIES, ids=lambda p: p.name)
def test_fixtures_and_translations_report_the_same_triggered_or_not(glossary):
    for path in [*_checkable(), str(ROOT / "translations"), str(ROOT / "seeds")]:
        triggered, full = _both(glossary, [path])
        assert triggered == full, path


@pytest.mark.parametrize(("entries", "terms", "seed"), [(600, 100, 3), (400, 10000, 5)])
def test_generated_corpora_report_the_same_triggered_or_not(tmp_path, entries, terms, seed):
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "corpus_gen.py"), "--entries", str(entries), "--terms", str(terms),
         "--seed", str(seed), "--error-rate", "0.2", "--out", str(tmp_path)],
        check=True, stdout=subprocess.DEVNULL,
    )
    po = str(tmp_path / f"corpus_e{entries}_t{terms}.po")
    triggered, full = _both(tmp_path / f"glossary_t{terms}.tbx", [po])
    assert triggered == full
    assert '"forbidden-term"' in full and '"missing-term"' in full  # the corpus plants term errors


def test_a_streamed_and_a_chunked_file_report_the_same_triggered_or_not(tmp_path, monkeypatch):
    import termguard.engine as engine_module
    import termguard.parallel as parallel_module

    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 1)
    monkeypatch.setattr(parallel_module, "CHUNK_THRESHOLD", 1)
    po = str(FIXTURES / "morph" / "ru.po")
    serial = _both(FIXTURES / "morph" / "glossary.yaml", [po])
    assert serial[0] == serial[1]
    chunked = _both(FIXTURES / "morph" / "glossary.yaml", [po], jobs=2)
    assert chunked[0] == chunked[1]


_PIECES = [
    "Triumf", "«Триумф»", "«Триумфа»", "Triumph", "Триумпф", "S-400", "С-400", "S 400", "C-400", "CAATSA", "Caatsa",
    "KAAN", "Каан", "Erdoğan'ın", "Akkuyu", "АЭС «Аккую»", "Tri**umf**", "[Triumf](http://x.y/Triumf)", "`S-400`",
    "%(count)d", "%s", "{name}", "{0}", "12.03.2020", "2020-03-12", "31/02/2021", "5", "пять", "five", "1,5",
    "<b>", "</b>", "&amp;", "\\n", "\\\"", "Σ", "İstanbul", "ı", "\u00a0", "-", "'", "’", ",", ".", "  ",
    "систем", "the", "and", "полтора", "on iki", "bir", "two and a half", "пятьсот", "Anka", "Hürjet", "Сирия", "TF-X", "word",
]
_text = st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join)


def _entry(i: int, source: str, target: str, flag: str | None) -> str:
    flags = f"#, {flag}\n" if flag else ""
    return f'{flags}msgctxt "e{i}"\nmsgid "{source}"\nmsgstr "{target}"\n'


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(_text, _text, st.sampled_from([None, "python-format", "c-format", "fuzzy"])), min_size=1, max_size=12))
def test_hostile_entries_report_the_same_triggered_or_not(tmp_path, rows):
    header = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    body = "\n".join(_entry(i, s.replace('"', ""), t.replace('"', ""), f) for i, (s, t, f) in enumerate(rows))
    path = tmp_path / "hostile.ru.po"
    path.write_text(header + "\n" + body, encoding="utf-8")
    triggered, full = _both(FIXTURES / "morph" / "glossary.yaml", [str(path)])
    assert triggered == full


def test_texts_hit_never_misses_a_text_find_finds_something_in():
    from termguard.morph import matcher_for
    from termguard.readers.po import parse_po

    glossary = load_glossary(FIXTURES / "morph" / "glossary.yaml")
    for lang, name in (("ru", "ru.po"), ("tr", "tr.po"), ("en", "ru.po")):
        matcher = matcher_for(glossary, lang)
        doc = parse_po((FIXTURES / "morph" / name).read_text(encoding="utf-8"), name)
        texts = [u.source.text for u in doc.units] + [t.text for u in doc.units for t in u.targets]
        hit = matcher.texts_hit(texts)
        found = {k for k, text in enumerate(texts) if matcher.find(text)}
        assert found and found <= hit


def test_a_rule_without_a_trigger_sees_every_entry():
    """Rules without a trigger get every unit; a trigger that cannot fire keeps its rule away."""
    from termguard.checks.base import CheckContext, Rule
    from termguard.glossary import Glossary

    class Every(Rule):
        code, name = "TG999", "every"

    class Digits(Rule):
        code, name = "TG998", "digits"
        trigger = Trigger(chars=r"\d")

    files = collect_files([str(FIXTURES / "numbers" / "ru.po")])
    from termguard.readers import load_text, read_document

    doc = read_document(files[0], load_text(files[0]))
    units: list[Unit] = list(doc.units)
    every, digits = Every(), Digits()
    chosen = Dispatcher([every, digits], CheckContext(glossary=Glossary(), document=doc)).rules_per_unit(units)
    assert all(every in rules for rules in chosen)
    for unit, rules in zip(units, chosen):
        has_digit = any(re.search(r"\d", t.text) for t in [unit.source, *unit.targets])
        assert (digits in rules) == has_digit


@pytest.mark.parametrize(("lang", "name"), [("ru", "ru.po"), ("tr", "tr.po")])
def test_the_number_evidence_never_misses_a_quantity(lang, name):
    """Every text `extract` finds a quantity in has a digit or a number word of its language."""
    from termguard.numbers import extract
    from termguard.numbers.extract import normalise_word, number_words
    from termguard.readers.po import parse_po

    doc = parse_po((FIXTURES / "numbers" / name).read_text(encoding="utf-8"), name)
    pairs = [(u.source.text, "en") for u in doc.units] + [(t.text, lang) for u in doc.units for t in u.targets]
    pairs += [("two and a half", "en"), ("полтора года", "ru"), ("on iki ay", "tr"), ("İki", "tr"), ("пятьсот", "ru")]
    quantities = 0
    for text, text_lang in pairs:
        if extract(text, text_lang):
            quantities += 1
            lowered = normalise_word(text)
            assert re.search(r"\d", text) or any(word in lowered for word in number_words(text_lang)), text
    assert quantities > 10


def _glossary_pieces(glossary, lang: str) -> list[str]:
    """Forms of every rendering of `lang` (as written, in capitals, lowercased, capitalised,
    and the automaton's own inflected keys), for texts that hit the term triggers' edges."""
    from termguard.morph import matcher_for

    matcher = matcher_for(glossary, lang)
    pieces: set[str] = set()
    for entry in glossary.entries:
        for r in entry.forms(lang):
            text = r.text.strip()
            pieces.update({text, text.upper(), text.lower(), text[:1].upper() + text[1:]})
    keys = sorted(k.strip() for k in matcher._automaton.keys("")) if matcher._automaton is not None else []
    pieces.update(keys[:: max(1, len(keys) // 60)])
    return sorted(p for p in pieces if p)


_MORPH = FIXTURES / "morph" / "glossary.yaml"
_LINKS = ["", " ", ", ", " и ", " of the ", "-", " «", "» ", "'ın ", "s ", " Street ", " турецкой ", "\n", ". "]


@pytest.mark.parametrize("lang", ["ru", "en", "tr"])
def test_key_evidence_covers_what_find_finds(lang):
    """What the term rules' triggers read (`texts_keys`, `hit_candidates`, `surely_found`)
    never rules out a match `find` makes: every match has a hit at its start whose passing
    candidates include its rendering (or the text may hold a gapped form), and every entry
    `surely_found` names has an approved match."""
    from termguard.checks.missing_term import source_entries
    from termguard.morph import matcher_for

    glossary = load_glossary(_MORPH)
    matcher = matcher_for(glossary, lang)
    pieces = _glossary_pieces(glossary, lang)
    index_of = glossary.entries.index_of

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(_LINKS)), max_size=5), min_size=1, max_size=6))
    def check(parts):
        texts = ["".join(p + link for p, link in text) for text in parts]
        evidence = matcher.texts_keys(texts)
        for text, keys in zip(texts, evidence):
            matches = matcher.find(text)
            for m in matches:
                if keys.gap:
                    continue
                passing = [c for h in keys.hits if h[0] == m.start for c in matcher.hit_candidates(keys, h)]
                assert any(matcher.rendering_of(c) is m.rendering for c in passing), (text, m)
            approved = {index_of(m.entry) for m in matches if m.approved}
            assert matcher.surely_found(keys) <= approved, text
            if not keys.gap:
                # What missing-term's trigger takes for the entries a source may name.
                assert {index_of(m.entry) for m in matches} <= source_entries(matcher, keys), text

    check()
