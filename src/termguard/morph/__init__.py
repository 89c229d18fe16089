"""Per-language term matching: find glossary renderings, inflected, in prose.

`matcher_for(glossary, lang)` builds (once per glossary and language) a `TermMatcher`. Its
`find(plain)` returns every occurrence of every rendering of the language, approved or
rejected, as `Match`es sorted by start. How it works:

* The language's `Morphology` (`russian`, `turkish`, `english`, `generic`) expands each
  rendering into surface forms up front: Russian forms from pymorphy3 lexemes with
  adjective agreement, English plurals and hyphen variants, Snowball stems elsewhere.
* All forms of a language go into one Aho-Corasick automaton (pyahocorasick) over folded
  text (lowercased, apostrophes, hyphens and no-break spaces unified; Turkish İ/i, I/ı),
  so one pass over a text finds every candidate whatever the glossary size.
* The automaton runs over the folded text with every non-word character made a space,
  and keys carry a space where the form starts or ends with a word character, so it
  fires only on Unicode word boundaries (a letter, digit or underscore must not continue
  the word; «», “”, apostrophes, hyphens are boundaries). A hit is kept when the text has
  the form's own punctuation (`S-400`, not `S 400`), case-sensitive forms match with
  their case, and stemmed forms are confirmed by the stemmer.
* Every white space character folds to a space, and a run of them (`White  house`, a line
  break and an indent, no-break spaces) stands for one: such a text is scanned with each
  run squeezed and its matches mapped back, so spans are the text's own, runs included.
  A zero-width space is a word boundary, not a space; the format characters that never
  break a word (soft hyphen, word joiner, ...) are read through the same way.
* Overlaps are resolved so that morphology never invents an error: a rejected form inside
  a longer approved one is dropped ("Triumph" inside "Triumph Street"), a generated
  (inflected) rejected form loses to any approved form on the same span, and a literal
  rejected form that differs from an approved one only in case wins over the folded
  approved match (`Caatsa` against `CAATSA`). An approved term inside a longer approved
  term of another entry is dropped too (longest match), and so is a folded match where
  another entry's form matches with its case (`NER` is the acronym NER, not the name Ner).
* A rejected form written with a capital (a name) matches only capitalised text, so a
  forbidden «Март» never fires on «марта» (of March) even when the glossary (TBX, CSV)
  says nothing about case.
* Case-sensitive forms also match the language's capitals (`Morphology.upper`: a
  headline «ТРИУМПФА», Turkish `ERDOĞAN'IN`). An approved acronym's wrong-case spellings
  (`Morphology.miscased`: Сво, Нато) are forbidden renderings of its entry, appended
  after the glossary's own. A lowercase rejected form does not match a capitalised word
  in mid-sentence that is a person's name (`Morphology.name_reading`), nor, when it is
  case-sensitive, any capitalised word but a sentence's first. In a language with
  `Morphology.gaps` (Russian), a rejected multi-word form also matches with one agreeing
  word between its words («систему американской ПВО» for «система ПВО»).

The matcher itself lives in `termguard.morph.matcher`; this package's face re-exports its
public names, so `from termguard.morph import TermMatcher, matcher_for` keeps working.
"""

from termguard.morph.matcher import (
    Match,
    TermMatcher,
    language_support,
    matcher_for,
    morphology_for,
    one_space,
    resolve_overlaps,
)

__all__ = ["Match", "TermMatcher", "language_support", "matcher_for", "morphology_for", "one_space",
           "resolve_overlaps"]
