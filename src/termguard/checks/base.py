"""The rule interface, the registry, and the context rules run in.

A rule is a class in its own module under `termguard.checks`, registered with `@register`.
It declares its `code` (TGnnn, never reused), `name` (stable, kebab-case), default
`severity`, the `options` a configuration may set (each with its default, as yamllint's
`CONF`/`DEFAULT`), and documents itself in its docstring with the sections What, Why,
Example and Use instead. The registered classes are the only table of rules: name and code
lookup, configuration keys and the docs all read them. A rule never opens files: it gets
`Unit`s and `Document`s (or, for `glossary-*` rules, a `GlossaryContext`) and yields
`Finding`s.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from termguard.fields import text_fields, translated_pairs
from termguard.model import Document, Field, Finding, Severity, Unit, UnitText
from termguard.prose import ProseView, prose_view

__all__ = [
    "REGISTRY", "CheckContext", "GlossaryContext", "Option", "Rule", "context_hash", "register", "text_fields",
    "translated_pairs", "unit_text",
]

if TYPE_CHECKING:
    from termguard.glossary.files import Problem
    from termguard.glossary.model import Glossary
    from termguard.morph import TermMatcher
    from termguard.triggers import Trigger


@dataclass(frozen=True)
class Option:
    """One setting a rule reads from the configuration, with its default.

    `key` is the dotted configuration key (`translit.scheme` is `scheme = ...` in the
    `[tool.termguard.translit]` table); several rules may read one key, and then declare it
    (the same `Option` object) alike. `kind` is the Python type a value must have;
    `choices`, when given, the values it may take; `check`, when given, normalises a value
    or raises `ValueError` saying what is wrong, and `fix` says what to do then. The
    configuration loader refuses anything else with one error naming file and line.
    """

    key: str
    default: object
    kind: type
    help: str
    choices: tuple[str, ...] = ()
    check: Callable[[Any], Any] | None = None
    fix: str = ""


class Rule:
    """Base class of all rules; override `check_unit` and/or `check_document`
    (`check_glossary` for the `glossary-*` rules)."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str] = ""
    #: "source" rules look at source documents, "translation" rules at PO/XLIFF, "any" at both.
    applies_to: ClassVar[str] = "any"
    needs_glossary: ClassVar[bool] = False
    #: The cheap evidence an entry must show before `check_unit` can report on it or
    #: record anything for it (`termguard.triggers.Trigger`); None: every entry.
    trigger: ClassVar[Trigger | None] = None
    #: False when `merge_states` cannot make a chunked run report exactly what a serial run
    #: does; with such a rule selected, `--jobs` checks a large file whole, not in chunks.
    chunkable: ClassVar[bool] = True
    #: The configuration settings this rule reads (`ctx.option(self, key)`), with their defaults.
    options: ClassVar[tuple[Option, ...]] = ()

    def check_unit(self, unit: Unit, ctx: CheckContext) -> Iterable[Finding]:
        """Findings for one unit (default: none)."""
        return ()

    def check_document(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        """Findings that need the whole document (default: none).

        Large translation files are streamed: `doc.units` is then empty. A rule that needs
        to see every unit collects what it needs in `check_unit` into `ctx.state_for(self)`
        (called for every unit before `check_document`) and reports from that state here.
        """
        return ()

    def check_glossary(self, ctx: GlossaryContext) -> Iterable[Finding]:
        """Findings about a glossary (`termguard glossary lint`; default: none)."""
        return ()

    def wanted_lines(self, ctx: CheckContext) -> set[int]:
        """After `check_document` in a chunked run: the file lines (targets' first lines) of
        units the rule must see again to build findings its merged state calls for."""
        return set()

    def check_wanted(self, unit: Unit, ctx: CheckContext) -> Iterable[Finding]:
        """Findings for one unit named by `wanted_lines`, read again from the file."""
        return ()

    def merge_states(self, states: list[dict[str, Any]]) -> dict[str, Any]:
        """Combine the states of chunks of one document checked in parallel, in file order.

        The default keeps the first value seen for each key; rules whose state is richer
        override this so that a parallel run reports exactly what a serial run does.
        """
        merged: dict[str, Any] = {}
        for state in states:
            for key, value in state.items():
                merged.setdefault(key, value)
        return merged


REGISTRY: dict[str, type[Rule]] = {}

_CODE = re.compile(r"TG[1-9]\d\d")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry.

    Refuses (at import, so a test run catches it) a malformed code or name, a code or name
    used twice, and an option declared with a default of the wrong type.
    """
    if not _CODE.fullmatch(cls.code) or not _NAME.fullmatch(cls.name):
        raise RuntimeError(f"rule {cls.__name__}: code {cls.code!r} must be TGnnn and name {cls.name!r} kebab-case")
    for other in REGISTRY.values():
        if other is not cls and (other.code == cls.code or other.name == cls.name):
            raise RuntimeError(f"rule code or name used twice: {other.code} {other.name}, {cls.code} {cls.name}")
    for option in cls.options:
        if not isinstance(option.default, option.kind) or (option.choices and option.default not in option.choices):
            raise RuntimeError(f"rule {cls.name}: default of option {option.key!r} is not a valid value")
    REGISTRY[cls.name] = cls
    return cls


@dataclass
class CheckContext:
    """What rules share during one run: the glossary, options, and per-run caches."""

    glossary: Glossary
    #: The document the units belong to (a streamed one holds its header only).
    document: Document
    options: dict[str, Any] = field(default_factory=dict)
    severities: dict[str, Severity] = field(default_factory=dict)
    _views: dict[int, tuple[Field, ProseView]] = field(default_factory=dict)
    #: True in a worker checking one chunk of a large file (`--jobs`): rules that compare
    #: units across the file keep what they need in their state instead of reporting.
    chunked: bool = False
    _states: dict[str, dict[str, Any]] = field(default_factory=dict)
    _matchers: dict[str, Any] = field(default_factory=dict)
    _terms: dict[tuple[int, str], tuple[Field, list]] = field(default_factory=dict)
    #: The names of the rules of this run (empty when not known): a rule leaves a span to
    #: another rule that reports it (inconsistent-term to forbidden-term).
    selected: frozenset[str] = frozenset()

    def option(self, rule: Rule | type[Rule], key: str) -> Any:
        """The configured value of one of `rule`'s declared options, else its default."""
        for option in rule.options:
            if option.key == key:
                return self.options.get(key, option.default)
        raise KeyError(f"rule {rule.name} declares no option {key!r}")

    def state_for(self, rule: Rule) -> dict[str, Any]:
        """Per-document scratch state of one rule (see `Rule.check_document`)."""
        return self._states.setdefault(rule.name, {})

    def matcher(self, lang: str) -> TermMatcher:
        """The term matcher for `lang`, built once per glossary."""
        found = self._matchers.get(lang)
        if found is None:
            from termguard.morph import matcher_for

            found = self._matchers[lang] = matcher_for(self.glossary, lang)
        return found

    def prose(self, fld: Field) -> ProseView:
        """The prose view of a field, computed once per field even when several rules ask."""
        cached = self._views.get(id(fld))
        if cached is not None and cached[0] is fld:
            return cached[1]
        view = prose_view(fld.text)
        if len(self._views) > 64:
            # Rules ask about the unit at hand; older views will not be asked for again.
            self._views.clear()
        self._views[id(fld)] = (fld, view)
        return view

    def terms(self, fld: Field, lang: str) -> list:
        """Glossary matches in a field's prose (`Match` offsets are in the prose view).

        Computed once per field and language: forbidden-term, missing-term,
        untranslated-term and inconsistent-term all read the same matches.
        """
        key = (id(fld), lang)
        cached = self._terms.get(key)
        if cached is not None and cached[0] is fld:
            return cached[1]
        matches = self.matcher(lang).find(self.prose(fld).plain)
        if len(self._terms) > 64:
            self._terms.clear()
        self._terms[key] = (fld, matches)
        return matches

    def finding(
        self,
        rule: Rule,
        unit: Unit,
        fld: Field,
        start: int,
        end: int,
        message: str,
        *,
        lang: str | None = None,
        term: str | None = None,
        found: str | None = None,
        suggestions: Iterable[str] = (),
    ) -> Finding:
        """Build a finding for `[start, end)` of `fld.text`, with file positions and context."""
        line, col, end_line, end_col = fld.locate_span(start, end)
        return Finding(
            code=rule.code,
            rule=rule.name,
            severity=self.severities.get(rule.name, rule.severity),
            path=unit.path,
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            message=message,
            unit=unit.id,
            lang=lang,
            term=term,
            found=found if found is not None else fld.text[start:end],
            suggestions=tuple(suggestions),
            context=context_hash(fld.text),
            text=unit_text(unit, fld, start, end),
        )

    def document_finding(
        self, rule: Rule, doc: Document, line: int, column: int, message: str, *, end_column: int | None = None, **extra: Any
    ) -> Finding:
        """A finding about a document as a whole, at a given line (headers, references)."""
        return Finding(
            code=rule.code,
            rule=rule.name,
            severity=self.severities.get(rule.name, rule.severity),
            path=doc.path,
            line=line,
            column=column,
            end_line=line,
            end_column=end_column if end_column is not None else column,
            message=message,
            lang=extra.pop("lang", doc.target_lang or doc.source_lang),
            context=extra.pop("context", ""),
            **extra,
        )


def unit_text(unit: Unit, fld: Field, start: int, end: int) -> UnitText:
    """The unit's texts for a finding in `[start, end)` of `fld` (its source or a target form)."""
    if fld is unit.source or fld is unit.source_plural:
        target = unit.target
        target_text = target.text if target is not None else None
        return UnitText(fld.text, target_text, "source", start, end, unit.source_lang, unit.target_lang)
    source = unit.source_plural if unit.source_plural is not None and fld is not unit.target else unit.source
    return UnitText(source.text, fld.text, "target", start, end, unit.source_lang, unit.target_lang)


def context_hash(text: str) -> str:
    """A short hash of a unit's text with whitespace normalised (for baselines and fingerprints)."""
    norm = " ".join(text.split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True)
class GlossaryContext:
    """What the `glossary-*` rules read: the glossary, the loader's problems with it, and
    the rules its inline tests run (the unit rules that read one text against it)."""

    glossary: Glossary
    problems: Sequence[Problem] = ()
    test_rules: Sequence[Rule] = ()

    def finding(
        self,
        rule: Rule | type[Rule],
        path: str,
        line: int,
        message: str,
        *,
        severity: Severity | str | None = None,
        column: int = 1,
        end_column: int | None = None,
        term: str | None = None,
        lang: str | None = None,
        found: str | None = None,
        suggestions: Iterable[str] = (),
    ) -> Finding:
        """A finding at a line of a glossary file (the rule's default severity unless given)."""
        return Finding(
            code=rule.code,
            rule=rule.name,
            severity=Severity(severity) if severity is not None else rule.severity,
            path=path,
            line=max(line, 1),
            column=max(column, 1),
            end_line=max(line, 1),
            end_column=max(end_column or column, column, 1),
            message=message,
            unit=None,
            lang=lang,
            term=term,
            found=found,
            suggestions=tuple(suggestions),
        )
