"""Load glossary YAML files, keeping line numbers and rejecting duplicate keys.

PyYAML's `safe_load` silently keeps the last of two equal keys and forgets where values
stood, so files are composed into nodes and built here: every problem gets `file:line`.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import yaml

from termguard.errors import InputError
from termguard.glossary.files import Problem, glossary_files, known_language, merge
from termguard.glossary.model import KINDS, STATUSES, Entry, GlossaryTest, Origin, Rendering

__all__ = ["Problem", "glossary_files", "known_language", "merge", "parse_yaml_glossary"]

ENTRY_KEYS = {"id", "kind", "note", "origin", "dnt", "case_sensitive", "tests"}
RENDERING_KEYS = {"text", "status", "note", "case_sensitive", "exact", "indeclinable"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ORIGIN_KEYS = {"lang", "text"}
TEST_KEYS = {"lang", "ok", "bad"}


_STR_TAG = "tag:yaml.org,2002:str"


class _Nodes:
    """Node helpers that report problems instead of raising."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self._constructor = yaml.SafeLoader("")

    def problem(self, node: yaml.Node, message: str, rule: str = "glossary-schema", severity: str = "error", term: str | None = None) -> None:
        self.problems.append(
            Problem(rule, severity, self.path, node.start_mark.line + 1, message, node.start_mark.column + 1, term,
                    node.end_mark.column + 1 if node.end_mark.line == node.start_mark.line else None)
        )

    def scalar(self, node: yaml.Node) -> Any:
        """The node's value as YAML reads it; a value its tag cannot hold (`!!int 0.0`,
        `!!timestamp x`) is one input error at its line, not a traceback."""
        if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
            # Most of a glossary is plain text, whose value is the node's own (what
            # `construct_yaml_str` returns): asked directly, a glossary parses faster.
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except (ValueError, TypeError, IndexError, OverflowError, yaml.YAMLError):
            tag = str(node.tag).removeprefix("tag:yaml.org,2002:")
            raise InputError(
                f"YAML cannot read this value as {tag!r}: write it as plain text (quote it)",
                self.path,
                node.start_mark.line + 1,
            ) from None

    def mapping(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key → (key node, value node); a repeated key is reported, not overwritten."""
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "mapping keys must be plain strings")
                continue
            key = str(self.scalar(key_node))
            if key in out:
                first = out[key][0].start_mark.line + 1
                self.problem(key_node, f"duplicate key {key!r} (first at line {first}); keep one", rule="glossary-duplicate")
                continue
            out[key] = (key_node, value_node)
        return out


# libyaml's parser keeps the same marks (line, column) ten times faster; the pure-Python
# one serves where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLSyntaxError(InputError):
    """A glossary file that is not valid YAML: where (line and column) and the parser's reason."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message, path, line)
        self.column = column

    def __str__(self) -> str:
        if self.path and self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        return super().__str__()


def compose(text: str, path: str) -> yaml.Node | None:
    """Parse YAML into a node tree; a syntax error, a tag or a merge key (`<<`) becomes a
    one-line `InputError` at the node's line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        # The parser's own words: what it was doing (context) and what it met (problem).
        what = "; ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        opened = exc.context_mark
        if exc.context and opened is not None and mark is not None and opened.line != mark.line:
            what = f"{what} (started at line {opened.line + 1}, column {opened.column + 1})"
        raise YAMLSyntaxError(f"invalid YAML: {what}; fix the syntax", path, line, column) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        raise InputError(f"invalid YAML: character {exc.character!r} is not allowed in YAML; remove it", path, line) from None
    except yaml.YAMLError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"invalid YAML: {first}", path) from None
    except RecursionError:
        raise InputError("invalid YAML: nested too deeply; a glossary is a flat list of entries", path) from None
    if root is not None:
        _refuse_tags(root, path)
    return root


#: The tags plain YAML data resolves to; a glossary needs nothing else. Any other tag
#: (`!x`, `!!python/object/new:...`, `!!set`, `!!binary`) or a merge key (`<<`) is refused:
#: a constructor would fail on it, or the tag would be silently dropped and its value used.
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


def _refuse_tags(root: yaml.Node, path: str) -> None:
    """Walk the node graph once (each node once, aliases included: no expansion) and
    refuse the first node with a tag plain data does not have."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            line = node.start_mark.line + 1
            if node.tag == "tag:yaml.org,2002:merge":
                raise InputError("YAML merge keys (<<) are not supported; write the keys out in each entry", path, line)
            raise InputError(
                f"YAML tag {node.tag.removeprefix('tag:yaml.org,2002:')!r} is not supported; "
                "a glossary holds plain strings, lists and mappings: remove the tag",
                path,
                line,
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def _did_you_mean(key: str, known: set[str] | frozenset[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _text(nodes: _Nodes, node: yaml.Node, key: str, entry_id: str | None) -> str | None:
    """A string field; a list or mapping where text belongs is a schema error."""
    value = nodes.scalar(node) if isinstance(node, yaml.ScalarNode) else None
    if value is None or isinstance(value, (list, dict)):
        nodes.problem(node, f"{key} must be a string", term=entry_id)
        return None
    return str(value)


def _bool(nodes: _Nodes, node: yaml.Node, key: str) -> bool | None:
    value = nodes.scalar(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, bool):
        nodes.problem(node, f"{key} must be true or false")
        return None
    return value


def _rendering(nodes: _Nodes, node: yaml.Node, entry_id: str, index: int, approved_seen: int) -> Rendering | None:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        text = nodes.scalar(node)
        if not isinstance(text, str):
            text = str(text)
        status = "preferred" if approved_seen == 0 else "admitted"
        return Rendering(text=text, status=status, line=line, column=node.start_mark.column + 1)
    if not isinstance(node, yaml.MappingNode):
        nodes.problem(node, "a rendering is a string or a mapping with text:", term=entry_id)
        return None
    m = nodes.mapping(node)
    for key, (knode, _) in m.items():
        if key not in RENDERING_KEYS:
            # An error, not a warning: `stauts: forbidden` ignored would approve a forbidden form.
            nodes.problem(
                knode,
                f"unknown rendering key {key!r}; {_did_you_mean(key, RENDERING_KEYS)}known: {', '.join(sorted(RENDERING_KEYS))}",
                term=entry_id,
            )
    if "text" not in m:
        nodes.problem(node, "rendering without text:", term=entry_id)
        return None
    text_node = m["text"][1]
    text = nodes.scalar(text_node) if isinstance(text_node, yaml.ScalarNode) else None
    if not isinstance(text, str):
        nodes.problem(text_node, "text must be a string", term=entry_id)
        return None
    status = "preferred" if approved_seen == 0 else "admitted"
    if "status" in m:
        value = nodes.scalar(m["status"][1])
        if value not in STATUSES:
            nodes.problem(m["status"][1], f"unknown status {value!r}; use one of {', '.join(STATUSES)}", term=entry_id)
            return None
        status = value
    note = _text(nodes, m["note"][1], "note", entry_id) if "note" in m else None
    flags: dict[str, Any] = {}
    for key in ("case_sensitive", "exact", "indeclinable"):
        if key in m:
            flags[key] = _bool(nodes, m[key][1], key)
    return Rendering(
        text=text,
        status=status,
        note=str(note) if note is not None else None,
        case_sensitive=flags.get("case_sensitive"),
        exact=bool(flags.get("exact")),
        indeclinable=bool(flags.get("indeclinable")),
        line=line,
        column=node.start_mark.column + 1,
    )


def _tests(nodes: _Nodes, node: yaml.Node, entry_id: str) -> list[GlossaryTest]:
    tests: list[GlossaryTest] = []
    if not isinstance(node, yaml.SequenceNode):
        nodes.problem(node, "tests must be a list of {lang, ok|bad}", term=entry_id)
        return tests
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            nodes.problem(item, "a test is a mapping {lang: xx, ok: text} or {lang: xx, bad: text}", term=entry_id)
            continue
        m = nodes.mapping(item)
        lang = nodes.scalar(m["lang"][1]) if "lang" in m and isinstance(m["lang"][1], yaml.ScalarNode) else None
        kinds = [k for k in ("ok", "bad") if k in m]
        extra = sorted(set(m) - TEST_KEYS)
        if not isinstance(lang, str) or len(kinds) != 1 or extra:
            why = f" (unknown key {extra[0]!r})" if extra else ""
            nodes.problem(item, f"a test has lang: and exactly one of ok: or bad:{why}", term=entry_id)
            continue
        if not known_language(lang):
            nodes.problem(m["lang"][1], f"test language {lang!r} is not a known language code (en, ru, tr, pt_BR, ...)", term=entry_id)
            continue
        text = _text(nodes, m[kinds[0]][1], kinds[0], entry_id)
        if text is None:
            continue
        tests.append(GlossaryTest(lang=lang.replace("-", "_"), text=text, expect_ok=kinds[0] == "ok",
                                  line=item.start_mark.line + 1, column=item.start_mark.column + 1))
    return tests


def _entry(nodes: _Nodes, node: yaml.Node) -> Entry | None:
    if not isinstance(node, yaml.MappingNode):
        nodes.problem(node, "each glossary entry is a mapping with id:")
        return None
    m = nodes.mapping(node)
    if "id" not in m:
        nodes.problem(node, "entry without id:; give it a unique kebab-case id")
        return None
    id_node = m["id"][1]
    entry_id = str(nodes.scalar(id_node)) if isinstance(id_node, yaml.ScalarNode) else ""
    if not _ID.fullmatch(entry_id):
        nodes.problem(m["id"][1], f"id {entry_id!r} is not kebab-case (a-z, 0-9, -)", term=entry_id)
    kind = "term"
    if "kind" in m:
        kind = _text(nodes, m["kind"][1], "kind", entry_id) or "term"
        if kind not in KINDS:
            nodes.problem(m["kind"][1], f"unknown kind {kind!r}; use one of {', '.join(KINDS)}", term=entry_id)
    origin = None
    if "origin" in m:
        onode = m["origin"][1]
        om = nodes.mapping(onode) if isinstance(onode, yaml.MappingNode) else {}
        for key, (knode, _) in om.items():
            if key not in ORIGIN_KEYS:
                nodes.problem(knode, f"unknown origin key {key!r}; {_did_you_mean(key, ORIGIN_KEYS)}known: lang, text", term=entry_id)
        if "lang" in om and "text" in om:
            olang = _text(nodes, om["lang"][1], "origin lang", entry_id)
            otext = _text(nodes, om["text"][1], "origin text", entry_id)
            if olang is not None and not known_language(olang):
                nodes.problem(om["lang"][1], f"origin language {olang!r} is not a known language code", term=entry_id)
            elif olang is not None and otext is not None:
                origin = Origin(olang.replace("-", "_"), otext)
        else:
            nodes.problem(onode, "origin needs {lang: xx, text: ...}", term=entry_id)
    renderings: dict[str, tuple[Rendering, ...]] = {}
    for key, (knode, vnode) in m.items():
        if key in ENTRY_KEYS:
            continue
        if not known_language(key):
            nodes.problem(
                knode,
                f"unknown key {key!r}: {_did_you_mean(key, ENTRY_KEYS)}not a field ({', '.join(sorted(ENTRY_KEYS))}) "
                "and not a known language code",
                term=entry_id,
            )
            continue
        if isinstance(vnode, yaml.SequenceNode) and not vnode.value:
            nodes.problem(vnode, f"{key}: has an empty list of renderings; add one or remove the language", term=entry_id)
        items = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
        forms: list[Rendering] = []
        approved = 0  # counted as they come: summing `forms` per item is quadratic
        for index, item in enumerate(items):
            r = _rendering(nodes, item, entry_id, index, approved)
            if r is not None:
                forms.append(r)
                approved += r.approved
        renderings[key.replace("-", "_")] = tuple(forms)
    dnt = bool(_bool(nodes, m["dnt"][1], "dnt")) if "dnt" in m else False
    case_sensitive = _bool(nodes, m["case_sensitive"][1], "case_sensitive") if "case_sensitive" in m else None
    note = _text(nodes, m["note"][1], "note", entry_id) if "note" in m else None
    tests = _tests(nodes, m["tests"][1], entry_id) if "tests" in m else []
    if not renderings:
        nodes.problem(node, f"entry {entry_id!r} has no renderings; add at least en:", term=entry_id)
    return Entry(
        id=entry_id,
        kind=kind,
        note=str(note) if note is not None else None,
        origin=origin,
        dnt=dnt,
        case_sensitive=case_sensitive,
        renderings=renderings,
        tests=tuple(tests),
        path=nodes.path,
        line=node.start_mark.line + 1,
    )


def parse_yaml_glossary(text: str, path: str) -> tuple[list[Entry], list[Problem]]:
    """Parse one glossary file; return its entries and every problem found, with lines."""
    problems: list[Problem] = []
    try:
        root = compose(text, path)
    except YAMLSyntaxError as exc:
        # One broken file is one finding: the other files of the glossary are still linted.
        problems.append(Problem("glossary-schema", "error", path, exc.line or 1, exc.message, exc.column or 1))
        return [], problems
    if root is None:
        problems.append(Problem("glossary-schema", "warning", path, 1, "empty glossary file; add entries or remove it"))
        return [], problems
    nodes = _Nodes(path, problems)
    if not isinstance(root, yaml.SequenceNode):
        nodes.problem(root, "a glossary file is a list of entries (- id: ...)")
        return [], problems
    entries = [e for e in (_entry(nodes, item) for item in root.value) if e is not None]
    return entries, problems
