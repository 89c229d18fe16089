"""Put a replacement term into the grammatical form of the text it replaces.

A fix for a forbidden rendering must not leave a grammatical error behind:

* Russian: the forbidden form found in the text («Триумпфа») is analysed as a form of the
  forbidden rendering («Триумпф») in some case and number (genitive singular); the
  preferred rendering («Триумф») is put in that same case and number («Триумфа»), with the
  adjectives of a multi-word term agreeing with its head noun in case, number and gender.
  When the found form reads as several cases that give different preferred forms, the
  result is not reliable.
* Turkish: a suffix after the apostrophe (`Triumph'un`) is kept, and re-harmonised when
  the new stem ends differently: two- and four-fold vowel harmony, buffer consonants
  (n, s, y) after a vowel, and d/t assimilation after a voiceless consonant. The suffix is
  parsed as a chain of known nominal suffixes written for the old stem; when it cannot be
  parsed, or a stem's sound cannot be told from its spelling (digits, acronyms, letters
  outside the Turkish alphabet; a re-harmonised suffix also after two vowels together, a
  silent final e or a palatal l: Renault, Mike, Kemal), the result is not reliable.

Each function returns `(text, reliable)`; an unreliable result is offered as an unsafe fix.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NUMBERS = ("sing", "plur")
_WORD = re.compile(r"[^\W\d_]+")


def _upper(text: str, lang: str | None) -> str:
    """Capitals as the language writes them: Turkish and Azerbaijani i → İ, ı → I."""
    if lang is not None and lang.replace("-", "_").split("_")[0].lower() in ("tr", "az"):
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()


def recase(form: str, model: str, lang: str | None = None) -> str:
    """`form` with the capitalisation of `model` (all capitals, or a leading capital), in
    `lang`'s capitals."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not form.isupper():
        return _upper(form, lang)
    if model[:1].isupper() and form[:1].islower():
        return _upper(form[:1], lang) + form[1:]
    return form


# --- Russian ---------------------------------------------------------------------------


def _morph():
    from termguard.morph.russian import analyzer

    return analyzer()


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=4096)
def _noun(word: str):
    """The nominative noun parse of a word (dictionary or guessed), if any."""
    for p in _morph().parse(word):
        if p.tag.POS == "NOUN" and p.tag.case == "nomn":
            return p
    return None


@lru_cache(maxsize=4096)
def _adjective(word: str):
    for p in _morph().parse(word):
        if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn":
            return p
    return None


@lru_cache(maxsize=8192)
def russian_form(term: str, case: str, number: str) -> str | None:
    """`term` (a rendering in the nominative) put in `case` and `number`, adjectives before
    its head noun agreeing with it; words after the head and Latin or digit words stay.
    None when the term has no Russian head noun to inflect."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(term)]
    head = None
    adjectives: list[int] = []
    for i, (_s, e, w) in enumerate(words):
        low = _fold(w)
        compound = term[e:e + 1] == "-" and term[e + 1:e + 2].isalpha()  # Нью-Йорк: the first part stays
        if not re.fullmatch(r"[а-я]{2,}", low) or (len(w) > 1 and w.isupper()) or compound:
            if head is None and adjectives:
                return None
            continue
        is_last = i == len(words) - 1
        if not is_last and _adjective(low) is not None and head is None:
            adjectives.append(i)
            continue
        if head is None:
            head = i
            break
    if head is None:
        return None
    noun = _noun(_fold(words[head][2]))
    if noun is None:
        return None
    grams = {case, number}
    form = noun.inflect(grams)
    if form is None:
        return None
    gender, animacy = noun.tag.gender, noun.tag.animacy
    replaced = {head: form.word}
    for i in adjectives:
        adj = _adjective(_fold(words[i][2]))
        want = {case, number}
        if number == "sing" and gender:
            want.add(gender)
        found = None
        if case == "accs" and animacy:
            found = adj.inflect(want | {animacy})
        found = found or adj.inflect(want)
        if found is None:
            return None
        replaced[i] = found.word
    out, pos = [], 0
    for i, (s, e, w) in enumerate(words):
        if i in replaced:
            out.append(term[pos:s])
            out.append(recase(replaced[i], w))
            pos = e
    out.append(term[pos:])
    return "".join(out)


def russian_refit(found: str, lemma: str, preferred: str) -> tuple[str, bool] | None:
    """`preferred` in the case and number in which `found` is a form of `lemma`.

    Reliable when every reading of `found` gives the same preferred form. None when
    `found` is no form of `lemma` that can be generated (the caller then falls back).
    """
    target = _fold(found)
    results: list[str] = []
    singular = False
    for case, number in itertools.product(_CASES, _NUMBERS):
        form = russian_form(lemma, case, number)
        if form is None or _fold(form) != target:
            continue
        new = russian_form(preferred, case, number)
        if new is None:
            return None
        singular = singular or number == "sing"
        if new not in results:
            results.append(new)
    if not results:
        return None
    # A singular head of another gender («система» → «комплекс») leaves the words outside
    # the term that agree with it as they were («новая … прибыла»): not reliable.
    regendered = singular and _head_gender(lemma) != _head_gender(preferred)
    return recase(results[0], found), len(results) == 1 and not regendered


def _head_gender(term: str) -> str | None:
    """The gender of a term's head noun (the noun `russian_form` inflects), if it has one."""
    for m in _WORD.finditer(term):
        low = _fold(m.group())
        if not re.fullmatch(r"[а-я]{2,}", low) or (_adjective(low) is not None and m.end() < len(term.rstrip())):
            continue
        noun = _noun(low)
        return str(noun.tag.gender) if noun is not None and noun.tag.gender else None
    return None


# --- Turkish ---------------------------------------------------------------------------

_BACK = "aıou"
_FRONT = "eiöü"
_VOWELS = _BACK + _FRONT
_VOICELESS = "fstkçşhp"
_TURKISH_LETTERS = set("abcçdefgğhıijklmnoöprsştuüvyz")

# Nominal suffix templates, in the order they attach. Archiphonemes: A = a/e, I = ı/i/u/ü,
# D = d/t; a letter in parentheses is a buffer written only after a vowel.
_PLURAL = ("lAr",)
# Only the third person: a name after an apostrophe does not take "my"/"your" (Ankara'm), and
# counting -(I)n "your" would make every genitive -In ambiguous.
_POSSESSIVE = ("(s)I",)
_CASE_SUFFIXES = ("(n)In", "(y)I", "(y)A", "DA", "DAn", "(y)lA")
_AFTER_POSSESSIVE = ("nIn", "nI", "nA", "ndA", "ndAn")  # the pronominal n after -(s)I
_TAIL = ("ki", "DIr")


@lru_cache(maxsize=1)
def _chains() -> tuple[tuple[str, ...], ...]:
    """Every suffix chain the re-harmoniser understands (plural? possessive? case? tail?)."""
    out: list[tuple[str, ...]] = []
    for plural in ((), _PLURAL):
        for poss in ((), *((p,) for p in _POSSESSIVE)):
            cases = _AFTER_POSSESSIVE + _CASE_SUFFIXES[3:] if poss == ("(s)I",) else _CASE_SUFFIXES
            for case in ((), *((c,) for c in cases)):
                for tail in ((), *((t,) for t in _TAIL)):
                    chain = plural + poss + case + tail
                    if chain:
                        out.append(chain)
    return tuple(out)


def _lower_tr(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def _state(stem: str) -> tuple[str, bool, bool] | None:
    """(last vowel, ends in a vowel, ends in a voiceless consonant) of a stem as spelled,
    or None when its sound cannot be told from its spelling."""
    word = _WORD.findall(stem)
    if not word or not stem[-1:].isalpha():
        return None  # ends in a digit or a sign: read aloud, not spelled (S-400'ün)
    last = word[-1]
    if len(last) > 1 and last.isupper():
        return None  # an acronym is read letter by letter or as a word: cannot tell
    low = _lower_tr(last)
    if not set(low) <= _TURKISH_LETTERS:
        return None
    vowels = [c for c in low if c in _VOWELS]
    if not vowels:
        return None
    return vowels[-1], low[-1] in _VOWELS, low[-1] in _VOICELESS


def _render(chain: tuple[str, ...], state: tuple[str, bool, bool]) -> str:
    """A suffix chain written after a stem in `state`."""
    vowel, ends_vowel, voiceless = state
    out: list[str] = []
    for template in chain:
        for tok in re.findall(r"\(.\)|.", template):
            if tok.startswith("("):
                buffer = tok[1]
                if (buffer == "I") == ends_vowel:
                    continue  # a buffer consonant only after a vowel, a buffer vowel only after a consonant
                ch = _four(vowel) if buffer == "I" else buffer
            elif tok == "A":
                ch = "a" if vowel in _BACK else "e"
            elif tok == "I":
                ch = _four(vowel)
            elif tok == "D":
                ch = "t" if voiceless and not ends_vowel else "d"
            else:
                ch = tok
            out.append(ch)
            if ch in _VOWELS:
                vowel, ends_vowel, voiceless = ch, True, False
            else:
                ends_vowel, voiceless = False, ch in _VOICELESS
    return "".join(out)


def _four(vowel: str) -> str:
    """The four-fold harmony vowel after `vowel`."""
    return {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[vowel]


def turkish_resuffix(old_stem: str, suffix: str, new_stem: str) -> tuple[str, bool]:
    """The suffix written after `old_stem` (without its apostrophe) rewritten for `new_stem`.

    Kept as it is, reliably, when both stems end alike (same last vowel, vowel or
    consonant ending and voicing); otherwise parsed as a chain of nominal suffixes for the
    old stem and written again for the new one. Unreliable (the suffix returned as it was)
    when a stem's sound cannot be told from its spelling or the suffix is not understood.
    """
    old, new = _state(old_stem), _state(new_stem)
    if _ending(old_stem) == _ending(new_stem):
        return suffix, True
    if old is not None and new is not None and old == new:
        return suffix, True
    low = _lower_tr(suffix)
    in_capitals = False
    if (old is None or new is None) and _in_capitals(old_stem, suffix, new_stem):
        # A text in capitals (a headline: BAKU'DAKİ) looks like an acronym; when the suffix
        # as written is the one the old stem takes read as a word, the writer reads it so,
        # and the new stem (the same name's preferred form) is read as spelled too. Still a
        # guess about the new stem's reading: the result is not reliable.
        spelled_old, spelled_new = _state(_lower_tr(old_stem)), _state(_lower_tr(new_stem))
        if spelled_old is not None and spelled_new is not None and any(
                _render(chain, spelled_old) == low for chain in _chains()):
            old, new, in_capitals = spelled_old, spelled_new, True
    if old is None or new is None:
        return suffix, False
    # One suffix may parse as several chains (-ı: possessive -(s)I or accusative -(y)I after
    # a consonant) that a vowel-final stem writes differently (-sı, -yı): then it is unsure.
    rendered = {_render(chain, new) for chain in _chains() if _render(chain, old) == low}
    if len(rendered) != 1:
        return suffix, False
    (out,) = rendered
    if suffix.isupper() and (len(suffix) > 1 or in_capitals):
        out = _upper_tr(out)  # Turkish capitals: deki → DEKİ, not DEKI
    return out, _read_as_spelled(new_stem) and not in_capitals


def _upper_tr(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def _in_capitals(old_stem: str, suffix: str, new_stem: str) -> bool:
    """The stems' last words and the suffix are all in capitals: a text written in capitals."""
    old_words, new_words = _WORD.findall(old_stem), _WORD.findall(new_stem)
    return bool(old_words and new_words and suffix.isalpha() and suffix.isupper()
                and old_words[-1].isupper() and new_words[-1].isupper())


# Endings whose sound the spelling does not give: two vowels together (Renault, George),
# a silent final e (Mike, Rose), a palatal l after a back vowel (Kemal'e, gol'ü).
_UNSPELLED = re.compile(r"(?:[aeıioöuü]{2}[^aeıioöuü]*|[aıiou][^aeıioöuü]e|[aıou]l)$")


def _read_as_spelled(stem: str) -> bool:
    """Whether a suffix written for `stem` by its spelling is surely right: a stem whose
    last syllable is spelled the Turkish way (loans and foreign names often are not)."""
    return not _UNSPELLED.search(_lower_tr(_WORD.findall(stem)[-1]))


def _ending(stem: str) -> str:
    """The stem from its last vowel on (what a suffix's shape depends on), lowercased; for a
    stem ending in a number, the number (S-400 and С-400 are both read "dört yüz")."""
    low = _lower_tr(stem)
    number = re.search(r"\d[\d.,]*$", low)
    if number:
        return number.group()
    for i in range(len(low) - 1, -1, -1):
        if low[i] in _VOWELS:
            return low[i:]
    return low
