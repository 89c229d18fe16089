"""What every language's morphology gives the matching core: folding, variants, suffixes.

A `Morphology` turns one glossary rendering into the surface forms the core compiles into
its Aho-Corasick automaton (`variants`), says how text is folded for case-insensitive
matching without changing its length (`fold`), which suffix may follow a matched form
(`extend`: Turkish `'ın`, English `'s`), and, for languages matched through stems, whether
a text word continues a stemmed form (`stem_ok`).

Morphology only relaxes approved matches: every generated form has strength `GENERATED`,
below the literal glossary forms, and the core drops generated rejected forms that collide
with an approved one, so inflection never invents an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from termguard.glossary.model import Entry, Rendering

#: A form written in the glossary, compared with its case (CAATSA, or a case-sensitive name).
LITERAL_EXACT = 2
#: A form written in the glossary, compared case-insensitively.
LITERAL_FOLDED = 1
#: A form produced by morphology (inflection, plural, hyphen variant, stem).
GENERATED = 0

# Characters that fold to one ASCII form in every language: typographic apostrophes,
# Unicode hyphens and no-break spaces. One character to one character, so offsets hold.
#: Texts at least this long (a block's texts joined, `termguard.triggers`) are folded and blanked one
#: distinct character at a time: `str.translate` and regular expressions stop at every one.
LONG_TEXT = 4096

COMMON_FOLD = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ",
    # A line break or tab inside a PO string or a paragraph separates words as a space does.
    "\n": " ", "\t": " ", "\r": " ",
}
# Every other character Unicode calls white space (`str.isspace`: form feed, NEL, en and em
# spaces, hair space, line and paragraph separators, ideographic space, ...) separates
# words as a space does too. Zero-width characters (U+200B, U+2060, U+FEFF) and the soft
# hyphen are format characters, not white space: they stay as they are.
# (Written out: `tests/morph/test_whitespace_runs.py` checks it against `str.isspace`.)
COMMON_FOLD.update(dict.fromkeys(
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2008\u200a\u2028\u2029\u205f\u3000",
    " ",
))

def is_acronym(word: str) -> bool:
    """True for a word written in capitals (two or more letters, none lowercase): CAATSA, СВО, NGS."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def has_acronym_shape(text: str) -> bool:
    """True when every word of `text` with two or more letters is in capitals (`S-400`, `CAATSA`)."""
    words = [w for w in re.findall(r"[^\W_]+", text) if sum(c.isalpha() for c in w) >= 2]
    return bool(words) and all(is_acronym(w) for w in words)


@dataclass(frozen=True, slots=True)
class Variant:
    """One surface form of a rendering.

    `text` is the form as it stands in prose (with its case); `strength` says whether it is
    the glossary's own form or a generated one; `stem` is set for a stemmed form: `text` is
    then the beginning of the form, and a text word that continues it matches when
    `Morphology.stem_ok(word, stem)` says so.
    """

    text: str
    strength: int
    stem: str | None = None


class Morphology:
    """Exact matching with Unicode folding: the base every language refines."""

    #: BCP 47 code this morphology was built for.
    lang: str = ""
    #: One line for `termguard rules`/README: what matching this language gets.
    description = "exact forms (case folding, Unicode apostrophes and hyphens)"

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._table = str.maketrans(self.fold_table())
        self._special = re.compile("[" + re.escape("".join(self.fold_table())) + "]")
        self._table_map = self.fold_table()
        # Replacing one character after another equals `translate` only when no
        # replacement is itself replaced.
        self._table_chars = frozenset(self._table_map) if not set(self._table_map.values()) & set(self._table_map) else None

    def fold_table(self) -> dict[str, str]:
        """One-to-one character replacements applied before lowercasing."""
        return dict(COMMON_FOLD)

    def fold(self, text: str) -> str:
        """Lowercase `text` for matching, keeping its length (offsets map one to one)."""
        if self._special.search(text):
            text = self._translate(text)
        folded = text.lower()
        if len(folded) != len(text):
            # İ (U+0130) is the one character that lowercases to two (i̇): keep it as it is,
            # so offsets map one to one (Turkish folds it to i in its table beforehand).
            folded = "\u0130".join(part.lower() for part in text.split("\u0130"))
        return folded

    def fold_exact(self, text: str) -> str:
        """Normalise apostrophes, hyphens and spaces but keep the case (for case-sensitive forms)."""
        if self._special.search(text):
            return self._translate(text)
        return text

    def _translate(self, text: str) -> str:
        """The fold table applied; on long texts (a block's texts joined) one
        `replace` per table character present, many times faster than `str.translate`."""
        if len(text) < LONG_TEXT or self._table_chars is None:
            return text.translate(self._table)
        for ch in self._table_chars:
            if ch in text:
                text = text.replace(ch, self._table_map[ch])
        return text

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The surface forms of a rendering; the base gives the literal form only."""
        yield Variant(rendering.text.strip(), LITERAL_FOLDED)

    def built(self) -> None:
        """Called when a matcher has all its forms: drop what only building needed."""

    def extend(self, folded: str, end: int) -> int:
        """Where a match ending at `end` really ends, after a suffix the language attaches."""
        return end

    def stem_ok(self, word: str, stem: str) -> bool:
        """Whether the folded text word `word` is a form of a word with stem `stem`."""
        return False

    # -- what the matcher asks of a language beyond forms --------------------------------

    def upper(self, text: str) -> str:
        """`text` in capitals as this language writes them (Turkish i → İ, ı → I).

        A case-sensitive form (a name, an outlet) also matches a text in capitals written
        with its language's capitals: a headline «ТРИУМПФ», `ERDOĞAN'IN`.
        """
        return text.upper()

    def miscased(self, text: str) -> tuple[str, ...]:
        """Wrong-case spellings of an approved acronym (`СВО` → `Сво`) that are not words
        of the language: the matcher reports them as forbidden forms. None by default
        (English house styles write Nato)."""
        return ()

    def miscased_ok(self, word: str) -> bool:
        """Whether a text word matched by a `miscased` spelling is that acronym in the wrong
        case, not a word of the language that happens to be spelt alike (asked only when
        such a word is found, so no dictionary is loaded for it otherwise)."""
        return True

    def name_reading(self, word: str, suffix: str = "", form: str = "") -> bool:
        """Whether a capitalised text word (with the suffix the language attaches, `'ın`;
        `form` is the glossary form it matched) can be a person's name: a lowercase
        rejected form then does not match it in mid-sentence. False by default (no
        analyser to ask)."""
        return False

    def inflect_like(self, preferred: str, found: str, lemma: str | None = None) -> str | None:
        """`preferred` in the case and number of the text `found` (a form of `lemma`), or
        None when the language does not inflect it (the preferred form is then given as is)."""
        return None

    #: True when a rejected multi-word form also matches with one agreeing word between
    #: its words (Russian: «система турецкой ПВО» for a forbidden «система ПВО»); the
    #: matcher then asks `fits_gap` about the word.
    gaps = False

    def fits_gap(self, word: str, following: str) -> bool:
        """Whether the folded text word `word` may stand inside a multi-word form, before
        its word `following` (an adjective agreeing with it)."""
        return False
