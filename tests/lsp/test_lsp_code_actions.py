"""The code-action handler in process, on findings that carry a fix.

No rule of this branch attaches fixes yet (forbidden-term's arrive with `check --fix`), so
the findings here are the real check's with a hand-built `Fix` put on: the handler must turn
any finding's fix into a quick fix whose edit, applied, gives the preferred form, and add
the "ignore" action the suppression comment really earns. The end-to-end flow through a
server process is in test_lsp_server.py.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest
from lsp_project import PO, write_project
from lsprotocol import types
from pygls.workspace import Workspace

from termguard.lsp import mapping
from termguard.lsp.server import Checked, TermguardServer, code_action
from termguard.lsp.workspace import Project
from termguard.model import Applicability, Edit, Fix


def _server(tmp_path: Path, text: str, document_changes: bool = True) -> tuple[TermguardServer, str, Project]:
    path = write_project(tmp_path)
    uri = path.as_uri()
    server = TermguardServer()
    # What `initialize` sets up: the client's capabilities and the workspace of open documents.
    server.protocol.client_capabilities = types.ClientCapabilities(  # type: ignore[attr-defined]
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=document_changes)))
    server.protocol._workspace = Workspace(tmp_path.as_uri())
    server.workspace.put_text_document(types.TextDocumentItem(uri=uri, language_id="po", version=3, text=text))
    project = Project(str(tmp_path))
    server.project = project
    findings = tuple(project.check(str(path), text))
    server.results[uri] = Checked(3, text, findings)
    server.latest[uri] = 3
    return server, uri, project


def _with_fix(server: TermguardServer, uri: str, applicability: Applicability) -> types.Diagnostic:
    """Put a fix on the forbidden-term finding: «Триумпф» → «Триумф»."""
    found = server.results[uri]
    finding = next(f for f in found.findings if f.rule == "forbidden-term")
    fix = Fix(applicability, "replace “Триумпф” with “Триумф”",
              (Edit(finding.line, finding.column, finding.end_line, finding.end_column, "Триумф"),))
    fixed = dataclasses.replace(finding, fix=fix)
    server.results[uri] = Checked(found.version, found.text, tuple(fixed if f is finding else f for f in found.findings))
    return mapping.diagnostic(fixed, mapping.TextLines.of(found.text))


def _actions(server: TermguardServer, uri: str, diag: types.Diagnostic) -> list[types.CodeAction]:
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag]))
    return [a for a in asyncio.run(code_action(server, params)) if isinstance(a, types.CodeAction)]


def _apply(text: str, action: types.CodeAction) -> str:
    assert action.edit is not None
    changes = action.edit.document_changes
    edits = list(changes[0].edits) if changes else list(next(iter((action.edit.changes or {}).values())))  # type: ignore[union-attr]
    lines = mapping.TextLines.of(text)
    out = []
    for e in edits:
        line, column = lines.column_at(e.range.start)
        end_line, end_column = lines.column_at(e.range.end)
        out.append(Edit(line, column, end_line, end_column, e.new_text))
    return mapping.apply_edits(text, out)


@pytest.mark.parametrize("document_changes", [True, False])
def test_a_safe_fix_is_the_preferred_quick_fix_and_gives_the_preferred_form(tmp_path, document_changes):
    server, uri, _ = _server(tmp_path, PO, document_changes)
    diag = _with_fix(server, uri, Applicability.SAFE)
    actions = _actions(server, uri, diag)
    (fix,) = [a for a in actions if a.title == "replace “Триумпф” with “Триумф”"]
    assert fix.is_preferred is True and fix.kind == types.CodeActionKind.QuickFix
    assert _apply(PO, fix) == PO.replace("«Триумпф»", "«Триумф»")
    if document_changes:
        assert fix.edit.document_changes[0].text_document.version == 3  # type: ignore[union-attr, index]
    else:
        assert fix.edit.document_changes is None and list(fix.edit.changes) == [uri]  # type: ignore[union-attr, arg-type]
    (ignore,) = [a for a in actions if a.title.startswith("Ignore forbidden-term")]
    assert "# termguard: ignore forbidden-term\n#. sentence\nmsgctxt \"s-1\"" in _apply(PO, ignore)


def test_an_unsafe_fix_is_offered_not_preferred(tmp_path):
    server, uri, _ = _server(tmp_path, PO)
    diag = _with_fix(server, uri, Applicability.UNSAFE)
    (fix,) = [a for a in _actions(server, uri, diag) if a.title.startswith("replace")]
    assert fix.is_preferred is False and "unsafe" in fix.title


def test_no_actions_for_a_version_the_editor_has_replaced(tmp_path):
    server, uri, _ = _server(tmp_path, PO)
    diag = _with_fix(server, uri, Applicability.SAFE)
    server.workspace.get_text_document(uri).version = 4  # the editor moved on; the check is stale
    assert _actions(server, uri, diag) == []
