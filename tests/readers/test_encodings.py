"""File encodings: UTF-8 by default; UTF-16/32 with a BOM and declared XML encodings decoded."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from termguard.cli import main
from termguard.errors import InputError
from termguard.readers import load_text, read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TMX = FIXTURES / "tmx" / "memory.tmx"
XLIFF = FIXTURES / "xliff" / "commentary.ru.xlf"


def _units(doc):
    return [(u.id, u.source.text, [t.text for t in u.targets],
             [t.locate(i) for t in u.targets for i in range(0, len(t.text), 7)]) for u in doc.units]


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_utf16_and_utf32_tmx_read_like_utf8(tmp_path, encoding, bom):
    text = TMX.read_text(encoding="utf-8")
    declared = text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()[:6]}"', 1)
    path = tmp_path / "memory.tmx"
    path.write_bytes(bom + declared.encode(encoding))
    expected = read_document("memory.tmx", text)
    got = read_document("memory.tmx", load_text(path))
    assert _units(got) == _units(expected)
    assert got.units  # the fixture has units to compare


def test_declared_single_byte_encoding_in_xliff(tmp_path):
    text = XLIFF.read_text(encoding="utf-8")
    assert text.startswith("<?xml")
    declared = text.replace('encoding="UTF-8"', 'encoding="windows-1251"', 1)
    path = tmp_path / "commentary.ru.xlf"
    path.write_bytes(declared.encode("windows-1251", errors="strict"))
    expected = read_document("commentary.ru.xlf", text)
    got = read_document("commentary.ru.xlf", load_text(path))
    assert _units(got) == _units(expected)


def test_unknown_declared_encoding_is_one_error_line(tmp_path):
    path = tmp_path / "x.tmx"
    path.write_bytes(b'<?xml version="1.0" encoding="klingon-8"?>\n<tmx version="1.4"/>\n')
    with pytest.raises(InputError) as err:
        load_text(path)
    assert "klingon-8" in str(err.value) and err.value.line == 1


def test_bad_bytes_in_declared_encoding_name_their_line(tmp_path):
    path = tmp_path / "x.tmx"
    path.write_bytes(b'<?xml version="1.0" encoding="ascii"?>\n<tmx>\n\xff</tmx>\n')
    with pytest.raises(InputError) as err:
        load_text(path)
    assert err.value.line == 3


def test_check_reports_positions_in_a_utf16_tmx(tmp_path, monkeypatch):
    text = TMX.read_text(encoding="utf-8")
    (tmp_path / "memory.tmx").write_bytes(codecs.BOM_UTF16_LE + text.replace('"UTF-8"', '"UTF-16"', 1).encode("utf-16-le"))
    (tmp_path / "memory8.tmx").write_text(text, encoding="utf-8")
    glossary = FIXTURES / "morph" / "glossary.yaml"
    monkeypatch.chdir(tmp_path)
    runs = []
    for name in ("memory.tmx", "memory8.tmx"):
        result = CliRunner().invoke(main, ["check", name, "--glossary", str(glossary), "--isolated", "--format", "json", "--exit-zero"])
        assert result.exit_code == 0, result.output
        runs.append([(f["rule"], f["line"], f["column"], f["message"]) for f in json.loads(result.output)["findings"]])
    assert runs[0] == runs[1]
    assert runs[0]
