"""CSV glossaries: source,target,forbidden,note with `|` between forms; languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.errors import ConfigError, InputError
from termguard.glossary import load_glossary, read_glossary
from termguard.glossary.csv_io import parse_langs, read_csv, write_csv
from termguard.glossary.model import ANY_TARGET

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "glossary"
ROOT = Path(__file__).resolve().parents[2]


def test_rows_forms_and_statuses_with_languages():
    glossary, problems = read_glossary(FIXTURES / "sample.csv", ("en", "ru"))
    assert problems == []
    triumf = glossary.get("triumf")
    assert triumf.note == "Name of the S-400 system, transliterated"
    assert [(r.text, r.status) for r in triumf.renderings["ru"]] == [
        ("Триумф", "preferred"), ("Триумпф", "forbidden"), ("Triumph", "forbidden")]
    akkuyu = glossary.get("akkuyu-npp")
    assert [(r.text, r.status) for r in akkuyu.renderings["en"]] == [
        ("Akkuyu NPP", "preferred"), ("Akkuyu nuclear power plant", "admitted")]
    assert triumf.line == 2 and akkuyu.line == 5


def test_without_langs_the_target_is_the_checked_files_language():
    glossary, _ = read_glossary(FIXTURES / "sample.csv")
    kyiv = glossary.get("kyiv")
    assert ANY_TARGET in kyiv.renderings
    assert kyiv.preferred("ru") == "Киев"
    assert kyiv.preferred("tr") == "Киев"  # whatever language is checked
    assert kyiv.preferred("en") == "Kyiv"  # the source column stays English
    assert glossary.languages() == {"en"}


def test_check_a_po_file_with_a_csv_glossary(tmp_path):
    from termguard.config import Config
    from termguard.engine import Engine

    po = tmp_path / "ru.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "The Triumf systems"\nmsgstr "Системы Триумпф"\n',
        encoding="utf-8",
    )
    report = Engine(Config(glossary=str(FIXTURES / "sample.csv"), select=("forbidden-term",))).run([str(po)])
    assert [(f.rule, f.found, f.lang) for f in report.findings] == [("forbidden-term", "Триумпф", "ru")]
    # Declared for Turkish only, the Russian file finds nothing.
    config = Config(glossary=str(FIXTURES / "sample.csv"), select=("forbidden-term",), options={"glossary.langs": ("en", "tr")})
    assert Engine(config).run([str(po)]).findings == ()


@pytest.mark.parametrize("name,message,line", [
    ("unclosed.csv", "malformed CSV", 2),
    ("no_header.csv", "header", 1),
    ("empty.csv", "empty file", None),
])
def test_broken_csv_is_one_clear_error(name, message, line):
    with pytest.raises(InputError) as info:
        load_glossary(FIXTURES / name)
    assert message in str(info.value) and info.value.line == line


def test_extra_columns_are_warned_once():
    entries, problems = read_csv("source,target,kind\nKyiv,Киев,place\n", "x.csv", ("en", "ru"))
    assert len(entries) == 1 and [(p.severity, p.line) for p in problems] == [("warning", 1)]


def test_row_without_source_is_an_error_at_its_line():
    _, problems = read_csv("source,target\nKyiv,Киев\n,Пекин\n", "x.csv")
    assert [(p.severity, p.line) for p in problems] == [("error", 3)]


def test_parse_langs():
    assert parse_langs("en:ru") == ("en", "ru")
    assert parse_langs("en:pt-BR") == ("en", "pt_BR")
    assert parse_langs(None) is None
    for bad in ("en", "en:", "en:zz", "en:ru:tr"):
        with pytest.raises(ConfigError):
            parse_langs(bad)


def test_export_then_import_keeps_the_pair():
    glossary, _ = read_glossary(ROOT / "glossary")
    text = write_csv(glossary, "en", "ru")
    assert text.splitlines()[0] == "source,target,forbidden,note"
    back, problems = read_csv(text, "exported.csv", ("en", "ru"))
    assert problems == []
    exported = [e for e in glossary if e.approved("en")]
    assert len(back) == len(exported)
    for original, again in zip(exported, back):
        assert [r.text for r in again.renderings["en"]] == [r.text for r in original.approved("en")]
        # A form listed twice with different settings is written once (csv_losses names it).
        assert [(r.text, r.approved) for r in again.renderings.get("ru", ())] == list(dict.fromkeys([
            (r.text, r.approved) for r in original.forms("ru") if r.approved] + [
            (r.text, False) for r in original.forms("ru") if not r.approved]))
        assert again.note == original.note
