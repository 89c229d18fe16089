"""mixed-script (TG301): Latin look-alikes in Cyrillic words and the reverse."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.scripts import CYRILLIC, LATIN, convert, lookalikes, script_of

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scripts"


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("mixed-script",)), glossary=Glossary())


def run(engine, name):
    path = FIXTURES / name
    return engine.check_text(str(path), path.read_text(encoding="utf-8"))


def test_latin_c_in_cyrillic_designation(engine):
    findings = {f.unit: f for f in run(engine, "ru.po")}
    f = findings["bad-designation"]
    assert f.message == 'Latin "C" (U+0043) in Cyrillic word «C-400»; did you mean «С-400»?'
    assert f.suggestions == ("С-400",)
    assert f.severity.value == "error"
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "C-400"


def test_russian_file_reports_only_the_broken_units(engine):
    findings = run(engine, "ru.po")
    assert sorted(f.unit for f in findings) == ["bad-designation", "bad-two-letters", "bad-word"]
    word = next(f for f in findings if f.unit == "bad-word")
    assert word.found == "Тypция" and word.suggestions == ("Турция",)
    assert '"y" (U+0079) and "p" (U+0070)' in word.message


def test_cyrillic_in_turkish_text(engine):
    findings = {f.unit: f for f in run(engine, "tr.po")}
    assert set(findings) == {"bad-designation", "bad-word"}
    f = findings["bad-designation"]
    assert f.message.startswith('Cyrillic "С" (U+0421) in Latin word "С-400"; did you mean "S-400"')
    assert f.suggestions == ("S-400", "C-400")
    assert findings["bad-word"].suggestions == ("Erdoğan'ın",)


def test_source_document_is_read_and_quoted_russian_is_legitimate(engine):
    findings = run(engine, "source.md")
    assert [(f.line, f.found) for f in findings] == [(3, "С-400"), (5, "Кpемль")]


@pytest.mark.parametrize(
    "text",
    [
        "The S-400 and F-35 programs.",
        "Программа F-35 и системы С-400.",
        "IT-компания купила SMS-шлюз.",
        "«Bloomberg: Турция пытается договориться с США о продаже истребителей F-16»",
        "Türkiye'nin S-400'leri.",
    ],
)
def test_legitimate_mixes_are_silent(engine, text):
    assert engine.check_text("doc.md", text) == []


def test_lookalike_data_comes_from_unicode_confusables():
    table = lookalikes()
    assert table[CYRILLIC]["C"] == "С" and table[LATIN]["р"] == "p"
    # Only everyday letters are suggested: no Macedonian dze for a Latin S.
    assert "S" not in table[CYRILLIC]
    assert script_of("С") == CYRILLIC and script_of("C") == LATIN and script_of("4") is None
    assert convert("Тypция", CYRILLIC) == "Турция"
    assert convert("Tурция", LATIN) is None


def test_short_text_falls_back_to_the_languages_script():
    engine = Engine(Config(select=("mixed-script",)), glossary=Glossary())
    text = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "the S-400"\nmsgstr "C-400"\n'
    (f,) = engine.check_text("x.ru.po", text)
    assert (f.line, f.column, f.suggestions) == (5, 9, ("С-400",))
    assert engine.check_text("x.tr.po", text.replace("ru", "tr")) == []


def test_designation_the_glossary_approves_as_written_is_a_name():
    from termguard.glossary.yaml_loader import merge, parse_yaml_glossary

    entries, problems = parse_yaml_glossary("- id: c-130\n  kind: name\n  en: [C-130]\n  ru: [C-130]\n", "g.yaml")
    assert not problems
    engine = Engine(Config(select=("mixed-script",)), glossary=merge([entries], ["g.yaml"]))
    text = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "the C-130 and the S-400"\nmsgstr "C-130 и C-400"\n'
    assert [f.found for f in engine.check_text("x.ru.po", text)] == ["C-400"]


def test_fixes_replace_lookalikes_safely_and_romanise_unsafely(engine):
    from termguard.fixes import apply_fixes

    text = "The С-400 deal and the systеm.\n"  # Cyrillic С and е
    found = {f.found: f.fix for f in engine.check_text("d.md", text)}
    assert found["systеm"].applicability.value == "safe"
    assert found["С-400"].applicability.value == "unsafe"  # S-400 is a reading, not a look-alike
    assert apply_fixes(text, found.values())[0] == "The S-400 deal and the system.\n"
    po = (FIXTURES / "ru.po").read_text(encoding="utf-8")
    fixes = [f.fix for f in engine.check_text("ru.po", po) if f.fix and f.fix.applicability.value == "safe"]
    assert fixes and engine.check_text("ru.po", apply_fixes(po, fixes)[0]) == []


def test_letters_are_counted_by_their_unicode_names():
    """`letters_by_script` counts ASCII and Russian letters by character class and looks the
    rest up by name: the same counts as a look-up of every character, whatever the text."""
    import unicodedata

    from termguard.scripts import CYRILLIC, LATIN, letters_by_script

    def by_name(text: str) -> dict[str, int]:
        counts = {LATIN: 0, CYRILLIC: 0}
        for ch in text:
            if ch.isalpha():
                script = unicodedata.name(ch, "").split(" ", 1)[0]
                if script in ("LATIN", "CYRILLIC"):
                    counts[LATIN if script == "LATIN" else CYRILLIC] += 1
        return counts

    chars = [chr(cp) for cp in range(0x3000)] + [chr(cp) for cp in range(0xA640, 0xA800)] + ["\U0001e030", "\U0001df00"]
    for at in range(0, len(chars), 97):
        text = "".join(chars[at:at + 97])
        assert letters_by_script(text) == by_name(text), text
    assert letters_by_script("Сeрвер C-400 ёЁ Ǆ") == by_name("Сeрвер C-400 ёЁ Ǆ")
