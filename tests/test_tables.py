"""Readers and reporters each come from one table (suffix → reader, name → reporter) that
dispatch, the CLI's `--format` choices and the docs' formats page all read."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import click
import pytest

from termguard.cli import main
from termguard.errors import InputError
from termguard.readers import BY_SUFFIX, READERS, SUFFIXES, read_document
from termguard.reporters import REPORTERS, get_renderer, is_binary

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = {
    ".md": "# Title\n\nOne sentence.\n",
    ".po": 'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "One"\nmsgstr "Один"\n',
    ".tmx": '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>'
            '<tu><tuv xml:lang="en"><seg>One</seg></tuv><tuv xml:lang="ru"><seg>Один</seg></tuv></tu></body></tmx>',
    ".xlf": '<?xml version="1.0"?><xliff version="1.2"><file source-language="en" target-language="ru" original="x">'
            '<body><trans-unit id="1"><source>One</source><target>Один</target></trans-unit></body></file></xliff>',
}


def test_every_suffix_has_one_reader_and_the_lists_come_from_the_table():
    suffixes = [s for r in READERS for s in r.suffixes]
    assert len(suffixes) == len(set(suffixes)) and set(suffixes) == set(SUFFIXES) == set(BY_SUFFIX)
    for reader in READERS:
        assert callable(getattr(importlib.import_module(reader.module), reader.function))


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.suffixes[0])
def test_read_document_dispatches_through_the_table(reader):
    sample = next(text for suffix, text in SAMPLES.items() if suffix in reader.suffixes)
    for suffix in reader.suffixes:
        doc = read_document(f"file{suffix.upper()}", sample)
        assert doc.is_translation == reader.translation
        assert len(doc.units) == 1 if reader.translation else doc.units


def test_an_unknown_suffix_names_every_known_one():
    with pytest.raises(InputError) as info:
        read_document("notes.docx", "text")
    assert all(suffix in info.value.message for suffix in SUFFIXES)


def _choices(command: click.Command, option: str) -> list[str]:
    param = next(p for p in command.params if p.name == option)
    assert isinstance(param.type, click.Choice)
    return list(param.type.choices)


def test_format_choices_come_from_the_reporters_table():
    assert _choices(main.commands["check"], "fmt") == list(REPORTERS)
    lint = main.commands["glossary"].commands["lint"]  # type: ignore[attr-defined]
    assert _choices(lint, "fmt") == [n for n, r in REPORTERS.items() if r.without_units and not r.binary]
    for name, reporter in REPORTERS.items():
        assert callable(get_renderer(name))
        assert is_binary(name) == reporter.binary


def test_the_docs_formats_page_lists_every_reader_and_reporter():
    pytest.importorskip("mkdocs")
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    page = hooks.formats_page()
    for suffix in SUFFIXES:
        assert f"`{suffix}`" in page
    for name in REPORTERS:
        assert f"| `{name}` |" in page
