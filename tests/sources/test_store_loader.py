"""`--sources DIR` with a store: what the loader hands the rules, and that it needs no network library."""

from __future__ import annotations

import json
import sys

from click.testing import CliRunner

from termguard.cli import main
from termguard.sources.loader import load_pages, load_sources, source_options
from termguard.sources.store import PageMeta, StoredPage, render_page

META = PageMeta(reference=4, url="https://www.iimes.ru/?p=106754", fetched="2026-02-06T10:00:00+00:00", status=200,
                title="Турецкие оценки КААН", published="2024-03-10", sitename="Институт Ближнего Востока")


def _store(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "004-iimes.ru-0000.txt").write_text(
        render_page(StoredPage(META, "Как пишет исследователь Игорь Стародубцев, выпуск займёт годы.")), encoding="utf-8")
    (store / "notes.md").write_text("Заметки переводчика о Ермакове.\n", encoding="utf-8")
    return store


def test_loader_gives_titles_and_articles_without_front_matter(tmp_path):
    store = _store(tmp_path)
    texts = dict(load_sources(str(store)))
    stored = texts[str(store / "004-iimes.ru-0000.txt")]
    assert stored.startswith("Турецкие оценки КААН\n\n") and "Стародубцев" in stored and "sitename" not in stored
    assert texts[str(store / "notes.md")] == "Заметки переводчика о Ермакове.\n"
    (page,) = load_pages(str(store))
    assert (page.reference, page.title, page.published, page.sitename) == (4, "Турецкие оценки КААН", "2024-03-10", "Институт Ближнего Востока")
    options = source_options([str(store)])
    assert [p for p, _t in options["sources"]] == sorted(texts) and options["sources.pages"] == (page,)


def test_check_with_a_store_needs_no_fetch_library(tmp_path, monkeypatch):
    for name in ("httpx", "trafilatura", "htmldate"):
        monkeypatch.setitem(sys.modules, name, None)  # importing them now fails
    store = _store(tmp_path)
    doc = tmp_path / "note.en.md"
    doc.write_text("The analyst Starodubzev doubts it [1].\n\n## References\n\n"
                   "- [1] «Турецкие оценки КААН». *Институт Ближнего Востока*, 10.03.2023, <https://www.iimes.ru/?p=106754>\n",
                   encoding="utf-8")
    glossary = tmp_path / "g.yaml"
    glossary.write_text("[]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(doc), "--isolated", "--glossary", str(glossary), "--sources", str(store),
                                       "--select", "reference-mismatch,translit-drift", "--format", "json"])
    found = sorted((f["rule"], f["found"]) for f in json.loads(result.output)["findings"])
    assert found == [("reference-mismatch", "10.03.2023"), ("translit-drift", "Starodubzev")]


def test_offline_completeness_check_needs_no_fetch_library(tmp_path, monkeypatch):
    for name in ("httpx", "trafilatura", "htmldate"):
        monkeypatch.setitem(sys.modules, name, None)
    store = _store(tmp_path)
    doc = tmp_path / "note.en.md"
    doc.write_text("See [1] and [2].\n\n## References\n\n"
                   "- [1] «Турецкие оценки КААН». *Институт Ближнего Востока*, 10.03.2024, <https://www.iimes.ru/?p=106754>\n"
                   "- [2] «Другая статья». *РБК*, 10.03.2024, <https://www.rbc.ru/x>\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["sources", "fetch", str(doc), "--into", str(store), "--offline"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{doc}:6: reference [2]: not in the store (--offline fetches nothing) (https://www.rbc.ru/x)"
    assert "[1] stored" in result.output


def test_the_seed_is_only_ever_checked_offline(tmp_path):
    """The seed's references point at real sites: tests ask the store only (no request)."""
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "seeds" / "triumf-commentary.en.md"
    result = CliRunner().invoke(main, ["sources", "fetch", str(seed), "--into", str(tmp_path / "s"), "--offline"])
    assert result.exit_code == 1
    assert result.stderr.count("not in the store (--offline fetches nothing)") == 16
    assert "16 failed" in result.stderr and not (tmp_path / "s").exists()


def test_the_default_store_is_the_configured_sources_directory(tmp_path, monkeypatch):
    from termguard.sources.fetch import default_store

    monkeypatch.chdir(tmp_path)
    assert default_store() == "sources"
    (tmp_path / "termguard.toml").write_text('sources = ["sources/ru", "more"]\n', encoding="utf-8")
    assert default_store() == "sources/ru"
