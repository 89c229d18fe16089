"""untranslated (TG401): empty translations and copies of the source."""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hygiene"


def check(path: Path | str, text: str | None = None):
    engine = Engine(Config(select=("untranslated",)), glossary=Glossary())
    path = Path(path)
    return engine.check_text(str(path), text if text is not None else path.read_text(encoding="utf-8"))


def test_empty_and_copied_entries_are_reported_not_names_or_references():
    findings = check(FIXTURES / "ru.po")
    assert {f.unit: f.message for f in findings} == {
        "bad-empty": "not translated: msgstr is empty",
        "bad-copy": "the translation is a copy of the source; translate it",
    }
    assert all(f.severity.value == "warning" for f in findings)
    empty = next(f for f in findings if f.unit == "bad-empty")
    line = (FIXTURES / "ru.po").read_text(encoding="utf-8").splitlines()[empty.line - 1]
    assert line == 'msgstr ""' and empty.column == 9


def test_empty_plural_form_is_reported():
    text = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] "%d день"\nmsgstr[1] ""\nmsgstr[2] "%d дней"\n'
    findings = check("x.ru.po", text)
    assert [(f.line, f.message) for f in findings] == [(7, "plural form msgstr[1] is empty; translate every form")]


def test_templates_are_not_checked():
    assert check("commentary.pot", 'msgid "Turkey and Russia"\nmsgstr ""\n') == []


def test_empty_entries_are_told_apart_by_a_baseline(tmp_path):
    # A baseline keys a finding by its file, rule, text and context; an empty msgstr has no
    # text of its own, so each one must be keyed by its unit's source: silencing one empty
    # entry must not silence another, and editing nothing keeps it silenced.
    from termguard.baseline import finding_key

    text = ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "Turkey bought it."\nmsgstr ""\n\n'
            'msgid "Russia sold it."\nmsgstr ""\n\nmsgid "%d day"\nmsgid_plural "%d days"\n'
            'msgstr[0] "%d день"\nmsgstr[1] ""\nmsgstr[2] ""\n')
    findings = check("x.ru.po", text)
    assert len(findings) == 4
    keys = [finding_key(f, str(tmp_path)) for f in findings]
    assert len(set(keys)) == 4, keys
    assert keys == [finding_key(f, str(tmp_path)) for f in check("x.ru.po", "\n\n" + text)]
