"""A forbidden-term finding says what to use and offers a fix: the two must agree.

The message's suggestion («use “…”») comes from the language's `inflect_like`, the fix's
replacement from `refit.russian_refit`; a form that reads several ways (a nominative
plural that is also the form after «две»; a genitive singular that is also a nominative
plural) must be read the same way by both.
"""

from __future__ import annotations

import pytest

from termguard.morph import russian
from termguard.morph.refit import russian_refit

PAIRS = [
    ("зенитная ракетная система", "зенитный ракетный комплекс"),
    ("зенитный ракетный комплекс", "зенитная ракетная система"),
    ("военная база", "военный объект"),
    ("крылатая ракета", "ракетный снаряд"),
    ("система", "комплекс"),
    ("ракета", "снаряд"),
    ("Триумпф", "Триумф"),
    ("боевой самолёт", "истребитель"),
]


@pytest.mark.parametrize(("lemma", "preferred"), PAIRS)
def test_the_suggestion_is_the_fix_in_every_form(lemma, preferred):
    forms = {form for _case, _number, form in russian.tagged_forms(lemma)}
    assert forms
    for form in sorted(forms):
        refit = russian_refit(form, lemma, preferred)
        if refit is None:
            continue
        suggestion = russian.inflect_like(preferred, form, lemma) or preferred
        assert suggestion == refit[0], (form, suggestion, refit)


def test_a_plural_after_no_numeral_is_not_suggested_in_the_counted_form():
    # «Зенитные ракетные системы прибыли»: a nominative plural, not «две … системы».
    assert russian.inflect_like("зенитный ракетный комплекс", "зенитные ракетные системы",
                                "зенитная ракетная система") == "зенитные ракетные комплексы"
    assert russian.inflect_like("военный объект", "военные базы", "военная база") == "военные объекты"


GLOSSARY = """
- id: sam
  kind: term
  ru: [зенитный ракетный комплекс, {text: зенитная ракетная система, status: forbidden}]
"""


@pytest.mark.parametrize("text", [
    "Зенитные ракетные системы прибыли.",
    "Поставили зенитные ракетные системы.",
    "Нет зенитной ракетной системы.",
    "Системы? Зенитные ракетные системы.",
])
def test_the_finding_message_names_the_fix(text):
    from termguard.config import Config
    from termguard.engine import Engine
    from termguard.fixes import apply_fixes
    from termguard.glossary import glossary_from_text

    engine = Engine(Config(select=("forbidden-term",)), glossary=glossary_from_text(GLOSSARY, "g.yaml"))
    po = f'msgid ""\nmsgstr "Language: ru\\n"\n\nmsgid "x"\nmsgstr "{text}"\n'
    (finding,) = engine.check_text("ru.po", po)
    assert finding.fix is not None
    fixed, applied = apply_fixes(po, [finding.fix])
    assert applied == 1
    # What the fix writes where the forbidden form stood is the suggestion the message names.
    start = po.index(finding.found)
    suggestion = finding.suggestions[0]
    assert fixed[start:start + len(suggestion)] == suggestion, (fixed, suggestion)
    assert f"use “{suggestion}”" in finding.message
