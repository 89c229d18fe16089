"""The pure mapping of findings, fixes and glossary entries to LSP data (no server)."""

from __future__ import annotations

import pytest
from lsprotocol import types

from termguard.glossary.model import Entry, Origin, Rendering
from termguard.lsp import mapping
from termguard.lsp.mapping import (
    TextLines,
    apply_edits,
    code_point_column,
    lsp_character,
    suppression_edit,
)
from termguard.model import Applicability, Edit, Finding, Fix, Severity


def finding(line: int = 1, column: int = 1, end_line: int | None = None, end_column: int = 2, *,
            rule: str = "forbidden-term", severity: Severity = Severity.ERROR, fix: Fix | None = None,
            unit: str | None = "s-1") -> Finding:
    return Finding(code="TG101", rule=rule, severity=severity, path="x.po", line=line, column=column,
                   end_line=end_line if end_line is not None else line, end_column=end_column,
                   message="forbidden rendering", unit=unit, fix=fix)


# -- positions ----------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "column", "utf16", "utf8", "utf32"), [
    ("abc", 3, 2, 2, 2),
    ("«Триумф»", 3, 2, 4, 2),             # Cyrillic and guillemets: BMP, one UTF-16 unit each
    ("🚀 Триумпф", 3, 3, 5, 2),            # the rocket is two UTF-16 units, four UTF-8 bytes
    ("𠀀𠀁x", 3, 4, 8, 2),                  # CJK extension B ideographs (astral)
    ("a👩‍👩‍👧b", 7, 9, 19, 6),             # a ZWJ sequence counts each code point
])
def test_code_point_columns_become_lsp_characters_in_every_encoding(line, column, utf16, utf8, utf32):
    assert lsp_character(line, column) == utf16
    assert lsp_character(line, column, mapping.UTF8) == utf8
    assert lsp_character(line, column, mapping.UTF32) == utf32
    for encoding, character in ((mapping.UTF16, utf16), (mapping.UTF8, utf8), (mapping.UTF32, utf32)):
        assert code_point_column(line, character, encoding) == column


def test_a_column_past_the_line_end_is_the_line_end_and_a_carriage_return_is_not_counted():
    assert lsp_character("ab", 10) == 2
    assert lsp_character("a🚀\r", 10) == 3
    assert code_point_column("a🚀", 99) == 3


def test_an_offset_inside_a_surrogate_pair_moves_on_to_the_next_character():
    assert code_point_column("🚀x", 1) == 2  # between the two halves of the pair
    assert code_point_column("🚀x", 2) == 2


def test_range_of_a_finding_after_an_astral_character():
    text = 'msgid "x"\nmsgstr "🚀 С-400 «Триумпф» здесь."\n'
    line = text.split("\n")[1]
    start = line.index("Триумпф") + 1
    diag = mapping.diagnostic(finding(2, start, 2, start + 7), TextLines.of(text))
    assert diag.range == types.Range(start=types.Position(line=1, character=start),
                                     end=types.Position(line=1, character=start + 7))


def test_positions_past_the_document_end_clamp_to_its_last_line():
    lines = TextLines.of("one\ntwo")
    assert lines.position(9, 1) == types.Position(line=1, character=3)
    assert lines.range(2, 3, 1, 1).end == lines.range(2, 3, 1, 1).start  # never inverted


# -- diagnostics ------------------------------------------------------------------------------

@pytest.mark.parametrize(("severity", "expected"), [
    (Severity.ERROR, types.DiagnosticSeverity.Error),
    (Severity.WARNING, types.DiagnosticSeverity.Warning),
    (Severity.INFO, types.DiagnosticSeverity.Information),
])
def test_severities(severity, expected):
    assert mapping.severity(severity) == expected
    assert mapping.diagnostic(finding(severity=severity), TextLines.of("ab")).severity == expected


def test_diagnostic_names_source_rule_code_and_links_the_rule_page():
    diag = mapping.diagnostic(finding(), TextLines.of("ab"), "https://docs.example/termguard")
    assert diag.source == "termguard"
    assert diag.code == "forbidden-term"
    assert diag.code_description == types.CodeDescription(href="https://docs.example/termguard/rules/forbidden-term/")
    assert diag.data == {"code": "TG101", "rule": "forbidden-term"}
    assert diag.message == "forbidden rendering"
    relative = mapping.diagnostic(finding(), TextLines.of("ab"))
    assert relative.code_description is not None and relative.code_description.href == "rules/forbidden-term/"


def test_an_input_error_has_no_rule_page():
    diag = mapping.diagnostic(finding(rule=mapping.INPUT_ERROR), TextLines.of("ab"), "https://docs.example")
    assert diag.code == "input-error" and diag.code_description is None


# -- fixes -----------------------------------------------------------------------------------------

TEXT = 'msgid "The S-400 Triumf"\nmsgstr "🚀 С-400 «Триумпф»"\n'
LINE = TEXT.split("\n")[1]
COL = LINE.index("Триумпф") + 1


def _fix(applicability: Applicability = Applicability.SAFE) -> Fix:
    return Fix(applicability, "replace “Триумпф” with “Триумф”", (Edit(2, COL, 2, COL + 7, "Триумф"),))


def test_a_safe_fix_is_a_preferred_quick_fix_whose_edit_gives_the_preferred_form():
    f = finding(2, COL, 2, COL + 7, fix=_fix())
    lines = TextLines.of(TEXT)
    diag = mapping.diagnostic(f, lines)
    action = mapping.fix_action(f.fix, diag, "file:///x.po", lines, version=7)
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.is_preferred is True
    assert action.title == "replace “Триумпф” with “Триумф”"
    assert action.diagnostics == [diag]
    change = action.edit.document_changes[0]
    assert change.text_document == types.OptionalVersionedTextDocumentIdentifier(uri="file:///x.po", version=7)
    (edit,) = change.edits
    # UTF-16: the rocket before the term counts twice.
    assert edit.range.start == types.Position(line=1, character=COL)
    assert edit.new_text == "Триумф"
    assert apply_edits(TEXT, f.fix.edits) == TEXT.replace("Триумпф", "Триумф")


def test_an_unsafe_fix_is_offered_but_not_preferred_and_plain_changes_without_document_changes():
    f = finding(2, COL, 2, COL + 7, fix=_fix(Applicability.UNSAFE))
    lines = TextLines.of(TEXT)
    action = mapping.fix_action(f.fix, mapping.diagnostic(f, lines), "file:///x.po", lines, document_changes=False)
    assert action.is_preferred is False
    assert "unsafe" in action.title
    assert action.edit.document_changes is None
    assert list(action.edit.changes) == ["file:///x.po"]


def test_a_fix_of_several_edits_keeps_them_all_in_one_action():
    fix = Fix(Applicability.SAFE, "two", (Edit(1, 1, 1, 2, "A"), Edit(2, 1, 2, 2, "B")))
    lines = TextLines.of("ab\ncd")
    action = mapping.fix_action(fix, mapping.diagnostic(finding(), lines), "file:///x.md", lines)
    assert len(action.edit.document_changes[0].edits) == 2
    assert apply_edits("ab\ncd", fix.edits) == "Ab\nBd"


# -- "ignore this rule here" --------------------------------------------------------------

PO = """\
msgid ""
msgstr ""
"Language: ru\\n"

#. sentence
#: seeds/a.md:3
msgctxt "s-1"
msgid "The S-400 Triumf"
msgstr "С-400 «Триумпф»"
"""


def test_po_suppression_is_a_translator_comment_before_the_entry():
    f = finding(9, 13, 9, 20)
    edit = suppression_edit("po", PO.split("\n"), f)
    assert edit == Edit(5, 1, 5, 1, "# termguard: ignore forbidden-term\n")
    assert "\n\n# termguard: ignore forbidden-term\n#. sentence\n" in apply_edits(PO, [edit])


def test_po_suppression_adds_the_rule_to_an_existing_directive_and_keeps_its_reason():
    po = PO.replace("#. sentence\n", "#. sentence\n# termguard: ignore mixed-script -- a quoted sign\n")
    edit = suppression_edit("pot", po.split("\n"), finding(10, 13, 10, 20))
    assert edit is not None
    assert apply_edits(po, [edit]).count("termguard") == 1
    assert "# termguard: ignore mixed-script, forbidden-term -- a quoted sign\n" in apply_edits(po, [edit])
    assert suppression_edit("po", apply_edits(po, [edit]).split("\n"), finding(10, 13, 10, 20)) is None


def test_po_suppression_keeps_crlf_line_ends():
    edit = suppression_edit("po", PO.split("\n"), finding(9, 13, 9, 20), eol="\r\n")
    assert edit is not None and edit.content.endswith("forbidden-term\r\n")


MD = """\
# Title

The first line of a paragraph
that names the Triumph here.

## Triumph heading
Right under the heading.
"""


def test_markdown_suppression_goes_before_the_paragraph():
    edit = suppression_edit("markdown", MD.split("\n"), finding(4, 16, 4, 23))
    assert apply_edits(MD, [edit]) == MD.replace(
        "\nThe first line", "\n<!-- termguard: ignore forbidden-term -->\nThe first line")


def test_markdown_suppression_of_a_heading_and_of_the_lines_right_under_it():
    heading = suppression_edit("markdown", MD.split("\n"), finding(6, 4, 6, 11))
    assert heading == Edit(6, 1, 6, 1, "<!-- termguard: ignore forbidden-term -->\n")
    under = suppression_edit("markdown", MD.split("\n"), finding(7, 1, 7, 5))
    assert under == Edit(7, 1, 7, 1, "<!-- termguard: ignore forbidden-term -->\n")


def test_markdown_suppression_extends_the_comment_above_the_block():
    md = MD.replace("\nThe first", "\n  <!-- termguard: ignore translit-drift -->\nThe first")
    edit = suppression_edit("markdown", md.split("\n"), finding(5, 16, 5, 23))
    assert apply_edits(md, [edit]).count("<!--") == 1
    assert "  <!-- termguard: ignore translit-drift, forbidden-term -->\nThe first" in apply_edits(md, [edit])


XLF12 = """\
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="ru" datatype="plaintext" original="a.md">
    <body>
      <trans-unit id="s-1">
        <source>The Triumf</source>
        <target>«Триумпф»</target>
        <alt-trans><target>«Триумф»</target></alt-trans>
      </trans-unit>
      <trans-unit id="s-2"><source>x</source><target>«Триумпф»</target></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_1_2_note_goes_before_alt_trans_or_the_end_of_the_unit():
    lines = XLF12.split("\n")
    edit = suppression_edit("xliff", lines, finding(6, 18, 6, 25))
    assert "        <note>termguard: ignore forbidden-term</note>\n        <alt-trans>" in apply_edits(XLF12, [edit])
    edit = suppression_edit("xliff", lines, finding(9, 58, 9, 65))
    assert '<target>«Триумпф»</target><note>termguard: ignore forbidden-term</note></trans-unit>' in apply_edits(XLF12, [edit])


def test_xliff_note_extends_an_existing_directive():
    xlf = XLF12.replace("<alt-trans>", "<note>termguard: ignore mixed-script</note><alt-trans>")
    edit = suppression_edit("xliff", xlf.split("\n"), finding(6, 18, 6, 25))
    assert "<note>termguard: ignore mixed-script, forbidden-term</note>" in apply_edits(xlf, [edit])


XLF20 = """\
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
  <file id="f1">
    <unit id="s-1"><segment><source>The Triumf</source><target>«Триумпф»</target></segment></unit>
    <unit id="s-2"><notes><note>keep</note></notes><segment><source>x</source><target>«Триумпф»</target></segment></unit>
  </file>
</xliff>
"""


def test_xliff_2_notes_come_first_in_the_unit():
    lines = XLF20.split("\n")
    edit = suppression_edit("xliff", lines, finding(3, 70, 3, 77))
    assert '<unit id="s-1"><notes><note>termguard: ignore forbidden-term</note></notes><segment>' in apply_edits(XLF20, [edit])
    edit = suppression_edit("xliff", lines, finding(4, 100, 4, 107))
    assert '<notes><note>termguard: ignore forbidden-term</note><note>keep</note></notes>' in apply_edits(XLF20, [edit])


def test_no_xliff_note_outside_a_unit():
    assert suppression_edit("xliff", ["<xliff/>"], finding()) is None


def test_ignore_action_carries_the_edit():
    lines = TextLines.of(PO)
    f = finding(9, 13, 9, 20)
    action = mapping.ignore_action("po", f, mapping.diagnostic(f, lines), "file:///ru.po", lines, version=3)
    assert action is not None and action.is_preferred is False
    assert action.title.startswith("Ignore forbidden-term for this entry")
    (edit,) = action.edit.document_changes[0].edits
    assert edit.range.start == types.Position(line=4, character=0) == edit.range.end


# -- hover ------------------------------------------------------------------------------------

ENTRY = Entry(
    id="triumf", kind="name", note="Name of the S-400 system.", origin=Origin("ru", "Триумф"),
    renderings={
        "en": (Rendering("Triumf"), Rendering("Triumph", "forbidden", note="a translation")),
        "ru": (Rendering("Триумф"), Rendering("Триумпф", "forbidden")),
        "tr": (Rendering("Triumf"), Rendering("Trimf", "admitted"), Rendering("Triumph", "superseded")),
    },
    path="glossary/systems.yaml", line=4,
)


def test_entry_markdown_shows_every_language_note_and_origin():
    text = mapping.entry_markdown(ENTRY, "Triumph", "forbidden", "en", "Triumf")
    assert text.startswith("**triumf** (name)")
    assert "Found “Triumph”: forbidden in en; use “Triumf”" in text
    assert "Name of the S\\-400 system\\." in text
    assert "Origin: Триумф (ru)" in text
    assert "- **en**: preferred: Triumf; forbidden: Triumph (a translation)" in text
    assert "- **ru**: preferred: Триумф; forbidden: Триумпф" in text
    assert "- **tr**: preferred: Triumf; admitted: Trimf; superseded: Triumph" in text
    assert "`glossary/systems.yaml:4`" in text


def test_hover_range_and_innermost_term_first():
    lines = TextLines.of("a 🚀 Triumf b")
    outer = mapping.TermHit(1, 1, 1, 14, Entry(id="outer", renderings={"en": (Rendering("x"),)}), "a 🚀 Triumf b", "preferred", "en")
    inner = mapping.TermHit(1, 5, 1, 11, ENTRY, "Triumf", "preferred", "en")
    hover = mapping.hover([outer, inner], lines)
    assert hover is not None and hover.contents.value.startswith("**triumf**")
    assert hover.range.start == types.Position(line=0, character=5)
    assert mapping.hover([], lines) is None


def test_markdown_escaping():
    assert mapping.md_escape("*a* [b](c) <d>") == "\\*a\\* \\[b\\]\\(c\\) \\<d\\>"


def test_overlaps_touches_both_ends():
    f = finding(2, 5, 2, 9)
    assert mapping.overlaps(f, 2, 9, 2, 9)
    assert mapping.overlaps(f, 1, 1, 3, 1)
    assert not mapping.overlaps(f, 2, 10, 2, 12)
    assert not mapping.overlaps(f, 1, 1, 2, 4)


def test_findings_at_a_cursor_a_selection_or_a_sent_diagnostic():
    text = "🚀 Triumph and Triumph\nsecond line\n"
    lines = TextLines.of(text)
    first = finding(1, 3, 1, 10, fix=Fix(Applicability.SAFE, "replace", (Edit(1, 3, 1, 10, "Triumf"),)))
    second = finding(1, 15, 1, 22)
    other = finding(2, 1, 2, 7, rule="mixed-script")
    every = [first, second, other]

    def at(start: int, end: int, line: int = 0) -> list[Finding]:
        rng = types.Range(start=types.Position(line=line, character=start), end=types.Position(line=line, character=end))
        return mapping.findings_at(every, lines, rng)

    # UTF-16: the first "Triumph" starts at character 3 (the rocket is two units), not 2.
    assert at(3, 3) == [first]
    assert at(10, 10) == [first]     # a cursor right after the word still means it
    assert at(11, 11) == []
    assert at(0, 40) == [first, second]
    sent = [mapping.diagnostic(other, lines)]
    assert mapping.findings_at(every, lines, types.Range(start=types.Position(line=0, character=0),
                                                          end=types.Position(line=0, character=0)), sent) == [other]
    # The fix of the selected finding becomes its quick fix, edits in UTF-16.
    (chosen,) = at(5, 5)
    action = mapping.fix_action(chosen.fix, mapping.diagnostic(chosen, lines), "file:///a.md", lines, version=4)
    (edit,) = action.edit.document_changes[0].edits
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (3, 10, "Triumf")
    assert apply_edits(text, chosen.fix.edits) == "🚀 Triumf and Triumph\nsecond line\n"
