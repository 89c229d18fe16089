"""`write_atomic` writes a long text a piece at a time: the file is the text, byte for byte."""

from __future__ import annotations

import pytest

from termguard import fileio


@pytest.mark.parametrize("piece", [1, 3, 7, 1 << 20])
def test_pieces_make_the_whole_text(tmp_path, monkeypatch, piece):
    monkeypatch.setattr(fileio, "_PIECE", piece)
    text = "«Триумф» S-400\r\n" * 50 + "Erdoğan’ın 😀\n" + "x" * 13
    target = tmp_path / "report.json"
    fileio.write_atomic(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    fileio.write_atomic(target, "")
    assert target.read_bytes() == b""


def test_pieces_from_an_iterable_and_a_failure_leaves_nothing(tmp_path):
    target = tmp_path / "report.json"
    fileio.write_atomic(target, iter(["{", "«x»", "}\n"]))
    assert target.read_text(encoding="utf-8") == "{«x»}\n"

    def broken():
        yield "partial"
        raise RuntimeError("renderer bug")

    with pytest.raises(RuntimeError):
        fileio.write_atomic(target, broken())
    assert target.read_text(encoding="utf-8") == "{«x»}\n"  # the old file, whole
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left


def test_json_chunks_are_the_rendering():
    from termguard.model import Finding, Report, Severity
    from termguard.reporters import RenderOptions, render_for_file
    from termguard.reporters.json_ import render

    options = RenderOptions(version="0.1.0")
    findings = tuple(
        Finding(code="TG101", rule="forbidden-term", severity=Severity.ERROR, path="ru.po", line=i, column=2,
                end_line=i, end_column=5, message=f"«Триумф» {i}", unit=f"s-{i}", lang="ru", suggestions=("a", "b")[: i % 3])
        for i in range(1, 6)
    )
    for report in (Report(findings, ("ru.po",), 9), Report((), ("ru.po",), 9)):
        assert "".join(render_for_file("json", report, options)) == render(report, options)
