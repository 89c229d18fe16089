"""`termguard update`: msgmerge-like merge of a new template into PO files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termguard.cli import main
from termguard.errors import InputError
from termguard.segment import segment_text
from termguard.workflow.update import merge_catalogs, plan_updates

DOC = """\
## Relations between two states

First sentence about the air defence systems purchased long ago. The second sentence explains why the deal was signed in 2017. A third sentence closes the paragraph with a remark.

### Consequences

The sanctions excluded the country from the fighter programme. Nobody expected such a sharp turn in foreign policy.
"""


def make_pot(text: str, creation: str = "2026-01-01 00:00+0000") -> str:
    """A template in the shape `termguard segment -o X.pot` writes (msgctxt id, #: line, #. kind)."""
    pot = polib.POFile(wrapwidth=78)
    pot.metadata = {
        "Project-Id-Version": "commentary",
        "POT-Creation-Date": creation,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for seg in segment_text(text):
        pot.append(polib.POEntry(msgctxt=seg.id, msgid=seg.text, msgstr="",
                                 occurrences=[("doc.md", str(seg.line))], comment=seg.kind))
    return str(pot)


def translate(pot_text: str, translator=lambda s: f"TR<{s}>", lang: str = "tr") -> str:
    """A fully translated PO for a template: each msgstr derived from its msgid."""
    po = polib.pofile(pot_text)
    po.metadata.update({
        "Language": lang,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "Last-Translator": "Ayşe Yılmaz <ayse@example.org>",
        "PO-Revision-Date": "2026-02-01 10:00+0300",
    })
    for entry in po:
        entry.msgstr = translator(entry.msgid)
    return str(po)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def active(po: polib.POFile) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in po if not e.obsolete}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# --- merge semantics ---------------------------------------------------------------------

def test_unchanged_template_keeps_every_translation_and_rewrites_nothing(tmp_path):
    pot = write(tmp_path, "c.pot", make_pot(DOC))
    po_text = translate(make_pot(DOC))
    po = write(tmp_path, "tr.po", po_text)
    result = run("update", pot, po)
    assert result.exit_code == 0, result.output
    assert "7 kept, 0 fuzzy, 0 new, 0 obsolete" in result.output
    assert "unchanged" in result.output
    assert Path(po).read_text(encoding="utf-8") == po_text


def test_unwrapped_files_stay_unwrapped(tmp_path):
    # `termguard segment` writes one line per string; an update must not re-wrap the file.
    pot_text = make_pot(DOC)
    po = polib.pofile(translate(pot_text, translator=lambda s: f"TR<{s}> (a long translation)"), wrapwidth=0)
    po.wrapwidth = 0
    po_text = str(po)
    assert max(len(line) for line in po_text.splitlines()) > 79
    path = write(tmp_path, "tr.po", po_text)
    edited = DOC.replace("was signed in 2017", "was finally signed in 2017")
    pot = write(tmp_path, "c.pot", make_pot(edited))
    assert run("update", pot, path).exit_code == 0
    merged = Path(path).read_text(encoding="utf-8")
    assert 'msgid "The second sentence explains why the deal was finally signed in 2017."' in merged
    assert 'msgid "First sentence about the air defence systems purchased long ago."' in merged
    assert sum(1 for line in merged.splitlines() if line.startswith('"')) == len(polib.pofile(path).metadata)


def test_edited_sentence_inherits_its_translation_as_fuzzy_with_previous_msgid(tmp_path):
    old_pot = make_pot(DOC)
    po = write(tmp_path, "tr.po", translate(old_pot))
    edited = DOC.replace("was signed in 2017", "was finally signed in 2017")
    pot = write(tmp_path, "c.pot", make_pot(edited, creation="2026-03-03 12:00+0000"))
    result = run("update", pot, po)
    assert result.exit_code == 0, result.output
    assert "6 kept, 1 fuzzy, 0 new, 0 obsolete" in result.output
    merged = polib.pofile(po)
    fuzzy = [e for e in merged if "fuzzy" in e.flags]
    assert len(fuzzy) == 1
    entry = fuzzy[0]
    assert entry.msgid == "The second sentence explains why the deal was finally signed in 2017."
    assert entry.previous_msgid == "The second sentence explains why the deal was signed in 2017."
    assert entry.msgstr == "TR<The second sentence explains why the deal was signed in 2017.>"
    assert "#| msgid \"The second sentence explains why the deal was signed in 2017.\"" in Path(po).read_text()
    # Every other unit is kept, translated, not fuzzy; nothing became obsolete.
    others = [e for e in merged if e is not entry]
    assert all(e.msgstr == f"TR<{e.msgid}>" and "fuzzy" not in e.flags and not e.obsolete for e in others)
    # The header keeps the translator's fields and takes the template's creation date.
    assert merged.metadata["POT-Creation-Date"] == "2026-03-03 12:00+0000"
    assert merged.metadata["Language"] == "tr"
    assert merged.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert merged.metadata["Last-Translator"] == "Ayşe Yılmaz <ayse@example.org>"
    assert merged.metadata["PO-Revision-Date"] == "2026-02-01 10:00+0300"


def test_removed_unit_becomes_obsolete_and_is_revived_when_it_comes_back(tmp_path):
    po = write(tmp_path, "tr.po", translate(make_pot(DOC)))
    removed = " Nobody expected such a sharp turn in foreign policy."
    pot = write(tmp_path, "c.pot", make_pot(DOC.replace(removed, "")))
    assert run("update", pot, po).exit_code == 0
    text = Path(po).read_text(encoding="utf-8")
    assert '#~ msgid "Nobody expected such a sharp turn in foreign policy."' in text
    assert '#~ msgstr "TR<Nobody expected such a sharp turn in foreign policy.>"' in text
    merged = polib.pofile(po)
    assert len(merged.obsolete_entries()) == 1
    assert "Nobody" not in "".join(e.msgid for e in merged if not e.obsolete)

    pot = write(tmp_path, "c.pot", make_pot(DOC))
    result = run("update", pot, po)
    assert "1 revived" in result.output and "0 obsolete" in result.output
    merged = polib.pofile(po)
    assert not merged.obsolete_entries()
    back = next(e for e in merged if e.msgid.startswith("Nobody"))
    assert back.msgstr == "TR<Nobody expected such a sharp turn in foreign policy.>"
    assert "fuzzy" not in back.flags


def test_new_unrelated_sentence_is_new_and_untranslated(tmp_path):
    po = write(tmp_path, "tr.po", translate(make_pot(DOC)))
    added = DOC.replace("with a remark.", "with a remark. Meanwhile, Greece and Israel compete in the region.")
    pot = write(tmp_path, "c.pot", make_pot(added))
    result = run("update", pot, po)
    assert "7 kept, 0 fuzzy, 1 new, 0 obsolete" in result.output
    merged = polib.pofile(po)
    new = next(e for e in merged if e.msgid.startswith("Meanwhile"))
    assert new.msgstr == "" and "fuzzy" not in new.flags
    # Order follows the template: the new sentence sits after the one it follows in the text.
    ids = [e.msgid for e in merged if not e.obsolete]
    assert ids.index(new.msgid) == ids.index("A third sentence closes the paragraph with a remark.") + 1


def test_order_and_positions_follow_the_template(tmp_path):
    po = write(tmp_path, "tr.po", translate(make_pot(DOC)))
    para = "The sanctions excluded the country from the fighter programme. Nobody expected such a sharp turn in foreign policy.\n"
    moved = "## Relations between two states\n\n" + para + "\n" + DOC.split("\n\n", 1)[1].replace(para, "")
    pot_text = make_pot(moved)
    pot = write(tmp_path, "c.pot", pot_text)
    assert run("update", pot, po).exit_code == 0
    merged = polib.pofile(po)
    template = polib.pofile(pot_text)
    assert [e.msgctxt for e in merged] == [e.msgctxt for e in template]
    assert [e.occurrences for e in merged] == [e.occurrences for e in template]
    assert all(e.msgstr == f"TR<{e.msgid}>" for e in merged)


def test_changed_id_with_same_text_keeps_translation_unflagged():
    template = polib.pofile(make_pot(DOC))
    po = polib.pofile(translate(make_pot(DOC)))
    for entry in template:
        entry.msgctxt = "x-" + entry.msgctxt  # e.g. the unit's kind changed
    result = merge_catalogs(template, po)
    assert (result.kept, result.fuzzy, result.new, result.obsolete) == (7, 0, 0, 0)
    assert all(e.msgstr == f"TR<{e.msgid}>" and not e.flags for e in result.catalog)


def test_fuzzy_and_translator_comments_survive_a_merge():
    po = polib.pofile(translate(make_pot(DOC)))
    first = po[1]
    first.flags.append("fuzzy")
    first.tcomment = "check the date with the editor"
    result = merge_catalogs(polib.pofile(make_pot(DOC)), po)
    entry = next(e for e in result.catalog if e.msgctxt == first.msgctxt)
    assert "fuzzy" in entry.flags and entry.tcomment == "check the date with the editor"


def test_suppression_comments_in_the_po_survive_a_merge():
    po = polib.pofile(translate(make_pot(DOC)))
    po[2].comment = "sentence\ntermguard: ignore number-mismatch"
    result = merge_catalogs(polib.pofile(make_pot(DOC)), po)
    entry = next(e for e in result.catalog if e.msgctxt == po[2].msgctxt)
    assert entry.comment.splitlines() == ["sentence", "termguard: ignore number-mismatch"]
    assert "#. termguard: ignore number-mismatch" in str(result.catalog)


def test_removed_untranslated_unit_is_dropped_not_obsoleted():
    pot_text = make_pot(DOC)
    po = polib.pofile(translate(pot_text))
    gone = next(e for e in po if e.msgid.startswith("Nobody"))
    gone.msgstr = ""
    result = merge_catalogs(polib.pofile(make_pot(DOC.replace(" Nobody expected such a sharp turn in foreign policy.", ""))), po)
    assert (result.obsolete, result.dropped) == (0, 1)
    assert not [e for e in result.catalog if e.msgid.startswith("Nobody")]


def test_dissimilar_edit_is_new_and_old_translation_goes_obsolete():
    po = polib.pofile(translate(make_pot(DOC)))
    template = polib.pofile(make_pot(DOC.replace("A third sentence closes the paragraph with a remark.",
                                                   "Completely different wording here, unrelated to anything.")))
    result = merge_catalogs(template, po)
    assert (result.kept, result.fuzzy, result.new, result.obsolete) == (6, 0, 1, 1)
    obsolete = [e for e in result.catalog if e.obsolete]
    assert obsolete[0].msgstr == "TR<A third sentence closes the paragraph with a remark.>"


def test_plural_entries_keep_all_forms():
    template = polib.POFile()
    template.append(polib.POEntry(msgid="one file", msgid_plural="{n} files", msgstr_plural={0: "", 1: ""}))
    po = polib.POFile()
    po.metadata = {"Language": "ru", "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"}
    po.append(polib.POEntry(msgid="one file", msgid_plural="{n} files", msgstr_plural={0: "файл", 1: "файла", 2: "файлов"}))
    result = merge_catalogs(template, po)
    assert result.kept == 1
    assert result.catalog[0].msgstr_plural == {0: "файл", 1: "файла", 2: "файлов"}
    template[0].msgid = "one new file"
    result = merge_catalogs(template, po)
    assert result.fuzzy == 1 and result.catalog[0].msgstr_plural[2] == "файлов"


# --- dry run and command line --------------------------------------------------------------

def test_dry_run_prints_counts_and_ids_and_writes_nothing(tmp_path):
    po_text = translate(make_pot(DOC))
    po = write(tmp_path, "tr.po", po_text)
    edited = DOC.replace("was signed in 2017", "was finally signed in 2017").replace(
        " Nobody expected such a sharp turn in foreign policy.", "")
    pot = write(tmp_path, "c.pot", make_pot(edited))
    result = run("update", pot, po, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would be updated: 5 kept, 1 fuzzy, 0 new, 1 obsolete" in result.output
    assert "  fuzzy     s-" in result.output and "  obsolete  s-" in result.output
    assert Path(po).read_text(encoding="utf-8") == po_text
    assert sorted(os.listdir(tmp_path)) == ["c.pot", "tr.po"]


def test_dry_run_shows_old_and_new_text_shortened_and_new_units(tmp_path):
    po_text = translate(make_pot(DOC))
    po = write(tmp_path, "tr.po", po_text)
    edited = DOC.replace("was signed in 2017", "was finally signed in 2017") + (
        "\nA brand new closing paragraph that nobody has translated yet, long enough to be shortened "
        "when the dry run lists it among the new units of the template.\n")
    pot = write(tmp_path, "c.pot", make_pot(edited))
    result = run("update", pot, po, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  fuzzy     s-"))
    old, new = lines[at + 1].strip(), lines[at + 2].strip()
    # Old and new text around the change, cut to one short line each.
    assert old.startswith("- ") and "was signed in 2017" in old and "finally" not in old
    assert new.startswith("+ ") and "was finally signed in 2017" in new
    assert old.startswith("- …") and len(old) < 90 and len(new) < 90
    added = [line for line in lines if line.startswith("  new       s-")]
    assert len(added) == 1 and "A brand new closing paragraph" in added[0]
    assert added[0].endswith("…") and len(added[0]) < 100
    assert Path(po).read_text(encoding="utf-8") == po_text


def test_changed_span_keeps_the_difference_visible():
    from termguard.workflow.update import changed_span

    old = "word " * 40 + "the old ending of a long sentence."
    new = "word " * 40 + "the new ending of a long sentence."
    a, b = changed_span(old, new)
    assert "old ending" in a and "new ending" in b and a.startswith("…") and b.startswith("…")
    assert changed_span("short", "shorter") == ("short", "shorter")


def test_several_files_updated_at_once(tmp_path):
    pot_text = make_pot(DOC)
    tr = write(tmp_path, "tr.po", translate(pot_text, lang="tr"))
    ru = write(tmp_path, "ru.po", translate(pot_text, translator=lambda s: f"RU<{s}>", lang="ru"))
    pot = write(tmp_path, "c.pot", make_pot(DOC.replace("long ago", "ten years ago")))
    result = run("update", pot, tr, ru)
    assert result.exit_code == 0, result.output
    assert result.output.count("6 kept, 1 fuzzy") == 2
    assert all(e.msgstr.startswith("RU<") for e in polib.pofile(ru))


# --- bad input: one line, exit 2, nothing written ------------------------------------------

def _assert_one_line_error(result, *fragments):
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("termguard: error: "), result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


def test_language_mismatch_is_refused_and_nothing_written(tmp_path):
    pot_text = make_pot(DOC)
    tr_text = translate(pot_text, lang="tr")
    ru_text = translate(pot_text, lang="ru")
    tr = write(tmp_path, "tr.po", tr_text)
    ru = write(tmp_path, "ru.po", ru_text)
    pot = write(tmp_path, "c.pot", make_pot(DOC.replace("long ago", "ten years ago")))
    result = run("update", pot, tr, ru, "--lang", "tr")
    _assert_one_line_error(result, "ru.po", "'ru'", "not 'tr'")
    assert Path(tr).read_text(encoding="utf-8") == tr_text  # the good file was not written either
    assert Path(ru).read_text(encoding="utf-8") == ru_text


def test_translated_file_as_template_is_refused(tmp_path):
    po = write(tmp_path, "tr.po", translate(make_pot(DOC)))
    other = write(tmp_path, "other.pot", translate(make_pot(DOC)))
    _assert_one_line_error(run("update", other, po), "other.pot:", "not a template")


def test_unparsable_template_names_the_line(tmp_path):
    po = write(tmp_path, "tr.po", translate(make_pot(DOC)))
    bad = write(tmp_path, "c.pot", 'msgid ""\nmsgstr ""\n\nmsgid "x\nmsgstr ""\n')
    _assert_one_line_error(run("update", bad, po), "c.pot:4:", "unterminated string")


def test_template_sharing_nothing_with_the_po_is_refused_unless_forced(tmp_path):
    po_text = translate(make_pot(DOC))
    po = write(tmp_path, "tr.po", po_text)
    pot = write(tmp_path, "c.pot", make_pot("## Something else\n\nAn entirely different text.\n"))
    _assert_one_line_error(run("update", pot, po), "shares no unit", "--force")
    assert Path(po).read_text(encoding="utf-8") == po_text
    result = run("update", pot, po, "--force")
    assert result.exit_code == 0 and "7 obsolete" in result.output
    assert len(polib.pofile(po).obsolete_entries()) == 7


def test_read_only_po_is_refused(tmp_path):
    po_text = translate(make_pot(DOC))
    po = write(tmp_path, "tr.po", po_text)
    os.chmod(po, stat.S_IRUSR)
    pot = write(tmp_path, "c.pot", make_pot(DOC.replace("long ago", "ten years ago")))
    try:
        _assert_one_line_error(run("update", pot, po), "tr.po:", "read-only")
        assert Path(po).read_text(encoding="utf-8") == po_text
    finally:
        os.chmod(po, stat.S_IRUSR | stat.S_IWUSR)


def test_missing_files_and_template_as_po_are_refused(tmp_path):
    pot = write(tmp_path, "c.pot", make_pot(DOC))
    _assert_one_line_error(run("update", pot, str(tmp_path / "nope.po")), "nope.po", "no such file")
    _assert_one_line_error(run("update", pot, pot), "template itself")
    with pytest.raises(InputError, match="threshold"):
        plan_updates(pot, [pot], threshold=1.5)


# --- property: random edits never lose a translation ---------------------------------------

WORDS = ["Ankara", "Moscow", "the", "deal", "systems", "were", "returned", "quickly", "after", "talks",
         "sanctions", "program", "fighter", "batteries", "Turkey", "policy", "Washington", "in", "2019", "finally"]

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
document = st.lists(paragraph, min_size=1, max_size=5)


@st.composite
def edited_document(draw):
    paras = draw(document)
    new = [p.split(". ") for p in paras]
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["change", "delete", "insert", "move"]))
        p = draw(st.integers(0, len(new) - 1))
        s = draw(st.integers(0, len(new[p]) - 1))
        if op == "change":
            words = new[p][s].rstrip(".").split(" ")
            i = draw(st.integers(0, len(words) - 1))
            words[i] = draw(st.sampled_from(WORDS))
            new[p][s] = " ".join(words)
        elif op == "delete" and len(new[p]) > 1:
            del new[p][s]
        elif op == "insert":
            new[p].insert(s, draw(sentence).rstrip("."))
        elif op == "move" and len(new) > 1:
            new.append(new.pop(p))
    def text(ps):
        return "\n\n".join(ps) + "\n"
    new_paras = [". ".join(x.rstrip(".") for x in sents) + "." for sents in new]
    return text(paras), text(new_paras)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited_document())
def test_random_edits_never_lose_a_translation(docs):
    before, after = docs
    old = polib.pofile(translate(make_pot(before)))
    result = merge_catalogs(polib.pofile(make_pot(after)), old)
    merged = result.catalog
    new_units = [(s.id, s.text) for s in segment_text(after)]
    # The template decides which units are active, in its order.
    assert [(e.msgctxt, e.msgid) for e in merged if not e.obsolete] == new_units
    kept = {e.msgstr for e in merged if e.msgstr}
    for entry in old:
        # Every old translation is still there, active (maybe fuzzy) or obsolete.
        assert entry.msgstr in kept
    for entry in merged:
        if entry.obsolete:
            continue
        if entry.msgstr and "fuzzy" not in entry.flags:
            # A translation kept unflagged belongs to exactly this text.
            assert entry.msgstr == f"TR<{entry.msgid}>"
        if "fuzzy" in entry.flags:
            assert entry.msgstr == f"TR<{entry.previous_msgid}>"
    # Counts add up, and merging the same template again changes nothing.
    assert result.kept + result.revived + result.fuzzy + result.new == len(new_units)
    again = merge_catalogs(polib.pofile(make_pot(after)), merged)
    assert str(again.catalog) == str(merged)


# --- the project's own translations survive an edit of the seed ----------------------------

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "triumf-commentary.en.md"
EDITED = "In this sense, the political value of this initiative for Turkey is no less than its military significance."


@pytest.mark.parametrize("name", ["tr.po", "ru.po"])
def test_project_translation_survives_an_edited_seed_sentence(tmp_path, name):
    po_path = REPO / "translations" / name
    po = polib.pofile(str(po_path))
    seed = SEED.read_text(encoding="utf-8")
    assert EDITED in seed
    original = [e for e in po if e.msgid == EDITED and e.msgstr]
    assert original, f"{name} has no translation of the sentence this test edits"
    edited_seed = seed.replace(EDITED, EDITED.replace("no less than", "hardly less than"))
    pot = write(tmp_path, "c.pot", make_pot(edited_seed))
    copy = write(tmp_path, name, po_path.read_text(encoding="utf-8"))
    result = run("update", pot, copy)
    assert result.exit_code == 0, result.output
    merged = polib.pofile(copy)
    fuzzy = [e for e in merged if "fuzzy" in e.flags and not e.obsolete]
    edited = [e for e in fuzzy if e.previous_msgid == EDITED]
    assert len(edited) == 1 and edited[0].msgstr == original[0].msgstr
    assert "hardly less than" in edited[0].msgid
    kept = {e.msgstr for e in merged if e.msgstr}
    assert all(e.msgstr in kept for e in po if e.msgstr)
    assert merged.metadata["Language"] == po.metadata["Language"]
    assert merged.metadata["Plural-Forms"] == po.metadata["Plural-Forms"]
