"""`check --fix`, `--diff`, `--unsafe-fixes` end to end, and the fix application library."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.errors import InputError
from termguard.fixes import (
    apply_fixes,
    fix_files,
    read_snapshot,
    render_diff,
    unchanged_since,
    write_fixes,
)
from termguard.glossary import load_glossary
from termguard.model import Applicability, Edit, Fix
from termguard.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "fixes"
SEED = "seeds/triumf-commentary.en.md"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "termguard", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture
def project(tmp_path):
    """A copy of the seed and the project's glossary."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    return tmp_path


def _forbidden(cwd: Path, *paths: str, glossary: str | None = None) -> list[dict]:
    extra = ["--glossary", glossary] if glossary else []
    result = run("check", *paths, *extra, "--select", "forbidden-term", "--format", "json", "--exit-zero", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["findings"]


def test_fix_removes_every_forbidden_term_of_the_seed_and_a_second_run_changes_nothing(project):
    before = _forbidden(project, "seeds/")
    assert {f["found"] for f in before} >= {"Triumph"}
    assert all(f["fix"]["applicability"] == "safe" for f in before)
    first = run("check", "--fix", "seeds/", cwd=project)
    assert first.returncode in (0, 1), first.stderr
    assert "applied" in first.stderr
    text = (project / SEED).read_text(encoding="utf-8")
    assert "Triumph" not in text and text.count("Triumf") >= 7
    assert _forbidden(project, "seeds/") == []
    second = run("check", "--fix", "seeds/", cwd=project)
    assert "applied 0 fix(es) in 0 file(s)" in second.stderr
    assert (project / SEED).read_text(encoding="utf-8") == text
    # Every finding of the seed had a safe fix (terms, dates, the reference date): none is left.
    assert first.stdout.startswith("No problems found") and first.returncode == 0


def test_diff_prints_the_change_and_writes_nothing(project):
    original = (project / SEED).read_bytes()
    stat = (project / SEED).stat()
    result = run("check", "--diff", "seeds/", cwd=project)
    assert result.returncode == 1
    assert f"--- a/{SEED}" in result.stdout and f"+++ b/{SEED}" in result.stdout
    assert '-As a result, Turkey' in result.stdout and '*S-400 "Triumf"* systems' in result.stdout
    assert (project / SEED).read_bytes() == original
    assert (project / SEED).stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in (project / "seeds").iterdir()) == ["triumf-commentary.en.md"]


def test_diff_with_nothing_to_fix_exits_zero(project):
    (project / "seeds" / SEED.split("/")[1]).write_text("The Triumf system.\n", encoding="utf-8")
    result = run("check", "--diff", "seeds/", cwd=project)
    assert result.returncode == 0 and result.stdout == ""


def test_unsafe_fixes_only_on_request(tmp_path):
    shutil.copy(FIXTURES / "ru.po", tmp_path / "ru.po")
    glossary = str(FIXTURES / "glossary.yaml")
    first = run("check", "--fix", "ru.po", "--glossary", glossary, cwd=tmp_path)
    text = (tmp_path / "ru.po").read_text(encoding="utf-8")
    # The dative/locative «системе» is ambiguous: an unsafe fix, left alone by --fix and
    # reported as what is left.
    assert "зенитной ракетной системе" in text
    assert first.returncode == 1 and "TG101 [forbidden-term]" in first.stdout and "системе" in first.stdout
    diff = run("check", "--diff", "--unsafe-fixes", "ru.po", "--glossary", glossary, cwd=tmp_path)
    assert diff.returncode == 1 and "+" in diff.stdout and "зенитному ракетному комплексу" in diff.stdout
    assert (tmp_path / "ru.po").read_text(encoding="utf-8") == text  # --diff wrote nothing
    run("check", "--fix", "--unsafe-fixes", "ru.po", "--glossary", glossary, cwd=tmp_path)
    text = (tmp_path / "ru.po").read_text(encoding="utf-8")
    assert "зенитной ракетной системе" not in text
    assert _forbidden(tmp_path, "ru.po", glossary=glossary) == []


def test_russian_po_fixed_in_the_same_cases_and_still_valid(tmp_path):
    shutil.copy(FIXTURES / "ru.po", tmp_path / "ru.po")
    result = run("check", "--fix", "ru.po", "--glossary", str(FIXTURES / "glossary.yaml"), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    doc = read_document("ru.po", (tmp_path / "ru.po").read_text(encoding="utf-8"))
    targets = {u.id: u.target.text for u in doc.units}
    assert targets["s-1"] == "«Триумф» был поставлен."  # nominative
    assert targets["s-2"] == 'Покупка "Триумфа" состоялась.'  # genitive, next to escaped quotes
    assert targets["s-3"] == "Анкара гордится Триумфом и говорит о Триумфе."  # instrumental, prepositional
    # Plural nominative, adjectives agreeing with the new masculine head.
    assert targets["s-4"].startswith("Зенитные ракетные комплексы развернули")
    raw = (tmp_path / "ru.po").read_text(encoding="utf-8")
    assert 'msgstr "Покупка \\"Триумфа\\" состоялась."' in raw
    assert '"Анкара гордится "\n"Триумфом и говорит о Триумфе."' in raw  # the continuation line kept


def test_turkish_po_suffixes_reharmonised_or_left_unsafe(tmp_path):
    shutil.copy(FIXTURES / "tr.po", tmp_path / "tr.po")
    glossary = str(FIXTURES / "glossary.yaml")
    run("check", "--fix", "tr.po", "--glossary", glossary, cwd=tmp_path)
    doc = read_document("tr.po", (tmp_path / "tr.po").read_text(encoding="utf-8"))
    targets = {u.id: u.target.text for u in doc.units}
    assert targets["s-1"] == "Triumf'un radarı ve Triumf’ta kalan füzeler."  # same ending: suffixes as they were
    assert targets["s-2"] == "Kremlin'de ve Kremlin'in kararı."
    assert targets["s-5"] == "Bakü'de toplandılar; Bakü'nün kararı Bakü'ye iletildi."  # front harmony
    # Vowel-final → voiceless-consonant-final: buffer n/y dropped, d → t.
    assert targets["s-6"] == "Tiflis'te, Tiflis'in görüşü, Tiflis'e, Tbilisi'mizde."
    left = _forbidden(tmp_path, "tr.po", glossary=glossary)
    assert [(f["found"], f["fix"]["applicability"]) for f in left] == [("Tbilisi", "unsafe")]


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("The S-400 Triumph system.\n", encoding="utf-8")
    engine = Engine(Config(select=("forbidden-term",)), glossary=load_glossary(str(ROOT / "glossary")))
    run_ = fix_files([(str(path), "doc.md")], engine.check_text)
    assert run_.changed
    path.write_text("The S-400 Triumph system, edited meanwhile.\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        write_fixes(run_)
    assert "doc.md" in str(err.value) and "changed since it was read" in str(err.value)
    assert path.read_text(encoding="utf-8") == "The S-400 Triumph system, edited meanwhile.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.md"]  # no temporary file left behind


def test_snapshot_sees_a_change_of_the_same_size(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("abc\n", encoding="utf-8")
    snap = read_snapshot(str(path))
    assert unchanged_since(snap)
    path.write_text("abd\n", encoding="utf-8")
    assert not unchanged_since(snap)


def test_crlf_and_bom_survive_a_fix(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\nThe S-400 Triumph system.\r\n")
    engine = Engine(Config(select=("forbidden-term",)), glossary=load_glossary(str(ROOT / "glossary")))
    result = fix_files([(str(path), "doc.md")], engine.check_text)
    write_fixes(result)
    assert path.read_bytes() == b"\xef\xbb\xbfFirst line.\r\nThe S-400 Triumf system.\r\n"
    assert "-The S-400 Triumph system." in render_diff(result)


def test_mixed_line_endings_survive_a_fix_line_by_line(tmp_path):
    path = tmp_path / "doc.md"
    path.write_bytes(b"First line.\r\n\nThe S-400 Triumph system.\nIts Triumph radar.\r\nLast.")
    engine = Engine(Config(select=("forbidden-term",)), glossary=load_glossary(str(ROOT / "glossary")))
    write_fixes(fix_files([(str(path), "doc.md")], engine.check_text))
    assert path.read_bytes() == b"First line.\r\n\nThe S-400 Triumf system.\nIts Triumf radar.\r\nLast."


def test_mixed_line_endings_follow_their_lines_when_a_fix_adds_or_removes_lines():
    from termguard.fixes import _with_endings

    before = "a\nb\nc\nd"
    endings = (True, False, True)
    assert _with_endings(before, "a\nB\nc\nd", endings) == "a\r\nB\nc\r\nd"
    assert _with_endings(before, "a\nc\nd", endings) == "a\r\nc\r\nd"  # b's line removed
    assert _with_endings(before, "a\nb\nx\nc\nd", endings) == "a\r\nb\nx\nc\r\nd"


def _fix(*edits: tuple[int, int, int, int, str]) -> Fix:
    return Fix(Applicability.SAFE, "test", tuple(Edit(*e) for e in edits))


def test_overlapping_fixes_wait_for_the_next_round_and_identical_edits_merge():
    text = "abcdef\nghij\n"
    new, count = apply_fixes(text, [_fix((1, 2, 1, 4, "X")), _fix((1, 3, 1, 5, "Y")), _fix((1, 2, 1, 4, "X")),
                                    _fix((2, 1, 2, 5, "Z"))])
    assert new == "aXdef\nZ\n"
    assert count == 3


def test_edits_out_of_the_text_are_skipped():
    assert apply_fixes("abc\n", [_fix((5, 1, 5, 2, "x"))]) == ("abc\n", 0)


def test_fix_and_diff_refuse_standard_input(project):
    result = run("check", "-", "--stdin-filename", "x.md", "--fix", cwd=project)
    assert result.returncode == 2 and "standard input" in result.stderr and "Traceback" not in result.stderr


def test_a_term_broken_over_lines_keeps_the_line_layout(tmp_path):
    glossary = load_glossary(str(FIXTURES / "glossary.yaml"))
    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary)
    po = tmp_path / "ru.po"
    po.write_text('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr "Зенитные ракетные "\n'
                  '"системы и Триум"\n"пфа, \\"Триумпфу\\""\n', encoding="utf-8")
    result = fix_files([(str(po), "ru.po")], engine.check_text)
    write_fixes(result)
    assert po.read_text(encoding="utf-8") == ('msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr "Зенитные ракетные "\n'
                                              '"комплексы и Триумфа, \\"Триумфу\\""\n')
    md = tmp_path / "doc.md"
    md.write_text("The White\nhouse said the S-400 Triumph\nsystem.\n", encoding="utf-8")
    engine = Engine(Config(select=("forbidden-term",)), glossary=load_glossary(str(ROOT / "glossary")))
    write_fixes(fix_files([(str(md), "doc.md")], engine.check_text))
    assert md.read_text(encoding="utf-8") == "The White\nHouse said the S-400 Triumf\nsystem.\n"


def test_a_read_only_file_is_not_fixed(tmp_path):
    path = tmp_path / "doc.md"
    path.write_text("The S-400 Triumph system.\n", encoding="utf-8")
    path.chmod(0o444)
    engine = Engine(Config(select=("forbidden-term",)), glossary=load_glossary(str(ROOT / "glossary")))
    with pytest.raises(InputError, match="read-only"):
        write_fixes(fix_files([(str(path), "doc.md")], engine.check_text))
    assert path.read_text(encoding="utf-8") == "The S-400 Triumph system.\n"


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
def test_fix_of_terms_across_runs_of_white_space_replaces_the_span_and_keeps_the_rest(project, nl):
    text = ("He spoke at the White  house on Monday, and\n\nthe \t Ukraine replied;\n"
            "the White\u00a0\u202fhouse\nagreed with the\n  Ukraine.  Twice  spaced  words stay.\n").replace("\n", nl)
    (project / "seeds" / "runs.en.md").write_bytes(text.encode("utf-8"))
    found = _forbidden(project, "seeds/runs.en.md")
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [
        (1, 17, 1, 29), (3, 1, 3, 14), (4, 5, 4, 17), (5, 13, 6, 10)]
    assert all(f["fix"]["applicability"] == "safe" for f in found)
    result = run("check", "--fix", "seeds/runs.en.md", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "seeds" / "runs.en.md").read_bytes().decode("utf-8") == (
        "He spoke at the White  House on Monday, and\n\nUkraine replied;\n"
        "the White\u00a0\u202fHouse\nagreed with Ukraine.  Twice  spaced  words stay.\n").replace("\n", nl)
