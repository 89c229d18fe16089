"""English: plurals (S-400s), possessives (Triumf's, the S-400s'), hyphen/space variants.

English inflects terms little, and regularly: a plural on the last word, a possessive
`'s` after it. Plurals are generated up front; the possessive is a suffix the core lets a
match run into. Hyphenated approved forms also match written with a space or closed up
(`air-defence`, `air defence`), and spaced lowercase forms with a hyphen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termguard.glossary.model import Entry, Rendering
from termguard.morph.base import GENERATED, LITERAL_FOLDED, Morphology, Variant

_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_LOWER_SPACE = re.compile(r"(?<=[a-z]) (?=[a-z])")


def plural(form: str) -> str | None:
    """The regular plural of the last word of `form` (None when it has no last word)."""
    if not form or not form[-1].isalnum():
        return None
    low = form.lower()
    upper = form[-1].isupper() and len(form) > 1 and form[-2:].isupper()
    if form[-1].isdigit() or upper:
        return form + "s"  # S-400s, CAATSAs: designations and acronyms take a bare s
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return form + "es"
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


class EnglishMorphology(Morphology):
    """Plurals and hyphen variants generated; possessives matched as suffixes."""

    description = "plurals (S-400s), possessives (Triumf's), hyphen/space variants"

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The literal form, its plural, and (approved forms) hyphen/space variants."""
        text = rendering.text.strip()
        yield Variant(text, LITERAL_FOLDED)
        if rendering.exact:
            return
        forms = [text]
        if rendering.approved:
            if _LETTER_HYPHEN.search(text):
                forms += [_LETTER_HYPHEN.sub(" ", text), _LETTER_HYPHEN.sub("", text)]
            if _LOWER_SPACE.search(text):
                forms.append(_LOWER_SPACE.sub("-", text))
        for i, form in enumerate(forms):
            if i:
                yield Variant(form, GENERATED)
            if not rendering.indeclinable:
                pl = plural(form)
                if pl:
                    yield Variant(pl, GENERATED)

    def extend(self, folded: str, end: int) -> int:
        """Run a match into a possessive: `Triumf's`, `the S-400s'`."""
        if end < len(folded) and folded[end] == "'":
            after = end + 1
            if folded[after : after + 1] == "s" and (after + 1 == len(folded) or not folded[after + 1].isalnum()):
                return after + 1
            if folded[end - 1] == "s" and (after == len(folded) or not folded[after].isalnum()):
                return after
        return end
