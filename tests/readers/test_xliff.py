"""XLIFF 1.2 and 2.x reader: units, languages, flags, exact positions, safe parsing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.errors import InputError
from termguard.readers import SUFFIXES, read_document
from termguard.readers.xliff import parse_xliff
from termguard.segment import segment_text
from termguard.segment.core import Segment
from termguard.segment.writers import to_xliff, to_xliff2

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xliff"


def load(name: str):
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    return read_document(str(path), text), text.split("\n")


def char_at(lines: list[str], fld, offset: int) -> str:
    line, col = fld.locate(offset)
    return lines[line - 1][col - 1]


def test_suffixes_are_registered():
    assert ".xlf" in SUFFIXES and ".xliff" in SUFFIXES


def test_xliff_12_units_and_languages():
    doc, _ = load("commentary.ru.xlf")
    assert doc.kind == "xliff" and doc.is_translation
    assert doc.source_lang == "en" and doc.target_lang == "ru_RU"
    assert doc.meta["version"] == "1.2"
    assert [u.id for u in doc.units] == ["s-0001", "s-0002", "s-0003", "s-0004", "s-0005"]
    u2 = doc.units[1]
    assert u2.source.text == "Russia & Turkey: the S-400 deal"
    assert u2.target.text == "Россия & Турция: сделка по C-400"
    assert u2.comments == ("Keep the designation as in the glossary.",)
    u3 = doc.units[2]
    # <g> content is text, <ph> native code is not, <alt-trans> is not the translation.
    assert u3.target.text == "Турция купила четыре батареи."
    assert u3.is_fuzzy
    assert doc.units[3].targets == () and not doc.units[3].is_translated
    assert doc.units[4].source.text == "A long\nsentence"


def test_xliff_12_positions_are_exact_in_the_file():
    doc, lines = load("commentary.ru.xlf")
    for unit in doc.units:
        for fld in (unit.source, *unit.targets):
            for i, ch in enumerate(fld.text):
                if ch == "&":
                    assert char_at(lines, fld, i) == "&"  # the reference `&amp;` starts there
                elif ch != "\n":
                    assert char_at(lines, fld, i) == ch, (unit.id, i, ch)
    u2 = doc.units[1]
    i = u2.target.text.index("C-400")
    assert u2.target.locate(i) == (11, lines[10].index("C-400") + 1)
    u5 = doc.units[4]
    assert u5.target.locate(u5.target.text.index("предложение")) == (26, 1)


def test_xliff_20_segments_notes_and_inline_markup():
    doc, lines = load("commentary.tr.xliff")
    assert doc.meta["version"] == "2.0"
    assert doc.source_lang == "en" and doc.target_lang == "tr"
    assert [u.id for u in doc.units] == ["u1", "u2/a", "u2/b", "u3"]
    assert doc.units[0].comments == ("heading",)
    b = doc.units[2]
    assert b.source.text == "Second bold sentence <ok>."
    assert b.target.text == "İkinci kalın cümle <tamam> & ham son."
    assert doc.units[3].target.text == "On yıl önce."
    for unit in doc.units:
        for fld in (unit.source, *unit.targets):
            for i, ch in enumerate(fld.text):
                if ch not in "<>&\n" or (ch == "&" and "CDATA" in lines[fld.locate(i)[0] - 1]):
                    assert char_at(lines, fld, i) == ch, (unit.id, i, ch)
    k = b.target.text.index("son")
    assert char_at(lines, b.target, k) == "s"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("dtd.xlf", "must not use DTDs or entity declarations"),
        ("broken.xlf", "not well-formed XML (mismatched tag)"),
        ("not-xliff.xlf", "not an XLIFF document (root element <tmx>)"),
    ],
)
def test_bad_files_are_one_line_input_errors(name, message):
    path = FIXTURES / name
    with pytest.raises(InputError) as info:
        read_document(str(path), path.read_text(encoding="utf-8"))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_external_entities_are_refused():
    text = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<xliff version="1.2"><file source-language="en"><body><trans-unit id="1"><source>&e;</source>'
            "</trans-unit></body></file></xliff>")
    with pytest.raises(InputError):
        parse_xliff(text, "x.xlf")


def test_unit_without_source_or_id():
    with pytest.raises(InputError, match="has no <source>"):
        parse_xliff('<xliff version="1.2"><file source-language="en"><body>\n<trans-unit id="1"><target>x</target></trans-unit></body></file></xliff>', "x.xlf")
    with pytest.raises(InputError, match="without an id"):
        parse_xliff('<xliff version="1.2"><file source-language="en"><body>\n<trans-unit><source>x</source></trans-unit></body></file></xliff>', "x.xlf")


def test_lang_option_overrides_the_file():
    doc, _ = load("commentary.ru.xlf")
    again = read_document(doc.path, (FIXTURES / "commentary.ru.xlf").read_text(encoding="utf-8"), lang="uk")
    assert again.target_lang == "uk" and again.units[0].target_lang == "uk"


_TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ&<>\"'«»Ççİı€–")), min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(_TEXT, min_size=1, max_size=5))
def test_segment_xliff_output_reads_back_with_exact_positions(texts):
    segments = [Segment(f"s-{i}", "sentence", t, ((0, len(t)),), ((0, 0),), i + 1) for i, t in enumerate(texts)]
    text = to_xliff(segments, "doc.md", "en")
    doc = parse_xliff(text, "doc.xlf")
    lines = text.split("\n")
    assert [(u.id, u.kind, u.source.text) for u in doc.units] == [(s.id, "sentence", s.text) for s in segments]
    for unit in doc.units:
        for i, ch in enumerate(unit.source.text):
            line, col = unit.source.locate(i)
            assert lines[line - 1][col - 1] == (ch if ch not in "&<>" else "&")


def test_the_commentary_segmented_to_xliff_is_read_back():
    seed = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"
    segments = segment_text(seed.read_text(encoding="utf-8"), lang="en")
    doc = parse_xliff(to_xliff(segments, "seeds/triumf-commentary.en.md", "en"), "commentary.xlf")
    assert [u.source.text for u in doc.units] == [s.text for s in segments]
    assert doc.units[0].targets == () and doc.source_lang == "en"


def test_the_commentary_segmented_to_xliff2_is_read_back_like_12():
    seed = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"
    segments = segment_text(seed.read_text(encoding="utf-8"), lang="en")
    v2 = parse_xliff(to_xliff2(segments, "seeds/triumf-commentary.en.md", "en"), "commentary.xlf")
    v12 = parse_xliff(to_xliff(segments, "seeds/triumf-commentary.en.md", "en"), "commentary.xlf")
    assert v2.meta["version"] == "2.0" and v2.source_lang == "en"
    assert [(u.id, u.kind, u.source.text) for u in v2.units] == [(u.id, u.kind, u.source.text) for u in v12.units]
    assert [u.id for u in v2.units] == [s.id for s in segments]


def test_segment_cli_writes_xliff2(tmp_path):
    from click.testing import CliRunner

    from termguard.cli import main

    out = tmp_path / "commentary.xlf"
    seed = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"
    result = CliRunner().invoke(main, ["segment", str(seed), "--format", "xliff2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = read_document(str(out), out.read_text(encoding="utf-8"))
    assert doc.meta["version"] == "2.0" and len(doc.units) == 99


def test_rules_run_on_xliff_and_point_into_the_target():
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.glossary.model import Glossary

    path = FIXTURES / "commentary.ru.xlf"
    text = path.read_text(encoding="utf-8")
    engine = Engine(Config(select=("number-mismatch", "mixed-script", "untranslated", "fuzzy")), glossary=Glossary())
    findings = engine.check_text(str(path), text)
    lines = text.split("\n")
    got = [(f.rule, f.unit, lines[f.line - 1][f.column - 1 : f.end_column - 1]) for f in findings]
    assert ("number-mismatch", "s-0001", "2,6 млрд долларов") in got
    assert ("mixed-script", "s-0002", "C-400") in got
    assert ("mixed-script", "s-0005", "C-400") in got
    fuzzy = [shown for rule, unit, shown in got if rule == "fuzzy"]
    assert len(fuzzy) == 1 and fuzzy[0].startswith("Турция купила <g id=\"1\">четыре</g>") and fuzzy[0].endswith("</ph>.")
    assert [f.rule for f in findings if f.unit == "s-0004"] == ["untranslated"]


@settings(max_examples=100, deadline=None)
@given(junk=st.text(alphabet=st.sampled_from(list("<>/=\"' abxliffsourcetarget&;!-[]?\n")), max_size=80))
def test_malformed_input_is_an_input_error_or_a_document(junk):
    text = '<xliff version="1.2"><file source-language="en"><body>' + junk
    try:
        parse_xliff(text, "junk.xlf")
    except InputError as exc:
        assert "\n" not in str(exc)


def test_nested_native_code_is_skipped_and_text_after_it_kept():
    doc = parse_xliff(
        '<xliff version="1.2"><file source-language="en" target-language="ru"><body>\n'
        '<trans-unit id="1"><source>a <bpt id="1">&lt;b&gt;<sub>x</sub></bpt>b</source>'
        '<target>а <bpt id="1">&lt;b&gt;<sub>x</sub></bpt>б</target><note>n</note></trans-unit>'
        "</body></file></xliff>",
        "n.xlf",
    )
    (unit,) = doc.units
    assert (unit.source.text, unit.target.text, unit.comments) == ("a b", "а б", ("n",))


@pytest.mark.parametrize("target", ['<target state="needs-translation"></target>', "<target/>", '<target\n      state="new" />'])
def test_an_empty_target_is_positioned_at_its_tag(target):
    # A finding about an empty target (untranslated) points at the element in the file,
    # not at line 1, column 1: the field has no text, but it has a place.
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="en" target-language="ru" original="a.md"><body>\n'
            '  <trans-unit id="a"><source>One</source>\n'
            f'    {target}</trans-unit>\n'
            '</body></file></xliff>\n')
    (unit,) = parse_xliff(text, "x.xlf").units
    line, col, _end_line, _end_col = unit.targets[0].locate_span(0, 0)
    assert (line, col) == (5, 5)
    assert text.splitlines()[line - 1][col - 1:].startswith("<target")
    # Text still anchors where it stands: positions of non-empty fields are unchanged.
    assert unit.source.locate_span(0, 3)[:2] == (4, 30)


def test_an_empty_xliff_20_target_is_positioned_at_its_tag():
    text = ('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="tr">\n'
            '<file id="f"><unit id="u"><segment>\n'
            '<source>One</source><target></target>\n'
            '</segment></unit></file></xliff>\n')
    (unit,) = parse_xliff(text, "x.xlf").units
    assert unit.targets[0].locate_span(0, 0)[:2] == (3, 21)
