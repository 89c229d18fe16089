"""Markdown structure: blocks, markup left out of units, page-break and footnote-block repair."""

from __future__ import annotations

from termguard.segment import segment_text, split_sentences


def _units(text: str, lang: str = "en"):
    return [(u.kind, u.text) for u in segment_text(text, lang)]


def test_heading_list_and_paragraph_markers_are_not_in_the_text():
    text = "# 1. Intro #\n\n- First item. Still the first item.\n- Second item\n\nA sentence. Another one.\n"
    assert _units(text) == [
        ("heading", "1. Intro"),
        ("list-item", "First item. Still the first item."),
        ("list-item", "Second item"),
        ("sentence", "A sentence."),
        ("sentence", "Another one."),
    ]


def test_setext_heading_and_thematic_break():
    text = "Title here\n==========\n\nBody text.\n\n---\n\nMore text.\n"
    assert _units(text) == [("heading", "Title here"), ("sentence", "Body text."), ("sentence", "More text.")]


def test_code_fences_comments_html_and_front_matter_are_structure():
    text = "---\nlang: en\n---\n<!-- termguard: ignore forbidden-term -->\n```\ncode. Not prose.\n```\n<div>\nReal text.\n"
    assert _units(text) == [("sentence", "Real text.")]


def test_references_section_entries_with_and_without_bullets():
    text = "## References\n\n- [1] A. Author, «Title». *Outlet*, 01.02.2025.\n[2] B. Author. Second title.\n"
    assert _units(text) == [
        ("heading", "References"),
        ("reference", "[1] A. Author, «Title». *Outlet*, 01.02.2025."),
        ("reference", "[2] B. Author. Second title."),
    ]


def test_footnote_definitions_and_blockquotes():
    text = "Text[^1] here.\n\n[^1]: The note. It has two sentences.\n\n> Quoted first. Quoted\n> second line.\n"
    units = segment_text(text, "en")
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "Text[^1] here."),
        ("footnote", "The note. It has two sentences."),
        ("sentence", "Quoted first."),
        ("sentence", "Quoted second line."),
    ]
    # The quote marker on the second line interrupts the file text: two spans.
    assert len(units[-1].spans) == 2


def test_table_cells_are_units_and_the_separator_row_is_not():
    text = "| Term | Note |\n|---|:---:|\n| S-400 | A system. |\n"
    assert _units(text) == [
        ("table-cell", "Term"), ("table-cell", "Note"), ("table-cell", "S-400"), ("table-cell", "A system."),
    ]


def test_page_break_repair_joins_only_unfinished_sentences():
    text = "The sentence runs on to the\n\nnext page. A new one.\n\nA finished paragraph.\n\nlower-case start stays apart.\n"
    units = segment_text(text, "en")
    assert [u.text for u in units] == [
        "The sentence runs on to the next page.",
        "A new one.",
        "A finished paragraph.",
        "lower-case start stays apart.",
    ]
    assert units[0].spans == ((0, 27), (29, 39))
    assert units[0].pieces == ((0, 0), (28, 29))


def test_page_break_with_whitespace_only_line():
    text = "Broken across a\n   \t\npage break here.\n"
    assert _units(text) == [("sentence", "Broken across a page break here.")]


def test_footnote_block_inside_a_sentence_is_cut_out():
    text = (
        "The paragraph stops in the middle of a\n\n---\n\n<sup>2</sup> A footnote. With two sentences.\n\n"
        "sentence that goes on here. Next sentence.\n"
    )
    units = segment_text(text, "en")
    assert [(u.kind, u.text) for u in units] == [
        ("sentence", "The paragraph stops in the middle of a sentence that goes on here."),
        ("footnote", "<sup>2</sup> A footnote. With two sentences."),
        ("sentence", "Next sentence."),
    ]
    first = units[0]
    assert len(first.spans) == 2
    assert text[first.spans[1][0]:first.spans[1][1]] == "sentence that goes on here."


def test_thematic_break_alone_does_not_join():
    text = "Ends without a stop\n\n---\n\nlower case after a break.\n"
    assert len(segment_text(text, "en")) == 2


def test_inner_line_breaks_collapse_to_one_space_and_other_whitespace_is_kept():
    text = "One  sentence\n   wrapped\there.\n"
    (unit,) = segment_text(text, "en")
    assert unit.text == "One  sentence wrapped\there."
    assert unit.spans == ((0, len(text) - 1),)


def test_plain_text_mode_ignores_markdown():
    assert split_sentences("# Not a heading. Really.\n- Not a list.") == ["# Not a heading.", "Really. - Not a list."]


def test_crlf_free_offsets_with_unicode():
    text = "«Цитата». Ещё одно предложение.\n\n## Заголовок\n"
    units = segment_text(text, "ru")
    assert [u.text for u in units] == ["«Цитата».", "Ещё одно предложение.", "Заголовок"]
    for u in units:
        a, b = u.spans[0]
        assert text[a:b] == u.text


def test_plain_text_line_lists_and_wrapped_prose():
    assert split_sentences("features\ncontact manager\nevents, activities\n") == [
        "features", "contact manager", "events, activities",
    ]
    wrapped = "This is a sentence\ncut off in the middle because pdf.\n"
    assert split_sentences(wrapped) == ["This is a sentence cut off in the middle because pdf."]
    # In Markdown, soft-wrapped lines are one paragraph whatever they look like.
    assert [u.text for u in segment_text("features\ncontact manager\n", "en")] == ["features contact manager"]


def test_turkish_numbered_heading_and_ordinals():
    text = "## 2. Dünya Savaşı'ndan sonra\n\nAnlaşmanın 6. maddesi açıktır. 2. Dünya Savaşı bitti.\n"
    assert _units(text, "tr") == [
        ("heading", "2. Dünya Savaşı'ndan sonra"),
        ("sentence", "Anlaşmanın 6. maddesi açıktır."),
        ("sentence", "2. Dünya Savaşı bitti."),
    ]


def test_a_wrapped_line_starting_with_a_number_continues_the_paragraph():
    text = "The deal was signed in\n2017. The systems arrived in\n2019. Then came the sanctions.\n\n1. A real list item\n"
    assert _units(text) == [
        ("sentence", "The deal was signed in 2017."),
        ("sentence", "The systems arrived in 2019."),
        ("sentence", "Then came the sanctions."),
        ("list-item", "A real list item"),
    ]
