"""Streamed XLIFF: large files read a piece at a time give exactly the units of a whole read."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import termguard.readers.xliff as xliff
from termguard.errors import InputError
from termguard.readers.xliff import parse_xliff, stream_xliff

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def _xliff12(n: int, files: int = 1) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n']
    for f in range(files):
        out.append(f'  <file original="doc{f}.md" source-language="en" target-language="ru" datatype="plaintext">\n    <body>\n')
        for i in range(n):
            target = ["Система «Триумф» &amp; С-400", "Система «Триумпф»", "Контракт на S-400", "Россия &#x26; Турция"][i % 4]
            state = ' state="needs-review-translation"' if i % 7 == 0 else ""
            out.append(
                f'      <trans-unit id="u{i}">\n'
                f'        <source>The Triumf system &amp; the <g id="1">S-400</g> {i}</source>\n'
                f'        <target{state}>{target} <g id="1">{i}</g><ph id="2">&lt;br/&gt;</ph></target>\n'
                f'        <note>sentence</note>\n'
                f'      </trans-unit>\n'
            )
        out.append("    </body>\n  </file>\n")
    out.append("</xliff>\n")
    return "".join(out)


def _xliff20(n: int) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="tr">\n  <file id="f1">\n']
    for i in range(n):
        out.append(f'    <unit id="u{i}">\n      <segment><source>The Triumf &amp; the S-400 {i}</source>'
                   f'<target>Triumph &amp; S-400 {i}</target></segment>\n'
                   f'      <segment><source>Kyiv</source><target>Kiev</target></segment>\n    </unit>\n')
    out.append("  </file>\n</xliff>\n")
    return "".join(out)


def _facts(units):
    return [(u.id, u.kind, u.source.text, u.source.anchors, [(t.text, t.anchors) for t in u.targets],
             u.source_lang, u.target_lang, u.flags, u.comments, u.line) for u in units]


@pytest.mark.parametrize("text", [_xliff12(300), _xliff12(120, files=3), _xliff20(200),
                                  (FIXTURES / "xliff" / "commentary.ru.xlf").read_text(encoding="utf-8")])
@pytest.mark.parametrize("piece", [97, 4096])
def test_streamed_units_equal_a_whole_read(monkeypatch, text, piece):
    monkeypatch.setattr(xliff, "_PIECE", piece)
    whole = parse_xliff(text, "x.xlf")
    doc, units = stream_xliff(io.BytesIO(text.encode("utf-8")), "x.xlf")
    assert (doc.source_lang, doc.target_lang, doc.meta["version"]) == (whole.source_lang, whole.target_lang, whole.meta["version"])
    assert doc.units == () and doc.meta["streamed"]
    assert _facts(units) == _facts(whole.units)


@pytest.mark.parametrize(("text", "message", "line"), [
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<xliff version="1.2"/>\n', "DTD", 2),
    ('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n', "not well-formed", 4),
])
def test_streamed_bad_xliff_is_one_error(text, message, line):
    with pytest.raises(InputError) as err:
        _doc, units = stream_xliff(io.BytesIO(text.encode("utf-8")), "x.xlf")
        list(units)
    assert message in str(err.value) and err.value.line == line


def test_engine_streams_large_xliff_with_the_same_findings(tmp_path, streamed_and_whole):
    path = tmp_path / "big.ru.xlf"
    path.write_text(_xliff12(400, files=2), encoding="utf-8")
    whole, whole_units, streamed, units = streamed_and_whole(path, xliff)
    assert units == whole_units == 800
    assert streamed == whole
    assert len(whole) > 100
