"""Plain text and reStructuredText: bullets are units each, adornment lines and link
targets are not units, and Markdown documents are segmented as before."""

from __future__ import annotations

from termguard.segment import segment_text

RST = """\
=========
 Overview
=========

Turkey bought the system. Delivery began in 2019.

* first bullet
* second bullet
  wrapped onto a second line.
- third bullet

1. first step
2. second step

Section two
-----------

See the report [1]_.

.. _report: https://example.org/report
.. a comment
   that goes on
__ https://example.org/anonymous

.. note:: Keep the names as written.

.. [1] The annual report.
"""


def units(text: str):
    return [(u.kind, u.text) for u in segment_text(text, "en", markdown=False, plain_structure=True)]


def test_bullets_are_units_each_and_structure_is_not_text():
    got = units(RST)
    assert got == [
        ("heading", "Overview"),
        ("sentence", "Turkey bought the system."),
        ("sentence", "Delivery began in 2019."),
        ("list-item", "first bullet"),
        ("list-item", "second bullet wrapped onto a second line."),
        ("list-item", "third bullet"),
        ("list-item", "first step"),
        ("list-item", "second step"),
        ("heading", "Section two"),
        ("sentence", "See the report [1]_."),
        ("sentence", "Keep the names as written."),
        ("footnote", "The annual report."),
    ]


def test_a_year_that_starts_a_wrapped_line_continues_the_paragraph():
    text = "The deal was signed in\n2019. The delivery followed.\n"
    assert [t for _k, t in units(text)] == ["The deal was signed in 2019.", "The delivery followed."]


def test_plain_numbers_and_dashes_in_prose_are_not_items():
    assert units("2 batteries arrived.\n") == [("sentence", "2 batteries arrived.")]


def test_markdown_mode_is_unchanged_by_plain_rules():
    text = "Title\n=====\n\n* one\n* two\n"
    assert [(u.kind, u.text) for u in segment_text(text, "en")] == [
        ("heading", "Title"), ("list-item", "one"), ("list-item", "two")]


def test_the_segment_command_reads_rst_and_txt_with_their_structure(tmp_path):
    from click.testing import CliRunner

    from termguard.cli import main

    for name in ("doc.rst", "doc.txt"):
        path = tmp_path / name
        path.write_text(RST, encoding="utf-8")
        result = CliRunner().invoke(main, ["segment", str(path), "--format", "text"])
        assert result.exit_code == 0, result.output
        assert result.output.splitlines()[:4] == ["Overview", "Turkey bought the system.", "Delivery began in 2019.",
                                                  "first bullet"]
