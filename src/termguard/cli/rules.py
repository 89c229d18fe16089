"""`termguard rules` and `termguard explain RULE`: the rule catalogue from the rule modules."""

from __future__ import annotations

import inspect

import click

from termguard.cli import main
from termguard.errors import ConfigError


@main.command("rules")
@click.option("--languages", is_flag=True, help="Show what term matching does in each language instead.")
def rules_cmd(languages: bool = False) -> None:
    """List every rule: code, name, default severity, what it finds.

    \b
    Example:
      termguard rules
      termguard rules --languages
    """
    if languages:
        from termguard.morph import language_support

        for langs, what in language_support():
            click.echo(f"{langs}:\n    {what}")
        return
    from termguard.checks import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code}  {rule.name:<20} {rule.severity.value:<8} {rule.summary}")


@main.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's documentation (by name or code).

    \b
    Example:
      termguard explain forbidden-term
    """
    from termguard.checks import get_rule

    cls = get_rule(rule)
    if cls is None:
        raise ConfigError(f"unknown rule {rule!r}; `termguard rules` lists them")
    click.echo(f"{cls.code} {cls.name} (default: {cls.severity.value})\n")
    click.echo(inspect.cleandoc(cls.__doc__ or ""))
    if cls.options:
        click.echo("\nOptions (configuration keys, with their defaults):")
        for option in cls.options:
            click.echo(f"    {option.key} = {option.default!r}: {option.help}")
