"""Markdown block structure as CommonMark reads it (markdown-it-py): nested and loose lists,
lazy block quotes, code, tables, HTML blocks, link reference definitions, footnote
definitions, setext headings; line endings and offsets; deep nesting; footnote markers
after a sentence's end."""

from __future__ import annotations

import pytest

from termguard.segment import segment_text, split_sentences
from termguard.segment.mdblocks import MAX_NESTING
from termguard.segment.srx import export_srx, load_srx


def _units(text: str, lang: str = "en"):
    return [(u.kind, u.text) for u in segment_text(text, lang)]


def _check_offsets(text: str) -> None:
    """Every unit's spans hold its text (line breaks collapsed), whatever the line endings."""
    for u in segment_text(text, "en"):
        covered = " ".join(text[a:b] for a, b in u.spans)
        assert " ".join(covered.split()) == " ".join(u.text.split())


def test_nested_tight_list_items_with_a_wrapped_line():
    text = "- First item\n  - Nested item\n    wrapped line\n- Third item\n"
    assert _units(text) == [
        ("list-item", "First item"), ("list-item", "Nested item wrapped line"), ("list-item", "Third item"),
    ]
    assert [u.line for u in segment_text(text, "en")] == [1, 2, 4]


def test_loose_list_item_second_paragraph_is_split_into_sentences():
    text = "- Loose item.\n\n  Second paragraph of the item. It has two sentences.\n\n- Next item\n"
    assert _units(text) == [
        ("list-item", "Loose item."),
        ("sentence", "Second paragraph of the item."),
        ("sentence", "It has two sentences."),
        ("list-item", "Next item"),
    ]


def test_nested_markers_are_markup():
    assert _units("1. - Inner bullet\n* 2. Inner number\n") == [("list-item", "Inner bullet"), ("list-item", "Inner number")]


def test_lazy_quote_line_starting_with_a_number_continues_the_quote():
    text = "> The deal was signed in\n2017. The systems arrived in\n> 2019. Then came the sanctions.\n"
    units = segment_text(text, "en")
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "The deal was signed in 2017."),
        ("sentence", "The systems arrived in 2019."),
        ("sentence", "Then came the sanctions."),
    ]
    # The quote marker inside the second sentence interrupts the file text.
    assert len(units[1].spans) == 2
    # A real list still ends the quote.
    assert _units("> Quoted.\n1. A list item\n") == [("sentence", "Quoted."), ("list-item", "A list item")]


def test_fenced_code_is_left_out_and_an_indented_paragraph_is_prose():
    text = "Text before.\n\n```python\nx = 1. Not prose.\n```\n\n~~~\ncode\n~~~\n\n    Indented paragraph. Still prose.\n"
    assert _units(text) == [
        ("sentence", "Text before."), ("sentence", "Indented paragraph."), ("sentence", "Still prose."),
    ]
    # An unclosed fence runs to the end of the document; a fence with an info string never closes one.
    assert _units("```\nNot prose.\n```not a close\nStill code.\n") == []


def test_table_inside_a_list_item():
    text = "- Item:\n\n   | Term | Note |\n   |---|:---:|\n   | S-400 | A system. Two sentences. |\n"
    units = segment_text(text, "en")
    assert [(u.kind, u.text) for u in units] == [
        ("list-item", "Item:"),
        ("table-cell", "Term"), ("table-cell", "Note"), ("table-cell", "S-400"), ("table-cell", "A system. Two sentences."),
    ]
    assert [u.line for u in units] == [1, 3, 3, 5, 5]
    _check_offsets(text)


def test_rows_must_be_lines_that_start_with_a_pipe():
    # Without outer pipes, or behind a quote marker, the lines stay text (as they always did).
    assert _units("Term | Note\n--- | ---\n") == [("sentence", "Term | Note --- | ---")]
    assert _units("> | A | B |\n> |---|---|\n") == [("sentence", "| A | B | |---|---|")]
    # A one-column "table" over a dashed line is a setext heading.
    assert _units("| Costs\n---\n") == [("heading", "| Costs")]
    # The table ends at the first line that is not a row.
    assert _units("| a | b |\n|---|---|\n| c | d |\nAfter the table.\n") == [
        ("table-cell", "a"), ("table-cell", "b"), ("table-cell", "c"), ("table-cell", "d"), ("sentence", "After the table."),
    ]


def test_rules_and_closing_hashes_inside_containers_stay_text():
    # No character of a quote or list item is lost: a thematic break there is its text,
    # and so is a heading's closing sequence.
    assert _units("1. ** **\n") == [("list-item", "** **")]
    assert _units("> # Quoted heading #\n") == [("heading", "Quoted heading #")]
    assert _units("# Top heading #\n") == [("heading", "Top heading")]


def test_pipes_without_a_delimiter_row_are_prose():
    assert _units("| not | a table |\n") == [("sentence", "| not | a table |")]


def test_html_blocks_comments_and_raw_elements():
    text = (
        '<div class="note">\nInside the block. Second sentence.\n</div>\n\n<!--\nA comment. Not a unit.\n-->\n'
        "<script>\nvar a = 'Not prose.';\n</script>\n\n<style>\np { color: red; }\n</style>\n\nAfter.\n"
    )
    assert _units(text) == [("sentence", "Inside the block."), ("sentence", "Second sentence."), ("sentence", "After.")]


def test_link_reference_definitions_are_not_units():
    text = 'See [the report][r].\n\n[r]: https://example.org/report "The report"\n[s]:\n  <https://example.org/s>\n'
    assert _units(text) == [("sentence", "See [the report][r].")]


def test_footnote_definition_with_continuation_and_a_second_paragraph():
    text = (
        "Text[^1] here.\n\n[^1]: First line of the note\n    continues here. Second sentence.\n\n"
        "    A second paragraph of the note.\n\nAfter the note.\n"
    )
    assert _units(text) == [
        ("sentence", "Text[^1] here."),
        ("footnote", "First line of the note continues here. Second sentence."),
        ("sentence", "A second paragraph of the note."),
        ("sentence", "After the note."),
    ]


def test_footnote_definition_ends_a_block_quote():
    assert _units("> Quoted text.\n[^1]: The note.\n") == [("sentence", "Quoted text."), ("footnote", "The note.")]


def test_multi_line_setext_heading_and_headings_in_containers():
    assert _units("Title over\ntwo lines\n---------\n\nBody.\n") == [("heading", "Title over two lines"), ("sentence", "Body.")]
    assert _units("> ## Quoted heading\n\n- ## Heading in an item\n") == [
        ("heading", "Quoted heading"), ("heading", "Heading in an item"),
    ]


def test_unicode_bullets_start_list_items():
    assert _units("Intro line\n• First bullet\n• Second bullet\n⁃ Third\n") == [
        ("sentence", "Intro line"), ("list-item", "First bullet"), ("list-item", "Second bullet"), ("list-item", "Third"),
    ]


def test_reference_entries_without_bullets_and_prose_in_the_section():
    text = "## References\n\n[1] A. Author. Title.\n[2] B. Author. Other.\n\nProse in the section. Two sentences.\n"
    assert _units(text) == [
        ("heading", "References"),
        ("reference", "[1] A. Author. Title."),
        ("reference", "[2] B. Author. Other."),
        ("sentence", "Prose in the section."),
        ("sentence", "Two sentences."),
    ]


def test_a_heading_ends_the_references_section():
    text = "## Sources\n\n- [1] An entry.\n\n## Next part\n\n- A list item.\n"
    assert _units(text) == [
        ("heading", "Sources"), ("reference", "[1] An entry."), ("heading", "Next part"), ("list-item", "A list item."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Line one.\r\nLine two\r\n\r\n- item\r\n> quoted\r\n",
        "A\0B. Next one.\rSame line.\n",
        "# Head\r\n\r\nText\rwith a lone CR.\n",
    ],
)
def test_line_endings_and_nul_keep_offsets_and_lines(text):
    _check_offsets(text)
    for u in segment_text(text, "en"):
        assert u.line == text.count("\n", 0, u.spans[0][0]) + 1


def test_crlf_document_segments_like_its_lf_form():
    lf = "# Title\n\n- One item\n  wrapped\n\n> A quote. Two.\n\n| a | b |\n|---|---|\n| c | d |\n"
    crlf = lf.replace("\n", "\r\n")
    assert _units(crlf) == _units(lf)


def test_nesting_deeper_than_the_limit_loses_no_text():
    inside = ">" * (MAX_NESTING - 1) + " Deep but read.\n\n"
    too_deep = ">" * (MAX_NESTING * 50) + " Too deep.\n\n" + "- " * (MAX_NESTING * 50) + "x\n\n"
    units = _units(inside + too_deep + "After.\n")
    assert units[0] == ("sentence", "Deep but read.")
    # Markers past the limit are text: the units still hold every word, and the rest of
    # the document is read.
    assert units[1][1].endswith("> Too deep.") and units[2][1].endswith("- x")
    assert units[-1] == ("sentence", "After.")


def test_front_matter_is_left_out():
    assert _units("---\nlang: ru\n---\n# Заголовок\n", "ru") == [("heading", "Заголовок")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey paid $2.5 billion.[^1] The deal stood.", ["Turkey paid $2.5 billion.[^1]", "The deal stood."]),
        ("It cost $2.5 billion.<sup>1</sup> The deal stood.", ["It cost $2.5 billion.<sup>1</sup>", "The deal stood."]),
        ("It cost a billion.[12] The deal stood.", ["It cost a billion.[12]", "The deal stood."]),
        ("It was “a triumph.”[^note] Then it was not.", ["It was “a triumph.”[^note]", "Then it was not."]),
        ("Sanctions came from the U.S.[^2] The talks stopped.", ["Sanctions came from the U.S.[^2]", "The talks stopped."]),
        # A marker before the period, or a lower-case word after it: no new boundary.
        ("Text[^1] here. Next one.", ["Text[^1] here.", "Next one."]),
        ("The score was 5.[^2] and more.", ["The score was 5.[^2] and more."]),
    ],
)
def test_footnote_marker_after_a_sentence_end(text, expected):
    assert split_sentences(text, "en") == expected
    # The exported SRX rules say the same.
    assert split_sentences(text, "en", splitter=load_srx(export_srx(), "t.srx").splitter("en")) == expected


def test_footnote_marker_in_russian_and_turkish():
    assert split_sentences("Сделка была подписана в 2017 году.[^1] Системы прибыли.", "ru") == [
        "Сделка была подписана в 2017 году.[^1]", "Системы прибыли.",
    ]
    assert split_sentences("Anlaşma imzalandı.[^1] Sistemler geldi.", "tr") == ["Anlaşma imzalandı.[^1]", "Sistemler geldi."]


def test_footnote_marker_in_a_document_and_page_break_repair():
    text = "Turkey paid $2.5 billion.[^1] The deal stood.\n\n[^1]: A note.\n"
    assert _units(text) == [
        ("sentence", "Turkey paid $2.5 billion.[^1]"), ("sentence", "The deal stood."), ("footnote", "A note."),
    ]
    # A paragraph that ends in a footnote marker is finished: the next one is not joined to it.
    assert _units("It ended here.[^1]\n\nlower case paragraph.\n") == [
        ("sentence", "It ended here.[^1]"), ("sentence", "lower case paragraph."),
    ]


def test_indentation_after_a_blank_line_and_inside_a_paragraph():
    # After a blank line, indentation does not make code: the heading is read.
    assert _units("Intro.\n\n    ## Indented heading\n") == [("sentence", "Intro."), ("heading", "Indented heading")]
    # Inside a paragraph, a deeply indented line continues it.
    assert _units("Para text\n    ## not a heading\n") == [("sentence", "Para text ## not a heading")]
    # A list item whose text starts on the next line.
    assert _units("-\n  text after the marker line\n") == [("list-item", "text after the marker line")]
