"""`build` warns, naming the unit, when the Markdown it writes leaves emphasis unbalanced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from termguard.segment import segment_text
from termguard.workflow.build import unbalanced_units

ROOT = Path(__file__).resolve().parents[2]
DOC = "Intro.\n\n*First sentence in italics. Second one. Third one ends it.* After.\n\nA *short* one.\n"


def _ids(text):
    return {s.text: s.id for s in segment_text(text, lang="en")}


def test_balanced_translation_gives_no_warning():
    segs = segment_text(DOC, lang="en")
    ids = _ids(DOC)
    translations = {ids["*First sentence in italics."]: "*Первое предложение курсивом.",
                    ids["Third one ends it.*"]: "Третье его заканчивает.*"}
    assert unbalanced_units(segs, translations) == []


def test_lost_opening_and_unclosed_markers_are_named_once():
    segs = segment_text(DOC, lang="en")
    ids = _ids(DOC)
    translations = {ids["*First sentence in italics."]: "Первое предложение курсивом.",
                    ids["A *short* one."]: "Одно *короткое."}
    found = unbalanced_units(segs, translations)
    assert [uid for uid, _ in found] == [ids["*First sentence in italics."], ids["A *short* one."]]
    assert "does not open `*`" in found[0][1] and "leaves `*` open" in found[1][1]


def test_build_command_prints_the_warning(tmp_path):
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    run = lambda *a: subprocess.run([sys.executable, "-m", "termguard", *a], cwd=tmp_path, capture_output=True,  # noqa: E731
                                    text=True, env=env, timeout=120)
    assert run("segment", "doc.md", "-o", "doc.pot").returncode == 0
    assert run("init", "doc.pot", "--lang", "ru").returncode == 0
    po = (tmp_path / "ru.po").read_text(encoding="utf-8")
    po = po.replace('msgid "A *short* one."\nmsgstr ""', 'msgid "A *short* one."\nmsgstr "Одно *короткое."')
    (tmp_path / "ru.po").write_text(po, encoding="utf-8")
    result = run("build", "ru.po", "-o", "doc.ru.md")
    assert result.returncode == 0, result.stderr
    unit = _ids(DOC)["A *short* one."]
    assert f"ru.po: unit {unit}: the translation leaves `*` open" in result.stderr
