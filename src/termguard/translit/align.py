"""Align Latin-script names with the Russian names a document cites, and judge each one.

A `NameIndex` holds every accepted romanisation (`schemes.ENGLISH_SCHEMES`) of the
Russian names found in a document's references and sources, the glossary's approved forms
of names that have a Russian form, and the English exonyms of those names (CLDR). Its
`verdict(token)` says what a Latin word is:

* ``accepted``   — some scheme produces it (case and diacritics aside);
* ``approved``   — the glossary approves it for a Russian name (Kyiv, Interfax, RBC);
* ``translated`` — an English exonym («Индию» ↔ India);
* ``derived``    — an accepted, approved or translated form plus an English ending
  (Kremlin from Kreml, Pakistani from Pakistan): not a rendering of the name itself;
* ``transcribed`` — the original spelling of a foreign name the Russian text transcribes
  (Trump for «Трамп», Scholz for «Шольц», Barrack for «Баррак»): near a romanisation, but
  the Russian is the copy, not the model (`foreign.foreign_transcription`);
* ``drift``      — none of the above, but a small edit away from an accepted or approved
  form (a typo, or an anglicisation ph/f, x/ks, c/k, w/v), which is named with its scheme;
* ``none``       — no Russian counterpart: nothing to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termguard.translit.exonyms import english_exonyms, translate_name
from termguard.translit.foreign import foreign_transcription, native_word
from termguard.translit.names import RussianName
from termguard.translit.schemes import (
    ENGLISH_SCHEMES,
    SCHEMES,
    fold,
    has_cyrillic,
    resolve_scheme,
    romanize,
)

if TYPE_CHECKING:
    from termguard.glossary.model import Entry, Glossary

#: Kinds of glossary entries that name something (terms are translated, not romanised).
NAME_KINDS = frozenset({"name", "person", "place", "organization", "outlet", "acronym"})
_SCHEME_ORDER = {s.key: i for i, s in enumerate(SCHEMES)}
_LABELS = {s.key: s.label for s in SCHEMES}
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]+")


def scheme_label(key: str) -> str:
    """The label of a scheme key ("bgn_pcgn" → "BGN/PCGN"); "glossary" stays as it is."""
    return _LABELS.get(key, key)


def anglicised(text: str) -> str:
    """Undo the usual English spellings of Russian sounds: ph→f, x→ks, ck/c/q→k, w→v, final -off→-ov."""
    s = text.replace("ph", "f").replace("ck", "k").replace("x", "ks").replace("w", "v").replace("q", "k")
    s = re.sub(r"(?<=[oe])ff\b", "v", s)  # the old French-style -off/-eff (Smirnoff, Ermakoff)
    return re.sub(r"c(?!h)", "k", s)


def drift_limit(form: str) -> int:
    """How many edits a drift may be from its accepted form: 1 up to 7 letters, then 2."""
    return 1 if len(form) <= 7 else 2


def match_case(form: str, like: str) -> str:
    """Write `form` in the case style of `like` (CAPITALS, Capitalised or as is)."""
    if len(like) > 1 and like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a Latin word is with respect to the Russian names of a document."""

    kind: str
    token: str
    key: str | None = None
    russian: str | None = None
    form: str | None = None
    schemes: tuple[str, ...] = ()
    distance: int = 0

    @property
    def scheme_labels(self) -> str:
        """The schemes as people know them, comma-separated."""
        return ", ".join(scheme_label(s) for s in self.schemes)


@dataclass(slots=True)
class _Form:
    key: str
    russian: str
    scheme: str
    display: str
    #: 0 for the name's lemma, more for its other readings and its surface form: between
    #: two equally near forms the lemma's is suggested.
    order: int = 0


@dataclass
class NameIndex:
    """Accepted, approved and translated Latin forms of a set of Russian names."""

    house: str = "wikipedia"
    forms: dict[str, list[_Form]] = field(default_factory=dict)
    approved: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    translated: dict[str, str | None] = field(default_factory=dict)
    russian_of: dict[str, str] = field(default_factory=dict)
    #: Russian common words quoted as names («Триумф», «Армия»), casefolded: Russian names,
    #: whatever English word they look like.
    native: set[str] = field(default_factory=set)
    _by_initial: dict[str, list[str]] = field(default_factory=dict)
    _by_prefix: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, names: Iterable[RussianName], glossary: Glossary | None = None, house: str = "wikipedia") -> NameIndex:
        """Index `names` (from references and sources) and the glossary's Russian-origin names."""
        index = cls(house=resolve_scheme(house).key)
        glossary_words: dict[str, str] = {}
        if glossary is not None:
            for entry in glossary:
                index._add_entry(entry, glossary_words)
        for name in names:
            if name.kind == "acronym":
                continue  # acronyms go to the glossary, never to drift checks
            key = glossary_words.get(name.lemma.casefold(), f"ru:{name.lemma}")
            if name.quoted and native_word(name.lemma):
                index.native.update(w.casefold() for w in name.words)
            index.russian_of.setdefault(key, name.lemma)
            for order, word in enumerate(name.words):
                index._add_word(key, word, order)
            for en in translate_name(name.lemma):
                index.translated.setdefault(fold(en).casefold(), key)
        for en in english_exonyms():
            index.translated.setdefault(en, None)
        index._bucket()
        return index

    def _add_entry(self, entry: Entry, glossary_words: dict[str, str]) -> None:
        russian: list[str] = []
        if entry.origin is not None and entry.origin.lang == "ru":
            russian.append(entry.origin.text)
        if entry.kind in NAME_KINDS:
            russian.extend(r.text for r in entry.approved("ru") if has_cyrillic(r.text))
        if not russian:
            return
        self.russian_of.setdefault(entry.id, russian[0])
        for text in russian:
            glossary_words.setdefault(text.casefold(), entry.id)
        for rendering in entry.approved("en"):
            self.approved.setdefault(fold(rendering.text).casefold(), (entry.id, rendering.text, russian[0]))
        if entry.origin is not None and entry.origin.lang == "ru" and entry.kind in NAME_KINDS:
            for word in re.findall(r"[А-ЯЁа-яё]+", entry.origin.text):
                if not (len(word) > 1 and word.isupper()):
                    self._add_word(entry.id, word)

    def _add_word(self, key: str, word: str, order: int = 0) -> None:
        for scheme in ENGLISH_SCHEMES:
            display = romanize(word, scheme.key)
            self.forms.setdefault(display.casefold(), []).append(_Form(key, word, scheme.key, display, order))

    def _bucket(self) -> None:
        for form in list(self.forms) + list(self.approved):
            if form:
                self._by_initial.setdefault(form[0], []).append(form)
        for form in list(self.forms) + list(self.approved) + [t for t in self.translated if " " not in t]:
            if len(form) >= 4:
                self._by_prefix.setdefault(form[:4], []).append(form)

    def __len__(self) -> int:
        return len(self.forms)

    def verdict(self, token: str) -> Verdict:
        """Judge one Latin word (a name as written in the document)."""
        t = fold(token).casefold()
        if t in self.approved:
            key, text, russian = self.approved[t]
            return Verdict("approved", token, key, russian, text, ("glossary",))
        if t in self.translated:
            # An exonym is a translation even where a scheme happens to spell it the same
            # way (ISO 9 without diacritics writes Индия as "India").
            exonym_key = self.translated[t]
            return Verdict("translated", token, exonym_key, self.russian_of.get(exonym_key) if exonym_key else None, token)
        found = self.forms.get(t)
        if found:
            key = found[0].key
            schemes = tuple(sorted({f.scheme for f in found if f.key == key}, key=_SCHEME_ORDER.__getitem__))
            russian = next(f.russian for f in found if f.key == key)
            return Verdict("accepted", token, key, self._russian(key, russian), token, schemes)
        if len(t) < 4:
            return Verdict("none", token)
        for form in self._by_prefix.get(t[:4], ()):
            if _derived(t, form) and not self._sign_rendered(t, form):
                return Verdict("derived", token, form=form)
        return self._nearest(token, t)

    def _sign_rendered(self, t: str, form: str) -> bool:
        """True when `t` is `form` with a letter standing for the soft or hard sign that
        ends the Russian word ("Rosnefty" for «Роснефть»): a scheme that wrote the sign so
        would have made `t` an accepted form, so this is a drift, not an English ending."""
        rest = t[len(form):] if t.startswith(form) else ""
        if rest not in ("y", "i", "j", "e"):
            return False
        words = [f.russian for f in self.forms.get(form, ())]
        if form in self.approved:
            words.append(self.approved[form][2])
        return any(w.rstrip().endswith(("ь", "ъ", "Ь", "Ъ")) for w in words)

    def _nearest(self, token: str, t: str) -> Verdict:
        from rapidfuzz.distance import Levenshtein  # lazy: only documents with names pay

        best: tuple[int, int, int, int, int, str] | None = None
        near: list[str] = []
        a = anglicised(t)
        candidates = list(self._by_initial.get(t[0], ()))
        if a[:1] != t[:1]:
            candidates += self._by_initial.get(a[0], ())
        for form in candidates:
            if form == t:
                continue
            dist = Levenshtein.distance(t, form, score_cutoff=drift_limit(form))
            if dist > drift_limit(form):
                dist = 1 if a == anglicised(form) else 99
            if dist > drift_limit(form):
                continue
            near.append(form)
            rank = self._rank(form)
            # Between equally near forms, the one whose ending agrees with the word's: a
            # woman's surname ends in -a in English (Zakharova), a man's does not (Yeltsin).
            gender = int(form.endswith("a") != t.endswith("a"))
            cand = (dist, gender, rank, self._order(form), -len(form), form)
            if best is None or cand < best:
                best = cand
        if best is None:
            return Verdict("none", token)
        dist, _gender, _rank, _order, _len, form = best
        if form in self.approved:
            key, text, russian = self.approved[form]
            return Verdict("drift", token, key, russian, match_case(text, token), ("glossary",), dist)
        foreign = self._transcribed(token, near)
        if foreign is not None:
            return foreign
        entries = self.forms[form]
        key = entries[0].key
        schemes = tuple(sorted({f.scheme for f in entries if f.key == key}, key=_SCHEME_ORDER.__getitem__))
        display = match_case(entries[0].display, token)
        return Verdict("drift", token, key, self._russian(key, entries[0].russian), display, schemes, dist)

    def _transcribed(self, token: str, near: list[str]) -> Verdict | None:
        """A ``transcribed`` verdict when some Russian name behind the near forms is a
        foreign name that transcribes `token` (not a Russian name, which it would drift from)."""
        for form in near:
            for f in self.forms.get(form, ()):
                if foreign_transcription(token, f.russian, f.russian.casefold() in self.native):
                    return Verdict("transcribed", token, f.key, self._russian(f.key, f.russian), token)
        return None

    def _russian(self, key: str, word: str) -> str:
        """The Russian word behind a form: for a name of the document, the reading the form
        romanises (Горбачев or Горбачева, whichever is nearer the Latin word), for a
        glossary entry its Russian form."""
        if key.startswith("ru:"):
            return word
        return self.russian_of.get(key, word)

    def _order(self, form: str) -> int:
        return min((f.order for f in self.forms.get(form, ())), default=0)

    def _rank(self, form: str) -> int:
        if form in self.approved:
            return -1  # the glossary's own form is the best suggestion
        schemes = {f.scheme for f in self.forms[form]}
        if self.house in schemes:
            return 0
        return 1 + min(_SCHEME_ORDER[s] for s in schemes)

    def foreign(self, verdict: Verdict) -> bool:
        """True when an accepted word is also the original spelling of the foreign name its
        Russian word transcribes (Hakan for «Хакан», Rutte for «Рютте»): a scheme happens to
        give it, but it is the model of the Russian, not a romanisation of it."""
        t = fold(verdict.token).casefold()
        return any(foreign_transcription(verdict.token, f.russian, f.russian.casefold() in self.native)
                   for f in self.forms.get(t, ()) if f.key == verdict.key)

    def house_form(self, verdict: Verdict) -> str | None:
        """The house scheme's romanisation of the Russian word behind an accepted verdict."""
        t = fold(verdict.token).casefold()
        for f in self.forms.get(t, ()):
            if f.key == verdict.key:
                return match_case(romanize(f.russian, self.house), verdict.token)
        return None


#: English endings that make an adjective, demonym or plural of a name whose final vowel
#: they replace (Ukraine → Ukrainian, China → Chinese, Europe → European).
_ENDINGS = frozenset({"ian", "ians", "an", "ans", "n", "ns", "ese", "i", "is", "s", "ish", "ic", "ist", "ists", "ism", "ite", "ites"})


#: Endings English adds to a whole name (Kremlin, Putinism, Putinist, Moscovite).
_SUFFIXES_AFTER_NAME = frozenset({"in", "ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "ese", "ic", "ish",
                                  "ism's", "y", "ov", "ev", "ova", "eva"})


def _derived(t: str, form: str) -> bool:
    """True when `t` is `form` plus a short English ending (Kremlin, Pakistani, Chinese)."""
    if len(t) <= len(form):
        return False
    if t.startswith(form):
        # An English ending (Kremlin, Putinism, Moscow's), not another language's
        # ("Yeltsine" is French, a drift).
        rest = t[len(form):]
        return len(rest) <= 4 and (rest in _ENDINGS or rest in _SUFFIXES_AFTER_NAME)
    return form[-1] in "aeiy" and t.startswith(form[:-1]) and t[len(form) - 1:] in _ENDINGS


def outlet_latin_forms(outlet: str, glossary: Glossary | None = None) -> tuple[list[str], Entry | None]:
    """The Latin forms a Cyrillic outlet name may have, and its glossary entry if it has one.

    Every English scheme's romanisation («Коммерсантъ» → Kommersant, Kommersant"), and
    the approved English forms of a glossary entry whose Russian `origin` or approved
    Russian rendering is the outlet («РБК» → RBC, whose domain is rbc.ru): what its URL's
    domain is compared with.
    """
    forms = list(dict.fromkeys(romanize(outlet, s.key) for s in ENGLISH_SCHEMES))
    found: Entry | None = None
    if glossary is not None:
        key = _outlet_key(outlet)
        for entry in glossary:
            if entry.kind not in NAME_KINDS:
                continue
            russian = [entry.origin.text] if entry.origin is not None and entry.origin.lang == "ru" else []
            russian += [r.text for r in entry.approved("ru") if has_cyrillic(r.text)]
            if any(_outlet_key(r) == key for r in russian):
                found = entry
                forms += [r.text for r in entry.approved("en")]
                break
    return forms, found


def _outlet_key(text: str) -> str:
    return re.sub(r"[\W_ъЪ]+", "", text.casefold().replace("ё", "е"))


def latin_names(plain: str) -> Iterator[tuple[int, int, str]]:
    """Capitalised Latin words of a prose text that may be names: (start, end, word).

    Acronyms (all capitals) and words of fewer than three letters are left out, except in
    a text all in capitals (a headline), whose words of four letters or more count; a word
    glued to a digit or a dot-domain ("F-35", "Lenta.ru") is still a word.
    """
    words = list(_LATIN_WORD.finditer(plain))
    # A headline in capitals ("ERMAKOFF: ANKARA WILL KEEP THE S-400") names people in
    # capitals too: its words of four letters or more are checked (shorter ones are
    # acronyms more often than names).
    long_words = [m.group() for m in words if len(m.group()) >= 2]
    headline = len(long_words) >= 3 and all(w.isupper() for w in long_words)
    for m in words:
        word = m.group()
        if len(word) < 3 or not word[0].isupper():
            continue
        if word.isupper() and not (headline and len(word) >= 4):
            continue
        yield m.start(), m.end(), word
