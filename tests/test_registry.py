"""The rule registry: the registered classes are the one table of rules. Every rule declares
code, name, severity, options with defaults and docs; names, codes, configuration keys and
suppressions resolve through it; rule options in the configuration are checked against the
declarations."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from termguard.checks import (
    CODE_RANGES,
    REGISTRY,
    Option,
    Rule,
    all_rules,
    declared_options,
    get_rule,
    register,
    rule_codes,
)
from termguard.cli import main
from termguard.config import load_config, rule_names
from termguard.errors import ConfigError
from termguard.model import Severity
from termguard.suppressions import markdown_directives

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_declares_what_the_registry_needs(rule):
    assert isinstance(rule.code, str) and isinstance(rule.name, str)
    assert isinstance(rule.severity, Severity)
    assert isinstance(rule.options, tuple)
    for option in rule.options:
        assert isinstance(option, Option)
        assert isinstance(option.default, option.kind)
        assert option.help.strip()
        # `namespace.name`: set in the configuration as `name = ...` in a `[namespace]` table.
        assert option.key.count(".") == 1
    assert inspect.getdoc(rule) and "What:" in inspect.getdoc(rule)
    assert get_rule(rule.name) is rule
    assert get_rule(rule.code) is rule and get_rule(rule.code.lower()) is rule


def test_codes_unique_and_in_their_ranges():
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes) == len({r.name for r in RULES})
    assert codes == sorted(codes)
    for rule in RULES:
        hundred = int(rule.code[2])
        assert hundred in CODE_RANGES, rule.code
        # glossary lint rules, and only they, are TG5xx and named glossary-*
        assert (hundred == 5) == (rule.applies_to == "glossary") == rule.name.startswith("glossary-"), rule.name


def test_name_and_code_lookup_resolve_selections():
    assert rule_codes()["forbidden-term"] == "TG101"
    assert rule_names(["TG101"], "--select") == ["forbidden-term"]
    assert rule_names(["tg101", "missing-term"], "--select") == ["forbidden-term", "missing-term"]
    assert rule_names(["glossary-*"], "--select") == [r.name for r in RULES if r.name.startswith("glossary-")]
    assert rule_names(["ALL"], "--select") == [r.name for r in RULES]
    with pytest.raises(ConfigError) as info:
        rule_names(["forbiden-term"], "--select")
    assert "did you mean 'forbidden-term'?" in info.value.message
    assert get_rule("TG999") is None and get_rule("no-such-rule") is None


def test_suppressions_resolve_codes_and_names_through_the_registry():
    text = "<!-- termguard: ignore TG101, missing-term, TG000 -->\nA paragraph.\n"
    rules = {d.token: d.rule for d in markdown_directives(text)}
    assert rules == {"TG101": "forbidden-term", "missing-term": "missing-term", "TG000": None}


def test_register_refuses_a_code_used_twice_and_malformed_names():
    before = dict(REGISTRY)

    class Twin(Rule):
        """Twin."""

        code = RULES[0].code
        name = "twin-rule"
        severity = Severity.INFO

    class BadName(Rule):
        """Bad."""

        code = "TG899"
        name = "Bad_Name"
        severity = Severity.INFO

    class BadDefault(Rule):
        """Bad default."""

        code = "TG898"
        name = "bad-default"
        severity = Severity.INFO
        options = (Option("bad.default", 3, str, "a string option with a number for default"),)

    for cls in (Twin, BadName, BadDefault):
        with pytest.raises(RuntimeError):
            register(cls)
    assert before == REGISTRY


def test_rules_that_share_an_option_declare_it_alike():
    options = declared_options()
    assert "translit.scheme" in options
    option, readers = options["translit.scheme"]
    assert option.default == "wikipedia"
    # The configuration file's default agrees (a Config built in code uses the declaration's).
    from termguard.config import DEFAULT_SCHEME

    assert option.default == DEFAULT_SCHEME
    assert {"translit-drift", "translit-house-scheme"} <= set(readers)


def _config(tmp_path, monkeypatch, body: str):
    (tmp_path / "termguard.toml").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return load_config()


def test_a_rule_option_is_read_with_its_default(tmp_path, monkeypatch):
    assert _config(tmp_path, monkeypatch, '[translit]\nscheme = "bgn-pcgn"\n').options["translit.scheme"] == "bgn_pcgn"
    assert _config(tmp_path, monkeypatch, 'select = ["ALL"]\n').options["translit.scheme"] == "wikipedia"


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ('select = ["ALL"]\n[translit]\nschema = "wikipedia"\n', 3, "unknown key 'translit.schema'; did you mean 'translit.scheme'?"),
        ('translit.shceme = "wikipedia"\n', 1, "did you mean 'translit.scheme'?"),
        ('[translit]\nscheme = 3\n', 2, "'translit.scheme' must be a string"),
        ('[translit]\nscheme = "no-such-scheme"\n', 2, "translit --help"),
        ('translitt = {scheme = "bgn"}\n', 1, "unknown key 'translitt' in termguard configuration; did you mean 'translit'?"),
    ],
)
def test_unknown_or_wrong_options_are_refused_at_their_line(tmp_path, monkeypatch, body, line, needle):
    with pytest.raises(ConfigError) as info:
        _config(tmp_path, monkeypatch, body)
    assert needle in info.value.message
    assert info.value.line == line


def test_the_cli_refuses_an_unknown_option_with_one_line(tmp_path, monkeypatch):
    (tmp_path / "termguard.toml").write_text('[translit]\nschem = "wikipedia"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "--select", "fuzzy"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "termguard: error: termguard.toml:2: unknown key 'translit.schem'; did you mean 'translit.scheme'?; "
        "known: translit.scheme\n"
    )


def test_importing_every_rule_loads_no_heavy_library():
    """Name and code lookup imports every rule module: each must import only what its class
    needs to exist, the heavy libraries inside the functions that use them."""
    code = (
        "import sys, termguard.checks as c; c.all_rules(); "
        "heavy = ('babel', 'rapidfuzz', 'pymorphy3', 'iuliia', 'Stemmer', 'termguard.numbers', 'difflib', 'yaml'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(heavy)))"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]"
