"""TG502 glossary-duplicate: ids, YAML keys and renderings given twice."""

from __future__ import annotations

from termguard.checks import get_rule
from termguard.glossary import Glossary
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.glossary_lint import lint


def _dups(*files: tuple[str, str]):
    all_entries, all_problems = [], []
    for path, text in files:
        entries, problems = parse_yaml_glossary(text, path)
        all_entries += entries
        all_problems += problems
    return [f for f in lint(Glossary(tuple(all_entries)), all_problems) if f.code == "TG502"]


def test_rule_is_registered():
    assert get_rule("glossary-duplicate").code == "TG502"


def test_duplicate_id_across_files_names_the_first():
    found = _dups(("a.yaml", "- id: kyiv\n  en: [Kyiv]\n"), ("b.yaml", "# other\n- id: kyiv\n  en: [Kyiv]\n"))
    assert len(found) == 1
    assert (found[0].path, found[0].line) == ("b.yaml", 2)
    assert "a.yaml:1" in found[0].message


def test_duplicate_yaml_key_is_an_error_not_silently_overwritten():
    found = _dups(("a.yaml", "- id: kyiv\n  en: [Kyiv]\n  ru: [Киев]\n  en: [Kiev]\n"))
    assert [(f.line, f.severity.value) for f in found] == [(4, "error")]
    assert "first at line 2" in found[0].message


def test_same_rendering_twice_in_one_language():
    found = _dups(("a.yaml", "- id: kyiv\n  en:\n    - Kyiv\n    - Kyiv\n"))
    assert [f.line for f in found] == [4]


def test_same_text_in_two_languages_is_fine():
    assert _dups(("a.yaml", "- id: kaan\n  en: [KAAN]\n  tr: [KAAN]\n")) == []
