"""A small project for the language server tests: a glossary and a Russian PO file."""

from __future__ import annotations

from pathlib import Path

GLOSSARY = """\
- id: triumf
  kind: name
  note: Name of the S-400 system. Transliterate, never translate.
  origin: {lang: ru, text: Триумф}
  en: [Triumf, {text: Triumph, status: forbidden, note: "a translation, not the name"}]
  ru: [Триумф, {text: Триумпф, status: forbidden}]

- id: air-defense
  kind: term
  note: The general term.
  en: [air defense, {text: anti-aircraft defence, status: superseded}]
  ru: [противовоздушная оборона, {text: ПВО, status: admitted}]
"""

HEADER = """\
msgid ""
msgstr ""
"Language: ru\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

"""

#: One entry whose translation writes the forbidden «Триумпф» after an emoji (outside the
#: BMP: one code point, two UTF-16 code units).
PO = HEADER + """\
#. sentence
msgctxt "s-1"
msgid "The S-400 Triumf is here."
msgstr "🚀 С-400 «Триумпф» здесь."

#. sentence
msgctxt "s-2"
msgid "Turkey bought air defense systems."
msgstr "Турция купила системы противовоздушной обороны."
"""


def write_project(root: Path, po: str = PO) -> Path:
    """Write glossary/ and translations/ru.po under `root`; return the PO file's path."""
    (root / "glossary").mkdir()
    (root / "glossary" / "terms.yaml").write_text(GLOSSARY, encoding="utf-8")
    (root / "translations").mkdir()
    path = root / "translations" / "ru.po"
    path.write_text(po, encoding="utf-8")
    return path
