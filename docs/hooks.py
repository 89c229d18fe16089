"""MkDocs hook: one page per rule, generated from the rule's docstring at build time.

The pages are never written into the repository, so the documentation of a rule cannot drift
from its code: `termguard explain RULE`, SARIF's rule help and these pages all read the same
docstring through `termguard.reporters.ruledoc`.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from termguard.checks import all_rules
from termguard.reporters.ruledoc import SECTIONS, parse_rule_doc


def rule_page(rule: Any) -> str:
    """The Markdown page of one rule class."""
    doc = parse_rule_doc(rule.__doc__)
    lines = [
        f"# `{rule.name}` ({rule.code})",
        "",
        f"Default severity: **{rule.severity.value}**. "
        f"Select or ignore it by name (`{rule.name}`) or code (`{rule.code}`); "
        f"`termguard explain {rule.name}` prints this page.",
        "",
    ]
    if doc.summary:
        lines += [doc.summary, ""]
    for name in SECTIONS:
        if name in doc.sections:
            body = doc.sections[name]
            if name == "Example":
                body = "```text\n" + body + "\n```"
            lines += [f"## {name}", "", body, ""]
    return "\n".join(lines)


def rules_index(rules: list[Any]) -> str:
    """The table of every rule, linking each rule's page."""
    lines = [
        "# Rules",
        "",
        "Every rule has a stable name and a code that is never reused. Select, ignore or change",
        "the severity of a rule by either (see [Configuration](../configuration.md)).",
        "",
        "| code | name | default | finds |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        summary = (rule.summary or parse_rule_doc(rule.__doc__).summary).replace("|", "\\|")
        lines.append(f"| {rule.code} | [`{rule.name}`]({rule.name}.md) | {rule.severity.value} | {summary} |")
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: Any) -> Files:
    """Add `rules/index.md` and `rules/<name>.md` for every registered rule."""
    rules = list(all_rules())
    generated = {"rules/index.md": rules_index(rules)}
    generated.update({f"rules/{r.name}.md": rule_page(r) for r in rules})
    for uri, content in generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
