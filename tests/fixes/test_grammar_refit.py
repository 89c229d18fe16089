"""The grammar behind fixes: Russian case and number kept, Turkish suffixes re-harmonised."""

from __future__ import annotations

import pytest

from termguard.edits import escape_for, field_edit
from termguard.model import Field
from termguard.morph.refit import recase, russian_form, russian_refit, turkish_resuffix


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        ("Триумпф", "Триумф"),
        ("Триумпфа", "Триумфа"),
        ("Триумпфу", "Триумфу"),
        ("Триумпфом", "Триумфом"),
        ("Триумпфе", "Триумфе"),
        ("Триумпфы", "Триумфы"),
        ("Триумпфов", "Триумфов"),
        ("Триумпфами", "Триумфами"),
        ("ТРИУМПФА", "ТРИУМФА"),
    ],
)
def test_russian_form_follows_the_found_case_and_number(found, expected):
    assert russian_refit(found, "Триумпф", "Триумф") == (expected, True)


def test_adjectives_agree_with_the_new_head_in_gender():
    # feminine система → masculine комплекс: the adjectives follow the new head. In the
    # singular, words outside the term that agree with it («…, которая», «прибыла») keep the
    # old gender, so the fix is offered as unsafe; a plural has no gender to disagree in.
    assert russian_refit("зенитной ракетной системы", "зенитная ракетная система", "зенитный ракетный комплекс") == (
        "зенитного ракетного комплекса", False)
    assert russian_refit("зенитными ракетными системами", "зенитная ракетная система", "зенитный ракетный комплекс") == (
        "зенитными ракетными комплексами", True)


@pytest.mark.parametrize(("found", "lemma", "preferred", "reliable"), [
    ("Зенитная ракетная система", "зенитная ракетная система", "зенитный ракетный комплекс", False),
    ("системой", "система", "комплекс", False),
    ("комплекса", "комплекс", "система", False),
    ("зенитные ракетные системы", "зенитная ракетная система", "зенитный ракетный комплекс", True),
    ("Триумпфом", "Триумпф", "Триумф", True),  # same gender
    ("Бельковой", "Белькова", "Белкова", True),
])
def test_a_singular_head_of_another_gender_is_not_reliable(found, lemma, preferred, reliable):
    # «Новая зенитная ракетная система прибыла» must not become «Новая зенитный ракетный
    # комплекс прибыла» under a safe fix: the adjective before and the verb after agree
    # with the old head and are outside the replaced term.
    assert russian_refit(found, lemma, preferred)[1] is reliable


def test_a_form_that_reads_as_two_cases_with_different_results_is_not_reliable():
    text, reliable = russian_refit("системе", "система", "комплекс")
    assert text in ("комплексу", "комплексе") and not reliable


def test_a_form_of_another_word_is_not_refitted():
    assert russian_refit("ракетой", "Триумпф", "Триумф") is None


def test_words_after_the_head_stay():
    assert russian_form("министерство обороны", "ablt", "sing") == "министерством обороны"


@pytest.mark.parametrize(
    ("old", "suffix", "new", "expected"),
    [
        ("Triumph", "un", "Triumf", ("un", True)),  # same ending: kept
        ("Baku", "da", "Bakü", ("de", True)),  # back → front harmony
        ("Baku", "nun", "Bakü", ("nün", True)),
        ("Baku", "ya", "Bakü", ("ye", True)),
        ("Tbilisi", "de", "Tiflis", ("te", True)),  # vowel → voiceless consonant: d → t
        ("Tbilisi", "nin", "Tiflis", ("in", True)),  # buffer n dropped
        ("Tbilisi", "ye", "Tiflis", ("e", True)),  # buffer y dropped
        ("Kremlin", "in", "Moskova", ("nın", True)),  # buffer n added, back harmony
        ("Kremlin", "le", "Moskova", ("yla", True)),
        ("Moskova", "sının", "Kremlin", ("inin", True)),  # possessive + pronominal n
        ("Paris", "ten", "Ankara", ("dan", True)),
        ("S-400", "ün", "С-400", ("ün", True)),  # the same number: read alike
    ],
)
def test_turkish_suffix_reharmonised(old, suffix, new, expected):
    assert turkish_resuffix(old, suffix, new) == expected


@pytest.mark.parametrize(
    ("old", "suffix", "new"),
    [
        ("Kremlin", "i", "Moskova"),  # possessive -(s)I or accusative -(y)I: -sı or -yı
        ("NATO", "nun", "Moskova"),  # an acronym: read as letters or as a word
        ("S-400", "ün", "S-500"),  # a number read aloud: beş yüz
        ("Tbilisi", "mizde", "Tiflis"),  # a suffix chain not understood
        ("Washington", "un", "Bush"),  # w: not spelled the Turkish way
    ],
)
def test_turkish_suffix_unreliable_is_kept_and_flagged(old, suffix, new):
    assert turkish_resuffix(old, suffix, new) == (suffix, False)


@pytest.mark.parametrize(
    ("old", "suffix", "new", "guess"),
    [
        ("Ankara", "ya", "Kemal", "a"),  # a palatal l: Kemal'e
        ("Ankara", "ya", "Renault", "a"),  # a silent t: Renault'ya
        ("Ankara", "ya", "Mike", "ye"),  # a silent e: Mike'a
    ],
)
def test_turkish_suffix_for_a_stem_not_read_as_spelled_is_unsafe(old, suffix, new, guess):
    assert turkish_resuffix(old, suffix, new) == (guess, False)


def test_recase():
    assert recase("триумфа", "Триумпфа") == "Триумфа"
    assert recase("Triumf", "TRIUMPH") == "TRIUMF"
    assert recase("White House", "White house") == "White House"


def test_po_edit_is_escaped_and_ends_after_an_escaped_character():
    # msgstr "say \"Триумпф\"" on line 3: the text starts at column 9.
    fld = Field('say "Триумпф"', ((0, 3, 9), (5, 3, 15), (13, 3, 24)))
    start = fld.text.index("Т")
    edit = field_edit("po", fld, start, len(fld.text), 'Триумф"')
    assert (edit.line, edit.column, edit.end_line, edit.end_column) == (3, 15, 3, 24)
    assert edit.content == 'Триумф\\"'
    assert escape_for("po", 'a\\b\n"') == 'a\\\\b\\n\\"'
    assert escape_for("markdown", 'a\\b"') == 'a\\b"'


def test_no_edit_for_formats_without_an_exact_mapping():
    assert field_edit("xliff", Field("abc"), 0, 1, "x") is None


def test_a_literal_form_that_reads_as_two_cases_is_not_reliable_either():
    # masculine inanimate: nominative = accusative; the feminine preferred form tells them apart.
    assert russian_refit("комплекс", "комплекс", "система") == ("система", False)


GLOSSARY = """
- id: system
  kind: term
  ru: [система, {text: комплекс, status: forbidden}]
- id: akkuyu
  kind: place
  ru: [{text: Аккую, indeclinable: true}, {text: Аккуйя, status: forbidden}]
- id: caatsa
  kind: acronym
  ru: [CAATSA, {text: КААТСА, status: forbidden}]
"""


@pytest.mark.parametrize(
    ("text", "new", "applicability"),
    [
        ("Новый комплекс прибыл.", "система", "unsafe"),  # nominative or accusative
        ("Нет комплекса.", "системы", "unsafe"),  # masculine → feminine: agreement outside the term
        ("Строят у Аккуйи.", "Аккую", "safe"),  # the preferred form never declines
        ("Санкции КААТСА.", "CAATSA", "safe"),  # Latin: right in every case
    ],
)
def test_forbidden_term_fix_applicability_in_russian(text, new, applicability):
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary import glossary_from_text

    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    po = f'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr "{text}"\n'
    (finding,) = engine.check_text("ru.po", po)
    assert finding.fix is not None
    assert (finding.fix.edits[0].content, finding.fix.applicability.value) == (new, applicability)


def test_designations_compounds_and_acronyms_do_not_inflect():
    assert russian_refit("С-400 Триумпфа", "С-400 Триумпф", "С-400 Триумф") == ("С-400 Триумфа", True)
    assert russian_form("Нью-Йорк", "loct", "sing") == "Нью-Йорке"
    assert russian_form("СВО", "gent", "sing") is None


@pytest.mark.parametrize(
    ("old", "suffix", "new", "expected"),
    [
        # A headline in capitals: the suffix harmonises as in lower case, in Turkish capitals
        # (İ, not I), and stays an unsafe guess about how the new stem is read.
        ("BAKU", "DA", "BAKÜ", ("DE", False)),
        ("BAKU", "DAKİ", "BAKÜ", ("DEKİ", False)),
        ("TBİLİSİ", "NİN", "TİFLİS", ("İN", False)),
        ("TBİLİSİ", "DE", "TİFLİS", ("TE", False)),
        # An acronym read letter by letter gives no vowel to harmonise with: kept, unsafe.
        ("SSB", "NİN", "SAVUNMA", ("NİN", False)),
        # Lower case as before; a capitalised suffix of a capitalised stem keeps Turkish İ.
        ("Baku", "nun", "Bakü", ("nün", True)),
        ("Baku", "DAKİ", "Bakü", ("DEKİ", True)),
    ],
)
def test_turkish_suffix_in_capitals(old, suffix, new, expected):
    assert turkish_resuffix(old, suffix, new) == expected


@pytest.mark.parametrize("form,model,lang,expected", [
    ("Triumf", "TRİUMPH", "tr", "TRİUMF"), ("istanbul", "Ankara", "tr", "İstanbul"),
    ("Triumf", "TRIUMPH", "en", "TRIUMF"), ("ıspanak", "Kale", "tr", "Ispanak"),
])
def test_recase_writes_the_languages_capitals(form, model, lang, expected):
    assert recase(form, model, lang) == expected
