"""SRX 2.0 (Segmentation Rules eXchange) import and export.

Import: `load_srx(text, path)` parses an SRX 1.0/2.0 file safely (defusedxml) and
`SrxRules.splitter(lang)` picks the language rules the file's language maps name for `lang`
(all matching maps with `cascade="yes"`, the first one otherwise). At each position of a
paragraph the first rule whose `beforebreak` matches just before it and whose `afterbreak`
matches just after it decides: break or no break. No rule, no break.

SRX regexes are ICU/Java regexes; the Java forms common in SRX files (`\\p{Lu}`, `\\P{L}`,
`\\p{IsAlphabetic}`, `\\h`) are translated to Python's `re`.

Export: `export_srx()` writes termguard's built-in rules (titles, abbreviations, initials,
numbers, ellipses, terminal punctuation) for every bundled language, for OmegaT or Okapi.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from termguard.errors import InputError
from termguard.segment.rules import FOOTNOTE_MARK, available_languages, base_lang, load_language

SRX_NS = "http://www.lisa.org/srx20"


@lru_cache(maxsize=1)
def _category_ranges() -> dict[str, list[tuple[int, int]]]:
    """Code point ranges of every two-letter Unicode general category (one pass, cached)."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    category = unicodedata.category
    start, current = 0, category("\x00")
    for cp in range(1, sys.maxunicode + 1):
        cat = category(chr(cp))
        if cat != current:
            ranges.setdefault(current, []).append((start, cp - 1))
            start, current = cp, cat
    ranges.setdefault(current, []).append((start, sys.maxunicode))
    return ranges


@cache
def _category_class(name: str) -> str:
    """The inside of a `[...]` class holding every code point of a Unicode category prefix."""
    parts = sorted(r for cat, rs in _category_ranges().items() if cat.startswith(name) for r in rs)

    def esc(cp: int) -> str:
        return f"\\U{cp:08x}"

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in parts)


_PROPERTY_ALIASES = {
    "alpha": "L", "isalphabetic": "L", "isletter": "L", "letter": "L", "l": "L",
    "lu": "Lu", "isuppercase": "Lu", "upper": "Lu", "javauppercase": "Lu", "uppercase_letter": "Lu",
    "ll": "Ll", "islowercase": "Ll", "lower": "Ll", "javalowercase": "Ll", "lowercase_letter": "Ll",
    "lt": "Lt", "lm": "Lm", "lo": "Lo", "m": "M", "mn": "Mn", "mc": "Mc", "me": "Me",
    "n": "N", "nd": "Nd", "digit": "Nd", "isdigit": "Nd", "nl": "Nl", "no": "No",
    "p": "P", "punct": "P", "ispunctuation": "P", "pd": "Pd", "ps": "Ps", "pe": "Pe", "pi": "Pi", "pf": "Pf",
    "pc": "Pc", "po": "Po", "s": "S", "sm": "Sm", "sc": "Sc", "sk": "Sk", "so": "So",
    "z": "Z", "zs": "Zs", "zl": "Zl", "zp": "Zp", "c": "C", "cc": "Cc", "cf": "Cf",
}
_HSPACE = " \\t\\xa0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000"


def java_to_python(pattern: str) -> str:
    """Translate the Java/ICU regex forms SRX files use into Python `re` syntax."""
    out = []
    i, n = 0, len(pattern)
    depth = 0
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in "pP" and i + 2 < n:
                if pattern[i + 2] == "{":
                    close = pattern.find("}", i + 3)
                    if close == -1:
                        raise ValueError("unterminated \\p{...}")
                    name = pattern[i + 3:close]
                    i = close + 1
                else:
                    name = pattern[i + 2]
                    i += 3
                key = name.lower().replace(" ", "_")
                key = key[2:] if key.startswith("is") and key not in _PROPERTY_ALIASES else key
                cat = _PROPERTY_ALIASES.get(key) or _PROPERTY_ALIASES.get(name.lower())
                if cat is None:
                    raise ValueError(f"unsupported Unicode property \\{nxt}{{{name}}}")
                body = _category_class(cat)
                if nxt == "P":
                    if depth:
                        raise ValueError(f"\\P{{{name}}} inside a character class is not supported")
                    out.append(f"[^{body}]")
                else:
                    out.append(body if depth else f"[{body}]")
                continue
            if nxt == "h":
                out.append(_HSPACE if depth else f"[{_HSPACE}]")
                i += 2
                continue
            if nxt == "Q":
                end = pattern.find("\\E", i + 2)
                end = n if end == -1 else end
                out.append(re.escape(pattern[i + 2:end]))
                i = end + 2
                continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class SrxRule:
    """One SRX rule: break or not, between `before` and `after`."""

    brk: bool
    before: str
    after: str
    compiled: re.Pattern[str]


class SrxSplitter:
    """Sentence ends from an ordered list of SRX rules (first matching rule wins)."""

    def __init__(self, rules: list[SrxRule]) -> None:
        self.rules = rules

    def cuts(self, s: str) -> list[int]:
        """Offsets in `s` where a break rule, not overridden by an earlier rule, matches."""
        decided: dict[int, bool] = {}
        for rule in self.rules:
            for m in rule.compiled.finditer(s):
                decided.setdefault(m.end(), rule.brk)
        n = len(s)
        return sorted(p for p, brk in decided.items() if brk and 0 < p < n)


@dataclass(frozen=True)
class SrxRules:
    """A parsed SRX file: named language rules and the ordered language maps."""

    path: str
    cascade: bool
    languagerules: dict[str, list[SrxRule]]
    maps: list[tuple[str, str]]

    def rules_for(self, lang: str) -> list[SrxRule]:
        """The rules that apply to `lang`, in order."""
        rules: list[SrxRule] = []
        for pattern, name in self.maps:
            try:
                hit = re.fullmatch(java_to_python(pattern), lang, re.IGNORECASE) is not None
            except (re.error, ValueError) as exc:
                raise InputError(f"bad languagepattern {pattern!r}: {exc}; fix the pattern", self.path) from None
            if hit:
                rules.extend(self.languagerules.get(name, []))
                if not self.cascade:
                    break
        return rules

    def splitter(self, lang: str) -> SrxSplitter:
        """A splitter for `lang` (errors when no language map matches it)."""
        rules = self.rules_for(lang)
        if not rules:
            raise InputError(f"no language map matches {lang!r}; add a <languagemap> for it or pass another --lang", self.path)
        return SrxSplitter(rules)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def load_srx(text: str, path: str = "<srx>") -> SrxRules:
    """Parse an SRX document; bad XML, a missing part or a bad regex is an `InputError`."""
    try:
        root = ElementTree.fromstring(text)
    except DefusedXmlException as exc:
        raise InputError(f"refused unsafe XML ({type(exc).__name__}); remove DTD entities", path) from None
    except ElementTree.ParseError as exc:
        line = getattr(exc, "position", (None,))[0]
        raise InputError(f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}; fix the SRX file", path, line) from None
    if _local(root.tag) != "srx":
        raise InputError(f"root element is <{_local(root.tag)}>, expected <srx>; is this an SRX file?", path, 1)
    header = next((el for el in root.iter() if _local(el.tag) == "header"), None)
    cascade = header is not None and header.get("cascade", "no").lower() == "yes"
    rule_lines = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<(?:\w+:)?rule\b", text)]
    languagerules: dict[str, list[SrxRule]] = {}
    index = 0
    for lr in root.iter():
        if _local(lr.tag) != "languagerule":
            continue
        name = lr.get("languagerulename", "")
        rules = languagerules.setdefault(name, [])
        for rule in lr:
            if _local(rule.tag) != "rule":
                continue
            line = rule_lines[index] if index < len(rule_lines) else None
            index += 1
            before = after = ""
            for part in rule:
                if _local(part.tag) == "beforebreak":
                    before = part.text or ""
                elif _local(part.tag) == "afterbreak":
                    after = part.text or ""
            brk = rule.get("break", "yes").lower() != "no"
            try:
                py_before, py_after = java_to_python(before), java_to_python(after)
                compiled = re.compile(f"(?:{py_before})(?={py_after})" if after else f"(?:{py_before})")
            except (re.error, ValueError) as exc:
                raise InputError(f"rule regex does not compile: {exc}; fix <beforebreak>/<afterbreak>", path, line) from None
            rules.append(SrxRule(brk, before, after, compiled))
    maps = [
        (el.get("languagepattern", ""), el.get("languagerulename", ""))
        for el in root.iter()
        if _local(el.tag) == "languagemap"
    ]
    if not maps:
        raise InputError("no <languagemap> in <maprules>; map a language pattern to a language rule", path)
    for _, name in maps:
        if name not in languagerules:
            raise InputError(f"language map names unknown languagerule {name!r}; define it or fix the name", path)
    return SrxRules(path=path, cascade=cascade, languagerules=languagerules, maps=maps)


_CLOSERS = "(?:[\"'”’»)\\]*_]|" + FOOTNOTE_MARK + ")*"
_OPENERS = "[\"'“‘«(\\[*_]*"


def _alternation(entries: tuple[str, ...]) -> str:
    tokens = sorted({e.split()[-1].rstrip(".") for e in entries}, key=lambda t: (-len(t), t))
    return "|".join(re.escape(t).replace("\\ ", " ") for t in tokens if t)


def _language_rules(lang: str) -> list[tuple[bool, str, str]]:
    """The built-in rules of one language as `(break, before, after)` SRX regexes."""
    data = load_language(lang)
    starters = "|".join(sorted(data.starters, key=lambda t: (-len(t), t)))
    not_starter = f"\\s+{_OPENERS}(?!(?:{starters})\\b(?!\\.))" if starters else "\\s"
    rules: list[tuple[bool, str, str]] = []
    final = _alternation(data.entries["final"])
    if final:
        rules.append((True, f"\\b(?:{final})\\.", f"\\s+{_OPENERS}\\p{{Lu}}"))
    rules += [
        (False, "(?:https?|ftp)://\\S*", "\\S"),
        # "compounds. . . . The": the period ends the sentence, the ellipsis opens the next.
        (True, "[\\w)\\]\"'”’]\\.", f"(?:\\s\\.){{3}}\\s+{_OPENERS}\\p{{Lu}}"),
        (False, "\\s\\.\\s\\.\\s\\.", "\\s"),
        # "[...]" marks an omission, not the end of a sentence.
        (False, f"[\\[(](?:\\.\\.\\.|…)[\\])]{_CLOSERS}", "\\s"),
    ]
    titles = _alternation(data.entries["titles"])
    if titles:
        rules.append((False, f"(?<![\\w.])(?i:{titles})\\.", "\\s"))
    numeric = _alternation(data.entries["numeric"])
    if numeric:
        rules.append((False, f"(?<![\\w.])(?i:{numeric})\\.", "\\s+\\p{N}"))
    abbreviations = "|".join(x for x in (_alternation(data.entries["abbreviations"]), numeric) if x)
    if abbreviations:
        rules.append((False, f"(?<![\\w.])(?i:{abbreviations})\\.", not_starter))
    rules.append((False, "(?<![\\w.])(?:\\p{L}\\.)+\\p{L}\\.", not_starter))
    rules.append((False, "(?<![\\w.])\\p{Lu}\\.", not_starter))
    if data.ordinals:
        rules.append((False, "(?<![\\w.])\\p{N}{1,3}\\.", not_starter))
    rules.append((True, f"[.!?…‽]+{_CLOSERS}", f"\\s+{_OPENERS}[\\p{{Lu}}\\p{{Lt}}\\p{{Lo}}\\p{{N}}]"))
    return rules


def export_srx(langs: tuple[str, ...] | None = None) -> str:
    """termguard's built-in rules as an SRX 2.0 document (one languagerule per language)."""
    langs = langs or available_languages()
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<srx xmlns="{SRX_NS}" version="2.0">\n',
        ' <header segmentsubflows="yes" cascade="no">\n',
        '  <formathandle type="start" include="no"/>\n',
        '  <formathandle type="end" include="yes"/>\n',
        '  <formathandle type="isolated" include="no"/>\n',
        " </header>\n <body>\n  <languagerules>\n",
    ]
    for lang in langs:
        out.append(f"   <languagerule languagerulename={quoteattr('termguard-' + lang)}>\n")
        for brk, before, after in _language_rules(lang):
            out.append(f'    <rule break="{"yes" if brk else "no"}">\n')
            out.append(f"     <beforebreak>{escape(before)}</beforebreak>\n")
            out.append(f"     <afterbreak>{escape(after)}</afterbreak>\n")
            out.append("    </rule>\n")
        out.append("   </languagerule>\n")
    out.append("  </languagerules>\n  <maprules>\n")
    for lang in langs:
        out.append(f"   <languagemap languagepattern={quoteattr(base_lang(lang) + '([-_].*)?')} languagerulename={quoteattr('termguard-' + lang)}/>\n")
    fallback = "en" if "en" in langs else langs[0]
    out.append(f"   <languagemap languagepattern=\".*\" languagerulename={quoteattr('termguard-' + fallback)}/>\n")
    out.append("  </maprules>\n </body>\n</srx>\n")
    return "".join(out)
