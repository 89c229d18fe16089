"""translit-drift (TG201): Latin renderings of Russian names no scheme or glossary gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import load_glossary
from termguard.glossary.model import Glossary
from termguard.sources.loader import load_sources

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "translit"


def _engine(select: tuple[str, ...], glossary: Glossary | None = None, sources: bool = True, **options) -> Engine:
    opts = dict(options)
    if sources:
        opts["sources"] = load_sources(str(FIX / "sources"))
    return Engine(Config(select=select, options=opts), glossary=glossary if glossary is not None else load_glossary(FIX / "glossary"))


def _check(engine: Engine, name: str):
    return engine.check_text(f"tests/fixtures/translit/{name}", (FIX / name).read_text(encoding="utf-8"))


def test_planted_drifts_reported_with_nearest_form():
    found = [(f.line, f.column, f.found, f.suggestions) for f in _check(_engine(("translit-drift",)), "drift.en.md")]
    assert found == [
        (3, 1, "Maxim", ("Maksim",)),            # x/ks, from «Максимом» in the sources
        (3, 32, "Belkowa", ("Belkova",)),        # w/v, from «Белковой»
        (4, 1, "Nicolai", ("Nikolai",)),         # c/k
        (4, 61, "Starodubtsov", ("Starodubtsev",)),  # typo
        (5, 5, "Armiys", ("Armiya",)),           # typo of the outlet «Армия»
    ]


def test_message_names_russian_form_and_scheme():
    f = next(f for f in _check(_engine(("translit-drift",)), "drift.en.md") if f.found == "Starodubtsov")
    assert "«Стародубцев»" in f.message and "“Starodubtsev”" in f.message and "Wikipedia" in f.message
    assert f.rule == "translit-drift" and f.code == "TG201" and f.severity.value == "warning"


def test_glossary_forbidden_span_is_not_reported_twice():
    findings = _engine(("translit-drift", "forbidden-term")).check_text("d.md", (FIX / "drift.en.md").read_text(encoding="utf-8"))
    triumph = [f.rule for f in findings if f.found == "Triumph"]
    assert triumph == ["forbidden-term"]


def test_ph_f_drift_without_a_glossary_entry():
    findings = _engine(("translit-drift",), glossary=Glossary()).check_text("d.md", (FIX / "drift.en.md").read_text(encoding="utf-8"))
    triumph = [f for f in findings if f.found == "Triumph"]
    assert len(triumph) == 1 and triumph[0].suggestions == ("Triumf",)


def test_accepted_approved_translated_names_are_not_reported():
    assert _check(_engine(("translit-drift",)), "clean.en.md") == []


def test_names_with_sources_only_from_sources_option():
    # Without the sources, «Максим» is unknown: "Maxim" has no Russian counterpart.
    findings = _engine(("translit-drift",), sources=False).check_text("d.md", (FIX / "drift.en.md").read_text(encoding="utf-8"))
    assert "Maxim" not in [f.found for f in findings]
    assert "Starodubtsov" in [f.found for f in findings]  # its counterpart is in the references


def test_seed_has_no_translit_drift():
    seed = (ROOT / "seeds" / "triumf-commentary.en.md").read_text(encoding="utf-8")
    assert _engine(("translit-drift",), sources=False).check_text("seed.md", seed) == []


@pytest.mark.parametrize("text", ["The FSB and the GRU.", "Lockheed Martin and Bloomberg."])
def test_acronyms_and_unrelated_names(text):
    doc = f"{text}\n\n## References\n\n- [1] А. Ермаков, «Статья». *Коммерсант*, 01.01.2025.\n"
    assert _engine(("translit-drift",)).check_text("d.md", doc) == []


def test_only_english_text_is_held_to_the_schemes():
    header = 'msgid ""\nmsgstr ""\n"Language: {}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    entry = 'msgid "Starodubtsev said so."\nmsgstr "{}"\n'
    tr_po = header.format("tr") + entry.format("Starodubtsov böyle söyledi.")
    gb_po = header.format("en_GB") + entry.format("Starodubtsov said so.")
    options = {"sources": [("s.txt", "Как сказал И. Стародубцев, сделка сорвана.")]}
    engine = Engine(Config(select=("translit-drift",), options=options), glossary=Glossary())
    assert [f.found for f in engine.check_text("d.en_GB.po", gb_po)] == ["Starodubtsov"]
    assert engine.check_text("d.tr.po", tr_po) == []


def test_drift_fixes_are_unsafe_and_replace_exactly_the_token():
    text = (FIX / "drift.en.md").read_text(encoding="utf-8")
    findings = [f for f in _check(_engine(("translit-drift",)), "drift.en.md") if f.suggestions]
    assert findings
    lines = text.splitlines()
    for f in findings:
        assert f.fix is not None and f.fix.applicability.value == "unsafe"
        (edit,) = f.fix.edits
        assert lines[edit.line - 1][edit.column - 1:edit.end_column - 1] == f.found
        assert edit.content == f.suggestions[0]


FOREIGN = FIX / "foreign"


def _foreign_findings(select: tuple[str, ...], glossary: Glossary | None = None):
    engine = Engine(Config(select=select, options={"sources": load_sources(str(FOREIGN / "sources"))}),
                    glossary=glossary if glossary is not None else load_glossary(FIX / "glossary"))
    return engine.check_text("tests/fixtures/translit/foreign/note.en.md", (FOREIGN / "note.en.md").read_text(encoding="utf-8"))


def test_foreign_names_of_the_sources_are_not_drift():
    # «Трамп», «Байден», «Баррак», «Макрон», «Мухаммед», «Нетаньяху», «Кылычдароглу» ... in
    # the article text are transcriptions of the names the commentary spells in the original.
    found = [f.found for f in _foreign_findings(("translit-drift",))]
    assert found == ["Yermakof", "Maxim", "Gorbachov", "Armiys"]


def test_foreign_names_without_a_glossary_keep_the_russian_drifts():
    found = [(f.found, f.suggestions) for f in _foreign_findings(("translit-drift",), glossary=Glossary())]
    # Russian names stay drifts whatever English transcription rules could make of them:
    # a compound of Russian words (x for кс), a quoted Russian common word (ph for ф).
    assert found == [("Yermakof", ("Yermakov",)), ("Maxim", ("Maksim",)), ("Rosoboronexport", ("Rosoboroneksport",)),
                     ("Gorbachov", ("Gorbachev",)), ("Armiys", ("Armiya",)), ("Triumph", ("Triumf",))]


def test_foreign_names_are_not_house_scheme_findings():
    assert [f.found for f in _foreign_findings(("translit-house-scheme",))] == []
