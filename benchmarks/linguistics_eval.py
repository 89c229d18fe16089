"""Found / flagged counts on the linguistic-accuracy fixtures (`tests/fixtures/linguistics`).

Each PO entry states its expected findings in a `#. expect:` comment; this prints, per
language, how many planted errors the term rules find and how many correct entries they
flag, and the drifts and outlet findings of the reference-citing note.

    python benchmarks/linguistics_eval.py
"""

from __future__ import annotations

from pathlib import Path

from termguard.config import Config
from termguard.engine import Engine
from termguard.glossary import load_glossary
from termguard.readers.po import parse_po

FIX = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "linguistics"
RULES = ("forbidden-term", "missing-term", "untranslated-term")


def main() -> None:
    """Print the counts."""
    glossary = load_glossary(FIX / "glossary.yaml")
    engine = Engine(Config(select=RULES), glossary=glossary)
    for name in ("ru.po", "tr.po"):
        path = FIX / name
        text = path.read_text(encoding="utf-8")
        doc = parse_po(text, str(path))
        expected = {u.id: set(next(c for c in u.comments if c.startswith("expect:")).split()[1:]) - {"ok"}
                    for u in doc.units}
        got: dict[str, set[str]] = {uid: set() for uid in expected}
        for f in engine.check_text(str(path), text):
            got[f.unit].add(f"{f.rule}:{f.term}")
        errors = [u for u in expected if expected[u]]
        found = [u for u in errors if got[u]]
        flagged = [u for u in expected if not expected[u] and got[u]]
        print(f"{name}: errors found {len(found)}/{len(errors)}, correct entries flagged {len(flagged)}/{len(expected) - len(errors)}")
        for u in expected:
            if got[u] != expected[u]:
                print(f"    {u}: expected {sorted(expected[u])}, got {sorted(got[u])}")
    note = FIX / "note.en.md"
    notes = Engine(Config(select=("translit-drift", "reference-mismatch")), glossary=glossary)
    for f in notes.check_text(str(note), note.read_text(encoding="utf-8")):
        if f.rule == "translit-drift" or "outlet" in f.message:
            print(f"note.en.md: {f.rule} {f.found} -> {', '.join(f.suggestions)}")


if __name__ == "__main__":
    main()
