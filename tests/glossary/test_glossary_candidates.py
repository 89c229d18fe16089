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
    assert ("Институт Ближнего Востока", "outlet") in by_key  # the reference's emphasised outlet
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


SINGLES = """# Talks

Foreign Minister Hakan Fidan flew to Baku on Monday. Later Fidan met the European Commission in Brussels.
The European Commission said that Turkey's offer was noted; Bulgaria and Hungary asked for volumes.
Russian officials and Turkish diplomats stayed silent, as in March, while Kırklareli waited for BOTAŞ.
A Chinese delegation and the European Parliament were not involved [3, 4].
"""


def test_single_word_names_and_repeated_adjective_institutions():
    doc = read_document("doc.md", SINGLES)
    found = {(c.text, c.kind): c for c in find_candidates(doc, Glossary(()))}
    texts = {text for text, _ in found}
    # A surname, a capital city, a country (also at the start of a sentence: CLDR knows it).
    assert {"Fidan", "Baku", "Brussels", "Turkey", "Bulgaria", "Hungary", "Kırklareli"} <= texts
    assert ("BOTAŞ", "acronym") in found
    # A title is not part of the name.
    assert "Hakan Fidan" in texts and not any(t.startswith(("Foreign", "Minister")) for t in texts)
    # Repeated, the adjective belongs to the institution's name; once, it does not.
    assert found[("European Commission", "name")].count == 2
    assert "European Parliament" not in texts and "Parliament" in texts
    # Nationality adjectives, months, weekdays and function words are no names.
    assert not texts & {"Russian", "Turkish", "Chinese", "March", "Monday", "Later", "The", "European"}


def test_context_keeps_citation_brackets_but_not_link_brackets():
    doc = read_document("doc.md", SINGLES + "\nSee [the Kremlin site](http://kremlin.ru) and Ankara [5].\n")
    found = {c.text: c for c in find_candidates(doc, Glossary(()))}
    assert found["Parliament"].context.endswith("were not involved [3, 4].")
    assert "Ankara [5]" in found["Ankara"].context and "[the Kremlin" not in found["Ankara"].context


def test_quoted_utterances_are_not_names_and_quoted_names_lose_the_sentences_comma():
    text = ('# Notes\n\n"We will not step back," said the minister. The system, called "Siper," and the '
            '“Triumf.” were named. He said: «Мы не отступим.»\n')
    found = find_candidates(read_document("doc.md", text), Glossary(()))
    quoted = {c.text for c in found if c.kind == "quoted"}
    assert quoted == {"Siper", "Triumf"}, quoted
