"""Glossary drift: an entry's English form that no scheme gives for its Russian `origin`.

`drifting_forms(entry)` is what rule TG506 `glossary-drift` (`termguard glossary lint`)
reports. An English form is fine when a romanisation scheme produces it from the
origin (word by word, schemes may differ per word), when it is the CLDR exonym of the
origin, or when it is far from every romanisation (a translation, not a transliteration:
"Presidency of Defense Industries"). It *drifts* when it is a small edit or an
anglicisation away from a romanisation ("Triumph" for «Триумф», "Rosoboronexport" for
«Рособоронэкспорт», "RBC" for «РБК») and the entry's note does not mark it conventional.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from termguard.translit.align import NAME_KINDS, anglicised, drift_limit, match_case, scheme_label
from termguard.translit.exonyms import translate_name
from termguard.translit.schemes import ENGLISH_SCHEMES, fold, romanize

if TYPE_CHECKING:
    from termguard.glossary.model import Entry, Rendering

#: Words in a note (or a rendering's note) that mark a form as a deliberate convention.
CONVENTIONAL = re.compile(
    r"(?i)\b(conventional(ly)?|convention|traditional(ly)?|established|customary|exonym|"
    r"official (english |latin )?(name|spelling|form)|house style|brand|trademark)\b"
)
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _words(text: str) -> list[str]:
    return [fold(w).casefold() for w in _WORD.findall(text)]


def _accepted(form: str, origin: str) -> bool:
    """True when a scheme gives `form` for `origin`, whole or word by word, or CLDR translates it."""
    whole = fold(form).casefold()
    if any(romanize(origin, s.key).casefold() == whole for s in ENGLISH_SCHEMES):
        return True
    if any(fold(en).casefold() == whole for en in translate_name(origin)):
        return True
    ours, theirs = _words(form), _words(origin)
    if len(ours) != len(theirs) or not ours:
        return False
    return all(any(romanize(ow, s.key).casefold() == w for s in ENGLISH_SCHEMES) for ow, w in zip(theirs, ours))


def nearest(form: str, origin: str) -> tuple[str, tuple[str, ...], int] | None:
    """The closest romanisation of `origin` to `form`: (text, scheme keys, distance), if close."""
    from rapidfuzz.distance import Levenshtein

    target = fold(form).casefold()
    by_form: dict[str, list[str]] = {}
    for s in ENGLISH_SCHEMES:
        by_form.setdefault(romanize(origin, s.key), []).append(s.key)
    best: tuple[int, int, str] | None = None
    for order, (text, _schemes) in enumerate(by_form.items()):
        cand = text.casefold()
        dist = Levenshtein.distance(target, cand)
        if dist > drift_limit(cand):
            dist = 1 if anglicised(target) == anglicised(cand) else 99
        if dist <= drift_limit(cand) and (best is None or (dist, order) < best[:2]):
            best = (dist, order, text)
    if best is None:
        return None
    text = best[2]
    return match_case(text, form), tuple(by_form[text]), best[0]


def check_entry(entry: Entry) -> str | None:
    """Why an entry's English form drifts from its Russian origin, or None when it does not."""
    found = list(drifting_forms(entry))
    return found[0][1] if found else None


def drifting_forms(entry: Entry) -> Iterator[tuple[Rendering, str]]:
    """(rendering, message) for each approved English form that drifts from the origin."""
    origin = entry.origin
    if origin is None or origin.lang != "ru" or entry.kind not in NAME_KINDS or entry.dnt:
        return
    if entry.note and CONVENTIONAL.search(entry.note):
        return
    for rendering in entry.approved("en"):
        if rendering.note and CONVENTIONAL.search(rendering.note):
            continue
        if _accepted(rendering.text, origin.text):
            continue
        near = nearest(rendering.text, origin.text)
        if near is None:
            continue  # far from every romanisation: a translation, not a drifted spelling
        text, schemes, _dist = near
        labels = ", ".join(scheme_label(s) for s in schemes[:3]) + (f", +{len(schemes) - 3} more" if len(schemes) > 3 else "")
        yield rendering, (
            f"English form “{rendering.text}” of '{entry.id}' drifts from its origin «{origin.text}»: "
            f"no romanisation scheme gives it (nearest “{text}”, {labels}); "
            f"use that form, or say in the note that “{rendering.text}” is the conventional spelling"
        )
