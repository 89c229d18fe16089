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

import os
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

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


# The surname paradigm (Russian grammar: surnames in -ов/-ев/-ин/-ын decline as
# possessive adjectives in the singular, -ский/-цкий/-ской as adjectives): masculine
# instrumental -ым (Ермаковым), never the noun's -ом; feminine -ой/-у.
_SURNAME_BASES = ("ов", "ев", "ёв", "ин", "ын")
_SURNAME_ENDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    # gender: (case, number, ending after the -ов/-ин base)
    "masc": (("nomn", "sing", ""), ("gent", "sing", "а"), ("datv", "sing", "у"), ("accs", "sing", "а"),
             ("ablt", "sing", "ым"), ("loct", "sing", "е")),
    "femn": (("nomn", "sing", "а"), ("gent", "sing", "ой"), ("datv", "sing", "ой"), ("accs", "sing", "у"),
             ("ablt", "sing", "ой"), ("loct", "sing", "ой")),
    "plur": (("nomn", "plur", "ы"), ("gent", "plur", "ых"), ("datv", "plur", "ым"), ("accs", "plur", "ых"),
             ("ablt", "plur", "ыми"), ("loct", "plur", "ых")),
}
_SKIJ_BASES = ("ск", "цк")
_SKIJ_ENDINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "masc": (("nomn", "sing", "ий"), ("gent", "sing", "ого"), ("datv", "sing", "ому"), ("accs", "sing", "ого"),
             ("ablt", "sing", "им"), ("loct", "sing", "ом")),
    "femn": (("nomn", "sing", "ая"), ("gent", "sing", "ой"), ("datv", "sing", "ой"), ("accs", "sing", "ую"),
             ("ablt", "sing", "ой"), ("loct", "sing", "ой")),
    "plur": (("nomn", "plur", "ие"), ("gent", "plur", "их"), ("datv", "plur", "им"), ("accs", "plur", "их"),
             ("ablt", "plur", "ими"), ("loct", "plur", "их")),
}


def surname_stem(word: str) -> tuple[str, str, str] | None:
    """(stem, paradigm, gender) of a surname in the nominative, or None if it has no surname shape.

    `paradigm` is "ov" (-ов/-ев/-ёв/-ин/-ын: Ермаков, Путин, Белкова) or "skij" (-ский/-цкий/
    -ской: Ходорковский, Трубецкой, Луговская); `gender` is "masc" or "femn". The stem is
    what the paradigm's endings attach to (Ермаков, Белков; Ходорковск).
    """
    low = word.lower()
    for base in _SURNAME_BASES:
        if low.endswith(base) and len(low) > len(base) + 1:
            return word, "ov", "masc"
        if low.endswith(base + "а") and len(low) > len(base) + 2:
            return word[:-1], "ov", "femn"
    for base in _SKIJ_BASES:
        if low.endswith((base + "ий", base + "ой")) and len(low) > 4:
            return word[:-2], "skij", "masc"
        if low.endswith(base + "ая") and len(low) > 4:
            return word[:-2], "skij", "femn"
    return None


def surname_forms(word: str) -> list[tuple[str, str, str]]:
    """(case, number, form) of a surname in the nominative by the surname paradigm.

    «Ермаков» → Ермакова, Ермакову, Ермаковым, Ермакове, Ермаковы, Ермаковых...; «Белкова»
    → Белковой, Белкову; «Ходорковский» → Ходорковского, Ходорковским. No instrumental in
    -ом (the common noun's, as in «Тамбовом»): a person's name never takes it. A masculine
    surname gets the masculine and plural forms, a feminine one the feminine and plural.
    Empty when the word has no surname shape.
    """
    found = surname_stem(word)
    if found is None:
        return []
    stem, paradigm, gender = found
    table = _SURNAME_ENDINGS if paradigm == "ov" else _SKIJ_ENDINGS
    return [(case, num, stem + end) for case, num, end in table[gender] + table["plur"]]


def surname_readings(word: str) -> list[tuple[str, str, str, str]]:
    """Every reading of a capitalised word as a form of a surname: (nominative, gender, case, number).

    The inverse of `surname_forms`: «Горбачева» is the genitive or accusative of Горбачев
    and the nominative of Горбачева; «Никитину» the dative of Никитин or the accusative of
    Никитина; «Ходорковского» the genitive or accusative of Ходорковский. Plural readings
    give the masculine nominative. Empty for a word that is no form of a surname shape.
    """
    low = word.lower()
    out: list[tuple[str, str, str, str]] = []
    for bases, table, masc_end, fem_end in ((_SURNAME_BASES, _SURNAME_ENDINGS, "", "а"),
                                            (_SKIJ_BASES, _SKIJ_ENDINGS, "ий", "ая")):
        for gender, rows in table.items():
            for case, number, end in rows:
                for base in bases:
                    tail = base + end
                    if not low.endswith(tail) or len(low) <= len(tail) + 1:
                        continue
                    stem = word[: len(word) - len(end)] if end else word
                    if bases is _SKIJ_BASES:
                        stem = word[: len(word) - len(end)]
                    lemma_gender = "femn" if gender == "femn" else "masc"
                    lemma = stem + (fem_end if lemma_gender == "femn" else masc_end)
                    if (lemma, lemma_gender, case, number) not in out:
                        out.append((lemma, lemma_gender, case, number))
    # -ской is also a masculine nominative (Трубецкой, Луговской).
    if low.endswith(("ской", "цкой")) and len(low) > 5:
        out.append((word, "masc", "nomn", "sing"))
    return out


def _recase(form: str, model: str) -> str:
    """Give a generated (lowercase) form the capitalisation of the glossary's word.

    Capitals inside the word (a transliterated brand: МегаФон, ВКонтакте) stay where they
    stand in the glossary's form, as long as the generated form has the same letter there
    (МегаФона, МегаФоном): only the ending changes in inflection.
    """
    if len(model) > 1 and model.isupper():
        return form.upper()
    if not any(map(str.isupper, model[1:])):
        return form[:1].upper() + form[1:] if model[:1].isupper() else form
    out = list(form)
    for i, (a, b) in enumerate(zip(model, form)):
        if a.lower() != b.lower():
            break
        out[i] = a
    return "".join(out)


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """The pymorphy3 analyser, loaded once per process on first use (the one every part of
    termguard that reads Russian shares).

    Its dictionary is named by path when the `pymorphy3_dicts_ru` package is there:
    pymorphy3 would otherwise find it through the installed packages' entry points, which
    reads the metadata of every installed distribution. `PYMORPHY2_DICT_PATH`, when set,
    is left to pymorphy3 as before.
    """
    import pymorphy3

    path = None
    if pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE not in os.environ:
        try:
            import pymorphy3_dicts_ru

            path = pymorphy3_dicts_ru.get_path()
        except ImportError:  # another Russian dictionary package: pymorphy3 finds it
            path = None
    return pymorphy3.MorphAnalyzer(path=path, lang="ru")


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
        tagged_forms.cache_clear()
        _noun_forms.cache_clear()
        _adjective.cache_clear()
        _adjective_lexeme.cache_clear()
        _adjective_form.cache_clear()

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The literal form and every inflected form of it."""
        text = rendering.text.strip()
        yield Variant(text, LITERAL_FOLDED)
        if rendering.exact or rendering.indeclinable:
            return
        for form in inflect(text, entry.kind == "person"):
            if form != text:
                yield Variant(form, GENERATED)

    def miscased(self, text: str) -> tuple[str, ...]:
        """An approved Cyrillic acronym in the wrong case: `Сво`, `сво`, `Нато` for СВО,
        НАТО (`miscased_ok` leaves alone a spelling that is an ordinary word)."""
        if not is_acronym(text) or not _CYRILLIC_WORD.fullmatch(text):
            return ()
        low = text.lower()
        return (low[:1].upper() + low[1:], low)

    def miscased_ok(self, word: str) -> bool:
        """«Про» (for ПРО), «ран» (for РАН) are words, not acronyms in the wrong case."""
        return not _common_word(word.lower().replace("ё", "е"))

    def name_reading(self, word: str, suffix: str = "", form: str = "") -> bool:
        """The analyser reads the capitalised word as a surname, first name or patronymic
        («Волкова»), or the word has a surname's shape (-ов/-ев/-ин/-ын, -ова/-ева/-ина/
        -ына: «Ястребов», to the dictionary only «ястребов», of hawks): a lowercase
        rejected form («ястребы») must not fire on it in mid-sentence."""
        low = word.lower().replace("ё", "е")
        return _name_reading(low) or (word[:1].isupper() and low.endswith(_SURNAME_SHAPES) and len(low) > 4)

    def inflect_like(self, preferred: str, found: str, lemma: str | None = None) -> str | None:
        """See `inflect_like`."""
        return inflect_like(preferred, found, lemma)

    gaps = True

    def fits_gap(self, word: str, following: str) -> bool:
        """`word` is an adjective or participle agreeing with `following` in case and number
        (and gender in the singular): «система турецкой ПВО», «комплекс зенитных ракет»."""
        return _agrees(word, following)


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
def _noun_forms(word: str, name: bool = False, person: bool = False) -> tuple[list[tuple[str, str, str]], str | None, str | None]:
    """(case, number, form) of a noun given in the nominative, its gender and animacy.

    `name` is set for a term that is one capitalised word: a name also declines by the
    regular paradigm of its ending, and both sets of forms are accepted: Мин (to the
    dictionary an abbreviation and a form of «мина») → Мина, Мином; Тот (a pronoun) →
    Тотом; Лив (an indeclinable woman's name) → Лива. A name with a surname's shape
    (-ов/-ев/-ин/-ын/-ский) that is a person's (`person`), or that the dictionary reads as
    a surname and not as a place, declines by the surname paradigm instead (Ермаковым,
    never Ермаковом); a place keeps the noun's (Тамбовом). An `indeclinable: true`
    rendering never gets here.
    """
    morph = analyzer()
    forms: list[tuple[str, str, str]] = []
    gender = animacy = None
    parses = morph.parse(word) if morph.word_is_known(word) else []
    surname = False
    if name and surname_stem(word) is not None:
        tags = [p.tag for p in parses]
        # A first name of the same shape (Мартин, Константин, Яков) declines as a noun.
        first_name = any("Name" in t and "nomn" in t and "sing" in t for t in tags)
        surname = not first_name and (person or (any("Surn" in t for t in tags) and not any("Geox" in t for t in tags)))
    if surname:
        stem = surname_stem(word)
        return surname_forms(word), (stem[2] if stem else None), "anim"
    for p in parses:
        if p.tag.POS != "NOUN" or p.tag.case != "nomn":
            continue
        gender = gender or p.tag.gender
        animacy = animacy or p.tag.animacy
        for f in p.lexeme:
            case = str(f.tag.case or "")
            forms.append((_CASE_NORMAL.get(case, case), str(f.tag.number or "sing"), f.word))
    if parses and not name and (forms or _adjective(word) is not None):
        return forms, gender, animacy
    regular, regular_gender = _paradigm(word)
    if not forms:
        return regular, regular_gender, None
    return forms + regular, gender, animacy


_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


@cache
def _adjective(word: str) -> Any:
    """The nominative adjective (or participle) parse of a word, if it is one.

    Words the dictionary lacks count when they have an adjective ending and pymorphy3's
    prefix analysis makes them adjectives (многовекторная = много + векторная).
    """
    for p in analyzer().parse(word):
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn" and (p.is_known or word.endswith(_ADJ_ENDINGS)):
            return p
    return None


@cache
def _adjective_lexeme(word: str) -> tuple[Any, ...]:
    """Every form of the adjective `word` (its `_adjective` parse's lexeme), made once: an
    adjective is inflected a dozen times per term, and pymorphy3's `Parse.inflect` makes
    the whole lexeme again each time."""
    p = _adjective(word)
    return tuple(p.lexeme) if p is not None else ()


def _inflected(p: Any, lexeme: tuple[Any, ...], required: set[str] | frozenset[str]) -> Any:
    """What `p.inflect(required)` returns, chosen from `p`'s `lexeme` made beforehand: the
    forms having every required grammeme (rare cases such as loc2 read as the common ones
    when none has), the one whose tag is most like `p`'s tag updated with them; the first
    of equals, as pymorphy3's `heapq.nlargest(1, ...)` gives it. `test_russian_inflection`
    compares the two on every case, number, gender and animacy."""
    found = [f for f in lexeme if required <= f.tag.grammemes]
    if not found:
        required = p.tag.fix_rare_cases(required)
        found = [f for f in lexeme if required <= f.tag.grammemes]
    grammemes = p.tag.updated_grammemes(required)

    def similarity(form: Any) -> float:
        tag = form.tag.grammemes
        return len(grammemes & tag) - 0.1 * len(grammemes ^ tag)

    return max(found, key=similarity, default=None)


@cache
def _adjective_form(word: str, case: str, number: str, gender: str | None, animacy: str | None) -> str | None:
    p = _adjective(word)
    if p is None:
        return None
    lexeme = _adjective_lexeme(word)
    grams = {case, number}
    if number == "sing" and gender:
        grams.add(gender)
    found = None
    if case == "accs" and animacy:
        found = _inflected(p, lexeme, grams | {animacy})
    found = found or _inflected(p, lexeme, grams)
    return found.word if found else None


#: Case and number of the forms after два/три/четыре/оба/полтора (and numbers ending in
#: them): the noun in the genitive singular, its adjectives in the genitive or the
#: nominative plural («два зенитных ракетных комплекса», «две новые системы»).
COUNTED = ("cnt", "sing")


@cache
def tagged_forms(text: str, person: bool = False) -> tuple[tuple[str, str, str], ...]:
    """(case, number, form) of every inflected form of a Russian term.

    Cases are pymorphy3's (nomn, gent, datv, accs, ablt, loct), numbers sing/plur; forms
    after a paucal numeral (два, три, четыре, оба, полтора) are tagged `COUNTED`. A lone
    word the dictionary does not decline as a noun has its forms tagged ("", "").
    `person` declines a one-word name of a surname's shape by the surname paradigm, and
    every word of a person's full name in step (`person_forms`).
    """
    parts = _PARTS.split(text)
    idx = _inflectable(parts)
    if not idx:
        return ()
    if person and len(idx) > 1 and all(parts[i][:1].isupper() for i in idx):
        return person_forms(parts, idx)
    lowered = {i: parts[i].lower().replace("ё", "е") for i in idx}
    head = None
    head_forms: list[tuple[str, str, str]] = []
    gender = animacy = None
    for i in idx:
        if i != idx[-1] and _adjective(lowered[i]) is not None:
            continue  # an adjective before another word agrees with it (Красная площадь)
        one_name = len(idx) == 1 and parts[i][:1].isupper()
        forms, g, a = _noun_forms(lowered[i], one_name, person and one_name)
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
                return tuple(sorted(("", "", _join(parts, {i: _recase(w, parts[i])})) for w in words))
        return ()
    adjectives = [i for i in idx if i < head and _adjective(lowered[i]) is not None]
    out: dict[tuple[str, str, str], None] = {}
    combos: list[tuple[str, str, str, list[tuple[str, str]]]] = []
    for case, number, form in head_forms:
        combos.append((case, number, form, [(case, number)]))
        if adjectives and case == "gent" and number == "sing":
            # After a paucal numeral: the noun's genitive singular with plural adjectives,
            # genitive (usual with masculine and neuter nouns) or nominative (feminine).
            order = [("nomn", "plur"), ("gent", "plur")] if gender == "femn" else [("gent", "plur"), ("nomn", "plur")]
            combos.extend((*COUNTED, form, [agree]) for agree in order)
    for case, number, form, agreements in combos:
        for adj_case, adj_number in agreements:
            repl = {head: _recase(form.replace("ё", "е"), parts[head])}
            ok = True
            for i in adjectives:
                adj = _adjective_form(lowered[i], adj_case, adj_number, gender, animacy)
                if adj is None:
                    ok = False
                    break
                repl[i] = _recase(adj.replace("ё", "е"), parts[i])
            if ok:
                out[(case, number, _join(parts, repl))] = None
    return tuple(out)


_SINGULAR_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def person_forms(parts: list[str], idx: list[int]) -> tuple[tuple[str, str, str], ...]:
    """The singular cases of a person's full name, every word declined in step: «Владимир
    Путин» → «Владимира Путина», «Владимиром Путиным»; «Том Баррак» → «Томом Барраком»;
    «Мария Заботкина» → «Марией Заботкиной». A woman's consonant-final foreign surname does
    not decline («с Хиллари Клинтон»); names ending in another vowel never do (Шойгу).
    """
    morph = analyzer()
    words = [parts[i].lower().replace("ё", "е") for i in idx]
    gender = None
    for grammeme in ("Name", "Surn"):  # a first name tells the gender best
        for w in words:
            for p in morph.parse(w):
                if p.is_known and grammeme in p.tag and p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.gender:
                    gender = str(p.tag.gender)
                    break
            if gender:
                break
        if gender:
            break
    if gender is None:
        shape = surname_stem(words[-1])
        gender = shape[2] if shape else ("femn" if words[0][-1:] in "ая" else "masc")
    per_word: list[dict[str, str]] = []
    for w in words:
        by_case: dict[str, str] = {"nomn": w}
        shape = surname_stem(w)
        if shape is not None and shape[2] == gender:
            for case, number, form in surname_forms(w):
                if number == "sing":
                    by_case[case] = form
        else:
            known = [p for p in morph.parse(w) if p.is_known and ("Name" in p.tag or "Surn" in p.tag or "Patr" in p.tag)
                     and p.tag.case == "nomn" and p.tag.number == "sing" and str(p.tag.gender or gender) == gender]
            if known and "Fixd" in known[0].tag:
                pass  # indeclinable for this gender (Анна Клинтон, с Анной Клинтон)
            elif known:
                for f in known[0].lexeme:
                    case = _CASE_NORMAL.get(str(f.tag.case), str(f.tag.case))
                    if f.tag.number == "sing" and case in _SINGULAR_CASES:
                        by_case.setdefault(case, f.word)
            elif not (gender == "femn" and w[-1] not in "ая"):
                regular, _g = _paradigm(w)
                for case, number, form in regular:
                    if number == "sing":
                        by_case.setdefault(case, form)
                if gender == "masc" and "gent" in by_case and w[-1] not in "ая":
                    by_case["accs"] = by_case["gent"]  # a person is animate
        per_word.append(by_case)
    out: dict[tuple[str, str, str], None] = {}
    for case in _SINGULAR_CASES:
        repl = {i: _recase(forms.get(case, w).replace("ё", "е"), parts[i]) for i, w, forms in zip(idx, words, per_word)}
        out[(case, "sing", _join(parts, repl))] = None
    return tuple(out)


@cache
def inflect(text: str, person: bool = False) -> tuple[str, ...]:
    """Every inflected form of a Russian term (the term itself included when it inflects)."""
    return tuple(sorted({form for _case, _number, form in tagged_forms(text, person)}))


def _tags_of(word: str, lemma: str | None) -> list[tuple[str, str]]:
    """The (case, number) readings of `word`, from the forms of `lemma` when given, else
    from the analyser, best first."""
    folded = word.lower().replace("ё", "е")
    tags: list[tuple[str, str]] = []
    if lemma:
        for case, number, form in tagged_forms(lemma) or tagged_forms(lemma, True):
            if form.lower().replace("ё", "е") == folded and (case, number) not in tags:
                tags.append((case, number))
        if not tags and lemma.lower().replace("ё", "е") == folded:
            tags.append(("nomn", "sing"))
    if not tags and " " not in word:
        for p in analyzer().parse(folded):
            if p.tag.case:
                case = str(p.tag.case)
                tag = (_CASE_NORMAL.get(case, case), str(p.tag.number or "sing"))
                if tag not in tags:
                    tags.append(tag)
    return tags


_READING_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_READING_NUMBERS = ("sing", "plur")


def _reading_order(tag: tuple[str, str]) -> tuple[int, int]:
    """Sort key of a (case, number) reading: case by case, singular before plural; the
    counted form and unknown cases after every ordinary one."""
    case, number = tag
    if case not in _READING_CASES:
        return (len(_READING_CASES), 0)
    return (_READING_CASES.index(case), _READING_NUMBERS.index(number) if number in _READING_NUMBERS else 2)


def inflect_like(preferred: str, found_word: str, found_lemma: str | None = None) -> str | None:
    """The glossary form `preferred` put into the case and number of `found_word`.

    `found_word` is the text as found (a rejected form, inflected: «Триумпфа»);
    `found_lemma`, when known, is the glossary form it is a form of («Триумпф»), which
    says its case and number without guessing. The result is paste-ready: «Триумфа»
    for `inflect_like("Триумф", "Триумпфа", "Триумпф")`, «зенитных ракетных комплекса»
    for a form after «два». A found word in capitals gives capitals. None when the case
    cannot be told or `preferred` has no form in it (an indeclinable, an acronym): then
    the preferred form itself is the suggestion.
    """
    if not preferred or not found_word:
        return None
    if found_lemma is not None and found_word.lower().replace("ё", "е") == found_lemma.lower().replace("ё", "е"):
        return None  # the glossary form itself: the preferred form as written
    # Readings in the order the fix (`refit.russian_refit`) tries them, the form after a
    # paucal numeral last: the word alone does not say a numeral precedes it, and a suggestion
    # that differs from the fix offered for the same finding would contradict it.
    tags = sorted(_tags_of(found_word, found_lemma), key=_reading_order)
    if not tags:
        return None
    forms = tagged_forms(preferred)
    if not forms:
        return None
    for tag in tags:
        hits = [form for case, number, form in forms if (case, number) == tag]
        if hits:
            result = hits[0]
            if len(found_word) > 1 and found_word.isupper():
                return result.upper()
            return result
    return None


@lru_cache(maxsize=4096)
def _common_word(low: str) -> bool:
    """True when the dictionary knows `low` as an ordinary word, not only an abbreviation."""
    morph = analyzer()
    return morph.word_is_known(low) and any("Abbr" not in p.tag for p in morph.parse(low) if p.is_known)


_NAME_GRAMMEMES = ("Surn", "Name", "Patr")
_SURNAME_SHAPES = ("ов", "ев", "ин", "ын", "ова", "ева", "ина", "ына")


@lru_cache(maxsize=4096)
def _name_reading(low: str) -> bool:
    """True when a known reading of the word is a person's name."""
    return any(p.is_known and any(g in p.tag for g in _NAME_GRAMMEMES) for p in analyzer().parse(low))


@lru_cache(maxsize=8192)
def _agrees(word: str, following: str) -> bool:
    morph = analyzer()
    adjectives = [p.tag for p in morph.parse(word) if p.tag.POS in ("ADJF", "PRTF") and p.tag.case]
    if not adjectives:
        return False
    heads = [p.tag for p in morph.parse(following) if p.tag.case]
    for a in adjectives:
        for h in heads:
            if str(a.case) != str(h.case) or str(a.number) != str(h.number or a.number):
                continue
            if str(a.number) == "sing" and h.gender and a.gender and str(a.gender) != str(h.gender):
                continue
            return True
    return False


def _join(parts: list[str], repl: dict[int, str]) -> str:
    return "".join(repl.get(i, p) for i, p in enumerate(parts))
