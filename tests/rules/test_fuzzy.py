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


def test_an_empty_translation_is_left_to_untranslated():
    # `<target state="needs-translation"/>` is how many tools write a unit nobody has
    # translated yet: one finding (untranslated), not a second one asking for review of
    # nothing. The same for a PO entry flagged fuzzy with an empty msgstr.
    xlf = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
           '<file source-language="en" target-language="ru" original="a.md"><body>\n'
           '<trans-unit id="a"><source>One system</source><target state="needs-translation"></target></trans-unit>\n'
           '<trans-unit id="b"><source>Two systems</source><target state="needs-translation">Две системы</target></trans-unit>\n'
           '</body></file></xliff>\n')
    assert [f.unit for f in check("x.xlf", xlf)] == ["b"]
    po = 'msgid ""\nmsgstr "Language: ru\\n"\n\n#, fuzzy\nmsgid "One"\nmsgstr ""\n\n#, fuzzy\nmsgid "Two"\nmsgstr "Два"\n'
    assert [f.found for f in check("x.po", po)] == ["Два"]
    both = Engine(Config(select=("fuzzy", "untranslated")), glossary=Glossary()).check_text("x.xlf", xlf)
    assert sorted((f.unit, f.rule) for f in both) == [("a", "untranslated"), ("b", "fuzzy")]
