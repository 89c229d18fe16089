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


HEADINGS = """# Report

## 3. Tools of American pressure

## Akkuyu Nuclear Plant

Work at the Akkuyu Nuclear Plant goes on. The tools were American.

- [1] "Erdogan Asks Putin to Take Back Missiles to US Favor". *Bloomberg*, 17.12.2025.
- [2] "Lockheed Martin Delays". *Reuters*, 01.02.2024.
"""


def test_heading_capitals_and_cited_headlines_are_not_names():
    doc = read_document("doc.md", HEADINGS)
    found = {(c.text, c.kind) for c in find_candidates(doc, Glossary(()))}
    # "Tools" is capitalised only where a heading starts: a common word, not a name.
    assert not any(text.startswith(("Tools", "American")) for text, _ in found)
    # A name at the start of a heading stays, as the document writes it mid-sentence too.
    assert ("Akkuyu Nuclear Plant", "name") in found
    # Words of a headline in title case are no name; a short quoted name still is a candidate.
    assert not any("Take Back" in text or "Asks Putin" in text for text, _ in found)
    assert ("Lockheed Martin Delays", "quoted") in found
