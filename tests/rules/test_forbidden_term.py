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


# -- multi-word forms across runs of white space ------------------------------------------

RUNS = """
- id: white-house
  kind: organization
  en: [White House, {text: White house, status: forbidden, note: both words are capitalised}]
  ru: [Белый дом, {text: Белая палата, status: forbidden}]
  tr: [Beyaz Saray, {text: Beyaz Ev, status: forbidden}]
"""


@pytest.fixture(scope="module")
def runs():
    return Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(RUNS, "g.yaml"))


def _fixed(text: str, findings) -> str:
    from termguard.fixes import apply_fixes

    return apply_fixes(text, [f.fix for f in findings if f.fix is not None])[0]


@pytest.mark.parametrize("run", ["  ", "\t", "\u00a0", "\u202f", "\u2009", " \u00a0 ", "\u3000"])
def test_forbidden_form_across_a_run_on_one_line(runs, run):
    text = f"He spoke at the White{run}house on Monday.\n"
    [f] = runs.check_text("t.en.md", text)
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 17, 1, 17 + len(f"White{run}house"))
    assert f.found == f"White{run}house"
    assert "“White house” of 'white-house'" in f.message  # the run read as one space
    assert "a form of" not in f.message
    assert f.fix is not None and f.fix.applicability.value == "safe"
    # The fix changes the span's text and nothing else.
    assert _fixed(text, [f]) == f"He spoke at the White{run}House on Monday.\n"


@pytest.mark.parametrize("run", ["\n", "\r\n", "  \n  ", "\n\t"])
def test_forbidden_form_across_a_line_break(runs, run):
    text = f"He spoke at the White{run}house on Monday.{run[-1]}"
    [f] = runs.check_text("t.en.md", text)
    assert (f.line, f.column, f.end_line) == (1, 17, 2)
    assert f.end_column == len(run.rsplit("\n", 1)[1]) + len("house") + 1
    assert _fixed(text, [f]) == text.replace("house", "House")


def test_forbidden_form_across_a_run_of_a_wrapped_po_string(runs):
    po = ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr ""\n'
          '"Он спорил с Белой  "\n"палатой в понедельник."\n')
    [f] = runs.check_text("ru.po", po)
    assert (f.line, f.column, f.end_line, f.end_column) == (6, 14, 7, 9)
    assert f.found == "Белой  палатой" and f.suggestions == ("Белым домом",)
    # The fix rewrites the two words where they stand, the run and the line break kept.
    assert _fixed(po, [f]).endswith('"Он спорил с Белым  "\n"домом в понедельник."\n')
    one = runs.check_text("ru.po", po.replace('Белой  "\n"', 'Белой '))
    assert one[0].fix is not None and f.fix.applicability == one[0].fix.applicability


def test_forbidden_form_across_an_escaped_line_break_in_a_po_string(runs):
    po = 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr "с Белой\\n\\tпалатой"\n'
    [f] = runs.check_text("ru.po", po)
    # Positions in the file: the escapes `\n` and `\t` are two characters each there.
    assert (f.line, f.column, f.end_line, f.end_column) == (5, 11, 5, 27)
    assert f.found == "Белой\n\tпалатой" and f.suggestions == ("Белым домом",)
    assert _fixed(po, [f]).endswith('msgstr "с Белым\\n\\tдомом"\n')


def test_turkish_forbidden_form_across_a_run_keeps_its_suffix(runs):
    po = 'msgid ""\nmsgstr "Language: tr\\n"\n\nmsgid "x"\nmsgstr "Beyaz   Ev\'in açıklaması"\n'
    [f] = runs.check_text("tr.po", po)
    assert (f.found, f.column, f.end_column) == ("Beyaz   Ev", 9, 19)
    assert "“Beyaz Ev'in”" in f.message
    assert _fixed(po, [f]).endswith('msgstr "Beyaz   Saray\'ın açıklaması"\n')


@pytest.mark.parametrize("ch", ["\u200b", "\u00ad", "\u2060"])
def test_zero_width_characters_between_the_words_are_no_space(runs, ch):
    assert runs.check_text("t.en.md", f"He spoke at the White{ch}house.\n") == []


def test_forbidden_form_with_a_soft_hyphen_inside_is_reported_and_fixed(runs):
    text = "He spoke at the White house and the Whi\u00adte  house.\n"
    found = runs.check_text("t.en.md", text)
    assert [(f.column, f.end_column, f.found) for f in found] == [(17, 28, "White house"), (37, 50, "Whi\u00adte  house")]
    assert "“White house” of 'white-house'" in found[1].message
    # The fix rewrites the words that change (the hyphenation hint in one of them goes with
    # it) and keeps the run and the rest of the text.
    assert _fixed(text, found) == "He spoke at the White House and the White  House.\n"


@pytest.mark.parametrize("text,where", [
    ("> He met the White\n> house staff.\n", (1, 14, 2, 8)),  # a quotation's lines
    ("- with the White\n  house inside\n", (1, 12, 2, 8)),  # a list item's lines
    ("A hard break: White  \nhouse.\n", (1, 15, 2, 6)),  # two spaces end the line
    ("A hard break: White\\\nhouse.\n", (1, 15, 2, 6)),  # a backslash ends the line
    ("A break tag: White<br>house.\n", (1, 14, 1, 28)),
    ("A break tag: White <br/>\nhouse.\n", (1, 14, 2, 6)),
    ("| a | White   house |\n|---|---|\n", (1, 7, 1, 20)),  # a table cell
])
def test_forbidden_form_across_markdown_line_breaks(runs, text, where):
    [f] = runs.check_text("t.en.md", text)
    assert (f.line, f.column, f.end_line, f.end_column) == where
    assert "“White house” of 'white-house'" in f.message
