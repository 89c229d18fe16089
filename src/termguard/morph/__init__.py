"""Per-language term matching: find glossary renderings in prose.

`matcher_for(glossary, lang)` builds (once per glossary and language) a `TermMatcher` whose
`find(plain)` returns every occurrence of every rendering, approved or rejected, with
Unicode-aware word boundaries. A rejected form inside a longer approved form is not
returned ("Triumph" inside an approved "Triumph Street").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termguard.glossary.model import Entry, Glossary, Rendering


@dataclass(frozen=True, slots=True)
class Match:
    """A rendering of an entry found at `[start, end)` of the prose text."""

    entry: Entry
    rendering: Rendering
    start: int
    end: int
    surface: str

    @property
    def approved(self) -> bool:
        """True when the matched form is an approved one."""
        return self.rendering.approved


class TermMatcher:
    """All renderings of one language, compiled into two alternations (with and without case)."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        self.lang = lang
        self._exact: dict[str, list[tuple[Entry, Rendering]]] = {}
        self._folded: dict[str, list[tuple[Entry, Rendering]]] = {}
        for entry in glossary:
            for rendering in entry.forms(lang):
                form = rendering.text.strip()
                if not form or not any(ch.isalnum() for ch in form):
                    continue
                if entry.is_case_sensitive(rendering):
                    self._exact.setdefault(form, []).append((entry, rendering))
                else:
                    self._folded.setdefault(self._fold(form), []).append((entry, rendering))
        self._exact_re = self._compile(self._exact, 0)
        self._folded_re = self._compile(self._folded, re.IGNORECASE)

    def _fold(self, text: str) -> str:
        return text.casefold()

    @staticmethod
    def _compile(forms: dict[str, list], flags: int) -> re.Pattern[str] | None:
        if not forms:
            return None
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        # Lookarounds instead of \b: a form may start or end with a non-word character
        # ("U.S.") and must still not run into a neighbouring word.
        return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", flags)

    def find(self, plain: str) -> list[Match]:
        """Every glossary form in `plain`, longest match first, rejected forms inside approved ones dropped."""
        matches: list[Match] = []
        if self._exact_re is not None:
            for m in self._exact_re.finditer(plain):
                for entry, rendering in self._exact.get(m.group(), ()):
                    matches.append(Match(entry, rendering, m.start(), m.end(), m.group()))
        if self._folded_re is not None:
            for m in self._folded_re.finditer(plain):
                for entry, rendering in self._folded.get(self._fold(m.group()), ()):
                    matches.append(Match(entry, rendering, m.start(), m.end(), m.group()))
        return _drop_shadowed(matches)


def _drop_shadowed(matches: list[Match]) -> list[Match]:
    """Drop rejected matches that lie inside a longer approved match."""
    approved = [(m.start, m.end) for m in matches if m.approved]
    if not approved:
        return sorted(matches, key=lambda m: (m.start, -m.end))
    kept = []
    for m in matches:
        if not m.approved and any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start) for s, e in approved):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, -m.end))


@lru_cache(maxsize=64)
def matcher_for(glossary: Glossary, lang: str) -> TermMatcher:
    """The matcher for `lang`, built once per glossary object (glossaries hash by identity)."""
    return TermMatcher(glossary, lang)
