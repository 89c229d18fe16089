"""The term screen: a screened check reports exactly what the full check reports.

Large PO files checked with the term rules only go through `termguard.screen`, which
clears clean entries a block at a time and reads the rest in full. These tests run the
same files with and without the screen (through its C pass and its Python pass) (the streamed path forced on small files) and
compare every finding and the unit count; generated files mix correct and wrong terms,
inflected forms, markup, escapes, plurals, untranslated and suppressed entries.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import termguard.engine as engine_module
import termguard.screen as screen_module
from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import glossary_from_text, load_glossary
from termguard.morph import matcher_for
from termguard.screen import TermScreen, screen_for

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "morph"
TERM_RULES = ("forbidden-term", "missing-term", "untranslated-term")


@pytest.fixture(autouse=True, params=["c-pass", "python-pass"])
def screen_pass(request, monkeypatch):
    """Every test here runs through the C block pass and through the Python one."""
    from termguard.morph.fast import _cscreen

    if request.param == "c-pass":
        if _cscreen is None:
            pytest.skip("the optional C extension is not built")
        monkeypatch.delenv("TERMGUARD_PURE_PYTHON", raising=False)
    else:
        monkeypatch.setenv("TERMGUARD_PURE_PYTHON", "1")
    return request.param


@pytest.fixture(scope="module")
def fixture_glossary():
    return load_glossary(FIXTURES / "glossary.yaml")


def _check(engine: Engine, path: Path, screened: bool, monkeypatch) -> tuple[list, int, int]:
    """(findings, units, entries cleared by the screen) of one streamed check."""
    cleared: list[int] = []
    real_entries = screen_module.screened_entries

    def spy(blocks, path_, screen, tell):
        return real_entries(blocks, path_, screen, lambda n: (cleared.append(n), tell(n)))

    with monkeypatch.context() as m:
        m.setattr(engine_module, "STREAM_THRESHOLD", 0)
        m.setattr(screen_module, "screened_entries", spy)
        if not screened:
            m.setattr(screen_module, "screen_for", lambda rules, ctx: None)
        findings, _shown, units = engine.check_file(str(path))
    return sorted(findings, key=lambda f: f.sort_key()), units, sum(cleared)


def _same_with_and_without(engine: Engine, path: Path, monkeypatch) -> tuple[list, int]:
    full, full_units, none_cleared = _check(engine, path, False, monkeypatch)
    screened, units, cleared = _check(engine, path, True, monkeypatch)
    assert none_cleared == 0
    assert screened == full
    assert units == full_units
    return full, cleared


@pytest.mark.parametrize("name", ["ru.po", "tr.po"])
def test_fixtures_same_findings_screened(fixture_glossary, name, monkeypatch):
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    findings, cleared = _same_with_and_without(engine, FIXTURES / name, monkeypatch)
    assert findings, "the fixtures have planted errors"
    assert cleared > 0, "the correct entries are cleared without a full check"


@pytest.mark.parametrize("name", ["ru.po", "tr.po"])
def test_project_translations_same_findings_screened(name, monkeypatch, tmp_path):
    glossary = load_glossary(ROOT / "glossary")
    engine = Engine(Config(select=TERM_RULES), glossary=glossary)
    # The translations are clean; plant errors by swapping in rejected and source forms.
    text = (ROOT / "translations" / name).read_text(encoding="utf-8")
    broken = text.replace("Независимая газета", "Независимая Газета").replace("С-400", "S-400", 3).replace("«Триумф", "«Тримуф", 2)
    path = tmp_path / name
    path.write_text(broken, encoding="utf-8")
    findings, cleared = _same_with_and_without(engine, path, monkeypatch)
    assert cleared > 0
    if name == "ru.po":
        assert {f.rule for f in findings} >= {"forbidden-term", "untranslated-term"}


def test_screen_only_with_term_rules_alone(fixture_glossary):
    from termguard.checks import CheckContext
    from termguard.model import Document

    doc = Document(path="x.po", kind="po", source_lang="en", target_lang="ru", units=())
    ctx = CheckContext(glossary=fixture_glossary, document=doc)
    only_terms = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    assert isinstance(screen_for(only_terms.rules_for(doc), ctx), TermScreen)
    with_placeholders = Engine(Config(select=(*TERM_RULES, "placeholders")), glossary=fixture_glossary)
    assert screen_for(with_placeholders.rules_for(doc), ctx) is None
    pot = Document(path="x.pot", kind="pot", source_lang="en", target_lang=None, units=())
    assert screen_for(only_terms.rules_for(pot), CheckContext(glossary=fixture_glossary, document=pot)) is None


def test_suspects_for_each_kind_of_error(fixture_glossary):
    screen = TermScreen(matcher_for(fixture_glossary, "en"), matcher_for(fixture_glossary, "ru"))
    pairs = [
        ("The Triumf system.", "Система «Триумф»."),  # 0 correct
        ("Talks about the Triumf.", "Переговоры о «Триумфе»."),  # 1 correct, inflected
        ("The Triumf system.", "Система «Триумпфа»."),  # 2 forbidden, inflected
        ("The Triumf system.", "Система ПВО."),  # 3 dropped
        ("The S-400 contract.", "Контракт на S-400."),  # 4 left untranslated
        ("CAATSA sanctions.", "Санкции Caatsa."),  # 5 case drift
        ("CAATSA sanctions.", "Санкции CAATSA."),  # 6 correct, same in both
        ("No terms here.", "Здесь терминов нет."),  # 7 correct
        ("The Akkuyu NPP.", "АЭС «Аккую»."),  # 8 correct, longer term over the shorter
        ("The *Triumf* system.", "Система «Триумф»."),  # 9 markup: left to the full check
    ]
    suspects = screen.suspects([s for s, _ in pairs], [t for _, t in pairs])
    assert suspects == {2, 3, 4, 5, 9}


def test_match_across_two_entries_is_a_suspect(fixture_glossary):
    from termguard.screen import _placed, _starts

    texts = ["Рядом с Аккую", "персонал", "Ничего"]
    starts = _starts(texts)
    # No glossary form holds a line break, so the separator stops every real match; a
    # match that ran over it anyway makes both texts suspects rather than clearing them.
    inside = matcher_for(fixture_glossary, "ru").scan("\n".join(texts))[0]
    across = inside._replace(end=starts[1] + 3)
    crossed: set[int] = set()
    placed = _placed([inside, across], starts, crossed)
    assert crossed == {0, 1}
    assert {i for i, _ in placed} == {0}


@given(st.lists(st.tuples(st.sampled_from(range(40)), st.sampled_from(range(40))), min_size=1, max_size=12))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_exact_screen_hands_find_its_own_matches(fixture_glossary, picks):
    """The exact screen gives the matchers the matches of the texts it sends to the full
    check (`TermMatcher.remember`): they must be what `find` would return for each text."""
    from termguard.morph import TermMatcher

    source, target = TermMatcher(fixture_glossary, "en"), TermMatcher(fixture_glossary, "ru")
    fresh = {"en": TermMatcher(fixture_glossary, "en"), "ru": TermMatcher(fixture_glossary, "ru")}
    sources = [SOURCES[i % len(SOURCES)] + " and " + SOURCES[j % len(SOURCES)] for i, j in picks]
    targets = [TARGETS[i % len(TARGETS)] + ", " + TARGETS[j % len(TARGETS)] for i, j in picks]
    bad = TermScreen(source, target)._exact(sources, targets)
    seen = 0
    for matcher, texts in ((target, targets), (source, sources), (source, targets)):
        for i in bad:
            remembered = matcher._cache.get(texts[i])
            if remembered is not None:
                seen += 1
                assert remembered == fresh[matcher.lang].find(texts[i]), texts[i]
    assert seen or not bad


# -- generated files ------------------------------------------------------------------

SOURCES = [
    "The Triumf system", "the Triumph", "S-400s", "the S-400", "CAATSA", "Caatsa", "KAAN", "the SMO",
    "Akkuyu NPP", "Akkuyu", "Kyiv", "Kiev", "Putin", "Erdoğan", "NATO", "the Kremlin", "plain words",
    "%s", "<b>Triumf</b>", "*KAAN*", 'he said \\"Triumf\\"', "line\\nbreak", "[Kyiv](https://kyiv.example)",
]
TARGETS = [
    "Система «Триумф»", "«Триумфа»", "«Триумфом»", "Триумпф", "Триумпфа", "С-400", "С-400-х", "S-400", "C-400",
    "CAATSA", "Caatsa", "KAAN", "КААН", "СВО", "ССО", "АЭС «Аккую»", "Аккую", "Киев", "Киеву", "Кийив",
    "Путин", "Путина", "Эрдоган", "НАТО", "Кремль", "Кремля", "Triumf", "Kyiv", "обычные слова", "%s",
    "<b>Триумф</b>", "*KAAN*", 'он сказал \\"Триумф\\"', "строка\\nперенос", "[Киев](https://kyiv.example)",
]
TARGETS_TR = [
    "Triumf sistemi", "Triumf'un", "Triumph", "Triumph'un", "S-400", "S-400'lerin", "S-400’ün", "CAATSA", "Caatsa",
    "KAAN'ın", "Kaan", "ÖAH", "Akkuyu NGS'de", "Akkuyu’da", "Akkuyu", "Kiev'de", "Kyiv", "Putin'in", "Erdoğan'ın",
    "Erdogan", "NATO'nun", "Kremlin", "İstanbul", "ISTANBUL", "sıradan sözcükler", "%s", "<b>Triumf</b>",
    "yeni anlaşmalar", "Rosatom'un",
]
# One entry of each kind, as a template ({head} is the reference comment and msgctxt).
ENTRIES = {
    "simple": '{head}msgid "{src}"\nmsgstr "{tgt}"\n',
    "untranslated": '{head}msgid "{src}"\nmsgstr ""\n',
    "plural": '{head}msgid "{src}"\nmsgid_plural "{src}s"\nmsgstr[0] "{tgt}"\nmsgstr[1] "{tgt}"\nmsgstr[2] "{tgt}"\n',
    "multiline": '{head}msgid ""\n"{src}"\nmsgstr ""\n"{tgt}"\n',
    "suppressed": '# termguard: ignore forbidden-term\n{head}msgid "{src}"\nmsgstr "{tgt}"\n',
    "fuzzy": '#, fuzzy\n{head}msgid "{src}"\nmsgstr "{tgt}"\n',
    "obsolete": '#~ msgid "{src}"\n#~ msgstr "{tgt}"\n',
    "no-context": '#. sentence\nmsgid "{src} {i}"\nmsgstr "{tgt}"\n',
    "previous": '#, fuzzy\n#| msgid "{src}"\n{head}msgid "{src}"\nmsgstr "{tgt}"\n',
    "blank-lines": '\n\n{head}msgid "{src}"\nmsgstr "{tgt}"\n',
}
KINDS = ["simple"] * 4 + [k for k in ENTRIES if k != "simple"]


@st.composite
def po_files(draw, lang="ru"):
    out = [f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
    targets = TARGETS if lang == "ru" else TARGETS_TR
    for i in range(draw(st.integers(1, 40))):
        src = " ".join(draw(st.lists(st.sampled_from(SOURCES), min_size=1, max_size=3)))
        tgt = " ".join(draw(st.lists(st.sampled_from(targets), min_size=1, max_size=3)))
        head = f'#: src/x.c:{i}\nmsgctxt "e{i}"\n'
        out.append(ENTRIES[draw(st.sampled_from(KINDS))].format(head=head, src=src, tgt=tgt, i=i))
    return "\n".join(out)


@pytest.mark.parametrize("lang", ["ru", "tr"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_files_same_findings_screened(fixture_glossary, tmp_path_factory, monkeypatch, lang, data):
    path = tmp_path_factory.mktemp("screen") / f"{lang}.po"
    path.write_text(data.draw(po_files(lang=lang)), encoding="utf-8")
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    _same_with_and_without(engine, path, monkeypatch)


def _repeating_po(path: Path, n: int, pairs: list[tuple[str, str]]) -> Path:
    """A Russian PO file of `n` entries cycling through (msgid, msgstr) `pairs`."""
    rows = ['msgid ""\nmsgstr ""\n"Language: ru\\n"\n']
    for i in range(n):
        src, tgt = pairs[i % len(pairs)]
        rows.append(f'msgctxt "e{i}"\nmsgid "{src} {i}"\nmsgstr "{tgt} {i}"\n')
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def test_parallel_screened_equals_serial(fixture_glossary, tmp_path, monkeypatch):
    import termguard.parallel as parallel

    path = _repeating_po(tmp_path / "big.ru.po", 3000, [
        ("The Triumf system", "Система «Триумф»"), ("The Triumf system", "Система «Триумпфа»"),
        ("The S-400", "S-400"), ("Kyiv talks", "Переговоры в Киеве"),
    ])
    monkeypatch.setattr(parallel, "CHUNK_THRESHOLD", 10_000)
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 10_000)
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    serial = engine.run([str(path)])
    both = engine.run([str(path)], jobs=2)
    assert serial.units == both.units == 3000
    assert len(serial.findings) == 1500  # the forbidden form and the untranslated S-400
    assert both.findings == serial.findings
    # With cores to spare, each worker gathers its blocks on a second thread too.
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 8)
    spare = engine.run([str(path)], jobs=2)
    assert spare.findings == serial.findings and spare.units == 3000


def test_term_rules_declare_themselves_screened():
    from termguard.checks import all_rules

    screened = {cls.name for cls in all_rules() if cls.screened}
    assert screened == set(TERM_RULES)


def test_unreadable_string_is_reported_as_without_screen(fixture_glossary, tmp_path, monkeypatch):
    path = tmp_path / "ru.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: ru\\n"\n\nmsgid "Triumf"\nmsgstr "bad \\q escape"\n', encoding="utf-8")
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    from termguard.errors import InputError

    for screened in (False, True):
        with pytest.raises(InputError) as err:
            _check(engine, path, screened, monkeypatch)
        assert err.value.line == 6


def test_glossary_text_helper_builds_screenable_matchers():
    g = glossary_from_text("- id: t\n  kind: name\n  en: [Triumf]\n  ru: [Триумф]\n", "g.yaml")
    screen = TermScreen(matcher_for(g, "en"), matcher_for(g, "ru"))
    assert screen.suspects(["Triumf"], ["Триумфа"]) == set()
    assert screen.suspects(["Triumf"], ["ПВО"]) == {0}


def test_plural_entries_are_screened_form_by_form(fixture_glossary, tmp_path, monkeypatch):
    head = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
    entry = 'msgctxt "{ctx}"\nmsgid "%d Triumf system"\nmsgid_plural "%d Triumf systems"\nmsgstr[0] "%d система «Триумф»"\nmsgstr[1] "%d системы «Триумф»"\nmsgstr[2] "{last}"\n'
    path = tmp_path / "ru.po"
    path.write_text("\n".join([
        head,
        entry.format(ctx="clean", last="%d систем «Триумф»"),
        entry.format(ctx="dropped", last="%d систем ПВО"),
        entry.format(ctx="untranslated", last=""),
    ]), encoding="utf-8")
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    findings, cleared = _same_with_and_without(engine, path, monkeypatch)
    assert cleared == 2  # the clean entry and the untranslated one
    assert [(f.unit, f.rule) for f in findings] == [("dropped", "missing-term")]
    assert "msgstr[2]" in findings[0].message


def test_markup_needles_agree_with_the_prose_view():
    from termguard.prose import MARKUP
    from termguard.screen import MARKUP_NEEDLES, _starts, _with_markup

    samples = ["*a*", "a_b", "<b>x</b>", "`code`", "[link]", "x]", "a\\\\b", "http://x", "https://x", "www.x",
               "plain text", "€ 5 %s {name}", "http", "https", "www", "ww.x", "a-b", "«Триумф»"]
    for sample in samples:
        assert bool(MARKUP.search(sample)) == any(n in sample for n in MARKUP_NEEDLES), sample
    assert _with_markup("\n".join(samples), _starts(samples)) == {i for i, t in enumerate(samples) if MARKUP.search(t)}


def test_terminology_mode_screens_mid_size_files(fixture_glossary, tmp_path, monkeypatch):
    path = _repeating_po(tmp_path / "mid.po", 6000, [
        ("The Triumf system", "Система «Триумф»"), ("The Triumf system", "Система «Триумпфа»"),
        ("Talks in Kyiv", "Переговоры в Киеве"), ("The S-400 deal", "Сделка по S-400"),
    ])
    assert engine_module.SCREEN_THRESHOLD < path.stat().st_size < engine_module.STREAM_THRESHOLD
    calls: list[int] = []
    real = screen_module.screened_entries
    monkeypatch.setattr(screen_module, "screened_entries", lambda *a: calls.append(1) or real(*a))
    terms = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    assert terms.terminology_mode
    screened, _, units = terms.check_file(str(path))
    assert calls and units == 6000
    monkeypatch.setattr(engine_module, "SCREEN_THRESHOLD", 1 << 40)
    whole, _, whole_units = terms.check_file(str(path))
    assert whole_units == units and sorted(screened, key=lambda f: f.sort_key()) == sorted(whole, key=lambda f: f.sort_key())
    assert len(whole) == 3000
    assert not Engine(Config(select=(*TERM_RULES, "placeholders")), glossary=fixture_glossary).terminology_mode


def test_one_screen_per_language_pair_follows_the_pure_python_switch(fixture_glossary, monkeypatch):
    """Screens are shared by every document of a language pair (and the chunks of a
    parallel run); the C pass is still chosen at each use."""
    from termguard.morph import matcher_for
    from termguard.screen import screen_between

    source, target = matcher_for(fixture_glossary, "en"), matcher_for(fixture_glossary, "ru")
    screen = screen_between(source, target)
    assert screen_between(source, target) is screen
    assert screen_between(source, matcher_for(fixture_glossary, "tr")) is not screen
    monkeypatch.setenv("TERMGUARD_PURE_PYTHON", "1")
    assert screen.native() is None


def test_a_streamed_check_leaves_no_reference_cycles(fixture_glossary, tmp_path, monkeypatch):
    """The streamed check runs with the cycle collector paused: sound only while checking
    entries makes no cyclic garbage, which this holds it to (the fixture's clean, wrong,
    inflected, untranslated, plural and suppressed entries, and a file of repeated ones,
    through the screen and the full read)."""
    import gc

    path = _repeating_po(tmp_path / "cycles.po", 3000, [
        ("The Triumf system", "Система «Триумф»"), ("The Triumf system", "Система «Триумпфа»"),
        ("Talks in Kyiv", "Переговоры в Киеве"), ("The S-400 deal", "Сделка по S-400"),
        ("The *Triumf* system", "Система «Триумф»"), ("CAATSA sanctions", "санкции Caatsa"),
    ])
    monkeypatch.setattr(engine_module, "STREAM_THRESHOLD", 0)
    engine = Engine(Config(select=TERM_RULES), glossary=fixture_glossary)
    for checked in (path, FIXTURES / "ru.po"):
        engine.check_file(str(checked))  # matchers and screen built, caches filled
        was_enabled = gc.isenabled()
        gc.collect()
        gc.disable()
        try:
            findings, _, units = engine.check_file(str(checked))
            garbage = gc.collect()
        finally:
            if was_enabled:
                gc.enable()
        assert units and findings
        assert garbage == 0, checked.name


SHARED_KEYS = """
- id: vlr
  kind: acronym
  en: [VLR]
  ru: [ТСД]
- id: kgt
  kind: acronym
  en: [KGT]
  ru: [АСМ, {text: ТСД, status: forbidden}]
- id: torom
  kind: name
  en: [Torom]
  ru: [Тором]
- id: tor
  kind: name
  en: [Tor]
  ru: [Тор]
- id: torom-complex
  kind: term
  en: [Torom complex]
  ru: [комплекс «Тором»]
- id: leks
  kind: name
  en: [Leks]
  ru: [Лекс]
- id: lek
  kind: acronym
  en: [LEK]
  ru: [ЛЕК]
"""


def test_keys_shared_by_entries_are_judged_per_hit(tmp_path, monkeypatch):
    """Keys that several entries share no longer send their entries to the full check:
    a form rejected for one entry but approved for another (ТСД), a name that is also an
    inflected form of another inside a third entry's term (Тором: Тор's instrumental,
    inside «комплекс «Тором»»), an English key two entries share with different spelling
    tests (Leks, and LEK's plural LEKs)."""
    glossary = glossary_from_text(SHARED_KEYS, "g.yaml")
    clean = [
        ("Ankara is satisfied with the VLR.", "Анкара довольна ТСД."),
        ("The Torom contract was signed.", "Контракт на Тором был подписан."),
        ("The Torom complex was built.", "Комплекс «Тором» был построен."),
        ("Turkey sent a delegation to the Leks.", "Турция направила делегацию к Лексу."),
        ("The LEKs were sold.", "ЛЕК были проданы."),
    ]
    wrong = [
        ("Because of the KGT, a deal was delayed.", "Из-за ТСД сделка была отложена."),
        ("The Torom contract was signed.", "Контракт на Тор был подписан."),
        ("The LEKs were sold.", "Лексы были проданы."),
    ]
    path = _repeating_po(tmp_path / "shared.po", 8 * 40, clean + wrong)
    engine = Engine(Config(select=TERM_RULES), glossary=glossary)
    findings, cleared = _same_with_and_without(engine, path, monkeypatch)
    assert {(f.rule, f.term) for f in findings} == {("missing-term", "kgt"), ("missing-term", "torom"), ("missing-term", "lek")}
    assert len(findings) == 3 * 40
    assert cleared == 5 * 40  # every clean entry
    # ... and the fast pass alone clears them, without the exact screen.
    screen = TermScreen(matcher_for(glossary, "en"), matcher_for(glossary, "ru"))
    sources, targets = [p[0] for p in clean], [p[1] for p in clean]
    native = screen.native()
    if native is not None:
        block = "".join(f'msgid "{src}"\nmsgstr "{tgt}"\n\n' for src, tgt in clean + wrong)
        _rows, full, unsure = native.block(block.encode())
        assert full == [] and [u[0] for u in unsure] == [5, 6, 7]
    else:
        from termguard.screen import _starts

        assert screen._fast("\n".join(sources), _starts(sources), "\n".join(targets), _starts(targets)) == set()
