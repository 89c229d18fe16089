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
