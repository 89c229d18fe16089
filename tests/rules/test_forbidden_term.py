"""forbidden-term (TG101): rejected renderings in sources and translations."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.yaml_loader import merge, parse_yaml_glossary

GLOSSARY = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden, note: "a translation, not the name"}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
- id: triumph-street
  kind: place
  en: [Triumph Street]
- id: kiev
  kind: place
  en: [Kyiv, {text: Kiev, status: superseded}]
  ru: [Киев]
"""


@pytest.fixture(scope="module")
def engine():
    entries, problems = parse_yaml_glossary(GLOSSARY, "g.yaml")
    assert not problems
    return Engine(Config(select=("forbidden-term",)), glossary=merge([entries], ["g.yaml"]))


def found(engine, text, path="doc.md"):
    return [(f.line, f.column, f.found, f.suggestions) for f in engine.check_text(path, text)]


@pytest.mark.parametrize(
    "text",
    [
        "The S-400 Triumph system.",
        "The S-400 “Triumph” system.",
        "The S-400 «Triumph» system.",
        'The *S-400 "Triumph"* system.',
        "The **Triumph** system.",
        "A Triumph’s end.",
    ],
)
def test_reports_forbidden_form_next_to_quotes_and_markup(engine, text):
    result = found(engine, text)
    assert len(result) == 1
    assert result[0][2] == "Triumph"
    assert result[0][3] == ("Triumf",)
    assert result[0][1] == text.index("Triumph") + 1


@pytest.mark.parametrize(
    "text",
    [
        "A triumphant return.",  # inside a longer word
        "The Triumf system.",
        "They met on Triumph Street.",  # inside a longer approved form
        "See <https://example.com/Triumph-news> for details.",  # URLs are not prose
        "See https://example.com/Triumph for details.",
    ],
)
def test_silent_on_look_alikes(engine, text):
    assert found(engine, text) == []


def test_superseded_form_is_reported(engine):
    result = found(engine, "Talks in Kiev.")
    assert result == [(1, 10, "Kiev", ("Kyiv",))]


def test_translation_targets_are_checked_and_msgid_left_to_the_source(engine):
    po = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "The Triumph system"\nmsgstr "Система «Триумпф»"\n'
    result = engine.check_text("ru.po", po)
    assert [(f.line, f.column, f.found, f.lang) for f in result] == [(5, 18, "Триумпф", "ru")]
