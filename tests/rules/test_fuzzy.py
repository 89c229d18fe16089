"""fuzzy (TG402): translations waiting for review."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"


def check(path: Path | str, text: str | None = None):
    engine = Engine(Config(select=("fuzzy",)), glossary=Glossary())
    path = Path(path)
    return engine.check_text(str(path), text if text is not None else path.read_text(encoding="utf-8"))


def test_fuzzy_entry_is_reported_at_its_translation():
    findings = check(FIXTURES / "ru.po")
    assert [f.unit for f in findings] == ["bad-fuzzy"]
    f = findings[0]
    assert f.severity.value == "warning"
    assert f.message == "translation marked fuzzy; check it against the source, then remove the flag"
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "купленные 9 лет назад"


def test_other_flags_are_not_fuzzy():
    text = 'msgid ""\nmsgstr "Language: ru\\n"\n\n#, python-format\nmsgid "%s left"\nmsgstr "%s ушёл"\n'
    assert check("x.ru.po", text) == []
