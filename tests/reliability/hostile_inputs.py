"""Hostile texts of about 1 MB for the hang checks (`test_no_hang.py`).

Each text is built to make a backtracking regular expression or a pairwise loop take
quadratic (or worse) time: long runs of one character that a pattern's quantifier takes
and gives back, a long run with a mismatch at its end, many terms in one paragraph.
Run as a script (`python hostile_inputs.py NAME... DIR GLOSSARY`) it writes every
text as a Markdown document and a PO file to DIR and runs termguard over them: the test
only waits for it to end, with a generous limit.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

SIZE = 1_000_000

#: (name, text): a unit of text repeated to SIZE characters, with a tail that makes the
#: patterns fail at the very end (the worst case for backtracking).
PIECES: tuple[tuple[str, str, str], ...] = (
    ("spaces", " ", "x"),
    ("tabs", "\t", "x"),
    ("nbsp", "\u00a0", "x"),
    ("newlines-spaces", " \n", "x"),
    ("stars", "*", "x"),
    ("underscores", "_", "x"),
    ("brackets", "[", "x"),
    ("bracket-digit", "[1 ", "x"),
    ("parens", "(", "x"),
    ("angle-tags", "<a", "x"),
    ("backticks", "`", "x"),
    ("questions", "?", "x"),
    ("dots", ".", "x"),
    ("spaced-dots", " .", "x"),
    ("hashes", "#", "x"),
    ("percent-paren", "%(", "x"),
    ("percent-zero", "%0", "y"),
    ("digits", "1", "x"),
    ("digit-groups", "1 000 ", "x"),
    ("decimal-commas", "1,", "x"),
    ("one-word", "a", "1"),
    ("cyrillic-word", "а", "1"),
    ("quotes", "“", "x"),
    ("guillemets", "«", "x"),
    ("apostrophes", "'", "x"),
    ("dashes", "-", "x"),
    ("url", "http://a", "x"),
    ("link-parens", "[x](http://a(", "x"),
    ("abbreviations", "e.g. i.e. Dr. Mr. U.S. ", "x"),
    ("terms", "the S-400 Triumf and the S-400 Triumph system, ", "x"),
    ("names", "Ermakov Yermakov Erdoğan Erdogan ", "x"),
    ("citations", "[1, 2; 3–5] ", "x"),
    ("months", "March ", "x"),
    ("list-bullets", "• ", "x"),
    ("references-title", "References", " " * 50),
    # Markdown containers nested a million deep, on one line and line after line.
    ("quote-markers", ">", "x"),
    ("list-markers", "- ", "x"),
    ("nested-markers", "> - `[", "x"),
    ("marker-lines", "> - [\n", "x"),
)


def hostile(name: str) -> str:
    """The text named `name`: its unit repeated to about SIZE characters, then its tail."""
    for key, unit, tail in PIECES:
        if key == name:
            return unit * (SIZE // len(unit)) + tail
    raise KeyError(name)


def po_text(text: str) -> str:
    """A PO file whose one entry has `text` as its source and its translation."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return (
        'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'#, python-format\nmsgctxt "s-1"\nmsgid "{body}"\nmsgstr "{body}"\n'
    )


def main(argv: list[str]) -> int:
    """Write each named text as `NAME.en.md` (a heading, the text, a references list) and
    `NAME.ru.po`, then check them and list their references; exit status is termguard's."""
    from termguard.cli import main as cli

    names, where = argv[:-2], Path(argv[-2])
    glossary = argv[-1]
    paths = []
    for name in names:
        text = hostile(name)
        md = where / f"{name}.en.md"
        md.write_text(f"# Title {text}\n\n{text}\n\n## References\n\n1. {text}\n", encoding="utf-8")
        po = where / f"{name}.ru.po"
        po.write_text(po_text(text), encoding="utf-8")
        paths += [str(md), str(po)]
    with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
        for md in paths[::2]:
            cli(["sources", md], standalone_mode=False)
        cli(["check", "--exit-zero", "-q", "--glossary", glossary, *paths], standalone_mode=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
