"""Deterministic synthetic en→ru PO corpora for benchmarks, with planted term errors.

Used by `benchmarks/run.py` when the shared corpus generator is not available. Writes the
same set of files: `corpus_e{E}_t{T}.po`, `corpus_e{E}_t{T}.truth.jsonl`,
`glossary_t{T}.csv`, `glossary_t{T}.tbx`, `notranslate_t{T}.txt`, `musttranslate_t{T}.txt`.

    python benchmarks/corpus_gen.py --entries 100000 --terms 10000 --out DIR
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from xml.sax.saxutils import escape

# Russian case endings for a hard-stem masculine noun: nom, gen, dat, acc, ins, prep.
_ENDINGS = ("", "а", "у", "", "ом", "е")
_CASES = {"nom": 0, "gen": 1, "dat": 2, "acc": 3, "ins": 4, "prep": 5}
_SYLLABLES_EN = ["kor", "tan", "vel", "mir", "zor", "bal", "gen", "dor", "lin", "rum", "sat", "nek"]
_TRANSLIT = {"k": "к", "o": "о", "r": "р", "t": "т", "a": "а", "n": "н", "v": "в", "e": "е", "l": "л",
             "m": "м", "i": "и", "z": "з", "b": "б", "g": "г", "d": "д", "u": "у", "s": "с"}
_TEMPLATES = [
    ("The {t} was delivered in {n}.", "{t_nom} был поставлен в {n} году.", "nom"),
    ("Experts discussed the {t} in {n}.", "Эксперты обсуждали {t_acc} в {n} году.", "acc"),
    ("{n} units of the {t} were built.", "Было построено {n} единиц {t_gen}.", "gen"),
    ("Ankara is satisfied with the {t}.", "Анкара довольна {t_ins}.", "ins"),
    ("Reports about the {t} appeared in {n}.", "Сообщения о {t_prep} появились в {n} году.", "prep"),
]
_ACRONYMS = ["CAATSA", "KAAN", "NATO"]


def _term(rng: random.Random, index: int) -> tuple[str, str]:
    word = "".join(rng.choice(_SYLLABLES_EN) for _ in range(2 + index % 2))
    en = word.capitalize()
    ru = "".join(_TRANSLIT.get(ch, ch) for ch in word).capitalize()
    return en, ru


def generate(entries: int, terms: int, out: Path, seed: int = 7, error_rate: float = 0.03) -> None:
    """Write the corpus, its truth file, the glossary (CSV and TBX) and pofilter word lists."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    glossary = []
    seen = set()
    for i in range(terms):
        en, ru = _term(rng, i)
        while en in seen:
            en, ru = en + "a", ru + "а"
        seen.add(en)
        forbidden = ru[:-1] + "ф" if not ru.endswith("ф") else ru + "ф"
        glossary.append((en, ru, forbidden))
    with open(out / f"glossary_t{terms}.csv", "w", encoding="utf-8") as handle:
        handle.write("source,target,forbidden,kind,forms\n")
        for en, ru, forbidden in glossary:
            forms = "|".join(ru + e for e in _ENDINGS)
            handle.write(f"{en},{ru},{forbidden},name,{forms}\n")
    with open(out / f"glossary_t{terms}.tbx", "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<tbx style="dca" type="TBX-Basic" xml:lang="en" '
                     'xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n')
        for i, (en, ru, forbidden) in enumerate(glossary):
            handle.write(
                f'<conceptEntry id="c{i}"><langSec xml:lang="en"><termSec><term>{escape(en)}</term></termSec></langSec>'
                f'<langSec xml:lang="ru"><termSec><term>{escape(ru)}</term><termNote type="administrativeStatus">'
                f'preferredTerm-admn-sts</termNote></termSec><termSec><term>{escape(forbidden)}</term>'
                f'<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>\n'
            )
        handle.write("</body></text>\n</tbx>\n")
    (out / f"notranslate_t{terms}.txt").write_text("\n".join(_ACRONYMS) + "\n", encoding="utf-8")
    (out / f"musttranslate_t{terms}.txt").write_text("\n".join(en.lower() for en, _, _ in glossary) + "\n", encoding="utf-8")
    po = out / f"corpus_e{entries}_t{terms}.po"
    truth = out / f"corpus_e{entries}_t{terms}.truth.jsonl"
    with open(po, "w", encoding="utf-8") as handle, open(truth, "w", encoding="utf-8") as truth_handle:
        handle.write('msgid ""\nmsgstr ""\n"Project-Id-Version: bench 1.0\\n"\n"Language: ru\\n"\n'
                     '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for i in range(entries):
            en, ru, forbidden = glossary[rng.randrange(terms)]
            src_t, tgt_t, case = _TEMPLATES[i % len(_TEMPLATES)]
            year = 1990 + rng.randrange(35)
            form = ru + _ENDINGS[_CASES[case]]
            kind = None
            if rng.random() < error_rate:
                kind = rng.choice(["forbidden", "untranslated", "dropped"])
                form = {"forbidden": forbidden + _ENDINGS[_CASES[case]], "untranslated": en, "dropped": "его"}[kind]
            target = tgt_t.format(n=year, **{f"t_{c}": form for c in _CASES})
            source = src_t.format(t=en, n=year)
            handle.write(f'#: src/mod{i // 1000}.c:{i % 1000}\nmsgctxt "e{i}"\nmsgid "{source}"\nmsgstr "{target}"\n\n')
            if kind:
                truth_handle.write(json.dumps({"i": i, "ctx": f"e{i}", "kind": kind, "term": en}) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--error-rate", type=float, default=0.03)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--glossary-only", action="store_true")
    args = parser.parse_args()
    generate(0 if args.glossary_only else args.entries, args.terms, args.out, args.seed, args.error_rate)


if __name__ == "__main__":
    main()
