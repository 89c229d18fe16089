"""The glossary's data model: entries (concepts), their renderings per language, and tests."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

APPROVED = ("preferred", "admitted")
REJECTED = ("forbidden", "superseded")
STATUSES = APPROVED + REJECTED
KINDS = ("name", "acronym", "term", "person", "place", "organization", "outlet")
# Names are spelled one way; a common term ("air defense") may start a sentence.
CASE_SENSITIVE_KINDS = frozenset({"name", "acronym", "person", "place", "organization", "outlet"})
#: The language key of a CSV glossary's target column when no `--glossary-langs` names it:
#: it stands for "the language of the file being checked" and is resolved at match time.
ANY_TARGET = "*"


@dataclass(frozen=True, slots=True)
class Rendering:
    """One form of a term in one language, with its status."""

    text: str
    status: str = "preferred"
    note: str | None = None
    case_sensitive: bool | None = None
    exact: bool = False
    indeclinable: bool = False
    line: int = 0
    column: int = 0

    @property
    def approved(self) -> bool:
        """True for preferred and admitted forms."""
        return self.status in APPROVED


@dataclass(frozen=True, slots=True)
class GlossaryTest:
    """An inline test: `ok` text must give no finding, `bad` text must give one."""

    lang: str
    text: str
    expect_ok: bool
    line: int = 0
    column: int = 0


@dataclass(frozen=True, slots=True)
class Origin:
    """The original-language form of a name, which drives transliteration checks."""

    lang: str
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept of the glossary with its renderings in every language."""

    id: str
    kind: str = "term"
    note: str | None = None
    origin: Origin | None = None
    dnt: bool = False
    case_sensitive: bool | None = None
    renderings: dict[str, tuple[Rendering, ...]] = field(default_factory=dict)
    tests: tuple[GlossaryTest, ...] = ()
    path: str = ""
    line: int = 0

    def forms(self, lang: str) -> tuple[Rendering, ...]:
        """All renderings for `lang` (a `dnt` entry falls back to its source forms)."""
        found = self.renderings.get(lang)
        if found is None and "_" in lang:
            found = self.renderings.get(lang.split("_")[0])
        if found is None and self.dnt:
            found = self.renderings.get("en", ())
        if found is None:
            # A CSV glossary's target forms serve whatever language is being checked.
            found = self.renderings.get(ANY_TARGET)
        return found or ()

    def approved(self, lang: str) -> tuple[Rendering, ...]:
        """Preferred and admitted renderings for `lang`."""
        return tuple(r for r in self.forms(lang) if r.approved)

    def rejected(self, lang: str) -> tuple[Rendering, ...]:
        """Forbidden and superseded renderings for `lang`."""
        return tuple(r for r in self.forms(lang) if not r.approved)

    def preferred(self, lang: str) -> str | None:
        """The preferred rendering's text for `lang`, if any."""
        approved = self.approved(lang)
        return approved[0].text if approved else None

    def is_case_sensitive(self, rendering: Rendering) -> bool:
        """A rendering's own setting wins over the entry's, which wins over the kind default."""
        if rendering.case_sensitive is not None:
            return rendering.case_sensitive
        if self.case_sensitive is not None:
            return self.case_sensitive
        return self.kind in CASE_SENSITIVE_KINDS


class Entries(Sequence[Entry]):
    """A glossary's entries in order, each built when first asked for.

    Entries read from the disk cache (`termguard.glossary.cached`) stay stored until
    someone asks for them (`Entries.stored`): a check against 10,000 terms touches the few
    entries its texts hit, and building every frozen dataclass up front would take longer
    than reading the file. An entry, once built, is the same object at every ask (matchers
    and rules key caches on its identity); `index_of` gives its position back.
    """

    __slots__ = ("_build", "_ids", "_index", "_items")

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        self._items: list[Entry | None] = list(entries)
        self._build: Callable[[int], Entry] | None = None
        self._ids: list[str] | None = None
        self._index = {id(x): i for i, x in enumerate(self._items)}

    @classmethod
    def stored(cls, ids: Sequence[str], build: Callable[[int], Entry]) -> Entries:
        """Entries not built yet: `build(i)` makes the i-th, whose id is `ids[i]`."""
        self = cls()
        self._items = [None] * len(ids)
        self._build = build
        self._ids = list(ids)
        return self

    @classmethod
    def joined(cls, parts: Iterable[Iterable[Entry]]) -> Entries:
        """The entries of several files, in order (built ones stay built)."""
        items: list[Entry | None] = []
        ids: list[str] = []
        builds: list[tuple[int, Callable[[int], Entry]]] = []
        for part in parts:
            if isinstance(part, Entries) and part._build is not None:
                builds.append((len(items), part._build))
                items.extend(part._items)
                ids.extend(part.ids())
            else:
                built = list(part)
                items.extend(built)
                ids.extend(e.id for e in built)
        self = cls()
        self._items = items
        self._index = {id(x): i for i, x in enumerate(items) if x is not None}
        if builds:
            self._ids = ids
            if len(builds) == 1 and builds[0][0] == 0:
                self._build = builds[0][1]
            else:
                starts = [start for start, _ in builds]

                def build(i: int) -> Entry:
                    start, part_build = builds[bisect_right(starts, i) - 1]
                    return part_build(i - start)

                self._build = build
        return self

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Entry, ...]: ...

    def __getitem__(self, index: int | slice) -> Entry | tuple[Entry, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self._items))))
        item = self._items[index]
        if item is None:
            if index < 0:
                index += len(self._items)
            item = self._items[index] = self._build(index)  # type: ignore[misc]
            self._index[id(item)] = index
        return item

    def __iter__(self) -> Iterator[Entry]:
        for i in range(len(self._items)):
            yield self[i]

    def ids(self) -> list[str]:
        """Every entry's id, in order, without building the entries."""
        if self._ids is not None:
            return list(self._ids)
        return [item.id for item in self._items]  # type: ignore[union-attr]

    def index_of(self, entry: Entry) -> int:
        """The position of an entry got from this sequence (KeyError for any other)."""
        return self._index[id(entry)]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Entries, tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple:
        return (Entries, (tuple(self),))

    def __repr__(self) -> str:
        return f"Entries({len(self._items)} entries)"


@dataclass(frozen=True, eq=False)
class Glossary:
    """All entries from all glossary files, merged; look-up by id.

    `entries` is an `Entries` sequence (any iterable of entries given is made one).
    `digest`, when set, changes whenever the entries could (the keys of the files they were
    read from); caches key on it instead of hashing every entry.
    """

    entries: Entries = field(default_factory=Entries)
    sources: tuple[str, ...] = ()
    digest: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.entries, Entries):
            object.__setattr__(self, "entries", Entries(self.entries))

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id (the last one, if several share it), or None."""
        by_id = self.__dict__.get("_by_id")
        if by_id is None:
            by_id = {ident: i for i, ident in enumerate(self.entries.ids())}
            object.__setattr__(self, "_by_id", by_id)
        index = by_id.get(entry_id)
        return self.entries[index] if index is not None else None

    def languages(self) -> set[str]:
        """Every language any entry has a rendering for (without the CSV placeholder)."""
        return {lang for e in self.entries for lang in e.renderings if lang != ANY_TARGET}
