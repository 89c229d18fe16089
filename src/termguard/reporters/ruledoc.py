"""A rule's documentation, parsed from its class docstring.

Every rule documents itself with a one-line summary followed by the sections `What:`,
`Why:`, `Example:` and `Use instead:`. SARIF rule descriptors, `termguard explain` and the
documentation test all read them through this one parser, so a rule is documented once.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

SECTIONS = ("What", "Why", "Example", "Use instead")
_HEADER = re.compile(r"^(What|Why|Example|Use instead):\s*(.*)$")


@dataclass(frozen=True)
class RuleDoc:
    """The parts of a rule's docstring: summary line and the four sections."""

    summary: str
    sections: dict[str, str]

    def markdown(self) -> str:
        """The documentation as Markdown (used for SARIF `help.markdown`)."""
        parts = [self.summary] if self.summary else []
        for name in SECTIONS:
            if name in self.sections:
                parts.append(f"**{name}:**\n\n{self.sections[name]}")
        return "\n\n".join(parts)

    def text(self) -> str:
        """The documentation as plain text, sections in the fixed order."""
        parts = [self.summary] if self.summary else []
        for name in SECTIONS:
            if name in self.sections:
                parts.append(f"{name}: {self.sections[name]}")
        return "\n\n".join(parts)


def parse_rule_doc(doc: str | None) -> RuleDoc:
    """Split a docstring into its summary and its `What:` / `Why:` / ... sections.

    Section bodies are dedented; paragraphs keep their line breaks, wrapped lines inside a
    paragraph are joined with a space so that consumers (SARIF viewers) re-wrap them.
    """
    lines = inspect.cleandoc(doc or "").splitlines()
    summary_lines: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        m = _HEADER.match(line)
        if m:
            current = sections.setdefault(m.group(1), [])
            if m.group(2):
                current.append(m.group(2))
            continue
        if current is None:
            summary_lines.append(line)
        else:
            current.append(line)
    summary = " ".join(" ".join(summary_lines).split())
    return RuleDoc(summary, {name: _reflow(body) for name, body in sections.items()})


def _reflow(lines: list[str]) -> str:
    text = inspect.cleandoc("\n".join(lines))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs)
