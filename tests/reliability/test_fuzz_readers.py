"""Fuzz-style tests: every reader, fed random bytes or random structures of its own
format, returns a result or raises `TermguardError` (one line, exit 2), never any other
exception (a crash) and never a hang on small input.

Readers are called the way `termguard` calls them: bytes decoded by `decode_text`, then
the parser of the file type; the streaming readers over the same bytes.
"""

from __future__ import annotations

import io

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.errors import TermguardError
from termguard.glossary.csv_io import read_csv
from termguard.glossary.tbx import read_tbx
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.readers import decode_text, read_document
from termguard.readers.po import iter_po_entries, stream_po
from termguard.readers.tmx import stream_tmx
from termguard.readers.xliff import stream_xliff
from termguard.sources.references import find_citations, parse_references

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def survives(call, streamed: bool = False) -> None:
    """Run `call`; a `TermguardError` is an answer, any other exception a crash. A streamed
    reader may also stop at bytes that are not UTF-8 (`UnicodeDecodeError`), which the
    engine turns into the file's error line (`readers.utf8_error`)."""
    try:
        result = call()
        if hasattr(result, "__next__"):
            for _ in result:
                pass
    except TermguardError as exc:
        assert str(exc).strip() and "\n" not in str(exc).strip(), repr(str(exc))
    except UnicodeDecodeError:
        if not streamed:
            raise


def read_as(name: str, data: bytes) -> None:
    """Everything termguard does with the bytes of a file called `name`."""
    def whole():
        text = decode_text(data, name)
        doc = read_document(name, text)
        for _ in doc.units:
            pass
        return doc

    survives(whole)
    if name.endswith(".po"):
        survives(lambda: stream_po(io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="strict"), name)[1], True)
        survives(lambda: iter_po_entries(io.BytesIO(data), name), True)
    elif name.endswith(".xlf"):
        survives(lambda: stream_xliff(io.BytesIO(data), name)[1], True)
    elif name.endswith(".tmx"):
        survives(lambda: stream_tmx(io.BytesIO(data), name)[1], True)
    elif name.endswith(".md"):
        text = data.decode("utf-8", "replace")
        survives(lambda: parse_references(text))
        survives(lambda: find_citations(text))


def read_glossary_as(name: str, data: bytes) -> None:
    if name.endswith(".yaml"):
        survives(lambda: parse_yaml_glossary(decode_text(data, name), name))
    elif name.endswith(".tbx"):
        survives(lambda: read_tbx(data, name))
    else:
        survives(lambda: read_csv(decode_text(data, name), name, ("en", "ru")))


NAMES = ["x.po", "x.pot", "x.md", "x.txt", "x.xlf", "x.tmx"]
GLOSSARIES = ["g.yaml", "g.tbx", "g.csv"]


@SETTINGS
@given(st.sampled_from(NAMES), st.binary(max_size=600))
def test_random_bytes_to_every_document_reader(name, data):
    read_as(name, data)


@SETTINGS
@given(st.sampled_from(GLOSSARIES), st.binary(max_size=600))
def test_random_bytes_to_every_glossary_reader(name, data):
    read_glossary_as(name, data)


# --- random structures of each format --------------------------------------------------------

_CHARS = [*'ab Я\\"\n\t#:%{}<>&;[]()*_.-,«»\x00\x85\u2028', "ğ", "İ"]
_TEXT = st.text(alphabet=st.sampled_from(_CHARS), max_size=12)
_PO_LINE = st.one_of(
    st.builds(lambda k, t: f'{k} "{t}"', st.sampled_from(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[0]",
                                                          "msgstr[1]", "msgstr[9]", "#~ msgid", "#| msgid"]), _TEXT),
    st.builds(lambda k, t: f"{k}{t}", st.sampled_from(["#, ", "#. ", "#: ", "# ", "#~ ", '"', ""]), _TEXT),
)


@SETTINGS
@given(st.lists(_PO_LINE, max_size=14))
def test_random_po_structures(lines):
    data = ('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\n' + "\n".join(lines) + "\n").encode("utf-8", "surrogatepass")
    read_as("x.po", data)


_YAML_SCALAR = st.one_of(_TEXT, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=True))
_YAML_VALUE = st.recursive(
    _YAML_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["id", "kind", "en", "ru", "tr", "text", "status", "note", "origin", "lang",
                                         "tests", "ok", "bad", "dnt", "exact", "case_sensitive", "stauts", "pt_BR",
                                         "zz", "<<", "1"]), inner, max_size=5),
    ),
    max_leaves=20,
)
_TAGS = st.sampled_from(["", "", "", "!x ", "!!python/name:os.system ", "!!set ", "!!binary ", "!!str ", "!!int ",
                         "!!omap ", "&a ", "*a "])


@SETTINGS
@given(st.lists(_YAML_VALUE, max_size=4), st.lists(st.tuples(st.integers(0, 400), _TAGS), max_size=3))
def test_random_yaml_structures_with_tags_anchors_and_merge_keys(entries, inserts):
    text = yaml.safe_dump(entries, allow_unicode=True, default_flow_style=None)
    for at, tag in inserts:  # a tag or an anchor where a value may start
        cut = text.find(": ", at % (len(text) + 1))
        if cut != -1:
            text = text[: cut + 2] + tag + text[cut + 2 :]
    read_glossary_as("g.yaml", text.encode("utf-8", "surrogatepass"))


_XML_NAME = st.sampled_from(["tbx", "text", "body", "conceptEntry", "langSec", "termSec", "term", "termNote", "descrip",
                             "martif", "termEntry", "langSet", "tig", "ntig", "xliff", "file", "trans-unit", "unit",
                             "segment", "source", "target", "note", "tmx", "header", "tu", "tuv", "seg", "x", "ph", "g"])
_ATTRS = st.dictionaries(st.sampled_from(["id", "xml:lang", "type", "version", "srclang", "state", "source-language",
                                          "target-language", "srcLang", "trgLang", "approved"]),
                         st.sampled_from(["en", "ru", "1.2", "2.0", "1.4", "x", "", "administrativeStatus", "c1"]),
                         max_size=3)


def _element(depth: int):
    children = st.lists(st.deferred(lambda: _element(depth - 1)), max_size=3) if depth else st.just([])
    return st.builds(
        lambda name, attrs, text, kids: (
            f"<{name}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + ">" + text + "".join(kids) + f"</{name}>"
        ),
        _XML_NAME, _ATTRS, _TEXT.map(lambda t: t.replace("<", "&lt;").replace("&", "&amp;")), children,
    )


_PROLOGUE = st.sampled_from([
    "", '<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="windows-1251"?>\n',
    '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">\n', '<!DOCTYPE x [<!ENTITY a "aaaa">]>\n',
    '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n',
])


@SETTINGS
@given(_PROLOGUE, _element(4), st.sampled_from(["x.xlf", "x.tmx", "g.tbx"]))
def test_random_xml_structures(prologue, body, name):
    data = (prologue + body).encode("utf-8", "surrogatepass")
    if name.endswith(".tbx"):
        read_glossary_as(name, data)
    else:
        read_as(name, data)


@SETTINGS
@given(st.lists(st.lists(_TEXT, max_size=5), max_size=6))
def test_random_csv_structures(rows):
    text = "source,target,forbidden,note\n" + "\n".join(",".join(row) for row in rows)
    read_glossary_as("g.csv", text.encode("utf-8", "surrogatepass"))
