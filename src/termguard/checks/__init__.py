"""The rules. One module per rule; importing this package registers them all.

Codes are assigned in ranges and never reused:
TG1xx glossary terms, TG2xx transliteration, references and dates, TG3xx text (scripts,
numbers), TG4xx translation-file hygiene, TG5xx glossary lint, TG9xx termguard itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from termguard.checks.base import REGISTRY, CheckContext, Rule, register

__all__ = ["CODES", "REGISTRY", "CheckContext", "Rule", "all_rules", "get_rule", "register", "rules_named"]

#: Every rule's name and code, in code order, known without importing the rule modules:
#: resolving `--select` must not cost the imports of every rule's libraries. A rule lives
#: in the module named after it (`forbidden-term`: `checks/forbidden_term.py`);
#: `tests/test_rule_docs.py` holds this table to the registered rules.
CODES: dict[str, str] = {
    "forbidden-term": "TG101",
    "missing-term": "TG102",
    "untranslated-term": "TG103",
    "inconsistent-term": "TG104",
    "translit-drift": "TG201",
    "reference-mismatch": "TG202",
    "date-format": "TG203",
    "translit-house-scheme": "TG204",
    "mixed-script": "TG301",
    "number-mismatch": "TG302",
    "placeholders": "TG303",
    "markup-mismatch": "TG310",
    "brackets-quotes": "TG311",
    "untranslated": "TG401",
    "fuzzy": "TG402",
    "po-header": "TG403",
    "plural-forms": "TG404",
    "glossary-schema": "TG501",
    "glossary-duplicate": "TG502",
    "glossary-conflict": "TG503",
    "glossary-test": "TG504",
    "glossary-unmatchable": "TG505",
    "glossary-drift": "TG506",
    "unused-suppression": "TG901",
}

_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for info in pkgutil.iter_modules(__path__):
        if info.name != "base" and not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _loaded = True


def all_rules() -> list[type[Rule]]:
    """Every registered rule, sorted by code."""
    _load()
    return sorted(REGISTRY.values(), key=lambda r: r.code)


def rules_named(names: Iterable[str]) -> list[type[Rule]]:
    """The classes of the named rules (names of `CODES`), in code order; only their
    modules are imported."""
    wanted = set(names)
    for name in CODES:
        if name in wanted and name not in REGISTRY:
            importlib.import_module(f"{__name__}.{name.replace('-', '_')}")
    return [REGISTRY[name] for name in CODES if name in wanted]


def get_rule(name_or_code: str) -> type[Rule] | None:
    """Look a rule up by name (`forbidden-term`) or code (`TG101`)."""
    _load()
    if name_or_code in REGISTRY:
        return REGISTRY[name_or_code]
    for rule in REGISTRY.values():
        if rule.code.lower() == name_or_code.lower():
            return rule
    return None
