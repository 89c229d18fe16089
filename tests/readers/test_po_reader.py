"""The PO reader: decoded strings equal polib's, and every character maps to its file position."""

from __future__ import annotations

import io

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termguard.errors import InputError
from termguard.readers.po import iter_po_entries, parse_po

PO = '''# Translator comment
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

#. sentence
#: seeds/doc.md:15
msgctxt "s-0001"
msgid "The S-400 \\"Triumph\\" systems"
msgstr "Системы С-400 «Триумф»"

#, fuzzy
msgctxt "s-0002"
msgid ""
"First line, "
"second line with \\"quotes\\" and a tab\\there."
msgstr ""
"Первая строка, "
"вторая строка: «Триумпф»."

msgid "One missile"
msgid_plural "%d missiles"
msgstr[0] "%d ракета"
msgstr[1] "%d ракеты"
msgstr[2] "%d ракет"

#~ msgid "Old"
#~ msgstr "Старое"
'''


def test_decoded_strings_match_polib(tmp_path):
    path = tmp_path / "ru.po"
    path.write_text(PO, encoding="utf-8")
    ours = list(iter_po_entries(PO, str(path)))[1:]
    theirs = [e for e in polib.pofile(str(path)) if not e.obsolete]
    assert [e.msgid.text for e in ours] == [e.msgid for e in theirs]
    assert [e.msgctxt for e in ours] == [e.msgctxt for e in theirs]
    singular = [e.msgstr[0].text for e in ours if e.msgid_plural is None]
    assert singular == [e.msgstr for e in theirs if not e.msgid_plural]
    plural = next(e for e in ours if e.msgid_plural is not None)
    assert [f.text for f in plural.msgstr] == [theirs[2].msgstr_plural[k] for k in sorted(theirs[2].msgstr_plural)]


def test_header_language_and_units():
    doc = parse_po(PO, "ru.po")
    assert doc.target_lang == "ru"
    assert doc.header["Plural-Forms"].startswith("nplurals=3")
    assert [u.id for u in doc.units][:2] == ["s-0001", "s-0002"]
    assert doc.units[0].kind == "sentence"
    assert doc.units[1].is_fuzzy
    assert len(doc.units) == 3  # the obsolete entry is not a unit


def _position_of(text: str, needle: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.split("\n"), 1):
        col = line.find(needle)
        if col != -1:
            return lineno, col + 1
    raise AssertionError(needle)


def test_positions_single_line_with_escapes():
    doc = parse_po(PO, "ru.po")
    unit = doc.units[0]
    start = unit.source.text.index("Triumph")
    assert unit.source.locate(start) == _position_of(PO, "Triumph")
    # The character after an escaped quote maps past the two-character escape.
    after = unit.source.text.index("systems")
    assert unit.source.locate(after) == _position_of(PO, "systems")
    target = unit.target
    assert target.locate(target.text.index("Триумф")) == _position_of(PO, "Триумф»\"")


def test_positions_inside_multiline_strings():
    doc = parse_po(PO, "ru.po")
    unit = doc.units[1]
    for needle in ("second line", "quotes", "here."):
        assert unit.source.locate(unit.source.text.index(needle)) == _position_of(PO, needle)
    target = unit.target
    line, col, end_line, end_col = target.locate_span(target.text.index("Триумпф"), target.text.index("Триумпф") + 7)
    assert (line, col) == _position_of(PO, "Триумпф")
    assert (end_line, end_col) == (line, col + 7)


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "unterminated string"),
        ('msgid "a"\n', 1, "msgid without msgstr"),
        ('msgid "a"\nmsgstr "b" x\n', 2, "unexpected text"),
        ('msgid "a"\nmsgstr "\\q"\n', 2, "invalid escape"),
        ('"orphan"\n', 1, "string without a keyword"),
        ('msgid "a"\nmsgstrx "b"\n', 2, "unknown keyword"),
    ],
)
def test_malformed_po_names_file_and_line(text, line, fragment):
    with pytest.raises(InputError) as info:
        parse_po(text, "bad.po")
    assert info.value.line == line
    assert fragment in info.value.message
    assert str(info.value).startswith(f"bad.po:{line}: ")


# -- blocks of a large file (`iter_po_blocks`), read as text or as bytes ---------------------

_BLOCK_TEXT = (
    'msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
    + "".join(f'#: f.py:{i}\nmsgid "Триумф {i}"\nmsgstr "«Триумф» {i}"\n\n' for i in range(40))
    + 'msgid "last"\nmsgstr "последний"\n'
)


def _blocks(handle, block_size, monkeypatch):
    import termguard.readers.po as po

    monkeypatch.setattr(po, "_BLOCK", block_size)
    return list(po.iter_po_blocks(handle))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("block_size", [7, 64, 333, 1 << 22])
def test_binary_blocks_read_as_text_mode_does(tmp_path, monkeypatch, newline, block_size):
    """Read as bytes, a file gives the text and entries (with their lines) that `open(path,
    encoding="utf-8")` gives: universal newlines, a \\r\\n cut by a block boundary, a
    multi-byte character cut by one. (Blocks are cut by size in bytes rather than
    characters, so they may end elsewhere, always after a blank line.)"""
    from termguard.readers.po import entries_in

    path = tmp_path / "ru.po"
    path.write_bytes(_BLOCK_TEXT.replace("\n", newline).encode("utf-8"))
    with open(path, encoding="utf-8") as text_handle:
        expected = _blocks(text_handle, block_size, monkeypatch)
    with open(path, "rb") as binary_handle:
        got = _blocks(binary_handle, block_size, monkeypatch)
    assert "".join(block for block, _ in got) == "".join(block for block, _ in expected) == _BLOCK_TEXT
    assert all(block.endswith("\n\n") for block, _ in got[:-1])
    assert [line for _, line in got] == [1 + "".join(b for b, _ in got[:i]).count("\n") for i in range(len(got))]
    entries = [e for block, line in got for e in entries_in(block, "ru.po", line)]
    assert entries == [e for block, line in expected for e in entries_in(block, "ru.po", line)]
    assert len(entries) == 42
    if block_size > len(_BLOCK_TEXT) * 2:
        assert got == expected


def _text_mode(data: bytes) -> str:
    """What `open(path, encoding="utf-8")` reads: universal newlines."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def _check_blocks(blocks: list[tuple[str, int]], text: str) -> None:
    """Blocks that put `text` back together, each but the last cut after a blank line, each
    with the line it starts on."""
    assert "".join(block for block, _ in blocks) == text
    assert all(block.endswith("\n\n") for block, _ in blocks[:-1])
    assert [line for _, line in blocks] == [1 + "".join(b for b, _ in blocks[:i]).count("\n") for i in range(len(blocks))]


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(["\n", "\r", "\r\n", "\r\r", "\n\n", "msgid", " ", '"Т"', "#: a", "ё"]), max_size=40),
    block_size=st.integers(1, 24),
)
def test_buffers_cut_the_text_mode_read_of_the_file(pieces, block_size):
    """`iter_po_buffers` gives the file as text mode reads it, cut after blank lines, with
    the lines blocks start on, whatever falls on a block boundary (a \r\n, runs of \r, a
    multi-byte character), entries longer than a block included; a block stays as it was
    while the next one is read (two buffers in turn)."""
    import termguard.readers.po as po

    data = "".join(pieces).encode("utf-8")
    got = []
    previous = None
    for view, line in po.iter_po_buffers(io.BytesIO(data), block=block_size, first=block_size):
        got.append((str(view, "utf-8"), line))
        if previous is not None:
            assert str(previous, "utf-8") == got[-2][0]
        previous = view
    _check_blocks(got, _text_mode(data))


@pytest.mark.parametrize("block_size", [7, 64, 1 << 22])
def test_buffers_of_a_real_file(tmp_path, block_size):
    import termguard.readers.po as po

    path = tmp_path / "ru.po"
    path.write_bytes(_BLOCK_TEXT.replace("\n", "\r\n").encode("utf-8"))
    with open(path, "rb") as handle:
        got = [(str(view, "utf-8"), line) for view, line in po.iter_po_buffers(handle, block=block_size, first=block_size)]
    _check_blocks(got, _BLOCK_TEXT)
    assert len(got) > 1 or block_size > len(_BLOCK_TEXT)


def test_binary_blocks_refuse_invalid_utf8(tmp_path, monkeypatch):
    path = tmp_path / "ru.po"
    path.write_bytes(_BLOCK_TEXT.encode("utf-8").replace("последний".encode(), b"\xff\xfe"))
    with open(path, "rb") as handle, pytest.raises(UnicodeDecodeError):
        _blocks(handle, 64, monkeypatch)
