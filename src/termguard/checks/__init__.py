"""The rules. One module per rule; the registered classes are the one table of rules.

Codes are assigned in ranges and never reused (`CODE_RANGES`): TG1xx glossary terms, TG2xx
transliteration, references and dates, TG3xx text (scripts, numbers, markup), TG4xx
translation-file hygiene, TG5xx glossary lint, TG9xx termguard itself.

Resolving a name or a code imports every rule module, so a rule module imports only what
its class needs to exist: heavy libraries (babel's locale data, the numbers lexicon,
morphology) are imported inside the functions that use them.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable

from termguard.checks.base import REGISTRY, CheckContext, GlossaryContext, Option, Rule, register

__all__ = [
    "CODE_RANGES", "REGISTRY", "CheckContext", "GlossaryContext", "Option", "Rule", "all_rules", "declared_options",
    "get_rule", "register", "rule_codes", "rules_named", "suggest",
]

#: What each hundred of codes is for: a new rule takes the next free code of its range.
CODE_RANGES: dict[int, str] = {
    1: "glossary terms",
    2: "transliteration, references and dates",
    3: "text: scripts, numbers, placeholders, markup",
    4: "translation-file hygiene",
    5: "glossary lint",
    9: "termguard itself",
}

_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    # The package's files, not pkgutil (which costs more to import than the rules together).
    names = {entry[:-3] for folder in __path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    for name in sorted(names):
        if name != "base" and not name.startswith("_"):
            importlib.import_module(f"{__name__}.{name}")
    _loaded = True


def all_rules() -> list[type[Rule]]:
    """Every registered rule, sorted by code."""
    _load()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def rule_codes() -> dict[str, str]:
    """Every rule's name and code, in code order."""
    return {rule.name: rule.code for rule in all_rules()}


def rules_named(names: Iterable[str]) -> list[type[Rule]]:
    """The classes of the named rules, in code order (unknown names are skipped)."""
    wanted = set(names)
    return [rule for rule in all_rules() if rule.name in wanted]


def get_rule(name_or_code: str) -> type[Rule] | None:
    """Look a rule up by name (`forbidden-term`) or code (`TG101`, any case)."""
    _load()
    if name_or_code in REGISTRY:
        return REGISTRY[name_or_code]
    for rule in REGISTRY.values():
        if rule.code.lower() == name_or_code.lower():
            return rule
    return None


def suggest(word: str, known: Iterable[str]) -> str:
    """`; did you mean 'x'?` for the nearest of `known`, or an empty string."""
    import difflib

    near = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"; did you mean {near[0]!r}?" if near else ""


def declared_options() -> dict[str, tuple[Option, tuple[str, ...]]]:
    """Every configuration key a rule declares: the option and the names of the rules
    that read it. Rules that share a key must declare it alike."""
    out: dict[str, tuple[Option, tuple[str, ...]]] = {}
    for rule in all_rules():
        for option in rule.options:
            known = out.get(option.key)
            if known is not None and known[0] != option:
                raise RuntimeError(f"option {option.key!r} declared differently by {known[1][0]} and {rule.name}")
            out[option.key] = (option, (*known[1], rule.name) if known else (rule.name,))
    return out
