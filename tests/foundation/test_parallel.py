"""--jobs: a parallel run (files and chunks of one PO file) reports exactly what a serial run does."""

from __future__ import annotations

import itertools
import os

import termguard.engine as engine_module
import termguard.parallel as parallel
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text
from termguard.runner import check_paths

GLOSSARY = """
- id: triumf
  kind: name
  en: [Triumf, {text: Triumph, status: forbidden}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]
- id: caatsa
  kind: acronym
  en: [CAATSA]
  ru: [CAATSA]
"""


def _po(n: int) -> str:
    out = ['msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for i in range(n):
        src, tgt = [
            ("The Triumf system", "Система «Триумф»"),
            ("The Triumf system", "Система «Триумпф»"),
            ("CAATSA sanctions", "санкции"),
            ("Multi-line\\n", '"\n"Много\\n"\n"строк'),
        ][i % 4]
        out.append(f'#: src/x.c:{i}\nmsgctxt "e{i}"\nmsgid "{src} {i}"\nmsgstr "{tgt} {i}"\n')
    return "\n".join(out)


def test_parallel_run_equals_serial(tmp_path, monkeypatch):
    big = tmp_path / "big.po"
    big.write_text(_po(4000), encoding="utf-8")
    small = tmp_path / "small.po"
    small.write_text(_po(7), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("The Triumph system.\n\nAnother Triumph here.\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 10_000)
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    engine = Engine(Config(select=("forbidden-term", "missing-term")), glossary=glossary)
    paths = [str(tmp_path)]
    serial = engine.run(paths)
    parallel_report = check_paths(engine, paths, jobs=2)
    assert serial.units == 4000 + 7 + 2
    assert len(serial.findings) > 2000
    assert parallel_report.findings == serial.findings
    assert parallel_report.files == serial.files
    assert parallel_report.units == serial.units
    # Chunked lines point at the real lines of the file.
    lines = big.read_text(encoding="utf-8").split("\n")
    for finding in parallel_report.findings:
        if finding.path.endswith("big.po") and finding.rule == "forbidden-term":
            assert lines[finding.line - 1][finding.column - 1 :].startswith("Триумпф")


def test_bad_byte_in_a_chunk_is_one_input_error(tmp_path, monkeypatch):
    import pytest

    from termguard.errors import InputError

    big = tmp_path / "big.po"
    text = _po(3000)
    cut = text.index('msgctxt "e2500"')
    big.write_bytes(text[:cut].encode("utf-8") + b"# caf\xe9\n" + text[cut:].encode("utf-8"))
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 10_000)
    engine = Engine(Config(select=("forbidden-term", "missing-term")), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    for jobs in (1, 2):
        with pytest.raises(InputError) as err:
            check_paths(engine, [str(big)], jobs=jobs)
        assert "not valid UTF-8 (byte 0xe9)" in str(err.value)
        assert err.value.line == text[:cut].count("\n") + 1


def test_repeated_sources_are_compared_across_chunks(tmp_path, monkeypatch):
    """inconsistent-term compares every repeat of a source text with its first translation,
    wherever in the file: chunks record their units, the parent reads the differing
    repeats again, and the parallel report equals the serial one."""
    rows = ['msgid ""\nmsgstr ""\n"Language: ru\\n"\n']
    for i in range(3000):
        # The same source twice, far apart (so in other chunks), with another term the
        # second time; and a third rendering inside the second half.
        target = "Система «Триумф»" if i < 1500 else ("Система CAATSA" if i % 3 else "Система «Триумф»")
        rows.append(f'msgctxt "e{i}"\nmsgid "The Triumf system {i % 1500}"\nmsgstr "{target} {i % 1500}"\n')
    big = tmp_path / "big.po"
    big.write_text("\n".join(rows), encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 10_000)
    cuts: list[int] = []
    real = parallel._chunk_bounds
    monkeypatch.setattr(parallel, "_chunk_bounds", lambda path, pieces: cuts.append(pieces) or real(path, pieces))
    glossary = glossary_from_text(GLOSSARY, "g.yaml")
    engine = Engine(Config(select=("inconsistent-term", "forbidden-term")), glossary=glossary)
    serial = engine.run([str(big)])
    both = check_paths(engine, [str(big)], jobs=2)
    assert cuts  # the file was cut into chunks
    repeats = [f for f in serial.findings if "other glossary terms" in f.message]
    assert len(repeats) == 1000
    assert both.findings == serial.findings


def test_a_rule_that_cannot_merge_chunks_keeps_large_files_whole(tmp_path, monkeypatch):
    from termguard.checks import all_rules

    big = tmp_path / "big.po"
    big.write_text(_po(4000), encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    rule = next(cls for cls in all_rules() if cls.name == "forbidden-term")
    monkeypatch.setattr(rule, "chunkable", False)
    cuts: list[int] = []
    monkeypatch.setattr(parallel, "_chunk_bounds", lambda path, pieces: cuts.append(pieces) or [(0, -1)])
    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    assert check_paths(engine, [str(big)], jobs=2).findings == engine.run([str(big)]).findings
    assert cuts == []


def test_shifting_a_finding_keeps_every_other_field():
    import dataclasses

    from termguard.model import Applicability, Edit, Finding, Fix, Severity
    from termguard.parallel import _shift

    values = {f.name: f"v-{f.name}" for f in dataclasses.fields(Finding)}
    fix = Fix(Applicability.SAFE, "m", (Edit(3, 4, 5, 6, "x"), Edit(7, 1, 7, 2, "y")))
    values.update(severity=Severity.WARNING, line=3, column=4, end_line=5, end_column=6, suggestions=("a", "b"), fix=fix)
    finding = Finding(**values)
    moved = _shift(finding, 10)
    moved_fix = Fix(Applicability.SAFE, "m", (Edit(13, 4, 15, 6, "x"), Edit(17, 1, 17, 2, "y")))
    assert moved == dataclasses.replace(finding, line=13, end_line=15, fix=moved_fix)
    assert _shift(finding, 0) is finding


def test_the_plan_cuts_large_po_files_into_contiguous_chunks(tmp_path, monkeypatch):
    big = tmp_path / "big.po"
    big.write_text(_po(3000), encoding="utf-8")
    small = tmp_path / "small.po"
    small.write_text(_po(5), encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("The Triumph system.\n", encoding="utf-8")
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    files = [str(big), str(small), str(doc)]
    plan = parallel.plan_tasks(engine, files, jobs=2)
    assert [path for path, _ in plan.layout] == files
    assert [task.index for task in plan.tasks] == list(range(len(plan.tasks)))
    big_tasks = [plan.tasks[k] for k in plan.layout[0][1]]
    assert len(big_tasks) == 4 and all(task.chunked for task in big_tasks)  # two per worker
    # The chunks cover the file end to end, each starting after a blank line.
    data = big.read_bytes()
    assert big_tasks[0].start == 0 and big_tasks[-1].end == len(data)
    for before, after in itertools.pairwise(big_tasks):
        assert before.end == after.start and data[after.start - 2:after.start] == b"\n\n"
    assert sum(plan.sizes[k] for k in plan.layout[0][1]) == len(data)
    for path, indexes in plan.layout[1:]:
        assert len(indexes) == 1 and not plan.tasks[indexes[0]].chunked
        assert plan.sizes[indexes[0]] == os.path.getsize(path)
    # A rule whose chunk states cannot be merged exactly keeps every file whole.
    monkeypatch.setattr(type(engine.rules[0]), "chunkable", False)
    whole = parallel.plan_tasks(engine, files, jobs=2)
    assert len(whole.tasks) == 3 and not any(task.chunked for task in whole.tasks)


def test_merge_raises_the_first_error_of_a_file(tmp_path):
    import pytest

    from termguard.errors import InputError

    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    a = tmp_path / "a.md"
    a.write_text("x\n", encoding="utf-8")
    plan = parallel.plan_tasks(engine, [str(a)], jobs=2)
    with pytest.raises(InputError, match="broken"):
        parallel.merge(engine, plan, {0: ("error", InputError("broken", str(a)))})
    report = parallel.merge(engine, plan, {0: ("file", ([], "a.md", 1))})
    assert report.files == ("a.md",) and report.units == 1


def test_only_the_entries_on_wanted_lines_are_read_again():
    """The parent reads again only the entries that hold a wanted line (whole, with the
    line they start on), however many lines they span and wherever they are in a block."""
    block = (
        '#: a.c:1\nmsgctxt "e0"\nmsgid "one"\nmsgstr "один"\n\n'          # lines 10-13
        'msgctxt "e1"\nmsgid "two"\nmsgstr ""\n"два\\n"\n"строки"\n\n'   # lines 15-19
        'msgctxt "e2"\nmsgid "three"\nmsgstr "три"\n\n'                  # lines 21-23
        'msgctxt "e3"\nmsgid "four"\nmsgstr "четыре"\n'                  # lines 25-27
    )
    taken = parallel._entries_on(block, 10, [13, 17, 19, 27])
    assert [start for _text, start in taken] == [10, 15, 25]
    assert taken[0][0].startswith("#: a.c:1") and taken[0][0].endswith('msgstr "один"\n\n')
    assert taken[1][0].startswith('msgctxt "e1"') and '"строки"' in taken[1][0]
    assert taken[2][0] == 'msgctxt "e3"\nmsgid "four"\nmsgstr "четыре"\n'
    assert parallel._entries_on(block, 10, [23]) == [('msgctxt "e2"\nmsgid "three"\nmsgstr "три"\n\n', 21)]
