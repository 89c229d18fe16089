"""markup-mismatch (TG310): emphasis, links, footnotes, code and tags kept as in the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary.model import Glossary
from termguard.markdown_tokens import open_emphasis, tokens

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "markup"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine():
    return Engine(Config(select=("markup-mismatch",)), glossary=Glossary())


def _by_unit(engine, name):
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    return text, engine.check_text(name, text)


@pytest.mark.parametrize("name", ["emphasis.po", "links.po", "footnotes.po", "code.po", "tags.po", "crossunit.po"])
def test_bad_units_reported_ok_units_not(engine, name):
    text, findings = _by_unit(engine, name)
    units = {u.split('"')[1] for u in text.splitlines() if u.startswith("msgctxt")}
    reported = {f.unit for f in findings}
    assert reported == {u for u in units if u.startswith("bad-")}, [f.message for f in findings]
    for f in findings:
        line = text.splitlines()[f.line - 1]
        assert line[f.column - 1:f.end_column - 1] == f.found or f.found in line  # points into the file


def test_messages_name_what_is_wrong(engine):
    _, findings = _by_unit(engine, "emphasis.po")
    by = {f.unit: f.message for f in findings}
    assert "unbalanced emphasis `*…*`" in by["bad-unclosed"]
    assert "missing from the translation" in by["bad-strong-lost"]
    assert "does not have" in by["bad-strong-added"]
    _, findings = _by_unit(engine, "links.po")
    changed = next(f for f in findings if f.unit == "bad-url-changed" and f.found == "https://kremlin.com/events")
    assert "the URL may not" in changed.message and changed.suggestions == ("https://kremlin.ru/events",)
    _, findings = _by_unit(engine, "crossunit.po")
    assert all("left open across units" in f.message for f in findings)


def test_the_real_translations_keep_their_markup(engine):
    for name in ("ru.po", "tr.po"):
        path = ROOT / "translations" / name
        assert engine.check_text(f"translations/{name}", path.read_text(encoding="utf-8")) == []


def test_source_documents_are_not_read(engine):
    assert engine.check_text("doc.md", "An *open emphasis.\n") == []


def test_tokens_skip_code_urls_escapes_and_bullets():
    text = "* item with `a*b` and <https://x.ru/a_b*c> and \\* and *em*"
    assert [(t.kind, t.key) for t in tokens(text)] == [
        ("code", "`a*b`"), ("link", "https://x.ru/a_b*c"), ("emphasis", "*"), ("emphasis", "*")]
    assert open_emphasis("***both open") == ["**", "*"] or open_emphasis("***both open") == ["*", "**"]
    assert open_emphasis("*closed* and **open") == ["**"]


@pytest.mark.parametrize(("text", "url"), [
    ('See <a href="https://x.org/a">this</a>.', "https://x.org/a"),
    ("<a href='https://x.org/a'>this</a>", "https://x.org/a"),
    ("см. «https://x.ru/doc» и “https://x.ru/doc”", "https://x.ru/doc"),
    ("bkz. https://armiya.az'da ve www.armiya.az’dan", None),
])
def test_a_bare_url_ends_at_a_quote_or_apostrophe(text, url):
    links = [t.key for t in tokens(text) if t.kind == "link"]
    if url is None:
        assert links == ["https://armiya.az", "www.armiya.az"]
    else:
        assert links and set(links) == {url}


def test_an_html_link_or_a_turkish_suffix_after_a_url_is_not_a_changed_url(engine):
    po = ('msgid ""\nmsgstr "Language: tr\\n"\n\n'
          'msgid "See <a href=\\"https://x.org/a\\">this</a> and https://armiya.az."\n'
          'msgstr "Bkz. <a href=\\"https://x.org/a\\">bu</a> ve https://armiya.az\'da."\n\n'
          'msgid "Read <a href=\\"https://x.org/a\\">it</a>."\n'
          'msgstr "<a href=\\"https://x.org/b\\">Okuyun</a>."\n')
    findings = engine.check_text("tr.po", po)
    assert [(f.line, f.found) for f in findings] == [(7, "https://x.org/a"), (8, "https://x.org/b")], findings
