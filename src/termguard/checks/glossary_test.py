"""TG504 glossary-test: an inline glossary test that fails."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from termguard.checks.base import CheckContext, GlossaryContext, Rule, register
from termguard.glossary.model import Entry, Glossary, GlossaryTest
from termguard.model import Document, Field, Finding, Severity, Unit


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

    def check_glossary(self, ctx: GlossaryContext) -> Iterator[Finding]:
        """Every inline test: an `ok` text gives no finding at all, a `bad` one at least one about the entry."""
        for entry in ctx.glossary:
            for test in entry.tests:
                found = run_test(ctx.glossary, entry, test, ctx.test_rules)
                if not test.expect_ok:
                    # A bad text must be caught because of this entry, not by chance through another.
                    found = [f for f in found if f.term in (None, entry.id)]
                if test.expect_ok and found:
                    what = "; ".join(f"{f.rule}: {f.message}" for f in found[:3])
                    yield ctx.finding(self, entry.path, test.line,
                                      f"ok test of '{entry.id}' ({test.lang}) “{test.text}” gives a finding: {what}",
                                      column=test.column or 1, term=entry.id, lang=test.lang)
                elif not test.expect_ok and not found:
                    yield ctx.finding(self, entry.path, test.line,
                                      f"bad test of '{entry.id}' ({test.lang}) “{test.text}” gives no finding; "
                                      f"add the rejected form to the entry or fix the test",
                                      column=test.column or 1, term=entry.id, lang=test.lang)


def run_test(glossary: Glossary, entry: Entry, test: GlossaryTest, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding `rules` give for a test text (the text checked alone, in its language)."""
    path = entry.path or "<glossary>"
    unit = Unit(id="test", kind="sentence", path=path, source=Field(test.text), source_lang=test.lang, line=test.line)
    doc = Document(path=path, kind="text", source_lang=test.lang, target_lang=None, units=(unit,), source_text=test.text)
    ctx = CheckContext(glossary=glossary, document=doc)
    out: list[Finding] = []
    for rule in rules:
        out.extend(rule.check_unit(unit, ctx))
    return out
