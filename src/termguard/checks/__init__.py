"""The rules. One module per rule; importing this package registers them all.

Codes are assigned in ranges and never reused:
TG1xx glossary terms, TG2xx transliteration, references and dates, TG3xx text (scripts,
numbers), TG4xx translation-file hygiene, TG5xx glossary lint, TG9xx termguard itself.
"""

from __future__ import annotations

import importlib
import pkgutil

from termguard.checks.base import REGISTRY, CheckContext, Rule, register

__all__ = ["REGISTRY", "CheckContext", "Rule", "all_rules", "get_rule", "register"]

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


def get_rule(name_or_code: str) -> type[Rule] | None:
    """Look a rule up by name (`forbidden-term`) or code (`TG101`)."""
    _load()
    if name_or_code in REGISTRY:
        return REGISTRY[name_or_code]
    for rule in REGISTRY.values():
        if rule.code.lower() == name_or_code.lower():
            return rule
    return None
