"""`termguard build`: the translated document in the source's exact structure."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path
from types import SimpleNamespace

import polib
import pytest
from click.testing import CliRunner

from termguard.cli import main
from termguard.segment import segment_text
from termguard.workflow.build import build_file, reassemble

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workflow"
ROOT = Path(__file__).resolve().parents[2]
_MARKER = re.compile(r"^(#{1,6}[ \t]+|[-*+][ \t]+)")

# Russian for every unit of note.en.md, keyed by the unit text without its block marker,
# so the table does not depend on whether the segmenter keeps `## ` inside heading units.
RU = {
    "**The “Triumf” note**": "**Записка о «Триумфе»**",
    "**Centre comment, 11.02.2026<sup>1</sup>**": "**Комментарий Центра, 11.02.2026<sup>1</sup>**",
    "*Abstract*": "*Аннотация*",
    "*The note looks at the S-400 deal.": "*В записке рассматривается сделка по С-400.",
    "It asks what the return of the systems means.*": "Что означает возврат комплексов?*",
    "**1. Background**": "**1. Предыстория**",
    "Turkey bought the S-400 systems in 2017 [1].": "Турция купила комплексы С-400 в 2017 году [1].",
    "The deal cost \\$2.5 billion.": "Сделка обошлась в 2,5 млрд долларов.",
    "Deliveries of 4 divisions followed in 2019, and the *F-35* program was lost.":
        "Поставки 4 дивизионов последовали в 2019 году, а программа *F-35* была потеряна.",
    "<sup>1</sup> The original was posted on 10.02.2026.": "<sup>1</sup> Оригинал опубликован 10.02.2026.",
    "**References**": "**Источники**",
    "[1] «Турция купила С-400». *Outlet*, 01.02.2019, <https://example.org/a> (download date: 06.02.2026).":
        "[1] «Турция купила С-400». *Outlet*, 01.02.2019, <https://example.org/a> (дата обращения: 06.02.2026).",
}

EXPECTED_RU = """
## **Записка о «Триумфе»**

**Комментарий Центра, 11.02.2026<sup>1</sup>**

### *Аннотация*

*В записке рассматривается сделка по С-400. Что означает возврат комплексов?*

### **1. Предыстория**

Турция купила комплексы С-400 в 2017 году [1]. Сделка обошлась в 2,5 млрд долларов.
Поставки 4 дивизионов последовали в 2019 году, а программа *F-35* была потеряна.

---

<sup>1</sup> Оригинал опубликован 10.02.2026.

## **Источники**

- [1] «Турция купила С-400». *Outlet*, 01.02.2019, <https://example.org/a> (дата обращения: 06.02.2026).
"""


def _core(text: str) -> str:
    return " ".join(_MARKER.sub("", text).split())


def write_po(
    path: Path,
    source: Path,
    translate,
    *,
    ref: str | None = None,
    fuzzy: frozenset[str] = frozenset(),
    lang: str = "ru",
    ids: bool = True,
) -> dict[str, str]:
    """Write a PO for `source` whose msgstr is `translate(unit_text)`; return id → msgid."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit"}
    ref = ref if ref is not None else source.name
    units = {}
    for seg in segment_text(source.read_text(encoding="utf-8")):
        units[seg.id] = seg.text
        entry = polib.POEntry(
            msgctxt=seg.id if ids else f"x-{len(units)}",
            msgid=seg.text,
            msgstr=translate(seg.text) or "",
            occurrences=[(ref, str(seg.line))],
            comment=seg.kind,
        )
        if seg.text in fuzzy:
            entry.flags.append("fuzzy")
        po.append(entry)
    po.save(str(path))
    return units


def ru_translation(text: str) -> str:
    """The RU table entry for a unit, with the unit's own block marker put back."""
    m = _MARKER.match(text)
    return (m.group(1) if m else "") + RU[_core(text)]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "note.en.md", tmp_path / "note.en.md")
    return tmp_path


def test_every_fixture_unit_has_a_translation():
    """Guards the table itself: a unit the table lacks would silently fall back."""
    text = (FIXTURES / "note.en.md").read_text(encoding="utf-8")
    assert {_core(s.text) for s in segment_text(text)} == set(RU)


def test_translated_document_has_the_source_structure(work: Path):
    write_po(work / "ru.po", work / "note.en.md", ru_translation)
    result = build_file(str(work / "ru.po"))
    assert result.text == EXPECTED_RU
    assert result.untranslated == 0
    assert result.translated == result.units == len(RU)
    assert result.stale == []


def test_identity_translation_rebuilds_the_source_byte_for_byte(work: Path):
    write_po(work / "ru.po", work / "note.en.md", lambda text: text)
    result = build_file(str(work / "ru.po"))
    assert result.text == (work / "note.en.md").read_text(encoding="utf-8")


def test_untranslated_and_fuzzy_units_keep_the_source_and_are_counted(work: Path):
    skipped = "The deal cost \\$2.5 billion."
    fuzzy = "It asks what the return of the systems means.*"
    write_po(
        work / "ru.po",
        work / "note.en.md",
        lambda text: "" if text == skipped else ru_translation(text),
        fuzzy=frozenset({fuzzy}),
    )
    result = build_file(str(work / "ru.po"))
    assert result.untranslated == 2
    assert result.translated == len(RU) - 2
    assert "*В записке рассматривается сделка по С-400. It asks what the return of the systems means.*" in result.text
    assert "[1]. The deal cost \\$2.5 billion.\nПоставки" in result.text
    runner = CliRunner()
    res = runner.invoke(main, ["build", str(work / "ru.po"), "-o", str(work / "out.md")])
    assert res.exit_code == 0, res.output
    assert "2 of 12 units untranslated or fuzzy" in res.stderr
    assert (work / "out.md").read_text(encoding="utf-8") == result.text


def test_a_heading_whose_translation_lost_its_marker_stays_a_heading(work: Path):
    def translate(text: str) -> str:
        return RU[_core(text)]  # no `## ` / `- ` in any translation

    write_po(work / "ru.po", work / "note.en.md", translate)
    assert build_file(str(work / "ru.po")).text == EXPECTED_RU


def test_units_are_matched_by_msgid_when_the_ids_differ(work: Path):
    write_po(work / "ru.po", work / "note.en.md", ru_translation, ids=False)
    result = build_file(str(work / "ru.po"))
    assert result.text == EXPECTED_RU


def test_entries_of_units_no_longer_in_the_source_are_reported_as_stale(work: Path):
    write_po(work / "ru.po", work / "note.en.md", ru_translation)
    source = work / "note.en.md"
    source.write_text(source.read_text(encoding="utf-8").replace("The deal cost", "The contract cost"), encoding="utf-8")
    result = build_file(str(work / "ru.po"))
    assert result.untranslated == 1
    assert "The contract cost \\$2.5 billion." in result.text
    assert len(result.stale) == 1
    res = CliRunner().invoke(main, ["build", str(work / "ru.po")])
    assert res.exit_code == 0
    assert "1 entries match no unit" in res.stderr


def test_a_unit_split_by_a_page_break_gets_its_translation_once():
    text = "Para one starts as a political\n\naction that ends here. Next one.\n\n## Head\n"
    start_b = text.index("action")
    end_b = text.index("here.") + len("here.")
    segs = [
        SimpleNamespace(id="s-a", text="Para one starts as a political action that ends here.",
                        spans=((0, len("Para one starts as a political")), (start_b, end_b))),
        SimpleNamespace(id="s-b", text="Next one.", spans=((end_b + 1, end_b + 10),)),
        SimpleNamespace(id="h-c", text="## Head", spans=((text.index("## Head"), len(text) - 1),)),
    ]
    out = reassemble(text, segs, {"s-a": "Первый абзац целиком.", "s-b": "Следующее.", "h-c": "## Заголовок"})
    assert out == "Первый абзац целиком. Следующее.\n\n## Заголовок\n"


def test_a_gap_holding_other_content_is_kept_and_the_later_span_dropped():
    text = "Start of a\n\n<sup>1</sup> Note.\n\nsentence end. Next.\n"
    a2 = text.index("sentence")
    a2_end = text.index("end.") + 4
    note = text.index("<sup>")
    segs = [
        SimpleNamespace(id="s-a", text="Start of a sentence end.", spans=((0, 10), (a2, a2_end))),
        SimpleNamespace(id="f-n", text="<sup>1</sup> Note.", spans=((note, note + len("<sup>1</sup> Note.")),)),
        SimpleNamespace(id="s-n", text="Next.", spans=((a2_end + 1, a2_end + 6),)),
    ]
    out = reassemble(text, segs, {"s-a": "Целое предложение.", "f-n": "<sup>1</sup> Сноска.", "s-n": "Далее."})
    assert out == "Целое предложение.\n\n<sup>1</sup> Сноска.\n\nДалее.\n"


def test_source_can_be_given_explicitly(work: Path, tmp_path: Path):
    write_po(work / "ru.po", work / "note.en.md", ru_translation, ref="elsewhere/missing.md")
    res = CliRunner().invoke(main, ["build", str(work / "ru.po")])
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "missing.md" in res.stderr and "--source" in res.stderr
    res = CliRunner().invoke(main, ["build", str(work / "ru.po"), "--source", str(work / "note.en.md")])
    assert res.exit_code == 0
    assert res.stdout == EXPECTED_RU


def test_reference_relative_to_a_parent_of_the_po_directory(work: Path, monkeypatch):
    (work / "seeds").mkdir()
    (work / "translations").mkdir()
    shutil.move(work / "note.en.md", work / "seeds" / "note.en.md")
    write_po(work / "translations" / "ru.po", work / "seeds" / "note.en.md", ru_translation, ref="seeds/note.en.md")
    (work / "termguard.toml").write_text("", encoding="utf-8")  # the project: seeds/ lies inside it
    monkeypatch.chdir(work / "translations")  # the reference is not relative to here
    assert build_file("ru.po").text == EXPECTED_RU


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "absent.po"], "absent.po: no such file"),
        (["build", "note.en.pot"], "a template holds no translations"),
        (["build", "ru.po", "--lang", "tr"], "language is 'ru', not 'tr'"),
        (["build", "broken.po"], "broken.po:3: "),
    ],
)
def test_bad_input_is_one_error_line_and_exit_2(work: Path, monkeypatch, args, expected):
    write_po(work / "ru.po", work / "note.en.md", ru_translation)
    shutil.copy(work / "ru.po", work / "note.en.pot")
    (work / "broken.po").write_text('msgid ""\nmsgstr ""\nmsgid "x\n', encoding="utf-8")
    monkeypatch.chdir(work)
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2
    assert expected in res.stderr
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


def test_a_read_only_output_is_refused_and_left_untouched(work: Path):
    write_po(work / "ru.po", work / "note.en.md", ru_translation)
    out = work / "out.md"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(stat.S_IRUSR)
    res = CliRunner().invoke(main, ["build", str(work / "ru.po"), "-o", str(out)])
    assert res.exit_code == 2
    assert "read-only" in res.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in work.iterdir()) == ["note.en.md", "out.md", "ru.po"]


def test_the_russian_commentary_builds_into_readable_markdown(monkeypatch):
    """The real translations/ru.po against the real seed: structure kept, translations in place."""
    monkeypatch.chdir(ROOT)
    catalog = polib.pofile("translations/ru.po")
    result = build_file("translations/ru.po")
    assert result.source_path == "seeds/triumf-commentary.en.md"
    source = Path(result.source_path).read_text(encoding="utf-8")
    translated = [e for e in catalog if e.translated()]
    assert result.translated == len(translated)
    assert result.untranslated == len(catalog) - len(translated)
    assert result.stale == []
    for entry in translated:
        assert entry.msgstr in result.text, entry.msgctxt
    out_lines = result.text.split("\n")
    src_lines = source.split("\n")
    # Same headings (in order, same levels), the thematic break, every reference entry.
    heads = [re.match(r"#+ ", line).group() for line in src_lines if line.startswith("#")]
    assert [re.match(r"#+ ", line).group() for line in out_lines if line.startswith("#")] == heads
    assert out_lines.count("---") == src_lines.count("---") == 1
    refs = [line.split("]")[0] for line in out_lines if line.startswith("- [")]
    assert refs == [f"- [{n}" for n in range(1, 17)]
    assert "(дата обращения: 06.02.2026)" in result.text
    assert "«Триумф»" in out_lines[2]
