"""Term candidates: acronyms, capitalised names, quoted names, Russian names in references."""

from __future__ import annotations

from termguard.glossary import Glossary
from termguard.glossary.candidates import find_candidates
from termguard.glossary.yaml_loader import parse_yaml_glossary
from termguard.readers import read_document

DOC = """# Report

The SSB signed with Lockheed Martin. Later the SSB and the Presidency of Defense Industries met.
According to Bloomberg, the “Triumf” deal and the "Siper" system were discussed with NATO.

## References

- [1] А. Ермаков, «Турецкий пат». *Коммерсантъ*, 07.10.2025.
- [2] И. Стародубцев. *Институт Ближнего Востока*, 10.03.2024.
"""


def _candidates(glossary_yaml: str = ""):
    entries, _ = parse_yaml_glossary(glossary_yaml, "g.yaml") if glossary_yaml else ([], [])
    doc = read_document("doc.md", DOC)
    return find_candidates(doc, Glossary(tuple(entries)))


def test_kinds_counts_and_order():
    found = _candidates()
    by_key = {(c.text, c.kind): c for c in found}
    assert by_key[("SSB", "acronym")].count == 2
    assert found[0].text == "SSB"  # most frequent first
    assert ("Lockheed Martin", "name") in by_key
    assert ("Presidency of Defense Industries", "name") in by_key
    assert ("Triumf", "quoted") in by_key and ("Siper", "quoted") in by_key
    assert ("Ермаков", "russian-name") in by_key and ("Стародубцев", "russian-name") in by_key
    assert ("Институт Ближнего Востока", "russian-name") in by_key
    # Sentence-initial function words are not part of a name.
    assert not any(c.text.startswith(("According", "The ")) for c in found)


def test_first_occurrence_position_and_context():
    ssb = next(c for c in _candidates() if c.text == "SSB")
    assert (ssb.line, ssb.column) == (3, 5)
    assert "SSB signed with Lockheed Martin" in ssb.context


def test_glossary_terms_are_not_candidates():
    glossary = (
        "- id: ssb\n  kind: organization\n  en: [SSB, Presidency of Defense Industries]\n"
        "- id: ermakov\n  kind: person\n  ru: [Ермаков]\n  en: [Ermakov]\n"
    )
    texts = {c.text for c in _candidates(glossary)}
    assert "SSB" not in texts and "Presidency of Defense Industries" not in texts and "Ермаков" not in texts
    assert "Lockheed Martin" in texts
