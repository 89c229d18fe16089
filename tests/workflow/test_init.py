"""`termguard init`: a new translation from a template, like msginit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from termguard.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "translations" / "commentary.pot"

PLURAL_POT = '''# template
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Content-Type: text/plain; charset=CHARSET\\n"
"Language: \\n"

#. sentence
#: doc.md:1
msgctxt "s-1"
msgid "One system."
msgstr ""

#, python-format
msgid "%(n)d battery"
msgid_plural "%(n)d batteries"
msgstr[0] ""
msgstr[1] ""

#~ msgid "Gone."
#~ msgstr ""
'''


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1765000000"}
    return subprocess.run([sys.executable, "-m", "termguard", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture
def template(tmp_path):
    (tmp_path / "translations").mkdir()
    shutil.copy(TEMPLATE, tmp_path / "translations" / "commentary.pot")
    return tmp_path


def test_init_writes_every_unit_and_a_ready_header(template):
    result = run("init", "translations/commentary.pot", "--lang", "ru", cwd=template)
    assert result.returncode == 0, result.stderr
    po_path = template / "translations" / "ru.po"
    pot = polib.pofile(str(template / "translations" / "commentary.pot"))
    po = polib.pofile(str(po_path))
    assert [(e.msgctxt, e.msgid) for e in po] == [(e.msgctxt, e.msgid) for e in pot if not e.obsolete]
    assert all(e.msgstr == "" for e in po)
    assert po.metadata["Language"] == "ru"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert not po.metadata_is_fuzzy
    assert "#, fuzzy" not in po_path.read_text(encoding="utf-8").split("msgid", 1)[0]
    assert f"{len(po)} units" in result.stdout
    # termguard's own header and plural rules accept it.
    check = run("check", "translations/ru.po", "--select", "po-header,plural-forms", cwd=template)
    assert check.returncode == 0 and "No problems" in check.stdout, check.stdout


def test_init_plural_entries_get_the_languages_forms_and_obsolete_ones_are_dropped(tmp_path):
    (tmp_path / "demo.pot").write_text(PLURAL_POT, encoding="utf-8")
    assert run("init", "demo.pot", "--lang", "ru", "-o", "out.po", cwd=tmp_path).returncode == 0
    po = polib.pofile(str(tmp_path / "out.po"))
    plural = next(e for e in po if e.msgid_plural)
    assert sorted(plural.msgstr_plural) == [0, 1, 2]
    assert "python-format" in plural.flags
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert po.metadata["Project-Id-Version"] == "demo 1.0"
    doc = read_document("out.po", (tmp_path / "out.po").read_text(encoding="utf-8"))
    assert doc.target_lang == "ru" and len(doc.units) == 2
    turkish = run("init", "demo.pot", "--lang", "tr", cwd=tmp_path)
    assert turkish.returncode == 0
    assert polib.pofile(str(tmp_path / "tr.po")).metadata["Plural-Forms"].startswith("nplurals=2;")


def test_init_refuses_to_overwrite(template):
    po = template / "translations" / "ru.po"
    po.write_text("# my work\n", encoding="utf-8")
    result = run("init", "translations/commentary.pot", "--lang", "ru", cwd=template)
    assert result.returncode == 2
    assert "translations/ru.po" in result.stderr and "already exists" in result.stderr
    assert po.read_text(encoding="utf-8") == "# my work\n"


@pytest.mark.parametrize("lang", ["xx", "english", "ru_XX_bad!"])
def test_init_rejects_an_unknown_language(template, lang):
    result = run("init", "translations/commentary.pot", "--lang", lang, cwd=template)
    assert result.returncode == 2 and "not a language babel knows" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((template / "translations").glob("*.po"))


def test_init_missing_template_is_one_line(tmp_path):
    result = run("init", "nope.pot", "--lang", "ru", cwd=tmp_path)
    assert result.returncode == 2 and "nope.pot" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("lang", ["ru", "tr", "pt_BR"])
def test_init_output_passes_msgfmt_check(tmp_path, lang):
    (tmp_path / "demo.pot").write_text(PLURAL_POT, encoding="utf-8")
    shutil.copy(TEMPLATE, tmp_path / "commentary.pot")
    for pot in ("demo.pot", "commentary.pot"):
        out = f"{pot}.{lang}.po"
        assert run("init", pot, "--lang", lang, "-o", out, cwd=tmp_path).returncode == 0
        checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, out], cwd=tmp_path, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_translator_fills_last_translator(tmp_path):
    (tmp_path / "demo.pot").write_text(PLURAL_POT, encoding="utf-8")
    result = run("init", "demo.pot", "--lang", "tr", "--translator", "Ayşe Kaya <ayse@example.org>", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert polib.pofile(str(tmp_path / "tr.po")).metadata["Last-Translator"] == "Ayşe Kaya <ayse@example.org>"
    if shutil.which("msgfmt"):
        checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, "tr.po"], cwd=tmp_path, capture_output=True, text=True)
        assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    bad = run("init", "demo.pot", "--lang", "ru", "--translator", 'a "b"', cwd=tmp_path)
    assert bad.returncode == 2 and "--translator" in bad.stderr and not (tmp_path / "ru.po").exists()


@pytest.mark.parametrize("broken, line", [
    ('msgid "a"\nmsgstr "b\n', 2),  # an unterminated string
    ('msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d" junk\n', 5),  # text after a string
    ('msgid "a"\nmsgstr "b"\nmsgid_plural "c"\n', 1),  # a plural entry with a singular msgstr
])
def test_init_rejects_a_template_every_other_command_rejects(tmp_path, broken, line):
    # init reads the template with the same reader as check, update and stats: a file they
    # refuse is refused here too, naming its line, and nothing is written.
    (tmp_path / "broken.pot").write_text(broken, encoding="utf-8")
    result = run("init", "broken.pot", "--lang", "ru", cwd=tmp_path)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(f"termguard: error: broken.pot:{line}:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "ru.po").exists()
    check = run("check", "broken.pot", cwd=tmp_path)
    assert check.returncode == 2 and check.stderr.startswith(f"termguard: error: broken.pot:{line}:"), check.stderr
