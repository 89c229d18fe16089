"""Run configuration: which glossary, which rules, which severities, which files.

A run's `Config` comes from `[tool.termguard]` in `pyproject.toml` or from `termguard.toml`
(top-level keys, or the same `[tool.termguard]` table), the first found from the working
directory upwards, then the command-line options on top. `--config FILE` names the file,
`--isolated` ignores every file. An unknown key, rule, severity or scheme is a
`ConfigError` naming the file and line, so a typo never silently disables a check.
The engine only reads the result.

```toml
[tool.termguard]
glossary = "glossary"
sources = ["sources/ru"]
select = ["ALL"]
ignore = ["date-format"]
severity = {translit-drift = "error"}
per-file-ignores = {"translations/old/*.po" = ["fuzzy", "untranslated"]}
exclude = ["vendor/", "*.generated.md"]
translit.scheme = "wikipedia"
languages = ["ru", "tr"]
paths = ["seeds", "translations"]   # what `check` with no PATHS (and the pre-commit hook) checks
baseline = ".termguard-baseline.json"  # as if --baseline were given
```
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from termguard.errors import ConfigError
from termguard.model import Severity

CONFIG_FILES = ("termguard.toml", "pyproject.toml")
KNOWN_KEYS = (
    "glossary", "sources", "select", "ignore", "severity", "per-file-ignores", "exclude", "languages",
    "paths", "baseline",
)
#: The document and translation paths checked when the configuration names none.
DEFAULT_PATHS = ("seeds", "translations")
DEFAULT_SCHEME = "wikipedia"


@dataclass(frozen=True)
class Config:
    """Everything a check run needs to know besides the files.

    `root` is the directory that `exclude` and `per-file-ignores` patterns are relative to
    (the configuration file's directory, else the working directory). `options` carries
    rule options by dotted name (`translit.scheme`, `languages`; the CLI adds `sources`, the
    loaded texts of the `sources` directories).
    """

    glossary: str | None = "glossary"
    glossary_required: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    source_lang: str = "en"
    options: dict[str, object] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    languages: tuple[str, ...] = ()
    root: str | None = None
    path: str | None = None
    paths: tuple[str, ...] = ()
    baseline: str | None = None

    def checked_paths(self) -> tuple[str, ...]:
        """The document and translation paths a run checks when none are named: the
        configured `paths`, else `seeds/` and `translations/` (next to the configuration)."""
        if self.paths:
            return self.paths
        base = self.root or os.getcwd()
        out = []
        for name in DEFAULT_PATHS:
            full = os.path.join(base, name)
            rel = os.path.relpath(full)
            out.append(full if rel.startswith("..") else rel)
        return tuple(out)

    def hook_paths(self, names: Iterable[str]) -> tuple[str, ...]:
        """What a pre-commit run over the file `names` checks (`check --force-exclude`).

        Only files inside the checked paths (`checked_paths`) are kept, so a README, a
        changelog or `requirements.txt` is not linted as a translation. A glossary file among
        the names stands for every checked path: one glossary edit can change the findings
        of any file, and checking them once here, in the same run, reports each finding once.
        """
        roots = [os.path.abspath(p) for p in self.checked_paths()]
        glossary = os.path.abspath(self.glossary) if self.glossary else None
        kept: list[str] = []
        for name in names:
            full = os.path.abspath(name)
            if glossary and (full == glossary or full.startswith(glossary.rstrip(os.sep) + os.sep)):
                from termguard.files import has_checkable

                return tuple(p for p in self.checked_paths() if has_checkable(p))
            if name == "-" or any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots):
                kept.append(name)
        return tuple(kept)

    #: Paths the configuration file named: (key, path as used, as written, line).
    origins: tuple[tuple[str, str, str, int | None], ...] = ()

    def missing_glossary(self) -> str | None:
        """Say so when no glossary was found, so that a run without term rules is never
        mistaken for a clean one: None when there is a glossary to load (or one was named:
        loading it reports a missing one), else a note naming the path tried and the term
        rules that will not run. Raises `ConfigError` when such a rule was selected by
        name or code (`--select missing-term`, `select = ["TG102"]`): that run cannot do
        what was asked."""
        if self.glossary is None or self.glossary_required or Path(self.glossary).exists():
            return None
        from termguard.checks import rules_named

        chosen = self.resolve_rules()
        term_rules = [cls.name for cls in rules_named(chosen) if cls.needs_glossary and cls.applies_to != "glossary"]
        tried = os.path.abspath(self.glossary)
        named = [
            name for value in self.select if value.upper() != "ALL" and not value.endswith("*")
            for name in rule_names([value], "select") if name in term_rules
        ]
        if named:
            raise ConfigError(
                f"{', '.join(named)} selected, but no glossary was found (tried {tried}); "
                "pass --glossary PATH or set `glossary` in [tool.termguard]"
            )
        if not term_rules:
            return None
        return (
            f"no glossary found (tried {tried}); the term rules ({', '.join(term_rules)}) did not run: "
            "pass --glossary PATH or set `glossary` in [tool.termguard]"
        )

    def check_paths(self) -> None:
        """Raise `ConfigError` for a glossary or sources path from the configuration file
        that does not exist, naming the file, the line and the key: a typo there would
        otherwise check nothing (no glossary) or miss every source text. Paths that the
        command line replaced are not the file's concern any more."""
        for key, used, written, line in self.origins:
            current = (self.glossary,) if key == "glossary" else self.sources
            if used not in current:
                continue
            full = Path(self.root or ".") / written
            if key == "sources" and full.exists() and not full.is_dir():
                problem = "is not a directory"
            elif not full.exists():
                problem = "does not exist"
            else:
                continue
            what = "a directory of source texts" if key == "sources" else "the glossary (a directory, .yaml, .tbx or .csv)"
            raise ConfigError(
                f"key {key!r} names {written!r}, which {problem} (relative to {self.root}); fix the key or create {what}",
                self.path,
                line,
            )

    def resolve_rules(self) -> list[str]:
        """Names of the rules to run; unknown names in select/ignore are config errors."""
        from termguard.checks import rule_codes

        codes = rule_codes()
        chosen = set(rule_names(self.select, "select")) if self.select else set(codes)
        chosen -= set(rule_names(self.ignore, "ignore"))
        return [name for name in codes if name in chosen]

    def relative(self, path: str) -> str:
        """`path` relative to the configuration root, `/`-separated (for pattern matching)."""
        root = self.root or os.getcwd()
        rel = os.path.relpath(os.path.abspath(path), root)
        return rel.replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        """True when an `exclude` pattern matches the file or one of its directories."""
        return bool(self.exclude) and any(glob_match(p, self.relative(path)) for p in self.exclude)

    def ignored_rules(self, path: str) -> frozenset[str]:
        """Rule names that `per-file-ignores` switches off for this file."""
        if not self.per_file_ignores:
            return frozenset()
        rel = self.relative(path)
        out: set[str] = set()
        for pattern, names in self.per_file_ignores:
            if glob_match(pattern, rel):
                out.update(names)
        return frozenset(out)

    def with_cli(
        self,
        *,
        glossary: str | None = None,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        lang: str | None = None,
    ) -> Config:
        """This configuration with command-line options on top.

        `--glossary` and `--select` replace the file's values; `--ignore` adds to them.
        """
        changes: dict[str, Any] = {}
        if glossary is not None:
            changes.update(glossary=glossary, glossary_required=True)
        select = tuple(select)
        if select:
            rule_names(select, "--select")
            changes["select"] = select
        ignore = tuple(ignore)
        if ignore:
            rule_names(ignore, "--ignore")
            changes["ignore"] = self.ignore + ignore
        if lang is not None:
            changes["lang"] = lang
        return replace(self, **changes) if changes else self


def rule_names(values: Iterable[str], what: str, path: str | None = None, line: int | None = None) -> list[str]:
    """Resolve rule names, codes, `prefix*` and `ALL` to rule names; unknown → ConfigError."""
    from termguard.checks import rule_codes, suggest

    codes = rule_codes()
    out: list[str] = []
    for value in values:
        if value.upper() == "ALL":
            out.extend(codes)
            continue
        matched = [
            name for name, code in codes.items()
            if name == value or code == value.upper() or (value.endswith("*") and name.startswith(value[:-1]))
        ]
        if not matched:
            near = suggest(value, codes) or suggest(value.upper(), codes.values())
            raise ConfigError(f"unknown rule {value!r} in {what}{near}; `termguard rules` lists them", path, line)
        out.extend(matched)
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob with `**` (any directories), `*`, `?` and `[...]` into a regex."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            j = pattern.find("]", i + 1)
            if j == -1:
                out.append(re.escape("["))
                i += 1
            else:
                out.append(fnmatch.translate(pattern[i : j + 1])[4:-3])
                i = j + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_match(pattern: str, rel: str) -> bool:
    """Does a pattern match a root-relative path, gitignore-style?

    A pattern with a `/` (other than a trailing one) is anchored at the root; one without
    matches at any depth (`*.pot`, `vendor`). A pattern also matches everything below a
    directory it matches (`vendor/`, `translations/old`).
    """
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    pattern = pattern.rstrip("/")
    if not pattern:
        return False
    anchored = "/" in pattern
    regex = _glob_regex(pattern.lstrip("/"))
    parts = rel.split("/")
    # Every prefix of the path (directories, then the file itself) may match.
    for n in range(1, len(parts) + 1):
        candidates = ["/".join(parts[:n])] if anchored else ["/".join(parts[k:n]) for k in range(n)]
        if any(regex.match(c) for c in candidates):
            return True
    return False


def find_config_file(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The nearest `termguard.toml`, or `pyproject.toml` with `[tool.termguard]`, upwards."""
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        toml = directory / "termguard.toml"
        if toml.is_file():
            return toml
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_termguard_table(pyproject):
            return pyproject
    return None


def _has_termguard_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that is not ours: not our business unless it names us.
        try:
            return "[tool.termguard" in path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return isinstance(data.get("tool"), dict) and "termguard" in data["tool"]


def _line_of(text: str, *needles: str) -> int | None:
    """The first line (1-based) after the termguard table that contains every needle."""
    lines = text.splitlines()
    start = 0
    for i, line in enumerate(lines):
        if line.strip().startswith("[tool.termguard"):
            start = i
            break
    for i in range(start, len(lines)):
        code = lines[i].split("#", 1)[0]
        if all(n in code for n in needles):
            return i + 1
    return None


def _strings(value: Any, key: str, path: str, text: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{key!r} must be a string or a list of strings", path, _line_of(text, key))


def read_settings_file(path: str | Path, shown: str, what: str, fix: str) -> str:
    """Read a small UTF-8 settings file (configuration, baseline) or raise a one-line ConfigError."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{what} file not found; {fix}", shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {what}: {exc}", shown) from None


def load_config_file(path: str | os.PathLike[str], shown: str | None = None) -> Config:
    """Read and validate one configuration file into a Config (paths relative to its directory).

    `shown` is how errors name the file (default: `path` as given).
    """
    p = Path(path)
    shown = shown or str(path)
    text = read_settings_file(p, shown, "configuration", "check the --config path")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        line = int(m.group(1)) if m else (len(text.splitlines()) or 1 if "end of document" in str(exc) else None)
        raise ConfigError(f"invalid TOML: {exc}; fix the syntax", shown, line) from None
    tool = data.get("tool")
    if isinstance(tool, dict) and "termguard" in tool:
        table = tool["termguard"]
    elif p.name == "pyproject.toml":
        raise ConfigError("no [tool.termguard] table; add one or use termguard.toml", shown)
    else:
        table = {k: v for k, v in data.items() if k != "tool"}
    if not isinstance(table, dict):
        raise ConfigError("[tool.termguard] must be a table", shown)
    return _from_table(table, p.resolve().parent, shown, text)


def _from_table(table: dict[str, Any], root: Path, path: str, text: str) -> Config:
    from termguard.checks import declared_options, suggest

    declared = declared_options()
    # A rule option `a.b` is written `a.b = ...` or in an `[a]` table: `a` is a known key.
    namespaces = sorted({key.split(".", 1)[0] for key in declared})
    for key in table:
        if key not in KNOWN_KEYS and key not in namespaces:
            known = (*KNOWN_KEYS, *namespaces)
            raise ConfigError(
                f"unknown key {key!r} in termguard configuration{suggest(key, known)}; known keys: {', '.join(known)}",
                path, _line_of(text, key),
            )

    def here(value: str) -> str:
        full = os.path.normpath(os.path.join(root, value))
        rel = os.path.relpath(full)
        return full if rel.startswith("..") else rel

    changes: dict[str, Any] = {"root": str(root), "path": path}
    options: dict[str, object] = {"translit.scheme": DEFAULT_SCHEME}
    origins: list[tuple[str, str, str, int | None]] = []
    if "glossary" in table:
        value = table["glossary"]
        if not isinstance(value, str):
            raise ConfigError("'glossary' must be a path (a string)", path, _line_of(text, "glossary"))
        changes.update(glossary=here(value), glossary_required=True)
        origins.append(("glossary", here(value), value, _line_of(text, "glossary")))
    else:
        changes["glossary"] = here("glossary")  # the default, next to the configuration
    if "sources" in table:
        sources = tuple(here(s) for s in _strings(table["sources"], "sources", path, text))
        for value in _strings(table["sources"], "sources", path, text):
            origins.append(("sources", here(value), value, _line_of(text, "sources", value) or _line_of(text, "sources")))
        changes["sources"] = sources
    for key in ("select", "ignore"):
        if key in table:
            values = _strings(table[key], key, path, text)
            for value in values:
                rule_names([value], key, path, _line_of(text, value) or _line_of(text, key))
            changes[key] = values
    if "severity" in table:
        changes["severity"] = _severities(table["severity"], path, text)
    if "per-file-ignores" in table:
        pfi = table["per-file-ignores"]
        if not isinstance(pfi, dict):
            raise ConfigError("'per-file-ignores' must be a table of glob = [rules]", path, _line_of(text, "per-file-ignores"))
        entries = []
        for pattern, rules in pfi.items():
            values = _strings(rules, f"per-file-ignores.{pattern}", path, text)
            names: list[str] = []
            for value in values:
                names.extend(rule_names([value], f"per-file-ignores for {pattern!r}", path, _line_of(text, value)))
            entries.append((pattern, tuple(names)))
        changes["per_file_ignores"] = tuple(entries)
    if "exclude" in table:
        changes["exclude"] = _strings(table["exclude"], "exclude", path, text)
    for namespace in namespaces:
        if namespace in table:
            options.update(_rule_options(namespace, table[namespace], declared, path, text))
    if "paths" in table:
        changes["paths"] = tuple(here(p) for p in _strings(table["paths"], "paths", path, text))
    if "baseline" in table:
        value = table["baseline"]
        if not isinstance(value, str) or not value:
            raise ConfigError("'baseline' must be the path of a baseline file (a string)", path, _line_of(text, "baseline"))
        changes["baseline"] = here(value)
    if "languages" in table:
        languages = _strings(table["languages"], "languages", path, text)
        for lang in languages:
            _check_language(lang, path, _line_of(text, lang))
        changes["languages"] = languages
        options["languages"] = languages
    changes["options"] = options
    changes["origins"] = tuple(origins)
    return replace(Config(), **changes)


def _severities(value: Any, path: str, text: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError("'severity' must be a table of rule = level", path, _line_of(text, "severity"))
    out: dict[str, Severity] = {}
    for rule, level in value.items():
        line = _line_of(text, rule)
        names = rule_names([rule], "severity", path, line)
        try:
            sev = Severity(str(level).lower())
        except ValueError:
            raise ConfigError(
                f"unknown severity {level!r} for {rule!r}; use error, warning or info", path, line
            ) from None
        for name in names:
            out[name] = sev
    return out


#: How an option's type is named in an error message.
_KINDS: dict[type, str] = {str: "a string", int: "a whole number", float: "a number", bool: "true or false", list: "a list"}


def _rule_options(
    namespace: str, value: Any, declared: dict[str, tuple[Any, tuple[str, ...]]], path: str, text: str
) -> dict[str, object]:
    """The rule options set in one `[namespace]` table, checked against the rules'
    declarations (`Rule.options`): unknown keys (with the nearest known one), values of the
    wrong type and values the option refuses are `ConfigError`s at their line."""
    from termguard.checks import suggest

    known = {key.split(".", 1)[1]: key for key in declared if key.startswith(namespace + ".")}
    if not isinstance(value, dict):
        example = declared[next(iter(known.values()))][0]
        raise ConfigError(
            f"{namespace!r} must be a table, e.g. {example.key} = {example.default!r}", path, _line_of(text, namespace)
        )
    out: dict[str, object] = {}
    for key, given in value.items():
        line = _line_of(text, key)
        if key not in known:
            full = f"{namespace}.{key}"
            raise ConfigError(
                f"unknown key {full!r}{suggest(full, known.values())}; known: {', '.join(known.values())}", path, line
            )
        option, readers = declared[known[key]]
        if not isinstance(given, option.kind):
            raise ConfigError(
                f"'{option.key}' must be {_KINDS.get(option.kind, option.kind.__name__)} ({option.help}; "
                f"read by {', '.join(readers)})", path, line
            )
        if option.choices and given not in option.choices:
            raise ConfigError(f"'{option.key}' must be one of {', '.join(option.choices)}", path, line)
        if option.check is not None:
            try:
                given = option.check(given)
            except ValueError as exc:
                raise ConfigError(f"{exc}; {option.fix}", path, line) from None
        out[option.key] = given
    return out


def _check_language(lang: str, path: str, line: int | None) -> None:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise ConfigError(f"unknown language {lang!r} in languages; use a code such as ru, tr or pt_BR", path, line) from None


def validate_language(code: str | None, what: str = "--lang") -> str | None:
    """`code` when babel knows the language (`ru`, `pt_BR`, `pt-BR`), else a `ConfigError`:
    an unknown code would silently select no plural rules, no morphology, no renderings."""
    if code is None:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.strip().replace("-", "_"))
    except (ValueError, UnknownLocaleError, TypeError):
        raise ConfigError(f"unknown language {code!r} in {what}; use a code such as en, ru, tr or pt_BR") from None
    return code.strip()


def lang_option(_ctx: object, _param: object, value: str | None) -> str | None:
    """A click callback for `--lang` options: `validate_language` on the value."""
    return validate_language(value)


def load_config(config_file: str | None = None, isolated: bool = False, cwd: str | None = None) -> Config:
    """The configuration of a run before command-line options: defaults, or the found/named file."""
    if isolated:
        if config_file:
            raise ConfigError("--config and --isolated exclude each other; drop one")
        return Config(options={"translit.scheme": DEFAULT_SCHEME})
    found = Path(config_file) if config_file else find_config_file(cwd)
    if found is None:
        return Config(options={"translit.scheme": DEFAULT_SCHEME})
    shown = str(found) if config_file else os.path.relpath(found)
    return load_config_file(found, shown=shown)


def repository_root(config: Config, start: str | None = None) -> str:
    """The root that reports make paths relative to: the enclosing Git work tree if any,
    else the configuration file's directory, else the working directory."""
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return str(directory)
    return config.root or str(here)
