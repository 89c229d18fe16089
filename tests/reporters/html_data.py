"""Read the data back out of an HTML report with html.parser (tests compare data, not markup)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

VOID = {"meta", "input", "br", "link", "img", "hr", "rect", "wbr"}


class ReportData(HTMLParser):
    """Collects every finding element's attributes and texts, the filters, and what a page
    must never contain (extra scripts, event-handler attributes, foreign elements)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[dict[str, Any]] = []
        self.selects: dict[str, list[str]] = {}
        self.searches = 0
        self.scripts = 0
        self.tags: set[str] = set()
        self.handlers: list[tuple[str, str]] = []
        self.csp: str | None = None
        self.script_text = ""
        self._stack: list[tuple[str, str | None]] = []  # (tag, role of the text inside)
        self._finding: dict[str, Any] | None = None
        self._select: str | None = None
        self._mark: dict[str, str] | None = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        self.handlers += [(tag, k) for k in a if k.startswith("on")]
        if tag == "script":
            self.scripts += 1
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "input" and a.get("type") == "search":
            self.searches += 1
        if tag == "select":
            self._select = a.get("name", "")
            self.selects[self._select] = []
        if tag == "option" and self._select is not None:
            self.selects[self._select].append(a.get("value", ""))
        role = None
        if "data-finding" in a:
            self._finding = {k[5:]: v for k, v in a.items() if k.startswith("data-") and k != "data-finding"}
            self._finding.update(message="", source="", target="", marks=[], suggestion="", entry="", fix="")
        elif self._finding is not None:
            cls = a.get("class", "")
            role = {"message": "message", "text source": "source", "text target": "target", "suggestion": "suggestion",
                    "entry": "entry", "fix": "fix"}.get(cls)
            if tag in ("h4", "b"):
                role = "_label"  # headings inside a text block are not the text
            if tag == "mark":
                self._mark = {"rule": a.get("data-rule", ""), "text": ""}
        if tag not in VOID:
            self._stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "mark" and self._mark is not None and self._finding is not None:
            self._finding["marks"].append(self._mark)
            self._mark = None
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag == "article" and self._finding is not None:
            self.findings.append(self._finding)
            self._finding = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] == "script":
            self.script_text += data
        if self._finding is None:
            return
        if self._mark is not None:
            self._mark["text"] += data
        for _, role in reversed(self._stack):
            if role:
                if role != "_label":
                    self._finding[role] += data
                break


def parse(page: str) -> ReportData:
    """The report's data."""
    parser = ReportData()
    parser.feed(page)
    parser.close()
    return parser
