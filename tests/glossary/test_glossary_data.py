"""Integrity of the project's glossary (glossary/*.yaml), in the style of codespell's dictionary tests.

Every entry is checked on its own (parametrised by id) so a failure names the entry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.checks.glossary_test import run_test
from termguard.glossary import read_glossary
from termguard.glossary_lint import inline_test_rules, lint

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY_DIR = ROOT / "glossary"
LANGS = ("en", "ru", "tr")

GLOSSARY, PROBLEMS = read_glossary(GLOSSARY_DIR)
ENTRIES = list(GLOSSARY)


def _ids(entries):
    return [e.id for e in entries]


def test_loads_without_problems():
    assert PROBLEMS == []


def test_at_least_sixty_entries():
    assert len(ENTRIES) >= 60


def test_no_duplicate_ids():
    ids = _ids(ENTRIES)
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_no_duplicates_conflicts_or_unmatchable_forms():
    found = lint(GLOSSARY, select=["glossary-duplicate", "glossary-conflict", "glossary-unmatchable"])
    assert [f"{f.path}:{f.line}: {f.message}" for f in found] == []


def test_whole_lint_is_clean():
    assert [f"{f.path}:{f.line}: {f.message}" for f in lint(GLOSSARY, PROBLEMS)] == []


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_entry_has_en_ru_tr_or_dnt(entry):
    if entry.dnt:
        assert entry.approved("en"), f"{entry.id}: a dnt entry needs an approved en form"
    else:
        missing = [lang for lang in LANGS if not entry.approved(lang)]
        assert missing == [], f"{entry.id}: no approved rendering for {missing}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_no_form_both_approved_and_rejected(entry):
    for lang, forms in entry.renderings.items():
        approved = {r.text for r in forms if r.approved}
        rejected = {r.text for r in forms if not r.approved}
        assert approved & rejected == set(), f"{entry.id} ({lang})"


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_forms_are_clean(entry):
    for lang, forms in entry.renderings.items():
        for r in forms:
            assert r.text == r.text.strip() and r.text, f"{entry.id} ({lang}): {r.text!r}"
            assert "  " not in r.text, f"{entry.id} ({lang}): double space in {r.text!r}"


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_entry_has_note_and_test(entry):
    assert entry.note, f"{entry.id}: explain the choice in a note"
    assert entry.tests, f"{entry.id}: add at least one inline test"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.origin], ids=_ids([e for e in ENTRIES if e.origin]))
def test_russian_origin_is_cyrillic_and_a_russian_form(entry):
    if entry.origin.lang != "ru":
        pytest.skip(f"origin language {entry.origin.lang}")
    assert any("\u0400" <= ch <= "\u04ff" for ch in entry.origin.text), entry.id
    ru_forms = {r.text for r in entry.forms("ru")}
    assert any(entry.origin.text in form or form in entry.origin.text for form in ru_forms), entry.id


@pytest.mark.parametrize("entry", ENTRIES, ids=_ids(ENTRIES))
def test_rejected_forms_have_a_reason(entry):
    for lang, forms in entry.renderings.items():
        for r in forms:
            if not r.approved:
                assert r.note, f"{entry.id} ({lang}): say why “{r.text}” is {r.status}"


TESTS = [(e, t) for e in ENTRIES for t in e.tests]
TEST_RULES = inline_test_rules()


@pytest.mark.parametrize("entry,case", TESTS, ids=[f"{e.id}-{t.lang}-{'ok' if t.expect_ok else 'bad'}-{t.line}" for e, t in TESTS])
def test_inline_test_passes(entry, case):
    found = run_test(GLOSSARY, entry, case, TEST_RULES)
    if case.expect_ok:
        assert [f.message for f in found] == []
    else:
        assert any(f.term == entry.id for f in found), f"“{case.text}” is not reported for {entry.id}"


def test_seed_names_are_covered():
    """The seed's key names each resolve to a glossary entry (a spot check of coverage)."""
    from termguard.glossary.query import lookup

    for name in ("Triumf", "S-400", "HQ-9", "SAMP/T", "Patriot", "F-16 Block 70", "J-31", "Su-57", "JF-17 Thunder",
                 "KAAN", "SIPER 2", "CAATSA", "SMO", "SSB", "Rosoboronexport", "NATO", "Akkuyu NPP", "TurkStream",
                 "Lockheed Martin", "Bloomberg", "Kremlin", "Interfax", "RBC", "RIA Novosti", "Kommersant",
                 "Voennoye Obozreniye", "Nezavisimaya Gazeta", "Lenta.ru", "Forbes", "Institute of the Middle East",
                 "ARVAK Center", "Erdogan", "Putin", "Trump", "Tom Barrack", "Ermakov", "Starodubtsev", "Belkova",
                 "Ashgabat", "Kyiv", "Turkmenistan", "Ankara", "Moscow", "Washington", "Beijing", "Munich",
                 "Nagorno-Karabakh", "Syria", "Gaza", "Iran", "air defense", "military-industrial complex",
                 "multi-vector policy", "Eurasianism", "fifth-generation fighter", "Turkish Air Force",
                 "General Staff", "Ministry of Defense", "U.S. Department of State", "EU"):
        assert lookup(GLOSSARY, name), name
