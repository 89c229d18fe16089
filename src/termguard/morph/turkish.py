"""Turkish: apostrophe suffixes, dotted/dotless i folding, stems for common nouns.

* Proper names, acronyms and numbers take their case suffixes after an apostrophe:
  `Erdoğan'ın`, `S-400'lerin`, `Akkuyu’da` (typographic apostrophe too). The suffix
  attaches to the last word of a multi-word term only (`Akkuyu NGS'de`), which the
  automaton gives for free: the whole term is matched, then the suffix is taken in.
* Case folding follows Turkish: İ → i and I → ı, so `İstanbul` and `istanbul`, `IRAK` and
  `ırak` match, while `I` never folds to a dotted `i`.
* Common nouns (lowercase terms) take suffixes without an apostrophe (`füzeler`,
  `yaptırımları`, `kitabı` from `kitap`): the last word matches a text word that
  continues it when the Snowball Turkish stemmer (PyStemmer) strips everything beyond
  the term's word as suffixes.
* So do the names of institutions (TDK: "kurum, kuruluş adlarına getirilen ekler
  kesmeyle ayrılmaz"): a multi-word `organization` whose last word is a capitalised
  common noun takes its suffixes like one (`Türk Hava Kuvvetlerinin`, `Savunma Sanayii
  Başkanlığına`), after the pronominal n of a possessive ending (-nI, -nA, -nDA, -nIn).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from os.path import commonprefix

from termguard.glossary.model import Entry, Rendering
from termguard.morph.base import GENERATED, LITERAL_FOLDED, Morphology, Variant, is_acronym
from termguard.morph.generic import StemMorphology, _stemmer

_LAST_WORD = re.compile(r"([^\W\d_]+)$")
# Final voiceless stops soften before a vowel suffix: kitap → kitabı, ağaç → ağacı, renk → rengi.
_SOFTEN = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}
# Nominal suffix chain: plural, possessive, case, relative -ki (V = ı i u ü, A = a e).
_SUFFIXES = re.compile(
    r"(?:l[ae]r)?"
    r"(?:s?[ıiuü]|[ıiuü]?m|[ıiuü]?n|[ıiuü]?m[ıiuü]z|[ıiuü]?n[ıiuü]z)?"
    r"(?:n?[ıiuü]n|[ny]?[ıiuü]|[ny]?[ae]|n?[dt][ae]n?|y?l[ae])?"
    r"(?:ki)?"
)


class TurkishMorphology(Morphology):
    """Apostrophe suffixes, Turkish case folding, Snowball stems for common nouns."""

    description = ("apostrophe suffixes (Erdoğan'ın, Akkuyu’da), İ/i I/ı folding, Snowball stems for common nouns, "
                   "institution names suffixed without an apostrophe")
    MIN_WORD = 3
    _STEM_CACHE_SIZE = 200_000

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self._stemmer = _stemmer("turkish")
        self._stems: dict[str, str] = {}

    def fold_table(self) -> dict[str, str]:
        """Turkish dotted and dotless capitals before lowercasing (İ → i, I → ı)."""
        table = super().fold_table()
        table.update({"İ": "i", "I": "ı"})
        return table

    def upper(self, text: str) -> str:
        """Turkish capitals: i → İ, ı → I (`Erdoğan'ın` → `ERDOĞAN'IN`)."""
        return text.replace("i", "İ").replace("ı", "I").upper()

    def miscased(self, text: str) -> tuple[str, ...]:
        """An acronym of three letters or more written as a name (`Nato`, `Nato'nun`)."""
        if not is_acronym(text) or not text.isalpha() or len(text) < 3:
            return ()
        low = self.fold(text)
        return (self.upper(low[:1]) + low[1:],)

    def name_reading(self, word: str, suffix: str = "", form: str = "") -> bool:
        """A capitalised word in mid-sentence is a proper name in Turkish orthography when
        it stands bare (`Analist Şahin söyledi`) or takes its suffix after an apostrophe
        (`Şahin'e göre`): proper names do. One with a suffix glued on (`Şahinler`) is the
        common noun, capitalised as in a title."""
        if suffix.startswith("'") and len(suffix) > 1:
            return True
        bare = form.split()[0] if form.split() else ""
        return bool(bare) and self.fold(word) == self.fold(bare)

    def extend(self, folded: str, end: int) -> int:
        """Take in a suffix written after an apostrophe: `Erdoğan'ın`, `NGS'de`."""
        n = len(folded)
        if end + 1 < n and folded[end] == "'" and folded[end + 1].isalpha():
            j = end + 1
            while j < n and folded[j].isalpha():
                j += 1
            return j
        return end

    def variants(self, entry: Entry, rendering: Rendering) -> Iterable[Variant]:
        """The literal form and, for a common noun, the form cut before its suffixes."""
        text = rendering.text.strip()
        yield Variant(text, LITERAL_FOLDED)
        m = _LAST_WORD.search(text)
        if self._stemmer is None or m is None or rendering.exact or rendering.indeclinable:
            return
        word = m.group(1)
        institution = entry.kind == "organization" and " " in text and not is_acronym(word)
        if len(word) < self.MIN_WORD or is_acronym(word):
            return
        if not institution and (not word.islower() or any(c.isupper() for c in text)):
            return  # names take their suffixes after an apostrophe, and keep their case
        folded = self.fold(word)
        cut = min(len(commonprefix([folded, p])) for p in self._prefixes(folded))
        # An institution's word takes the regular suffix chain only ("=" marks it): the
        # Snowball fallback is for common nouns, and would let `Kuvvetçilerinin` pass.
        yield Variant(text[: m.start(1) + cut], GENERATED, stem=("=" + folded) if institution else folded)

    def _prefixes(self, word: str) -> list[str]:
        """How a suffixed form of `word` may begin: the word, with its final stop softened
        (kitap → kitab-ı), or its stem (sistemi → sistem-leri)."""
        out = [word]
        if word[-1] in _SOFTEN:
            out.append(word[:-1] + _SOFTEN[word[-1]])
        s = self.stem(word)
        if len(s) >= self.MIN_WORD and word.startswith(s) and s != word:
            out.append(s)
        return out

    def stem(self, word: str) -> str:
        """The same cached Snowball stemming as every stemmed language."""
        return StemMorphology.stem(self, word)  # type: ignore[arg-type]

    def stem_ok(self, word: str, stem: str) -> bool:
        """`word` is the term's word `stem` plus suffixes: a regular noun suffix chain
        (`-ler`, `-(s)i`, `-(n)in`, `-(y)a`, `-de`, `-den`, `-le`, `-ki`) after the word or
        its softened form, or whatever the Snowball stemmer strips beyond it."""
        strict = stem.startswith("=")
        if strict:
            stem = stem[1:]
        starts = [p for p in self._prefixes(stem) if word.startswith(p)]
        if not starts:
            return False
        for p in starts[:2]:  # the word itself or its softened form, not the bare stem
            if len(p) >= len(stem) - 1 and _SUFFIXES.fullmatch(word, len(p)):
                return True
        return not strict and len(self.stem(word)) <= len(stem)
