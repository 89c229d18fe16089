"""TG504 glossary-test: an inline glossary test that fails."""

from __future__ import annotations

from termguard.checks.base import Rule, register
from termguard.model import Severity


@register
class GlossaryInlineTest(Rule):
    """An entry's inline `tests` example that the checker does not judge as the editor expects.

    What:
        Reported by `termguard glossary lint`. Each test is a text in one language; the
        glossary rules (forbidden-term and the other rules that read one text against the
        glossary) run over it with the whole glossary. An `ok` text must give no finding
        at all; a `bad` text must give at least one about the entry (a finding about another
        entry does not count).
    Why:
        Tests pin down what an entry is meant to catch and to let through, so a later edit
        (a new admitted form, a case rule, another entry's forbidden form) that changes what
        the checker does is caught in the glossary, before translators see false reports.
    Example:
        `tests: [{lang: en, bad: "the S-400 Triumf system"}]` fails: Triumf is approved.
    Use instead:
        Fix the entry (statuses, case rules) or the test, so that the test states what the
        checker must do.
    """

    code = "TG504"
    name = "glossary-test"
    severity = Severity.ERROR
    summary = "an inline glossary test (ok/bad example) that fails"
    applies_to = "glossary"
    needs_glossary = True
