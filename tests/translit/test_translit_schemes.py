"""The romanisation layer over iuliia: every Russian scheme, quirks fixed, samples pass."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from termguard.translit.schemes import (
    ENGLISH_SCHEMES,
    SCHEMES,
    fold,
    resolve_scheme,
    romanizations,
    romanize,
)


def _iuliia_schema_files() -> dict[str, Path]:
    """The schema files iuliia ships (read from the installed package, not from a copy)."""
    import iuliia

    folder = Path(iuliia.__file__).parent / "schemas"
    return {p.stem: p for p in folder.glob("*.json")}


def _expected(sample: str) -> str:
    # The one quirk that changes a sample: Cyrillic ё left in the output is Latin ë.
    return sample.replace("ё", "ë").replace("Ё", "Ë")


def test_every_russian_scheme_of_iuliia_is_carried():
    shipped = set(_iuliia_schema_files()) - {"uz"}  # uz is Uzbek Cyrillic, not Russian
    assert {s.key for s in SCHEMES} == shipped


@pytest.mark.parametrize("scheme", [s.key for s in SCHEMES])
def test_published_samples_pass_through_the_layer(scheme):
    data = json.loads(_iuliia_schema_files()[scheme].read_text(encoding="utf-8"))
    samples = data.get("samples") or []
    assert samples, f"iuliia ships no samples for {scheme}"
    for source, latin in samples:
        assert romanize(source, scheme, folded=False) == _expected(latin)
        assert romanize(source, scheme) == fold(_expected(latin))


@pytest.mark.parametrize("scheme", [s.key for s in SCHEMES])
def test_no_cyrillic_left_in_any_output(scheme):
    out = romanize("Ёлкин съел ещё щей в Объединённом ЦИК", scheme, folded=False)
    assert not any("\u0400" <= ch <= "\u04ff" for ch in out), out


def test_all_caps_words_stay_capitals():
    assert romanize("ЦИК", "wikipedia") == "TSIK"
    assert romanize("РБК и ЦИК", "bgn_pcgn") == "RBK i TSIK"
    assert romanize("Цик", "wikipedia") == "Tsik"
    # A one-letter initial is not an acronym: Ю. → Yu.
    assert romanize("Ю. Цой", "wikipedia") == "Yu. Tsoy"


def test_yo_is_latin_and_folded():
    assert romanize("Горбачёв", "bgn_pcgn", folded=False) == "Gorbachëv"
    assert romanize("Горбачёв", "bgn_pcgn") == "Gorbachev"
    assert romanize("Горбачёв", "wikipedia") == "Gorbachyov"


def test_fold_drops_diacritics_and_sign_marks():
    assert fold("I͡ulii͡a") == "Iuliia"
    assert fold("sʺeshʹ") == "sesh"
    assert fold("Gorbačëv") == "Gorbacev"
    assert fold("Erdoğan") == "Erdogan"


def test_known_names_under_several_schemes():
    forms = romanizations("Ермаков")
    assert forms["wikipedia"] == "Yermakov"
    assert forms["bgn_pcgn"] == "Yermakov"
    assert forms["icao_doc_9303"] == "Ermakov"
    assert forms["gost_779"] == "Ermakov"
    assert romanize("Стародубцев", "gost_779") == "Starodubcev"
    assert romanize("Стародубцев", "wikipedia") == "Starodubtsev"


def test_latin_and_digits_pass_through():
    assert romanize("С-400 and F-35", "wikipedia") == "S-400 and F-35"


def test_resolve_aliases_and_unknown():
    assert resolve_scheme("BGN").key == "bgn_pcgn"
    assert resolve_scheme("iso9").key == "gost_779"
    assert resolve_scheme("scholarly").key == "scientific"
    assert resolve_scheme("ICAO").key == "icao_doc_9303"
    assert resolve_scheme("Wikipedia").key == "wikipedia"
    with pytest.raises(ValueError, match="unknown romanisation scheme"):
        resolve_scheme("klingon")


def test_french_scheme_romanises_but_is_not_an_english_spelling():
    assert romanize("Максим", "mvd_310_fr") == "Maxim"
    assert "mvd_310_fr" not in {s.key for s in ENGLISH_SCHEMES}


def test_iuliia_and_pymorphy_are_imported_lazily():
    code = (
        "import sys, termguard.translit, termguard.sources, termguard.checks as c; c.all_rules();"
        "print('iuliia' in sys.modules, 'pymorphy3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
