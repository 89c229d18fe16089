"""Russian: every case and number of a glossary term, generated up front with pymorphy3.

Generating a term's forms once (a few dozen per term) is far cheaper than analysing every
word of every text, and makes matching one automaton pass. For each rendering:

* `exact` and `indeclinable` renderings, acronyms (`СВО`, `АЭС`), Latin and digit words
  (`CAATSA`, `С-400`) are taken as they are.
* In a multi-word term the head noun inflects and the adjectives before it agree with it
  in case, number, gender and animacy («зенитный ракетный комплекс» → «зенитных ракетных
  комплексов»); words after the head (genitive complements) and names in «» quotes next
  to a head word (АЭС «Аккую», завод «Каротан») stay as they are. A term that is only a
  quoted name («Триумф») inflects inside its quotes («Триумфа»).
* Dictionary words inflect through their pymorphy3 lexeme. Words the dictionary does not
  know as a nominative noun or adjective (most foreign names: Стангарн, Триумпф; Мин,
  known only as a form of «мина») inflect by the regular noun paradigm of their ending (consonant, -й, -а, -я, -ь); those ending in another vowel (Аккую, Сочи)
  are foreign indeclinables and stay as they are.
* `ё` is folded to `е`, as Russian prose mostly writes it.

The `MorphAnalyzer` is built once per process, lazily, when the first Russian matcher is
built; forms are cached per word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from termguard.glossary.model import Entry, Rendering
from termguard.morph.base import GENERATED, LITERAL_FOLDED, Morphology, Variant, is_acronym

_PARTS = re.compile(r"([^\W\d_]+)")
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_OPEN_QUOTES = "«„“"
_CLOSE_QUOTES = "»“”"
_CASE_NORMAL = {"gen1": "gent", "gen2": "gent", "loc1": "loct", "loc2": "loct", "acc2": "accs", "voct": "nomn"}

# Regular noun endings by class, for words pymorphy3's dictionary does not know:
# (case, number, ending replacing the final letter(s) `cut`).
_HARD = "бвгдзклмнпрстфх"
_SIBILANT = "жшчщц"
_VELAR_OR_SIBILANT = "гкхжшчщ"


def _paradigm(word: str) -> tuple[list[tuple[str, str, str]], str | None]:
    """Regular forms (case, number, form) of an unknown noun, and its gender."""
    last = word[-1]
    forms: list[tuple[str, str, str]] = []

    def add(stem: str, endings: list[tuple[str, str, str]]) -> None:
        forms.extend((case, num, stem + end) for case, num, end in endings)

    if last in _HARD or last in _SIBILANT:
        yi = "и" if last in _VELAR_OR_SIBILANT else "ы"
        o = "е" if last in _SIBILANT else "о"
        add(word, [("gent", "sing", "а"), ("datv", "sing", "у"), ("accs", "sing", ""), ("ablt", "sing", o + "м"),
                   ("loct", "sing", "е"), ("nomn", "plur", yi), ("gent", "plur", "ей" if last in "жшчщ" else o + "в"),
                   ("datv", "plur", "ам"), ("accs", "plur", yi), ("ablt", "plur", "ами"), ("loct", "plur", "ах")])
        return forms, "masc"
    stem = word[:-1]
    if last == "й":
        loc = "и" if stem.endswith("и") else "е"
        add(stem, [("gent", "sing", "я"), ("datv", "sing", "ю"), ("accs", "sing", "й"), ("ablt", "sing", "ем"),
                   ("loct", "sing", loc), ("nomn", "plur", "и"), ("gent", "plur", "ев"), ("datv", "plur", "ям"),
                   ("ablt", "plur", "ями"), ("loct", "plur", "ях")])
        return forms, "masc"
    if last == "а":
        yi = "и" if stem[-1:] in _VELAR_OR_SIBILANT else "ы"
        add(stem, [("gent", "sing", yi), ("datv", "sing", "е"), ("accs", "sing", "у"), ("ablt", "sing", "ой"),
                   ("ablt", "sing", "ою"), ("loct", "sing", "е"), ("nomn", "plur", yi), ("gent", "plur", ""),
                   ("datv", "plur", "ам"), ("ablt", "plur", "ами"), ("loct", "plur", "ах")])
        return forms, "femn"
    if last == "я":
        dl = "и" if stem.endswith("и") else "е"
        add(stem, [("gent", "sing", "и"), ("datv", "sing", dl), ("accs", "sing", "ю"), ("ablt", "sing", "ей"),
                   ("loct", "sing", dl), ("nomn", "plur", "и"), ("datv", "plur", "ям"), ("ablt", "plur", "ями"),
                   ("loct", "plur", "ях")])
        return forms, "femn"
    if last == "ь":
        # Masculine (Кремль → Кремля) or feminine (Сибирь → Сибири): accept both.
        add(stem, [("gent", "sing", "я"), ("datv", "sing", "ю"), ("ablt", "sing", "ем"), ("loct", "sing", "е"),
                   ("gent", "sing", "и"), ("ablt", "sing", "ью"), ("nomn", "plur", "и"), ("gent", "plur", "ей"),
                   ("datv", "plur", "ям"), ("ablt", "plur", "ями"), ("loct", "plur", "ях")])
        return forms, None
    return [], None  # о, е, и, у, ю, э, ы: a foreign indeclinable (Аккую, Сочи, Бордо)


def _recase(form: str, model: str) -> str:
    """Give a generated (lowercase) form the capitalisation of the glossary's word."""
    if len(model) > 1 and model.isupper():
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=1)
def analyzer():  # type: ignore[no-untyped-def]
    """The pymorphy3 analyser, loaded once per process on first use."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


class RussianMorphology(Morphology):
    """Inflected forms from pymorphy3 lexemes, with agreement in multi-word terms."""

    description = "pymorphy3 inflection (cases, numbers, agreement); indeclinable/exact, acronyms, quoted names as-is"

    def fold_table(self) -> dict[str, str]:
        """`ё` is written `е` in most prose: fold them together."""
        table = super().fold_table()
        table.update({"ё": "е", "Ё": "Е"})
        return table

    def built(self) -> None:
        """Forms are generated once per matcher: free the per-word caches (memory, 1M runs)."""
        inflect.cache_clear()
        _noun_forms.cache_clear()
        _adjective.cache_clear()
        _adjective_form.cache_clear()

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The literal form and every inflected form of it."""
        text = rendering.text.strip()
        yield Variant(text, LITERAL_FOLDED)
        if rendering.exact or rendering.indeclinable:
            return
        for form in inflect(text):
            if form != text:
                yield Variant(form, GENERATED)


def _inflectable(parts: list[str]) -> list[int]:
    """Indices (into `parts`, words at odd positions) of the words that may inflect."""
    words = range(1, len(parts), 2)
    depth = 0
    quoted: dict[int, bool] = {}
    for i, part in enumerate(parts):
        if i % 2:
            quoted[i] = depth > 0
        else:
            depth += sum(part.count(q) for q in _OPEN_QUOTES if q not in _CLOSE_QUOTES)
            depth -= sum(part.count(q) for q in _CLOSE_QUOTES if q not in _OPEN_QUOTES)
            depth = max(depth, 0)
    out = []
    for i in words:
        w = parts[i]
        if not _CYRILLIC_WORD.fullmatch(w) or is_acronym(w) or len(w) < 2:
            continue
        if parts[i + 1].startswith("-") and i + 2 < len(parts) and parts[i + 2]:
            continue  # the first part of a hyphenated compound (Нью-Йорк) does not inflect
        out.append(i)
    unquoted = [i for i in out if not quoted[i]]
    # Names in quotes next to a head word stay in the nominative: АЭС «Аккую», завод «X».
    return unquoted if unquoted else out


@cache
def _noun_forms(word: str, name: bool = False) -> tuple[list[tuple[str, str, str]], str | None, str | None]:
    """(case, number, form) of a noun given in the nominative, its gender and animacy.

    `name` is set for a term that is one capitalised word: a name also declines by the
    regular paradigm of its ending, and both sets of forms are accepted: Мин (to the
    dictionary an abbreviation and a form of «мина») → Мина, Мином; Тот (a pronoun) →
    Тотом; Лив (an indeclinable woman's name) → Лива; Шаров (a surname, Шаровым) → also
    Шаровом, as a place or system name declines. An `indeclinable: true` rendering never
    gets here.
    """
    morph = analyzer()
    forms: list[tuple[str, str, str]] = []
    gender = animacy = None
    if morph.word_is_known(word):
        for p in morph.parse(word):
            if p.tag.POS != "NOUN" or p.tag.case != "nomn":
                continue
            gender = gender or p.tag.gender
            animacy = animacy or p.tag.animacy
            for f in p.lexeme:
                forms.append((_CASE_NORMAL.get(f.tag.case, f.tag.case), f.tag.number or "sing", f.word))
        if not name and (forms or _adjective(word) is not None):
            return forms, gender, animacy
    regular, regular_gender = _paradigm(word)
    if not forms:
        return regular, regular_gender, None
    return forms + regular, gender, animacy


_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


@cache
def _adjective(word: str):  # type: ignore[no-untyped-def]
    """The nominative adjective (or participle) parse of a word, if it is one.

    Words the dictionary lacks count when they have an adjective ending and pymorphy3's
    prefix analysis makes them adjectives (многовекторная = много + векторная).
    """
    for p in analyzer().parse(word):
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn" and (p.is_known or word.endswith(_ADJ_ENDINGS)):
            return p
    return None


@cache
def _adjective_form(word: str, case: str, number: str, gender: str | None, animacy: str | None) -> str | None:
    p = _adjective(word)
    if p is None:
        return None
    grams = {case, number}
    if number == "sing" and gender:
        grams.add(gender)
    found = None
    if case == "accs" and animacy:
        found = p.inflect(grams | {animacy})
    found = found or p.inflect(grams)
    return found.word if found else None


@cache
def inflect(text: str) -> tuple[str, ...]:
    """Every inflected form of a Russian term (the term itself included when it inflects)."""
    parts = _PARTS.split(text)
    idx = _inflectable(parts)
    if not idx:
        return ()
    lowered = {i: parts[i].lower().replace("ё", "е") for i in idx}
    head = None
    head_forms: list[tuple[str, str, str]] = []
    gender = animacy = None
    for i in idx:
        if i != idx[-1] and _adjective(lowered[i]) is not None:
            continue  # an adjective before another word agrees with it (Красная площадь)
        forms, g, a = _noun_forms(lowered[i], len(idx) == 1 and parts[i][:1].isupper())
        if forms:
            head, head_forms, gender, animacy = i, forms, g, a
            break
        if _adjective(lowered[i]) is None:
            break  # neither noun nor adjective before any noun: no head to agree with
    if head is None:
        if len(idx) == 1:
            # A lone adjective or other word: its own lexeme.
            i = idx[0]
            morph = analyzer()
            if morph.word_is_known(lowered[i]):
                words = {f.word for p in morph.parse(lowered[i])[:1] for f in p.lexeme}
                return tuple(sorted(_join(parts, {i: _recase(w, parts[i])}) for w in words))
        return ()
    adjectives = [i for i in idx if i < head and _adjective(lowered[i]) is not None]
    out: set[str] = set()
    for case, number, form in head_forms:
        repl = {head: _recase(form.replace("ё", "е"), parts[head])}
        ok = True
        for i in adjectives:
            adj = _adjective_form(lowered[i], case, number, gender, animacy)
            if adj is None:
                ok = False
                break
            repl[i] = _recase(adj.replace("ё", "е"), parts[i])
        if ok:
            out.add(_join(parts, repl))
    return tuple(sorted(out))


def _join(parts: list[str], repl: dict[int, str]) -> str:
    return "".join(repl.get(i, p) for i, p in enumerate(parts))
