"""One shared set of findings that every reporter's golden test renders.

It covers what reporters get wrong: all three severities, several files and one clean
file, a document-level finding without matched text, two identical findings in one unit
(occurrence numbers), non-ASCII text, a fix of two edits, and messages and paths with `%`, `:`, `,`, CR, LF,
quotes, `<` and `&`. The rule catalogue is fixed here (plain classes, not registered) so
the goldens do not change when the project's real rules are reworded.
"""

from __future__ import annotations

from termguard.engine import Report
from termguard.model import Applicability, Edit, Finding, Fix, Severity
from termguard.reporters import RenderOptions


class ForbiddenTerm:
    """A forbidden or superseded rendering of a glossary term.

    What:
        Finds every rendering the glossary marks forbidden, in any inflected form.
    Why:
        A translated name misleads readers and breaks search.
    Example:
        `the S-400 "Triumph" systems`
    Use instead:
        The preferred rendering, `Triumf`.
    """

    code = "TG101"
    name = "forbidden-term"
    severity = Severity.ERROR
    summary = "a forbidden or superseded rendering of a term"


class TranslitDrift:
    """A romanisation no accepted scheme produces.

    What:
        Finds Latin-script renderings of Russian names that drift from every scheme.
    Why:
        Drifted names cannot be searched for.
    Example:
        `Armiys.az` for «Армия».
    Use instead:
        The nearest accepted form.
    """

    code = "TG201"
    name = "translit-drift"
    severity = Severity.WARNING
    summary = "a romanisation no accepted scheme produces"


class TranslitHouseScheme:
    """A romanisation outside the house scheme.

    What:
        Reports names accepted only by a scheme other than the house scheme.
    Why:
        One scheme per document reads consistently.
    Example:
        `Yermakov` when the house scheme gives `Ermakov`.
    Use instead:
        The house scheme's form.
    """

    code = "TG204"
    name = "translit-house-scheme"
    severity = Severity.INFO
    summary = "a romanisation outside the house scheme"


class PoHeader:
    """A PO header problem.

    What:
        Checks the PO header fields.
    Why:
        Tools need the header.
    Example:
        A missing `Language:`.
    Use instead:
        A complete header.
    """

    code = "TG403"
    name = "po-header"
    severity = Severity.WARNING
    summary = "a missing or wrong PO header field"


RULES = {cls.name: cls for cls in (ForbiddenTerm, TranslitDrift, TranslitHouseScheme, PoHeader)}

SOURCE = "seeds/triumf-commentary.en.md"
RU = "translations/ru.po"
ODD = "notes/draft, v2: 100%.md"
CLEAN = "translations/tr.po"


def _f(code, rule, severity, path, line, col, end_line, end_col, message, **extra) -> Finding:
    return Finding(code, rule, severity, path, line, col, end_line, end_col, message, **extra)


FINDINGS = (
    _f("TG101", "forbidden-term", Severity.ERROR, SOURCE, 15, 85, 15, 92,
       "forbidden rendering “Triumph” of 'triumf' (a translation, not the name); use “Triumf”",
       unit="s-1a2b3c4d", lang="en", term="triumf", found="Triumph", suggestions=("Triumf",), context="c0ffee0000000001"),
    # The same word twice in one sentence: identical but for the position.
    _f("TG101", "forbidden-term", Severity.ERROR, SOURCE, 29, 4, 29, 11,
       "forbidden rendering “Triumph” of 'triumf' (a translation, not the name); use “Triumf”",
       unit="s-5e6f7a8b", lang="en", term="triumf", found="Triumph", suggestions=("Triumf",), context="c0ffee0000000002"),
    _f("TG101", "forbidden-term", Severity.ERROR, SOURCE, 29, 40, 29, 47,
       "forbidden rendering “Triumph” of 'triumf' (a translation, not the name); use “Triumf”",
       unit="s-5e6f7a8b", lang="en", term="triumf", found="Triumph", suggestions=("Triumf",), context="c0ffee0000000002"),
    _f("TG201", "translit-drift", Severity.WARNING, SOURCE, 120, 12, 120, 21,
       "“Armiys.az” matches no romanisation of «Армия»; nearest accepted: “Armiya” (bgn-pcgn)",
       unit="r-00000014", lang="en", found="Armiys.az", suggestions=("Armiya",), context="c0ffee0000000003"),
    _f("TG204", "translit-house-scheme", Severity.INFO, SOURCE, 131, 1, 131, 9,
       "“Yermakov” is accepted by bgn-pcgn, not by the house scheme wikipedia (“Ermakov”)",
       unit="r-00000020", lang="en", found="Yermakov", suggestions=("Ermakov",), context="c0ffee0000000004"),
    # A document-level finding: no unit, no matched text, a message with CR, LF and markup.
    _f("TG403", "po-header", Severity.WARNING, RU, 1, 1, 1, 1,
       "header field Plural-Forms: missing,\r\nexpected \"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1)\" <ru> & co",
       lang="ru"),
    _f("TG101", "forbidden-term", Severity.ERROR, RU, 42, 19, 42, 26,
       "forbidden rendering “Триумпф” of 'triumf'; use “Триумф”",
       unit="s-1a2b3c4d", lang="ru", term="triumf", found="Триумпф", suggestions=("Триумф",), context="c0ffee0000000005"),
    # A finding with a fix whose content holds a PO escape (the edit is in the file's syntax).
    _f("TG101", "forbidden-term", Severity.ERROR, RU, 57, 8, 57, 16,
       "forbidden rendering “Триумпфа” (a form of “Триумпф”) of 'triumf'; use “Триумф”",
       unit="s-0badcafe", lang="ru", term="triumf", found="Триумпфа", suggestions=("Триумф",), context="c0ffee0000000007",
       fix=Fix(Applicability.SAFE, "replace “Триумпфа” with “Триумфа”",
               (Edit(57, 8, 57, 16, "Триумфа"), Edit(58, 1, 58, 3, '\\"')))),
    _f("TG101", "forbidden-term", Severity.ERROR, ODD, 3, 7, 4, 2,
       "100% wrong: “Kaan”, not “KAAN”",
       unit="s-99999999", lang="en", term="kaan", found="Kaan", suggestions=("KAAN",), context="c0ffee0000000006"),
)

REPORT = Report(findings=tuple(sorted(FINDINGS, key=Finding.sort_key)), files=(ODD, SOURCE, RU, CLEAN), units=321)

OPTIONS = RenderOptions(color=False, version="0.1.0", rules=RULES)

#: format name → golden file name under tests/reporters/golden/
GOLDENS = {
    "text": "report.txt",
    "json": "report.json",
    "sarif": "report.sarif",
    "github": "report.github.txt",
    "junit": "report.junit.xml",
    "gitlab": "report.gitlab.json",
}
