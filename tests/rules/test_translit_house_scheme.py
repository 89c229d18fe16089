"""translit-house-scheme (TG204): accepted forms that only a non-house scheme gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.errors import ConfigError
from termguard.glossary.model import Glossary

FIX = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "translit"
TEXT = (FIX / "variants.en.md").read_text(encoding="utf-8")


def _run(**options):
    return Engine(Config(select=("translit-house-scheme",), options=options), glossary=Glossary()).check_text("v.md", TEXT)


def test_default_house_scheme_is_wikipedia():
    found = [(f.found, f.suggestions, f.severity.value) for f in _run()]
    assert found == [("Ermakov", ("Yermakov",), "info"), ("Starodubcev", ("Starodubtsev",), "info")]


def test_other_house_scheme():
    # Under ICAO (passport 2013) Ermakov is the house form and Yermakov is not.
    found = [(f.found, f.suggestions) for f in _run(**{"translit.scheme": "icao_doc_9303"})]
    assert ("Yermakov", ("Ermakov",)) in found
    assert "Ermakov" not in [f for f, _s in found]


def test_unknown_house_scheme_is_a_config_error():
    with pytest.raises(ConfigError, match=r"translit\.scheme"):
        _run(**{"translit.scheme": "klingon"})


def test_clean_document_follows_house_scheme():
    clean = (FIX / "clean.en.md").read_text(encoding="utf-8")
    from termguard.glossary import load_glossary

    engine = Engine(Config(select=("translit-house-scheme",)), glossary=load_glossary(FIX / "glossary"))
    assert engine.check_text("c.md", clean) == []


def test_house_form_is_offered_as_an_unsafe_fix():
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary.model import Glossary

    engine = Engine(Config(select=("translit-house-scheme",)), glossary=Glossary())
    text = "A. Ermakov wrote it [1].\n\n## References\n\n- [1] А. Ермаков, «Турецкий пат». *Kommersant*, 07.10.2025, <https://www.kommersant.ru/doc/1>.\n"
    findings = engine.check_text("d.md", text)
    fixed = [f for f in findings if f.fix is not None]
    assert fixed and all(f.fix.applicability.value == "unsafe" for f in fixed)
    assert all(f.fix.edits[0].content == f.suggestions[0] for f in fixed)
