"""The HTML report: one self-contained page a reviewer reads, filters and marks (SPEC §7).

The page holds its CSS and JavaScript inline (package data under `termguard/data/report/`)
and asks for nothing over the network: a Content-Security-Policy admits only the page's own
style and script (by hash), so the page works offline, as an e-mail
attachment or a CI artifact, and a text that escaped its escaping still could not run.

Every finding is one element with `data-finding` and the data the page filters on
(`data-rule`, `data-severity`, `data-path`, `data-line`, `data-lang`), its unit's source and
translation side by side with the span in `<mark data-rule=…>`, the message, suggestions,
the fix as a before/after, and the glossary entry behind a term finding. Each also carries
its baseline key (`data-key`: path, rule, code, matched text, context, as
`termguard.baseline` keys a finding), so findings marked "not an error" download as a
baseline file `termguard check --baseline` accepts.

Everything that comes from the checked files is escaped here, in one place (`_e`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from typing import Any

from termguard.model import Finding, Report, Severity
from termguard.reporters import RenderOptions, identity, repo_path

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SLOT = re.compile(r"<!--@([a-z]+)-->")


def _e(text: object) -> str:
    """Escape for HTML text and attribute values (quotes included)."""
    return html.escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files("termguard").joinpath("data", "report", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def baseline_key(finding: Finding, root: str | None) -> dict[str, str]:
    """The finding's baseline entry (without its count), as `termguard.baseline` writes it.

    The path is relative to the repository root, so the downloaded baseline works when it
    is saved there (where `termguard check` runs).
    """
    path, rule, found, context = identity(finding, repo_path(finding.path, root))
    return {"path": path, "rule": rule, "code": finding.code, "found": found, "context": context}


def render(report: Report, options: RenderOptions) -> str:
    """The report as one self-contained HTML page."""
    css = _asset("report.css")
    script = _asset("report.js")
    csp = f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(script)}; form-action 'none'; base-uri 'none'"
    slots = {
        "csp": _e(csp),
        "css": css,
        "script": script,
        "version": _e(options.version),
        "summary": _summary(report),
        "charts": _charts(report),
        "filters": _filters(report),
        "findings": "\n".join(_finding(i, f, options) for i, f in enumerate(report.findings, 1)) or _EMPTY,
    }
    # One pass: a slot's content is never searched for further slots.
    return _SLOT.sub(lambda m: slots[m.group(1)], _asset("template.html"))


_EMPTY = '<p class="empty">No findings.</p>'


def _summary(report: Report) -> str:
    parts = [f"{len(report.files)} file(s)", f"{report.units} unit(s)"]
    counts = "".join(
        f'<span class="count sev-{s.value}"><b>{report.count(s)}</b> {s.value}</span>' for s in SEVERITIES
    )
    return f'<p class="summary">{_e(", ".join(parts))}: {counts}</p>'


def _bars(title: str, rows: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart in inline SVG: one row per (label, count, css class)."""
    if not rows:
        return ""
    top = max(n for _, n, _ in rows) or 1
    label_w, bar_w, row_h = 190, 220, 20
    height = row_h * len(rows) + 4
    width = label_w + bar_w + 48
    out = [
        f'<figure class="chart"><figcaption>{_e(title)}</figcaption>'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{_e(title)}</title>"
    ]
    for i, (label, n, cls) in enumerate(rows):
        y = i * row_h + 2
        w = max(round(bar_w * n / top), 2 if n else 0)
        out.append(
            f'<g class="{_e(cls)}"><text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{_e(label)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" rx="2"/>'
            f'<text class="n" x="{label_w + w + 6}" y="{y + 14}">{n}</text></g>'
        )
    out.append("</svg></figure>")
    return "".join(out)


def _charts(report: Report) -> str:
    by_sev = [(s.value, report.count(s), f"sev-{s.value}") for s in SEVERITIES]
    severity_of: dict[str, str] = {}
    rules: Counter[str] = Counter()
    for f in report.findings:
        rules[f.rule] += 1
        severity_of.setdefault(f.rule, f.severity.value)
    by_rule = [(rule, n, f"sev-{severity_of[rule]}") for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _bars("Findings by severity", by_sev) + _bars("Findings by rule", by_rule)


def _options(name: str, label: str, everything: str, values: Iterable[tuple[str, int]]) -> str:
    opts = [f'<option value="">{_e(everything)}</option>']
    opts += [f'<option value="{_e(v)}">{_e(v)} ({n})</option>' for v, n in values]
    return f'<label>{_e(label)} <select name="{name}">{"".join(opts)}</select></label>'


def _filters(report: Report) -> str:
    rules = Counter(f.rule for f in report.findings)
    sevs = Counter(f.severity.value for f in report.findings)
    paths = Counter(f.path for f in report.findings)
    langs = Counter(f.lang or "" for f in report.findings)
    return "".join((
        _options("rule", "Rule", "all rules", sorted(rules.items())),
        _options("severity", "Severity", "all severities", [(s.value, sevs[s.value]) for s in SEVERITIES if sevs[s.value]]),
        _options("path", "File", "all files", sorted(paths.items())),
        _options("lang", "Language", "all languages", sorted((k, n) for k, n in langs.items() if k)),
    ))


def _marked(text: str, start: int, end: int, rule: str) -> str:
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return f'{_e(text[:start])}<mark data-rule="{_e(rule)}">{_e(text[start:end])}</mark>{_e(text[end:])}'


def _texts(f: Finding) -> str:
    t = f.text
    if t is None:
        return ""
    src_lang = t.source_lang or ("" if t.role == "target" else f.lang or "")
    src = _marked(t.source, t.start, t.end, f.rule) if t.role == "source" else _e(t.source)
    src_title = f"Source ({_e(src_lang)})" if src_lang else "Source"
    src_attr = f' lang="{_e(src_lang)}"' if src_lang else ""
    cols = [f'<div class="text source"><h4>{src_title}</h4><p{src_attr}>{src}</p></div>']
    if t.target is not None:
        tgt = _marked(t.target, t.start, t.end, f.rule) if t.role == "target" else _e(t.target)
        lang = t.target_lang or (f.lang if t.role == "target" and f.lang else "")
        title = f"Translation ({_e(lang)})" if lang else "Translation"
        lang_attr = f' lang="{_e(lang)}"' if lang else ""
        cols.append(f'<div class="text target"><h4>{title}</h4><p{lang_attr}>{tgt}</p></div>')
    return f'<div class="texts">{"".join(cols)}</div>'


def _fix(f: Finding) -> str:
    fix = f.fix
    if fix is None:
        return ""
    t = f.text
    head = f'<div class="fix"><h4>Fix <span class="appl">({_e(fix.applicability.value)})</span>: {_e(fix.message)}</h4>'
    edits = fix.edits
    if (
        t is not None and len(edits) == 1
        and (edits[0].line, edits[0].column, edits[0].end_line, edits[0].end_column) == (f.line, f.column, f.end_line, f.end_column)
    ):
        text = t.source if t.role == "source" else (t.target or "")
        before = f"{_e(text[:t.start])}<del>{_e(text[t.start:t.end])}</del>{_e(text[t.end:])}"
        after = f"{_e(text[:t.start])}<ins>{_e(edits[0].content)}</ins>{_e(text[t.end:])}"
    else:
        before = f"<del>{_e(f.found or '')}</del>"
        after = "<br>".join(
            f'<span class="at">{e.line}:{e.column}–{e.end_line}:{e.end_column}</span> <ins>{_e(e.content)}</ins>' for e in edits
        )
    return head + f'<div class="beforeafter"><p class="before"><b>Before</b> {before}</p><p class="after"><b>After</b> {after}</p></div></div>'


def _forms(label: str, forms: Iterable[Any]) -> str:
    items = [
        f'<li><span class="form status-{_e(r.status)}">{_e(r.text)}</span><span class="status"> {_e(r.status)}</span>'
        f'{f" — {_e(r.note)}" if r.note else ""}</li>'
        for r in forms
    ]
    return f"<dt>{_e(label)}</dt><dd><ul>{''.join(items)}</ul></dd>" if items else ""


def _entry(f: Finding, options: RenderOptions) -> str:
    glossary = options.glossary
    if not f.term or glossary is None:
        return ""
    entry = glossary.get(f.term)
    if entry is None:
        return ""
    langs = list(dict.fromkeys(lang for lang in ("en", f.lang or "en") if entry.forms(lang)))
    parts = [f'<aside class="entry"><h4>Glossary: <code>{_e(entry.id)}</code> <span class="kind">{_e(entry.kind)}</span></h4><dl>']
    if entry.note:
        parts.append(f"<dt>Note</dt><dd>{_e(entry.note)}</dd>")
    if entry.origin is not None:
        parts.append(f'<dt>Origin</dt><dd lang="{_e(entry.origin.lang)}">{_e(entry.origin.text)} ({_e(entry.origin.lang)})</dd>')
    for lang in langs:
        parts.append(_forms(f"Approved ({lang})", entry.approved(lang)))
        parts.append(_forms(f"Not approved ({lang})", entry.rejected(lang)))
    parts.append("</dl></aside>")
    return "".join(parts)


def _finding(index: int, f: Finding, options: RenderOptions) -> str:
    sev = f.severity.value
    key = json.dumps(baseline_key(f, options.root), ensure_ascii=False, separators=(",", ":"))
    where = f"{f.path}:{f.line}:{f.column}"
    unit = f'<span class="unit">{_e(f.unit)}</span>' if f.unit else ""
    lang = f'<span class="lang">{_e(f.lang)}</span>' if f.lang else ""
    suggestions = (
        '<p class="suggestion"><b>Use instead:</b> ' + ", ".join(f"<q>{_e(s)}</q>" for s in f.suggestions) + "</p>"
        if f.suggestions else ""
    )
    return (
        f'<article class="finding sev-{sev}" id="f{index}" tabindex="-1" data-finding="{index}" data-rule="{_e(f.rule)}"'
        f' data-severity="{sev}" data-path="{_e(f.path)}" data-line="{f.line}" data-lang="{_e(f.lang or "")}"'
        f' data-code="{_e(f.code)}" data-key="{_e(key)}">'
        f'<header><span class="sev">{sev}</span> <code class="code">{_e(f.code)}</code> <span class="rule">{_e(f.rule)}</span>'
        f' <span class="where">{_e(where)}</span> {unit} {lang}'
        f'<label class="verdict"><input type="checkbox" name="not-an-error"> not an error</label></header>'
        f'<p class="message">{_e(f.message)}</p>'
        f"{_texts(f)}{suggestions}{_fix(f)}{_entry(f, options)}"
        "</article>"
    )
