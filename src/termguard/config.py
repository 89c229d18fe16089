"""Run configuration: which glossary, which rules, which severities.

Built by the CLI from options (and, later, `[tool.termguard]`); the engine only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termguard.errors import ConfigError
from termguard.model import Severity


@dataclass(frozen=True)
class Config:
    """Everything a check run needs to know besides the files."""

    glossary: str | None = "glossary"
    glossary_required: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    source_lang: str = "en"
    options: dict[str, object] = field(default_factory=dict)

    def resolve_rules(self) -> list[str]:
        """Names of the rules to run; unknown names in select/ignore are config errors."""
        from termguard.checks import all_rules, get_rule

        def names(values: tuple[str, ...], what: str) -> set[str]:
            out = set()
            for value in values:
                if value.upper() == "ALL":
                    out.update(r.name for r in all_rules())
                    continue
                matched = [r.name for r in all_rules() if r.name == value or r.code == value.upper()
                           or (value.endswith("*") and r.name.startswith(value[:-1]))]
                if not matched:
                    raise ConfigError(f"unknown rule {value!r} in {what}; `termguard rules` lists them")
                out.update(matched)
            return out

        chosen = names(self.select, "select") if self.select else {r.name for r in all_rules()}
        chosen -= names(self.ignore, "ignore")
        return [r.name for r in all_rules() if r.name in chosen]
