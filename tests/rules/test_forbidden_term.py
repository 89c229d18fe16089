"""forbidden-term (TG101): rejected renderings in sources and translations."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text

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
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    return Engine(Config(select=("forbidden-term",)), glossary=glossary)


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


INFLECTED = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
  tr: [Triumf, {text: Triumph, status: forbidden}]
- id: caatsa
  kind: acronym
  en: [CAATSA, {text: Caatsa, status: forbidden}]
  ru: [CAATSA, {text: Caatsa, status: forbidden}]
- id: kaan
  kind: name
  tr: [KAAN, {text: Kaan, status: forbidden}]
- id: palace
  kind: organization
  ru: [«Триумпф Палас»]
"""


@pytest.fixture(scope="module")
def inflected():
    glossary = glossary_from_text(INFLECTED, "g.yaml")
    return Engine(Config(select=("forbidden-term",)), glossary=glossary)


def po(lang, msgstr):
    return f'msgid ""\nmsgstr "Language: {lang}\\n"\n\nmsgid "x"\nmsgstr "{msgstr}"\n'


@pytest.mark.parametrize("msgstr,surface,fix", [
    ("Покупка «Триумпфа»", "Триумпфа", "Триумфа"), ("доволен Триумпфом", "Триумпфом", "Триумфом"),
    ("о «Триумпфах»", "Триумпфах", "Триумфах"),
])
def test_inflected_forbidden_forms_are_reported_with_the_glossary_form(inflected, msgstr, surface, fix):
    # The suggestion is paste-ready: the preferred form in the found word's case and number.
    [f] = inflected.check_text("ru.po", po("ru", msgstr))
    assert f.found == surface and f.suggestions == (fix,)
    assert f"“{surface}” (a form of “Триумпф”)" in f.message
    assert f"use “{fix}” (a form of “Триумф”)" in f.message


@pytest.mark.parametrize("msgstr", ["Покупка «Триумфа»", "в «Триумпф Палас»", "санкции CAATSA", "Triumf'un radarı"])
def test_approved_forms_and_forbidden_inside_approved_are_silent(inflected, msgstr):
    lang = "tr" if "'" in msgstr else "ru"
    assert inflected.check_text(f"{lang}.po", po(lang, msgstr)) == []


def test_case_drift_is_forbidden_when_the_glossary_says_so(inflected):
    assert [f.found for f in inflected.check_text("ru.po", po("ru", "санкции Caatsa"))] == ["Caatsa"]
    [f] = inflected.check_text("tr.po", po("tr", "Kaan'ın motoru"))
    assert f.found == "Kaan" and "“Kaan'ın”" in f.message


def test_turkish_suffix_after_a_forbidden_form(inflected):
    [f] = inflected.check_text("tr.po", po("tr", "Triumph’un radarı"))
    assert (f.found, f.column, f.end_column) == ("Triumph", 9, 16)


def _po(msgid: str, msgstr: str) -> str:
    return f'msgid ""\nmsgstr ""\n"Language: en_GB\\n"\n\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n'


@pytest.mark.parametrize(
    ("msgid", "msgstr", "reported"),
    [
        # A headline cited as published, the same in source and translation: a citation.
        ('[1] \\"Triumph Over Sanctions Stalls\\". *Reuters*.', '[1] \\"Triumph Over Sanctions Stalls\\". *Reuters*.', False),
        ("[1] «Triumph Over Sanctions Stalls». Reuters.", "[1] «Triumph Over Sanctions Stalls». Reuters.", False),
        # One or two quoted words are a name, not a citation.
        ('The \\"Triumph\\" system.', 'The \\"Triumph\\" system.', True),
        # A quoted stretch the source does not have word for word is the translator's text.
        ('[1] \\"Triumf Over Sanctions Stalls\\".', '[1] \\"Triumph Over Sanctions Stalls\\".', True),
        ("The Triumf deal stalls.", "The Triumph deal stalls.", True),
    ],
)
def test_headlines_cited_as_published_are_not_reported_in_translations(engine, msgid, msgstr, reported):
    findings = engine.check_text("en_GB.po", _po(msgid, msgstr))
    assert bool(findings) == reported
