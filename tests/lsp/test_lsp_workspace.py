"""The project seen from a workspace root: in-memory checks (PO files a chunk at a time),
glossary terms under the cursor, which files reload the configuration."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lsp_project import HEADER, PO, write_project

from termguard.errors import ConfigError, TermguardError
from termguard.lsp import mapping
from termguard.lsp.workspace import CHUNK_MAX, Project, workspace_config


def _entry(i: int) -> str:
    """Entries of many kinds, so that unit rules, rules with state over the whole file
    (inconsistent-term, plural-forms) and suppressions all report."""
    if i % 37 == 5:
        return f'#. sentence\nmsgctxt "s-{i}"\nmsgid "Turkey bought air defense systems."\nmsgstr "Турция купила системы ПВО."\n'
    if i % 37 == 9:
        return f'#. sentence\nmsgctxt "s-{i}"\nmsgid "Turkey bought air defense systems."\nmsgstr "Турция купила системы противовоздушной обороны."\n'
    if i % 41 == 3:
        return f'#, fuzzy\nmsgctxt "s-{i}"\nmsgid "The S-400 Triumph is {i}."\nmsgstr "С-400 «Триумпф» {i}."\n'
    if i % 43 == 7:
        return f'# termguard: ignore forbidden-term\nmsgctxt "s-{i}"\nmsgid "The S-400 Triumf is {i}."\nmsgstr "С-400 «Триумпф» {i}, 2,5 млрд."\n'
    if i % 47 == 11:  # the same source as the next kind, translated with other terms
        return f'msgctxt "r-{i}"\nmsgid "The Triumf deal."\nmsgstr "Сделка по «Триумфу»."\n'
    if i % 47 == 30:
        return f'msgctxt "r-{i}"\nmsgid "The Triumf deal."\nmsgstr "Сделка по системе."\n'
    if i % 29 == 4:
        return (f'msgctxt "p-{i}"\nmsgid "One Triumf system"\nmsgid_plural "{{n}} Triumf systems"\n'
                f'msgstr[0] "Один «Триумф»"\nmsgstr[1] "{{n}} «Триумфа»"\n')
    if i % 31 == 2:
        return f'msgctxt "u-{i}"\nmsgid "Costs $2.5 billion in {i}."\nmsgstr ""\n'
    return f'#. sentence\nmsgctxt "s-{i}"\nmsgid "Turkey bought {i} S-400 Triumf systems."\nmsgstr "Турция купила {i} систем С-400 «Триумф»."\n'


def _big_po(n: int = 400) -> str:
    return HEADER + "\n".join(_entry(i) for i in range(n))


@pytest.fixture
def project(tmp_path: Path) -> tuple[Project, str]:
    path = write_project(tmp_path)
    return Project(str(tmp_path)), str(path)


def _whole(project: Project, path: str, text: str):
    return list(project.engine.run_text(path, text).findings)


def test_chunked_po_check_reports_what_a_whole_file_check_does(project):
    proj, path = project
    text = _big_po()
    assert text.count("\n\n") > 3 * CHUNK_MAX  # several chunks
    found = proj.check(path, text)
    rules = {f.rule for f in found}
    assert {"forbidden-term", "inconsistent-term", "fuzzy", "untranslated", "plural-forms", "missing-term"} <= rules
    assert found == _whole(proj, path, text)


@pytest.mark.parametrize("edit", ["in place", "lines added", "entry removed", "header"])
def test_chunked_po_check_stays_exact_after_edits(project, edit):
    proj, path = project
    text = _big_po()
    proj.check(path, text)
    proj.check(path, text)  # kept chunks are reused: the same answer again
    assert proj.check(path, text) == _whole(proj, path, text)
    if edit == "in place":
        at = text.index("Турция купила 200 систем С-400 «Триумф»")
        text = text[:at] + text[at:].replace("«Триумф»", "«Триумпф»", 1)
    elif edit == "lines added":
        at = text.index('msgctxt "s-20"')
        text = text[:at] + '#. added\n#: seeds/a.md:1\n' + text[at:]
        text = text.replace('msgstr "Турция купила 300 систем С-400 «Триумф»."', 'msgstr "Турция купила 300 систем С-400 «Триумпф»."')
    elif edit == "entry removed":
        start = text.index('#. sentence\nmsgctxt "s-100"')
        end = text.index("\n\n", start) + 2
        text = text[:start] + text[end:]
    else:
        text = text.replace('"Language: ru\\n"', '"Language: ru\\n"\n"X-Note: edited\\n"')
    assert proj.check(path, text) == _whole(proj, path, text)


def test_a_po_text_without_a_header_and_crlf_line_ends(project):
    proj, path = project
    text = PO.split("\n\n", 1)[1].replace("\n", "\r\n")
    found = proj.check(path, text)
    assert found == _whole(proj, path, text.replace("\r\n", "\n"))
    assert any(f.rule == "forbidden-term" for f in found)


def test_markdown_is_checked_from_memory(project, tmp_path):
    proj, _ = project
    md = tmp_path / "seeds" / "a.md"
    text = "# Title\n\nThe S-400 Triumph arrived.\n"
    found = proj.check(str(md), text)  # the file does not exist: the text is what counts
    assert [(f.rule, f.line, f.column) for f in found if f.rule == "forbidden-term"] == [("forbidden-term", 3, 11)]


@pytest.mark.parametrize("entries", [10, 300])
def test_an_unreadable_po_is_an_input_error_at_the_files_line(project, entries):
    proj, path = project
    text = _big_po(entries) + '\nmsgctxt "bad"\nmsgid "unterminated\nmsgstr ""\n'
    with pytest.raises(TermguardError) as chunked:
        proj.check(path, text)
    with pytest.raises(TermguardError) as whole:
        _whole(proj, path, text)
    assert chunked.value.line == whole.value.line == text.split("\n").index('msgid "unterminated') + 1
    assert str(chunked.value) == str(whole.value)


def test_an_edit_re_checks_only_the_chunk_it_is_in(project, monkeypatch):
    proj, path = project
    text = _big_po(600)
    proj.check(path, text)
    checked: list[str] = []
    original = Project._check_chunk

    def counting(self, doc, rules, chunk, skip_header, offset):
        checked.append(chunk)
        return original(self, doc, rules, chunk, skip_header, offset)

    monkeypatch.setattr(Project, "_check_chunk", counting)
    at = text.index("Турция купила 300 систем")
    edited = text[:at] + text[at:].replace("«Триумф»", "«Триумпф»", 1)
    found = proj.check(path, edited)
    # Chunks are cut by their content: an edit re-checks its own chunk, and the next one
    # too when the edited entry was (or becomes) a cut point; never the rest of the file.
    assert 1 <= len(checked) <= 2 and any("«Триумпф»" in c for c in checked)
    assert found == _whole(proj, path, edited)


@pytest.mark.parametrize(("kind", "name", "text"), [
    ("po", "translations/ru.po", PO),
    ("markdown", "seeds/a.md", "# Title\n\nA line before.\nThe S-400 Triumph arrived.\n"),
])
def test_the_ignore_edit_really_suppresses_and_is_not_unused(project, tmp_path, kind, name, text):
    proj, _ = project
    path = str(tmp_path / name)
    target = next(f for f in proj.check(path, text) if f.rule == "forbidden-term")
    edit = mapping.suppression_edit(kind, text.split("\n"), target)
    assert edit is not None
    after = proj.check(path, mapping.apply_edits(text, [edit]))
    assert not any(f.rule in ("forbidden-term", "unused-suppression") for f in after), after


def test_terms_under_the_cursor_in_source_and_translation(project):
    proj, path = project
    lines = PO.split("\n")
    msgid = next(i for i, line in enumerate(lines, 1) if line == 'msgid "The S-400 Triumf is here."')
    hits = proj.terms_at(path, PO, msgid, lines[msgid - 1].index("Triumf") + 3)
    assert [(h.entry.id, h.found, h.status, h.lang) for h in hits] == [("triumf", "Triumf", "preferred", "en")]
    msgstr = msgid + 1
    column = lines[msgstr - 1].index("Триумпф") + 1
    hits = proj.terms_at(path, PO, msgstr, column)
    assert [(h.entry.id, h.found, h.status, h.lang) for h in hits] == [("triumf", "Триумпф", "forbidden", "ru")]
    assert (hits[0].line, hits[0].column, hits[0].end_column) == (msgstr, column, column + 7)
    assert proj.terms_at(path, PO, msgstr, 2) == []  # on `msgstr`, no term


def test_terms_under_the_cursor_in_markdown(project, tmp_path):
    proj, _ = project
    hits = proj.terms_at(str(tmp_path / "a.md"), "Some *air defense* systems.\n", 1, 10)
    assert [(h.entry.id, h.found, h.column, h.end_column) for h in hits] == [("air-defense", "air defense", 7, 18)]


def test_configuration_and_glossary_files_reload_the_project(project, tmp_path):
    proj, _ = project
    assert proj.affects_config(str(tmp_path / "pyproject.toml"))
    assert proj.affects_config(str(tmp_path / "termguard.toml"))
    assert proj.affects_config(str(tmp_path / "glossary" / "terms.yaml"))
    assert proj.affects_config(str(tmp_path / "glossary" / "new.yaml"))
    assert not proj.affects_config(str(tmp_path / "translations" / "ru.po"))
    assert not proj.affects_config(str(tmp_path / "other" / "list.yaml"))


def test_workspace_config_reads_the_roots_configuration(tmp_path, monkeypatch):
    write_project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the editor started the server somewhere else
    config = workspace_config(str(tmp_path))
    assert config.glossary is not None and os.path.samefile(config.glossary, tmp_path / "glossary")
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "glossary" / "terms.yaml").rename(tmp_path / "lexicon" / "terms.yaml")
    (tmp_path / "termguard.toml").write_text('glossary = "lexicon"\nignore = ["fuzzy"]\n', encoding="utf-8")
    config = workspace_config(str(tmp_path))
    assert config.glossary is not None and os.path.samefile(config.glossary, tmp_path / "lexicon")
    assert config.ignore == ("fuzzy",)
    assert len(Project(str(tmp_path), config).engine.glossary) == 2


def test_a_broken_configuration_is_a_one_line_error(tmp_path):
    (tmp_path / "termguard.toml").write_text("select = [\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        workspace_config(str(tmp_path))


def test_suppression_silences_tells_entry_findings_from_whole_file_ones(project):
    proj, path = project
    text = _big_po()
    found = proj.check(path, text)
    kept = dict(proj._po[path].chunks)
    forbidden = next(f for f in found if f.rule == "forbidden-term")
    edit = mapping.suppression_edit("po", text.split("\n"), forbidden)
    assert edit is not None and proj.suppression_silences(path, text, forbidden, edit)
    # A rival rendering is judged over the whole file (one source translated two ways in two
    # entries): an entry's comment does not cover it.
    rival = next(f for f in found if f.rule == "inconsistent-term" and "than at line" in f.message)
    edit = mapping.suppression_edit("po", text.split("\n"), rival)
    assert edit is not None and not proj.suppression_silences(path, text, rival, edit)
    # What-if checks leave what the real check keeps alone.
    assert proj._po[path].chunks == kept


def test_suppression_silences_in_markdown(project, tmp_path):
    proj, _ = project
    path = str(tmp_path / "a.md")
    text = "# Title\n\nA line before.\nThe S-400 Triumph arrived.\n"
    finding = next(f for f in proj.check(path, text) if f.rule == "forbidden-term")
    edit = mapping.suppression_edit("markdown", text.split("\n"), finding)
    assert edit is not None and proj.suppression_silences(path, text, finding, edit)


XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="seeds/a.md" source-language="en" target-language="ru" datatype="plaintext">
    <body>
      <trans-unit id="s-1">
        <source>The S-400 Triumf is here.</source>
        <target>🚀 С-400 «Триумпф» здесь.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff_from_memory_diagnostics_and_hover(project, tmp_path):
    proj, _ = project
    path = str(tmp_path / "translations" / "ru.xlf")
    lines = XLIFF.split("\n")
    (finding,) = [f for f in proj.check(path, XLIFF) if f.rule == "forbidden-term"]
    line = lines.index("        <target>🚀 С-400 «Триумпф» здесь.</target>") + 1
    assert (finding.line, finding.column) == (line, lines[line - 1].index("Триумпф") + 1)
    diag = mapping.diagnostic(finding, mapping.TextLines.of(XLIFF))
    assert diag.range.start.character == finding.column  # one more than column - 1: the rocket
    hits = proj.terms_at(path, XLIFF, line, finding.column + 2)
    assert [(h.entry.id, h.status, h.lang) for h in hits] == [("triumf", "forbidden", "ru")]
    edit = mapping.suppression_edit("xliff", lines, finding)
    assert edit is not None and proj.suppression_silences(path, XLIFF, finding, edit)


def test_files_the_configuration_excludes_get_no_findings(tmp_path):
    path = write_project(tmp_path)
    (tmp_path / "termguard.toml").write_text('exclude = ["translations/"]\n', encoding="utf-8")
    proj = Project(str(tmp_path))
    assert proj.check(str(path), PO) == []
    assert proj.check(str(tmp_path / "seeds" / "a.md"), "The S-400 Triumph arrived.\n")


@pytest.mark.parametrize("seed", range(6))
def test_chunked_po_check_equals_the_whole_check_on_damaged_text(project, seed):
    """Random cuts and insertions (quotes, backslashes, blank lines, stray keywords) give the
    same findings, or the same input error, as the whole-file check."""
    import random

    proj, path = project
    rng = random.Random(seed)
    text = _big_po(120)
    proj.check(path, text)
    for _ in range(3):
        at = rng.randrange(len(text))
        if rng.random() < 0.5:
            text = text[:at] + text[at + rng.randrange(1, 40):]
        else:
            text = text[:at] + rng.choice(["\n\n", '"', "\\", "\n", "msgid ", "«Триумпф»", "\n\n#~ x\n", "  \n"]) + text[at:]
        assert _outcome(proj.check, path, text) == _outcome(_whole_of(proj), path, text)


def _whole_of(project: Project):
    return lambda path, text: _whole(project, path, text)


def _outcome(check, path: str, text: str):
    """The findings of a check, or its input error as `check` prints it."""
    try:
        return ("findings", check(path, text))
    except TermguardError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize("text", [
    "", "\n\n\n", HEADER, HEADER.rstrip("\n"), PO.rstrip("\n"),
    HEADER + 'msgctxt "a"\nmsgid "The S-400 Triumf"\n\nmsgstr "С-400 «Триумпф»"\n',
    HEADER + '#~ msgid "Triumph"\n#~ msgstr "Триумпф"\n',
    HEADER + 'msgid "Triumph"\nmsgstr "Триумпф"\n\n' * 3,
])
def test_chunked_po_check_on_edge_texts(project, text):
    proj, path = project
    assert _outcome(proj.check, path, text) == _outcome(_whole_of(proj), path, text)


def test_terms_under_the_cursor_in_a_multi_line_po_string(project):
    proj, path = project
    text = HEADER + 'msgctxt "m"\nmsgid ""\n"The S-400 "\n"Triumf is here."\nmsgstr ""\n"С-400 «Триумпф» "\n"здесь."\n'
    lines = text.split("\n")
    row = lines.index('"С-400 «Триумпф» "') + 1
    hits = proj.terms_at(path, text, row, lines[row - 1].index("Триумпф") + 4)
    assert [(h.entry.id, h.found, h.line, h.column) for h in hits] == [("triumf", "Триумпф", row, 9)]
    row = lines.index('"Triumf is here."') + 1
    assert [h.found for h in proj.terms_at(path, text, row, 3)] == ["Triumf"]


def test_a_term_across_a_run_of_white_space_is_diagnosed_and_hovered(project, tmp_path):
    proj, _ = project
    path = str(tmp_path / "seeds" / "runs.md")
    text = "Their anti-aircraft  \n   defence failed; the air\u00a0\u00a0defense held.\n"
    (finding,) = [f for f in proj.check(path, text) if f.rule == "forbidden-term"]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 7, 2, 11)
    assert finding.found.split() == ["anti-aircraft", "defence"]  # (a paragraph's line breaks read as spaces)
    hits = proj.terms_at(path, text, 2, 5)
    assert [(h.entry.id, h.status, h.line, h.column) for h in hits] == [("air-defense", "superseded", 1, 7)]
    hits = proj.terms_at(path, text, 2, text.split("\n")[1].index("\u00a0") + 1)
    assert [(h.entry.id, h.status, h.found) for h in hits] == [("air-defense", "preferred", "air\u00a0\u00a0defense")]
