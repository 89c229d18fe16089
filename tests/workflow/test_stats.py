"""`termguard stats`: per-language units and source words by state."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from termguard.cli import main
from termguard.workflow.stats import collect, count_words, file_stats

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workflow" / "stats"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Turkey bought the S-400 systems in 2017 [1].", 8),
        ("**Keywords:** *S-400 “Triumph”, U.S. CAATSA*", 5),
        ("a Chinese 5<sup>th</sup> generation fighter", 5),
        ("see <https://example.org/a/b-c?d=e> (download date: 06.02.2026).", 5),
        ("Ankara's coup d'état", 3),
        ("«Триумф» — С-400, 2,5 млрд", 4),
        ("", 0),
    ],
)
def test_count_words(text: str, words: int):
    assert count_words(text) == words


def test_a_file_with_every_entry_state():
    """Hand count of good/ru.po: the fuzzy flag on an empty entry does not make it fuzzy,
    a plural entry with an empty form is untranslated, the obsolete entry is not counted."""
    fs = file_stats("ru.po", (FIXTURES / "good" / "ru.po").read_text(encoding="utf-8"))
    assert fs.lang == "ru"
    assert fs.counts.units == {"translated": 3, "fuzzy": 1, "untranslated": 3}
    # translated: 3 + 8 + 5; fuzzy: 13; untranslated: 9 + 7 + 2 ("%d system" is d, system)
    assert fs.counts.words == {"translated": 16, "fuzzy": 13, "untranslated": 18}


def test_files_of_one_language_are_added_up_with_babel_names():
    stats = collect([str(FIXTURES / "good")])
    assert [(s.lang, s.name) for s in stats] == [("ru", "Russian"), ("tr", "Turkish")]
    ru, tr = stats
    assert [Path(f.path).name for f in ru.files] == ["commentary.ru.po", "ru.po"]
    assert ru.counts.units == {"translated": 4, "fuzzy": 1, "untranslated": 3}
    assert ru.counts.words == {"translated": 23, "fuzzy": 13, "untranslated": 18}
    assert tr.counts.units == {"translated": 1, "fuzzy": 0, "untranslated": 1}
    assert ru.counts.percent() == 50.0


def test_text_output_is_a_table_per_language():
    res = CliRunner().invoke(main, ["stats", str(FIXTURES / "good")])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["language", "units", "translated", "fuzzy", "untranslated", "done",
                                "words", "translated", "fuzzy", "untranslated"]
    assert lines[1].split() == ["Russian", "(ru)", "8", "4", "1", "3", "50.0%", "54", "23", "13", "18"]
    assert lines[2].split() == ["Turkish", "(tr)", "2", "1", "0", "1", "50.0%", "13", "8", "0", "5"]


def test_json_output():
    paths = [str(FIXTURES / "good" / "tr.po"), str(FIXTURES / "good" / "ru.po")]
    res = CliRunner().invoke(main, ["stats", *paths, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [lang["name"] for lang in data["languages"]] == ["Russian", "Turkish"]
    ru = data["languages"][0]
    assert ru["units"] == {"total": 7, "translated": 3, "fuzzy": 1, "untranslated": 3}
    assert ru["words"]["total"] == 47
    assert ru["files"][0]["path"].endswith("ru.po")
    assert ru["percent_translated"] == pytest.approx(42.9)


def test_default_is_the_translations_directory(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, ["stats"])
    assert res.exit_code == 2
    assert "no translations/ here" in res.stderr
    shutil.copytree(FIXTURES / "good", tmp_path / "translations")
    res = CliRunner().invoke(main, ["stats"])
    assert res.exit_code == 0
    assert "Russian (ru)" in res.stdout and "Turkish (tr)" in res.stdout


def test_configured_exclude_skips_files_found_in_directories_as_check_does(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "good", tmp_path / "translations")
    (tmp_path / "termguard.toml").write_text('exclude = ["translations/tr*"]\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["stats"])
    assert res.exit_code == 0, res.output
    assert "Russian (ru)" in res.stdout and "Turkish (tr)" not in res.stdout
    # A file named on the command line is measured anyway, as `check` checks it.
    named = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "translations").glob("tr*"))
    res = CliRunner().invoke(main, ["stats", *named])
    assert res.exit_code == 0, res.output
    assert "Turkish (tr)" in res.stdout


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("broken.po", "broken.po:6: unterminated string"),
        ("catalog.po", "catalog.po: no language"),
        ("unknown-language.po", "unknown language code 'qqq'"),
        ("absent.po", "absent.po: no such file"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(name: str, expected: str):
    res = CliRunner().invoke(main, ["stats", str(FIXTURES / "bad" / name)])
    assert res.exit_code == 2
    assert expected in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_a_template_is_refused(tmp_path: Path):
    pot = tmp_path / "doc.pot"
    shutil.copy(FIXTURES / "good" / "tr.po", pot)
    res = CliRunner().invoke(main, ["stats", str(pot)])
    assert res.exit_code == 2
    assert "template" in res.stderr


def test_the_russian_commentary_agrees_with_polib(monkeypatch):
    """The real translations/ru.po: our reader's counts equal polib's."""
    monkeypatch.chdir(ROOT)
    (ru,) = collect(["translations/ru.po"])
    catalog = polib.pofile("translations/ru.po")
    assert ru.name == "Russian"
    assert ru.counts.units["translated"] == len(catalog.translated_entries())
    assert ru.counts.units["fuzzy"] == len([e for e in catalog.fuzzy_entries() if e.msgstr])
    assert ru.counts.total_units == len([e for e in catalog if not e.obsolete])
    assert ru.counts.total_words == sum(count_words(e.msgid) for e in catalog if not e.obsolete)


def test_stats_reads_xliff_and_tmx_like_check():
    formats = FIXTURES / "formats"
    warnings: list[str] = []
    stats = {s.lang: s for s in collect([str(formats)], warnings)}
    assert sorted(stats) == ["ru", "tr"]
    assert stats["tr"].counts.units == {"translated": 2, "fuzzy": 0, "untranslated": 1}  # xlf 1+1, tmx 1
    assert stats["ru"].counts.units == {"translated": 2, "fuzzy": 0, "untranslated": 1}  # po 1+1, tmx 1
    assert sorted(Path(f.path).suffix for f in stats["tr"].files) == [".tmx", ".xlf"]


def test_header_and_file_name_disagree_one_rule_and_a_warning():
    """The header of ru/LC_MESSAGES/app.po says pl: stats, like check (and gettext), counts it
    as ru, and says so."""
    from termguard.readers import read_document

    path = FIXTURES / "formats" / "ru" / "LC_MESSAGES" / "app.po"
    warnings: list[str] = []
    (ru,) = collect([str(path)], warnings)
    assert ru.lang == "ru" and read_document(str(path), path.read_text(encoding="utf-8")).target_lang == "ru"
    (note,) = warnings
    assert note.endswith("the header says Language: pl but the file name says ru; read as ru")
    result = CliRunner().invoke(main, ["stats", str(path)])
    assert result.exit_code == 0 and "warning:" in result.output + (result.stderr if result.stderr_bytes else "")


def test_stats_cli_on_an_xliff_file_exits_zero():
    result = CliRunner().invoke(main, ["stats", str(FIXTURES / "formats" / "units.tr.xlf"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["languages"][0]["lang"] == "tr"
