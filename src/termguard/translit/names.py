"""Russian names in Russian text: capitalised words, quoted names, acronyms, initials + surname.

Each name is lemmatised with pymorphy3, preferring the parses that mark a proper name
(surname, first name, patronymic, place, organisation, trademark) over common-noun
readings, and keeping a surname's gender: «Белковой» → Белкова, «Ермаковым» → Ермаков.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termguard.translit.morph import analyzer

NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn", "Trad")
_KIND_BY_TAG = {"Surn": "person", "Name": "person", "Patr": "person", "Geox": "place", "Orgn": "organization", "Trad": "name"}

_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_INITIALS = re.compile(r"(?<![\w])((?:[А-ЯЁ]\.\s?){1,2})\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w])")
_QUOTED = re.compile(r"«([^«»]{1,60})»")
# What may stand between a sentence boundary and the word that opens the sentence.
_OPENERS = " \t\n«“\"'(*_[—–-"


@dataclass(frozen=True, slots=True)
class RussianName:
    """A Russian name found in a text: its surface form, lemma, kind and where it stands."""

    surface: str
    lemma: str
    kind: str
    start: int = 0
    end: int = 0
    #: Every other nominative the surface may be a form of («Горбачева»: the genitive of
    #: Горбачев or the woman's Горбачева), each with its own gender: a Latin spelling of
    #: any of them is a rendering of this name.
    readings: tuple[str, ...] = ()
    #: True for a name quoted on its own («Триумф», «Армия»): a brand or title, which a
    #: Russian common word names as often as a foreign one.
    quoted: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """The Cyrillic words of the lemma, the other readings and the surface form (hyphen
        parts separate), in that order."""
        seen: dict[str, None] = {}
        for text in (self.lemma, *self.readings, self.surface):
            for w in re.findall(r"[А-ЯЁа-яё]+", text):
                seen.setdefault(w, None)
        return tuple(seen)


def _restore_case(lemma: str, surface: str) -> str:
    if len(surface) > 1 and surface.isupper():
        return lemma.upper()
    return "-".join(part[:1].upper() + part[1:] for part in lemma.split("-"))


@lru_cache(maxsize=8192)
def lemmatize_name(word: str, in_title: bool = False) -> tuple[str, str]:
    """(lemma, kind) of a capitalised Russian word, name parses first, surname gender kept.

    A word that is already a nominative singular name stays as it is («Е. Белкова» is a
    woman's surname, not the genitive of Белков), except inside a title after its first
    word (`in_title`), where a surname read as a woman's nominative or a man's genitive
    takes the likelier reading to the analyser («Эпоха Горбачева» → Горбачев). Every
    reading is kept by `name_readings`; a surname in another case is put into
    the nominative of its own gender («Белковой» → Белкова); a singular reading wins over
    a plural-only one («Ермаковым» → Ермаков, not Ермаковы).
    """
    parses = analyzer().parse(word)
    low = word.lower()
    surname = _surname_lemma(word)
    if surname is not None and parses and not any(p.is_known and ("Surn" in p.tag or "Geox" in p.tag) for p in parses):
        # A surname the dictionary does not know as one: unknown (Заботкиной, whose
        # guessed lemma would be masculine), or -ов/-ин known only as a plural of a first
        # name or a possessive (Тимуров, Русланов): the surname paradigm gives its nominative.
        known = [p for p in parses if p.is_known]
        from_first_name = any("Name" in p.tag or "Poss" in p.tag for p in known) and low.endswith(
            ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "овой", "евой", "иной", "ыной",
             "ову", "еву", "ину", "ыну", "овым", "евым", "иным", "ыным", "ове", "еве", "ине", "ыне"))
        if not known or from_first_name:
            return surname, "person"
    if parses and not any(p.is_known for p in parses):
        # A word the dictionary does not know (Гюлер, Гюлером) gets guessed paradigms;
        # the shortest guessed lemma the word starts with strips a case ending, if any.
        stems = [p.normal_form for p in parses if "NOUN" in p.tag and low.startswith(p.normal_form)]
        return _restore_case(min(stems, key=len) if stems else low, word), "name"
    named = [p for p in parses if p.is_known and any(t in p.tag for t in NAME_TAGS)]
    kind = "name"
    # A name reading the analyser itself finds unlikely («Аккую» as a surname) is a guess
    # about an unknown word; the word is then kept as written.
    if named and sum(p.score for p in named) >= 0.1:
        tag = next(t for t in NAME_TAGS if t in named[0].tag)
        nominative = [p for p in named if "nomn" in p.tag and "plur" not in p.tag]
        if nominative and in_title and "Surn" in nominative[0].tag and "femn" in nominative[0].tag:
            # «Эпоха Горбачева», «Дело Ельцина»: inside a title, after its first word, the
            # man's genitive or accusative is likelier to the analyser than the woman's
            # nominative. Elsewhere (an author, «М. Захарова»; a subject) the nominative.
            masculine = [p for p in named if "Surn" in p.tag and "masc" in p.tag and "plur" not in p.tag]
            if sum(p.score for p in masculine) > sum(p.score for p in nominative):
                nominative = []
                named = masculine
        if nominative:
            best = nominative[0]
            lemma = word.lower() if "Surn" in best.tag or "Abbr" in best.tag else best.normal_form
        else:
            singular = [p for p in named if "plur" not in p.tag] or named
            best = max(singular, key=lambda p: p.score)
            lemma = best.normal_form
            if "Surn" in best.tag:
                inflected = best.inflect({"nomn", "sing"})
                if inflected is not None:
                    lemma = inflected.word
        tag = next(t for t in NAME_TAGS if t in best.tag)
        kind = _KIND_BY_TAG[tag]
        if "Abbr" in best.tag:
            kind = "acronym"
    else:
        content = [p for p in parses if ("NOUN" in p.tag or "ADJF" in p.tag) and "Apro" not in p.tag]
        if any(p.normal_form == low for p in parses) or not content:
            lemma = low  # already a nominative (Том, not the pronoun тот), or nothing better
        else:
            lemma = content[0].normal_form
    return _restore_case(lemma, word), kind


@lru_cache(maxsize=8192)
def name_readings(word: str) -> tuple[str, ...]:
    """Every nominative a capitalised Russian word may be a form of, as a name, best first.

    All of pymorphy3's name readings are kept (a surname put into the nominative of its
    own gender: «Горбачева» → Горбачев and Горбачева, «Ельцину» → Ельцин, «Ильиной» →
    Ильина), and for a word of a surname's shape (-ов/-ев/-ин/-ын/-ский and their forms)
    the readings of the surname paradigm, which the dictionary lacks for surnames made
    from a first name («Тимуров», to the dictionary a plural of Тимур).
    """
    from termguard.morph.russian import surname_readings

    out: dict[str, None] = {}
    for p in analyzer().parse(word):
        if not p.is_known or not any(t in p.tag for t in NAME_TAGS) or "plur" in p.tag:
            continue  # a plural (Тимуров: of the Timurs) is not how a text names one person
        lemma = p.normal_form
        if "Surn" in p.tag:
            inflected = p.inflect({"nomn", "sing"})
            if inflected is not None:
                lemma = inflected.word
        out.setdefault(_restore_case(lemma, word), None)
    for lemma, _gender, _case, _number in surname_readings(word):
        out.setdefault(_restore_case(lemma.lower(), word), None)
    return tuple(out)


def _surname_lemma(word: str) -> str | None:
    """The nominative of a surname-shaped word by the surname paradigm: the word itself
    when it is a nominative (Белкова, Тимуров), else the first reading (Заботкиной →
    Заботкина), or None when the word has no surname shape."""
    from termguard.morph.russian import surname_readings

    readings = surname_readings(word)
    if not readings:
        return None
    for lemma, _gender, case, number in readings:
        if case == "nomn" and number == "sing":
            return _restore_case(lemma.lower(), word)
    return _restore_case(readings[0][0].lower(), word)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        if text[i] in "«“":
            return True  # a quotation (a title) opens with a capital whatever its first word is
        i -= 1
    return i < 0 or text[i] in ".!?:;]"


def _in_headline(words: list[re.Match[str]], n: int, text: str) -> bool:
    """True when word `n`, in capitals and four letters or more, stands next to another
    word in capitals of three letters or more in the same line (a title in capitals)."""
    word = words[n].group()
    if len(word) < 4:
        return False
    for k in (n - 1, n + 1):
        if 0 <= k < len(words):
            other = words[k].group()
            a, b = sorted((words[k].start(), words[n].start()))
            if len(other) >= 3 and other.isupper() and "\n" not in text[a:b]:
                return True
    return False


def _inside_title(text: str, start: int) -> bool:
    """True when `start` lies inside a «…» or “…” quotation, after its first word."""
    for open_, close in (("«", "»"), ("“", "”")):
        left = text.rfind(open_, 0, start)
        if left >= 0 and text.find(close, left, start) < 0 and text[left + 1:start].strip():
            return True
    return False


def _others(word: str, lemma: str) -> tuple[str, ...]:
    """The readings of `word` other than `lemma`."""
    return tuple(r for r in name_readings(word) if r != lemma)


def russian_names(text: str) -> list[RussianName]:
    """Every Russian name in `text`, in order of appearance, each lemmatised.

    Capitalised words count when a parse marks them as a name, or when they stand inside
    a sentence (a capital there is a name); a capitalised sentence opener with no name
    parse («Выступление ...») does not. Acronyms (РБК, США), initials with a surname
    (А. Ермаков) and short quoted names («Триумф», «Аккую») always count.
    """
    found: list[RussianName] = []
    taken: list[tuple[int, int]] = []

    def add(name: RussianName) -> None:
        found.append(name)
        taken.append((name.start, name.end))

    for m in _INITIALS.finditer(text):
        surname = m.group(2)
        lemma, _kind = lemmatize_name(surname)
        add(RussianName(m.group(0), lemma, "person", m.start(), m.end(), _others(surname, lemma)))
    quoted_words: set[int] = set()
    for m in _QUOTED.finditer(text):
        inner = m.group(1).strip()
        words = list(_WORD.finditer(inner))
        # A short quotation whose every word is capitalised is a name («Триумф», «Аккую»),
        # not a title («Турецкий пат»).
        if 1 <= len(words) <= 2 and all(w.group()[:1].isupper() for w in words) and len(inner) == sum(len(w.group()) for w in words) + len(words) - 1:
            for w in words:
                quoted_words.add(m.start(1) + (m.group(1).find(inner)) + w.start())
    words = list(_WORD.finditer(text))
    for n, m in enumerate(words):
        word = m.group()
        if any(s <= m.start() < e for s, e in taken) or not word[:1].isupper():
            continue
        if len(word) > 1 and word.isupper():
            if _in_headline(words, n, text):
                # A title in capitals («ЭПОХА ГОРБАЧЕВА»): its names are words, not acronyms.
                lemma, kind = lemmatize_name(word[:1] + word[1:].lower(), True)
                if kind == "person":
                    shown = word[:1] + word[1:].lower()
                    add(RussianName(word, lemma, kind, m.start(), m.end(), _others(shown, lemma)))
                    continue
            add(RussianName(word, word, "acronym", m.start(), m.end()))
            continue
        if len(word) < 2:
            continue
        lemma, kind = lemmatize_name(word, _inside_title(text, m.start()))
        quoted = m.start() in quoted_words
        if kind != "name" or quoted or not _sentence_initial(text, m.start()) or any(t in p.tag for p in analyzer().parse(word)[:1] for t in NAME_TAGS):
            add(RussianName(word, lemma, kind, m.start(), m.end(), _others(word, lemma) if kind == "person" else (), quoted))
    found.sort(key=lambda n: n.start)
    return found
