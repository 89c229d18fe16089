"""MkDocs hook: one page per rule, generated from the rule's docstring at build time, and
the page of file types and report formats, generated from the readers' and reporters' tables.

The pages are never written into the repository, so the documentation of a rule cannot drift
from its code: `termguard explain RULE`, SARIF's rule help and these pages all read the same
docstring through `termguard.reporters.ruledoc`; the formats page reads `READERS` and
`REPORTERS`, the tables that `check` dispatches on and takes `--format` from.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from termguard.checks import all_rules
from termguard.readers import READERS
from termguard.reporters import REPORTERS
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
    if rule.options:
        lines += ["## Options", "", "Set in the configuration (see [Configuration](../configuration.md)):", ""]
        lines += [f"- `{o.key}` (default `{o.default!r}`): {o.help}" for o in rule.options]
        lines.append("")
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


def formats_page() -> str:
    """The file types `check` reads and the formats it writes, from their tables."""
    lines = [
        "# File types and report formats",
        "",
        "What `termguard check` reads, chosen by the file's extension:",
        "",
        "| extension | kind | reads |",
        "|---|---|---|",
    ]
    for reader in READERS:
        kind = "translation" if reader.translation else "document"
        lines.append(f"| {', '.join(f'`{s}`' for s in reader.suffixes)} | {kind} | {reader.description} |")
    lines += [
        "",
        "What it writes, with `--format NAME` (`termguard glossary lint --format` takes the",
        "formats marked *lint*):",
        "",
        "| name | writes | notes |",
        "|---|---|---|",
    ]
    for reporter in REPORTERS.values():
        notes = []
        if reporter.binary:
            notes.append("binary: needs `-o FILE`")
        if reporter.without_units and not reporter.binary:
            notes.append("lint")
        lines.append(f"| `{reporter.name}` | {reporter.description} | {', '.join(notes)} |")
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: Any) -> Files:
    """Add `rules/index.md`, `rules/<name>.md` for every registered rule, and `formats.md`."""
    rules = list(all_rules())
    generated = {"rules/index.md": rules_index(rules), "formats.md": formats_page()}
    generated.update({f"rules/{r.name}.md": rule_page(r) for r in rules})
    for uri, content in generated.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    return files
