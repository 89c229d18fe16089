"""In-place rewrites lose nothing: `fileio.replace_if_unchanged` (used by `termguard
update`, and by every command that rewrites a file it read) refuses a file that changed
since it was read, and runs on one file go one at a time under its lock."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.cli import main
from termguard.errors import ConfigError, InputError
from termguard.fileio import (
    FileChangedError,
    file_lock,
    lock_path,
    read_snapshot,
    refuse_output_over_input,
    replace_if_unchanged,
)
from termguard.segment import segment_text
from termguard.workflow.update import apply_updates, plan_updates


def test_unchanged_file_is_replaced_and_the_lock_file_removed(tmp_path):
    f = tmp_path / "ru.po"
    f.write_text("old\n", encoding="utf-8")
    data, snap = read_snapshot(f)
    assert data == b"old\n"
    replace_if_unchanged(f, snap, "new\n")
    assert f.read_text(encoding="utf-8") == "new\n"
    assert not lock_path(f).exists()


def test_a_file_touched_but_not_changed_is_still_the_file_read(tmp_path):
    f = tmp_path / "ru.po"
    f.write_text("same\n", encoding="utf-8")
    _, snap = read_snapshot(f)
    f.write_text("same\n", encoding="utf-8")  # a new write, the same bytes
    replace_if_unchanged(f, snap, "new\n")
    assert f.read_text(encoding="utf-8") == "new\n"


@pytest.mark.parametrize("edit", ["append", "same-size", "remove"])
def test_a_file_changed_since_read_is_not_overwritten(tmp_path, edit):
    f = tmp_path / "ru.po"
    f.write_text("msgstr \"a\"\n", encoding="utf-8")
    _, snap = read_snapshot(f)
    if edit == "append":
        f.write_text("msgstr \"a\"\n# a translator's note\n", encoding="utf-8")
    elif edit == "same-size":
        f.write_text("msgstr \"b\"\n", encoding="utf-8")
    else:
        f.unlink()
    with pytest.raises(FileChangedError) as caught:
        replace_if_unchanged(f, snap, "merged\n")
    assert isinstance(caught.value, InputError) and caught.value.path == str(f)
    if edit != "remove":
        assert "merged" not in f.read_text(encoding="utf-8")
    else:
        assert not f.exists()


def test_a_second_run_waits_for_the_lock_and_then_sees_the_first_runs_work(tmp_path):
    f = tmp_path / "ru.po"
    f.write_text("v0\n", encoding="utf-8")
    _, first = read_snapshot(f)
    _, second = read_snapshot(f)  # both runs read the same file
    outcome: list[object] = []

    def second_run() -> None:
        try:
            replace_if_unchanged(f, second, "second\n")
            outcome.append("wrote")
        except FileChangedError as exc:
            outcome.append(exc)

    with file_lock(f):  # the first run holds the lock...
        worker = threading.Thread(target=second_run)
        worker.start()
        time.sleep(0.2)  # (lets the second run reach the lock; the result does not depend on it)
        assert outcome == []  # ...so the second one waits
        from termguard.fileio import write_atomic

        write_atomic(f, "first\n")  # the first run's write, under its lock
    worker.join(timeout=60)
    assert len(outcome) == 1 and isinstance(outcome[0], FileChangedError)
    assert f.read_text(encoding="utf-8") == "first\n"
    with pytest.raises(FileChangedError):
        replace_if_unchanged(f, first, "first again\n")  # its snapshot is stale now too


def test_output_over_input_is_compared_by_inode(tmp_path):
    a = tmp_path / "a.po"
    a.write_text("x", encoding="utf-8")
    (tmp_path / "link.po").symlink_to(a)
    refuse_output_over_input(tmp_path / "new.po", [a])  # not there yet: not an input
    refuse_output_over_input(None, [a])
    for out in (a, tmp_path / "link.po", tmp_path / "." / "a.po"):
        with pytest.raises(ConfigError):
            refuse_output_over_input(out, [str(a)])
    with pytest.raises(ConfigError):
        refuse_output_over_input(a, [tmp_path], dir_suffixes=(".po",))
    refuse_output_over_input(a, [tmp_path], dir_suffixes=(".md",))


# --- termguard update ----------------------------------------------------------------------


def _pot(text: str) -> str:
    pot = polib.POFile(wrapwidth=78)
    pot.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for seg in segment_text(text):
        pot.append(polib.POEntry(msgctxt=seg.id, msgid=seg.text, msgstr="", occurrences=[("doc.md", str(seg.line))]))
    return str(pot)


def _translated(pot: str) -> str:
    po = polib.pofile(pot)
    po.metadata.update({"Language": "ru", "Plural-Forms": "nplurals=2; plural=(n != 1);"})
    for entry in po:
        entry.msgstr = f"TR<{entry.msgid}>"
    return str(po)


def test_update_stops_on_a_po_edited_while_it_ran_and_keeps_the_edit(tmp_path):
    old = "First sentence here. Second sentence here.\n"
    new = "First sentence here. Second sentence changed a bit here.\n"
    (tmp_path / "old.pot").write_text(_pot(old), encoding="utf-8")
    (tmp_path / "new.pot").write_text(_pot(new), encoding="utf-8")
    po = tmp_path / "ru.po"
    po.write_text(_translated(_pot(old)), encoding="utf-8")
    plans = plan_updates(str(tmp_path / "new.pot"), [str(po)])
    edited = po.read_text(encoding="utf-8").replace("TR<First sentence here.>", "Первое предложение.")
    po.write_text(edited, encoding="utf-8")  # the translator saves meanwhile
    with pytest.raises(FileChangedError, match="changed after termguard read it"):
        apply_updates(plans)
    assert po.read_text(encoding="utf-8") == edited
    # Run again on the current file: the edit is merged, not lost.
    result = CliRunner().invoke(main, ["update", str(tmp_path / "new.pot"), str(po)])
    assert result.exit_code == 0, result.output
    assert "Первое предложение." in po.read_text(encoding="utf-8")


_WORDS = st.sampled_from(["alpha", "beta", "gamma", "delta", "missile", "system", "treaty", "Ankara", "Moscow", "deal"])
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=7).map(lambda ws: " ".join(ws).capitalize() + ".")
_DOC = st.lists(st.lists(_SENTENCE, min_size=1, max_size=3), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(before=_DOC, after=_DOC, edit_meanwhile=st.booleans(), tmp=st.just(None))
def test_update_through_files_loses_no_translation(tmp_path_factory, before, after, edit_meanwhile, tmp):
    """Random documents and edits, merged through the files as `termguard update` does,
    with a translator's edit landing while it runs or not: every translation (the old
    ones, and the one typed meanwhile) is in the file afterwards."""
    where = tmp_path_factory.mktemp("upd")
    old_doc = "\n\n".join(" ".join(p) for p in before) + "\n"
    new_doc = "\n\n".join(" ".join(p) for p in after) + "\n"
    (where / "new.pot").write_text(_pot(new_doc), encoding="utf-8")
    po = where / "ru.po"
    po.write_text(_translated(_pot(old_doc)), encoding="utf-8")
    plans = plan_updates(str(where / "new.pot"), [str(po)], force=True)
    typed = "Новый перевод, набранный во время обновления."
    if edit_meanwhile:
        text = po.read_text(encoding="utf-8")
        po.write_text(text.replace('msgstr "TR<', f'msgstr "{typed} TR<', 1), encoding="utf-8")
        with pytest.raises(FileChangedError):
            apply_updates(plans)
        plans = plan_updates(str(where / "new.pot"), [str(po)], force=True)  # the user runs it again
    # What the file holds when the update that succeeds read it: the old translations,
    # and the one typed meanwhile if any.
    translations = {e.msgstr for e in polib.pofile(str(po)) if e.msgstr}
    apply_updates(plans)
    merged = po.read_text(encoding="utf-8")
    kept = {e.msgstr for e in polib.pofile(merged)}
    assert translations <= kept
    if edit_meanwhile:
        assert any(typed in k for k in kept)
    assert not lock_path(po).exists()
    assert Path(po).exists()
