"""Streamed TMX: large translation memories read a piece at a time give the units of a whole read."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

import termguard.readers.tmx as tmx
from termguard.errors import InputError
from termguard.readers.tmx import parse_tmx, stream_tmx

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def _tmx(n: int, targets: tuple[str, ...] = ("ru",)) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
           '  <header creationtool="test" srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"/>\n  <body>\n']
    texts = {"ru": ["Система «Триумф» &amp; С-400", "Система «Триумпф»", "Контракт на S-400 <ph x=\"1\">{0}</ph>"],
             "tr": ["Triumph sistemi", "S-400'lerin &lt;iadesi&gt;", "Erdoğan'ın <bpt i=\"1\">&lt;b&gt;</bpt>açıklaması<ept i=\"1\">&lt;/b&gt;</ept>"]}
    for i in range(n):
        tuid = f' tuid="t{i}"' if i % 5 else ""
        out.append(f'    <tu{tuid}>\n      <tuv xml:lang="en-US"><seg>The Triumf system &amp; the S-400 {i}</seg></tuv>\n')
        for lang in targets:
            out.append(f'      <tuv xml:lang="{lang}"><seg>{texts[lang][i % 3]} {i}</seg></tuv>\n')
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


def _facts(units):
    return [(u.id, u.source.text, u.source.anchors, [(t.text, t.anchors) for t in u.targets],
             u.source_lang, u.target_lang, u.line) for u in units]


@pytest.mark.parametrize("text", [_tmx(300), _tmx(150, ("ru", "tr")), (FIXTURES / "tmx" / "memory.tmx").read_text(encoding="utf-8")])
@pytest.mark.parametrize("piece", [89, 4096])
def test_streamed_units_equal_a_whole_read(monkeypatch, text, piece):
    monkeypatch.setattr(tmx, "_PIECE", piece)
    whole = parse_tmx(text, "m.tmx")
    doc, units = stream_tmx(io.BytesIO(text.encode("utf-8")), "m.tmx")
    assert (doc.source_lang, doc.target_lang) == (whole.source_lang, whole.target_lang)
    assert doc.units == () and doc.meta["streamed"]
    assert _facts(units) == _facts(whole.units)


def test_streamed_utf16_memory_equals_utf8(monkeypatch):
    monkeypatch.setattr(tmx, "_PIECE", 1000)
    text = _tmx(50)
    data = codecs.BOM_UTF16_LE + text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")
    _doc, units = stream_tmx(io.BytesIO(data), "m.tmx")
    assert _facts(units) == _facts(parse_tmx(text, "m.tmx").units)


@pytest.mark.parametrize(("data", "message"), [
    (b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaa">]>\n<tmx version="1.4"><body/></tmx>\n', "entity"),
    (b'<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n</tmx>\n', "malformed"),
    (b'<?xml version="1.0"?>\n<xliff version="1.2"/>\n', "not a TMX file"),
])
def test_streamed_bad_memory_is_one_error(data, message):
    with pytest.raises(InputError) as err:
        _doc, units = stream_tmx(io.BytesIO(data), "m.tmx")
        list(units)
    assert message in str(err.value)


def test_engine_streams_large_tmx_with_the_same_findings(tmp_path, streamed_and_whole):
    path = tmp_path / "memory.tmx"
    path.write_text(_tmx(400), encoding="utf-8")
    whole, whole_units, streamed, units = streamed_and_whole(path, tmx)
    assert units == whole_units == 400
    assert streamed == whole
    assert len(whole) > 100
