"""Inline suppressions (Markdown comments, PO comments) and unused-suppression (TG901)."""

from __future__ import annotations

import pytest

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text
from termguard.runner import check_paths

GLOSSARY = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
- id: kiev
  kind: place
  en: [Kyiv, {text: Kiev, status: superseded}]
  ru: [Киев]
"""


def make_engine(*select: str) -> Engine:
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    return Engine(Config(select=select or ("forbidden-term", "unused-suppression")), glossary=glossary)


@pytest.fixture(scope="module")
def engine():
    return make_engine()


def summary(engine, text, path="doc.md"):
    return [(f.line, f.rule, f.found) for f in engine.check_text(path, text)]


def test_ignore_applies_to_the_next_block_only(engine):
    text = (
        "Intro with Triumph.\n"            # 1 reported
        "\n"
        "<!-- termguard: ignore forbidden-term -->\n"  # 3
        "\n"
        "Quoting the source: the Triumph\n"  # 5 suppressed
        "and Kiev in one paragraph.\n"       # 6 suppressed
        "\n"
        "Later Triumph again.\n"            # 8 reported
    )
    assert summary(engine, text) == [(1, "forbidden-term", "Triumph"), (8, "forbidden-term", "Triumph")]


def test_ignore_before_a_heading_covers_the_heading_only(engine):
    text = "<!-- termguard: ignore TG101 -->\n# Triumph\nTriumph in the next paragraph.\n"
    assert summary(engine, text) == [(3, "forbidden-term", "Triumph")]


def test_ignore_inline_after_text_covers_that_block(engine):
    text = "A Triumph here. <!-- termguard: ignore forbidden-term -- quoted headline -->\n\nTriumph.\n"
    assert summary(engine, text) == [(3, "forbidden-term", "Triumph")]


def test_disable_enable_range(engine):
    text = (
        "Triumph one.\n"                                 # 1
        "\n"
        "<!-- termguard: disable forbidden-term -->\n"   # 3
        "Triumph two.\n"                                 # 4
        "\n"
        "Triumph three.\n"                               # 6
        "<!-- termguard: enable forbidden-term -->\n"    # 7
        "\n"
        "Triumph four.\n"                                # 9
    )
    assert [line for line, *_ in summary(engine, text)] == [1, 9]


def test_disable_without_enable_runs_to_the_end(engine):
    text = "Triumph one.\n\n<!-- termguard: disable -->\n\nTriumph two.\n\nKiev.\n"
    assert [line for line, *_ in summary(engine, text)] == [1]


def test_unused_ignore_is_reported_at_the_comment(engine):
    text = "Fine text.\n\n<!-- termguard: ignore forbidden-term -->\nStill fine, Triumf.\n\nTriumph.\n"
    findings = engine.check_text("doc.md", text)
    assert [(f.line, f.code, f.rule) for f in findings] == [(3, "TG901", "unused-suppression"), (6, "TG101", "forbidden-term")]
    unused = findings[0]
    assert (unused.column, unused.end_column) == (1, len("<!-- termguard: ignore forbidden-term -->") + 1)
    assert "unused suppression" in unused.message and "forbidden-term" in unused.message
    assert unused.severity.value == "warning"


def test_one_of_two_rules_unused(engine):
    text = "<!-- termguard: ignore forbidden-term, TG102 -->\nTriumph.\n"
    # missing-term did not run here (not selected): its half of the comment is not reported.
    assert summary(engine, text) == []
    both = make_engine("forbidden-term", "missing-term", "unused-suppression")
    # missing-term runs only on translations; on a source document it is still not "run".
    assert summary(both, text) == []


def test_unknown_rule_and_stray_enable_are_reported(engine):
    text = "<!-- termguard: ignore forbiden-term -->\nTriumph.\n\n<!-- termguard: enable forbidden-term -->\n"
    findings = engine.check_text("doc.md", text)
    assert [(f.line, f.rule) for f in findings] == [(1, "unused-suppression"), (2, "forbidden-term"), (4, "unused-suppression")]
    assert "unknown rule 'forbiden-term'" in findings[0].message
    assert "no matching `disable`" in findings[2].message


def test_directives_in_code_fences_are_text(engine):
    text = "```\n<!-- termguard: ignore forbidden-term -->\n```\n\nTriumph.\n"
    assert summary(engine, text) == [(5, "forbidden-term", "Triumph")]


def test_unused_suppression_not_reported_when_deselected():
    quiet = make_engine("forbidden-term")
    assert summary(quiet, "<!-- termguard: ignore forbidden-term -->\nAll fine.\n") == []


PO = '''msgid ""
msgstr ""
"Language: ru\\n"

#. sentence
# termguard: ignore forbidden-term -- the quoted headline used this form
msgctxt "s-1"
msgid "The Triumph"
msgstr "Триумпф"

#. sentence
msgctxt "s-2"
msgid "The Triumph again"
msgstr "Снова Триумпф"

#. termguard: ignore forbidden-term
msgctxt "s-3"
msgid "Fine"
msgstr "Триумф"

# termguard: disable forbidden-term
msgctxt "s-4"
msgid "Fine"
msgstr "Триумпф"
'''


def test_po_comments(engine):
    findings = engine.check_text("ru.po", PO)
    got = [(f.line, f.rule, f.unit) for f in findings]
    assert got == [
        (14, "forbidden-term", "s-2"),       # not suppressed: no comment
        (16, "unused-suppression", "s-3"),   # extracted comment, nothing to suppress
        (21, "unused-suppression", "s-4"),   # `disable` does not work in PO
        (24, "forbidden-term", "s-4"),
    ]
    assert "only `termguard: ignore RULE` works in PO comments" in findings[2].message


def test_po_suppression_same_with_parallel_chunks(engine, tmp_path):
    path = tmp_path / "ru.po"
    path.write_text(PO, encoding="utf-8")
    serial = engine.run([str(path)])
    parallel = check_paths(engine, [str(path)], jobs=2)
    assert [(f.line, f.rule) for f in parallel.findings] == [(f.line, f.rule) for f in serial.findings]
    assert len(serial.findings) == 4


def test_rule_is_registered_and_documented():
    from termguard.checks import get_rule

    rule = get_rule("TG901")
    assert rule is not None and rule.name == "unused-suppression"
    for section in ("What:", "Why:", "Example:", "Use instead:"):
        assert section in rule.__doc__


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="ru" datatype="plaintext" original="doc.md">
    <body>
      <trans-unit id="s-1">
        <source>The Triumph</source>
        <target>Триумпф</target>
        <note>termguard: ignore forbidden-term</note>
      </trans-unit>
      <trans-unit id="s-2">
        <source>The Triumph</source>
        <target>Триумпф</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_notes_suppress_like_po_comments(engine):
    findings = engine.check_text("ru.xlf", XLIFF)
    assert [(f.rule, f.unit) for f in findings] == [("forbidden-term", "s-2")]
