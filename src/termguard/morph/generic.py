"""Languages without a dedicated module: Snowball stems where PyStemmer has the language.

The last word of a common term (not a name in capitals, not an acronym, not `exact`) is
matched through its stem: the automaton holds the term up to the stem, and a text word
that continues it matches when the Snowball stemmer gives it the same stem (German
`Raketen` for `Rakete`). Everything else, and every language PyStemmer lacks, is matched
exactly with case folding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from termguard.glossary.model import Entry, Rendering
from termguard.morph.base import GENERATED, LITERAL_FOLDED, Morphology, Variant, is_acronym

#: BCP 47 language → Snowball algorithm name in PyStemmer.
STEMMER_LANGS = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "eo": "esperanto", "et": "estonian", "fi": "finnish",
    "fr": "french", "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
    "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "sr": "serbian", "st": "sesotho", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "yi": "yiddish",
}
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]++)$")  # from a word's start only: linear


class _Stems(Protocol):
    """What is used of a PyStemmer `Stemmer.Stemmer`."""

    def stemWord(self, word: str) -> str: ...


def _stemmer(algorithm: str) -> _Stems | None:
    try:
        import Stemmer
    except ImportError:  # pragma: no cover - PyStemmer is a dependency
        return None
    if algorithm not in Stemmer.algorithms():
        return None
    return Stemmer.Stemmer(algorithm)


class StemMorphology(Morphology):
    """Snowball stems for the last word of common terms."""

    #: Shortest stem worth matching on: shorter ones would match unrelated words.
    MIN_STEM = 3
    _STEM_CACHE_SIZE = 200_000

    def __init__(self, lang: str, algorithm: str) -> None:
        super().__init__(lang)
        self.algorithm = algorithm
        self.description = f"Snowball stems ({algorithm}) for the last word of common terms"
        self._stemmer = _stemmer(algorithm)
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The stem of a folded word, cached per distinct word."""
        s = self._stems.get(word)
        if s is None:
            if len(self._stems) >= self._STEM_CACHE_SIZE:
                self._stems.clear()
            # Only stems of variants are compared, and there are none without a stemmer.
            assert self._stemmer is not None
            s = self._stems[word] = self._stemmer.stemWord(word)
        return s

    def stemmable(self, entry: Entry, rendering: Rendering, word: str) -> bool:
        """Whether the last word of a rendering is matched through its stem."""
        return not (rendering.exact or rendering.indeclinable or is_acronym(word) or len(word) < self.MIN_STEM + 1)

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The literal form, and the form cut at the stem of its last word."""
        text = rendering.text.strip()
        yield Variant(text, LITERAL_FOLDED)
        m = _LAST_WORD.search(text)
        if self._stemmer is None or m is None or not self.stemmable(entry, rendering, m.group(1)):
            return
        word = self.fold(m.group(1))
        s = self.stem(word)
        if len(s) >= self.MIN_STEM and word.startswith(s):
            yield Variant(text[: m.start(1) + len(s)], GENERATED, stem=s)

    def stem_ok(self, word: str, stem: str) -> bool:
        """A text word matches when the stemmer gives it the term's stem."""
        return self.stem(word) == stem


def generic_morphology(lang: str) -> Morphology:
    """Stems where PyStemmer has the language, exact matching otherwise."""
    algorithm = STEMMER_LANGS.get(lang.replace("-", "_").split("_")[0].lower())
    if algorithm and _stemmer(algorithm) is not None:
        return StemMorphology(lang, algorithm)
    return Morphology(lang)
