"""Progress on stderr: bytes read of all files, drawn only on a terminal and never in CI."""

from __future__ import annotations

import io

import pytest

import termguard.engine as engine_module
import termguard.parallel as parallel
import termguard.readers.po as po
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text
from termguard.progress import progress_reporter
from termguard.runner import check_paths

GLOSSARY = "- id: triumf\n  kind: name\n  en: [Triumf]\n  ru: [Триумф, {text: Триумпф, status: forbidden}]\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _big_po(path, n: int = 3000) -> None:
    rows = ['msgid ""\nmsgstr ""\n"Language: ru\\n"\n']
    for i in range(n):
        rows.append(f'msgctxt "e{i}"\nmsgid "The Triumf system {i}"\nmsgstr "Система «Триумпф» {i}"\n')
    path.write_text("\n".join(rows), encoding="utf-8")


def test_silent_off_a_terminal_in_ci_and_when_quiet(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert progress_reporter() is None  # a pipe
    monkeypatch.setattr("sys.stderr", _Terminal())
    assert progress_reporter(quiet=True) is None
    monkeypatch.setenv("CI", "true")
    assert progress_reporter() is None
    monkeypatch.delenv("CI")
    assert progress_reporter() is not None


def test_draws_a_bar_and_erases_it(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    report = progress_reporter(min_seconds=0)
    report(50, 200)
    assert "25%" in terminal.getvalue() and "[#######" in terminal.getvalue()
    report(200, 200)
    assert terminal.getvalue().endswith("\r")  # erased: the report that follows starts clean


def test_quick_runs_draw_nothing(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    report = progress_reporter(min_seconds=60)
    report(10, 100)
    report(100, 100)
    assert terminal.getvalue() == ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_engine_reports_bytes_within_a_large_file(tmp_path, monkeypatch, jobs):
    big = tmp_path / "big.ru.po"
    _big_po(big)
    small = tmp_path / "small.ru.po"
    _big_po(small, 3)
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 10_000)
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    monkeypatch.setattr(po, "_BLOCK", 8_192)
    calls: list[tuple[int, int]] = []
    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    report = check_paths(engine, [str(tmp_path)], jobs=jobs, progress=lambda done, total, calls=calls: calls.append((done, total)))
    total = big.stat().st_size + small.stat().st_size
    assert report.units == 3003
    assert len([d for d, _ in calls if d < total]) >= 3  # within the large file, not only once per file
    assert all(t == total for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1] == (total, total)


def test_larger_files_are_cut_into_more_chunks(tmp_path, monkeypatch):
    """Two chunks per worker, and one more per CHUNK_TARGET bytes beyond: the bar moves
    through a very large file, and the report stays the serial one."""
    big = tmp_path / "big.ru.po"
    _big_po(big)
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    serial = engine.run([str(big)])
    for target, chunks in ((1 << 30, 4), (big.stat().st_size // 5 + 1, 2 * 5)):
        monkeypatch.setattr(parallel, "CHUNK_TARGET", target)
        calls: list[tuple[int, int]] = []
        report = check_paths(engine, [str(big)], jobs=2, progress=lambda done, total: calls.append((done, total)))  # noqa: B023 -- called within this iteration
        assert len(calls) == chunks
        assert report == serial
