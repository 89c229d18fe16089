"""The language server as an editor drives it: a `termguard lsp` process over stdio.

Each test starts a server on a copy of a small project (tests/lsp/lsp_project.py) through
pytest-lsp's client, which speaks to it as VS Code does (its recorded capabilities).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsp_project import PO, write_project
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from termguard.lsp.mapping import TextLines, code_point_column

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

FORBIDDEN_LINE = PO.split("\n").index("msgstr \"🚀 С-400 «Триумпф» здесь.\"")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "termguard", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    write_project(tmp_path)
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    lsp_client.registrations = registrations  # type: ignore[attr-defined]
    lsp_client.initialize_result = await lsp_client.initialize_session(types.InitializeParams(  # type: ignore[attr-defined]
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=tmp_path.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="project")],
        initialization_options={"debounce": 0.05, "docsUrl": "https://docs.example/termguard/"},
    ))
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()




async def _open(client: LanguageClient, path: Path, text: str, language: str = "po") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    return uri


async def _diagnostics_after(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
    return list(client.diagnostics[uri])


async def _diagnostics_of(client: LanguageClient, uri: str, version: int | None = None) -> types.PublishDiagnosticsParams:
    """The next diagnostics published for `uri` (for its `version` when given)."""
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
        if params.uri == uri and (version is None or params.version == version):
            return params




async def test_forbidden_form_gives_a_diagnostic_with_rule_code_link_and_utf16_range(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    diags = [d for d in client.diagnostics[uri] if d.code == "forbidden-term"]
    assert len(diags) == 1
    diag = diags[0]
    assert diag.source == "termguard"
    assert diag.severity == types.DiagnosticSeverity.Error
    assert diag.code_description is not None
    assert diag.code_description.href == "https://docs.example/termguard/rules/forbidden-term/"
    line = PO.split("\n")[FORBIDDEN_LINE]
    # `msgstr "🚀 С-400 «` is 17 code points but 18 UTF-16 code units (the rocket is astral).
    start = line.index("Триумпф")
    assert diag.range.start == types.Position(line=FORBIDDEN_LINE, character=start + 1)
    assert diag.range.end == types.Position(line=FORBIDDEN_LINE, character=start + 1 + len("Триумпф"))
    assert code_point_column(line, diag.range.start.character) == start + 1


async def test_changing_to_the_preferred_form_clears_the_diagnostic(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    assert any(d.code == "forbidden-term" for d in client.diagnostics[uri])
    line = PO.split("\n")[FORBIDDEN_LINE]
    start = line.index("Триумпф") + 1  # UTF-16: the rocket counts twice
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=FORBIDDEN_LINE, character=start),
                              end=types.Position(line=FORBIDDEN_LINE, character=start + len("Триумпф"))),
            text="Триумф")],
    ))
    diags = await _diagnostics_after(client, uri)
    assert not any(d.code == "forbidden-term" for d in diags), diags
    assert not any(d.code == "missing-term" for d in diags), diags


async def test_the_check_reads_the_editor_text_not_the_file(client: LanguageClient, tmp_path: Path):
    path = tmp_path / "translations" / "ru.po"
    clean = PO.replace("Триумпф", "Триумф")
    path.write_text(clean, encoding="utf-8")
    uri = await _open(client, path, PO)
    assert any(d.code == "forbidden-term" for d in client.diagnostics[uri])


async def test_code_actions_offer_ignore_for_this_entry(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    diag = next(d for d in client.diagnostics[uri] if d.code == "forbidden-term")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    assert actions
    ignore = next(a for a in actions if isinstance(a, types.CodeAction) and "Ignore forbidden-term" in a.title)
    assert ignore.kind == types.CodeActionKind.QuickFix
    edits = _edits(ignore, uri)
    new_text = _apply(PO, edits)
    assert "# termguard: ignore forbidden-term\n#. sentence\nmsgctxt \"s-1\"" in new_text
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=new_text)]))
    diags = await _diagnostics_after(client, uri)
    assert not any(d.code == "forbidden-term" for d in diags), diags
    assert not any(d.code == "unused-suppression" for d in diags), diags


async def test_hover_on_a_term_shows_its_entry(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    line = PO.split("\n")[FORBIDDEN_LINE - 1]  # msgid "The S-400 Triumf is here."
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=FORBIDDEN_LINE - 1, character=line.index("Triumf") + 2)))
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "**triumf**" in value
    assert "preferred: Triumf" in value and "forbidden: Triumph" in value
    assert "preferred: Триумф" in value and "forbidden: Триумпф" in value
    assert "Transliterate, never translate" in value
    assert "Origin: Триумф (ru)" in value
    assert hover.range is not None and hover.range.start.character == line.index("Triumf")


async def test_shutdown_and_exit_end_the_process_with_code_0(client: LanguageClient, tmp_path: Path):
    await _open(client, tmp_path / "translations" / "ru.po", PO)
    await client.shutdown_session()
    assert client._server is not None
    assert client._server.returncode == 0


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        out: list[types.TextEdit] = []
        for change in action.edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == uri
            out.extend(e for e in change.edits if isinstance(e, types.TextEdit))
        return out
    assert action.edit.changes is not None
    return list(action.edit.changes[uri])


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) to a text, as an editor does."""
    lines = TextLines.of(text)
    starts = [0]
    for line in lines.lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(position: types.Position) -> int:
        line, column = lines.column_at(position)
        return starts[line - 1] + column - 1

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_a_markdown_source_is_checked_too(client: LanguageClient, tmp_path: Path):
    text = "# Title\n\nThe S-400 Triumph arrived.\n"
    uri = await _open(client, tmp_path / "seeds" / "a.md", text, "markdown")
    (diag,) = [d for d in client.diagnostics[uri] if d.code == "forbidden-term"]
    assert diag.range.start == types.Position(line=2, character=10)


async def test_fast_typing_publishes_the_last_version_only_once_it_settles(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    text = PO
    for version in range(2, 7):
        text = text.replace("здесь", "здесь!") if version % 2 else text.replace("здесь!", "здесь")
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    final = text.replace("Триумпф", "Триумф")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=7),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=final)]))
    params = await _diagnostics_of(client, uri, 7)
    assert not any(d.code == "forbidden-term" for d in params.diagnostics)


async def test_a_glossary_change_reloads_the_project(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    # (asked for right after `initialized`; by the first diagnostics it has arrived)
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)  # type: ignore[attr-defined]
    assert any(d.code == "forbidden-term" for d in client.diagnostics[uri])
    glossary = tmp_path / "glossary" / "terms.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "ru: [Триумф, {text: Триумпф, status: forbidden}]", "ru: [Триумф, {text: Триумпф, status: admitted}]"), encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=glossary.as_uri(), type=types.FileChangeType.Changed)]))
    params = await _diagnostics_of(client, uri)
    assert not any(d.code == "forbidden-term" for d in params.diagnostics), params.diagnostics


async def test_a_saved_configuration_file_reloads_the_project(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    assert any(d.code == "forbidden-term" for d in client.diagnostics[uri])
    config = tmp_path / "termguard.toml"
    config.write_text('ignore = ["forbidden-term"]\n', encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    params = await _diagnostics_of(client, uri)
    assert not any(d.code == "forbidden-term" for d in params.diagnostics), params.diagnostics


async def test_an_unreadable_po_is_one_diagnostic_where_it_breaks(client: LanguageClient, tmp_path: Path):
    broken = PO + '\nmsgctxt "bad"\nmsgid "unterminated\nmsgstr ""\n'
    uri = await _open(client, tmp_path / "translations" / "ru.po", broken)
    (diag,) = client.diagnostics[uri]
    assert diag.code == "input-error"
    assert diag.range.start.line == broken.split("\n").index('msgid "unterminated')
    assert "unterminated string" in diag.message


async def test_saving_a_document_checks_it_again(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    params = await _diagnostics_of(client, uri, 1)
    assert any(d.code == "forbidden-term" for d in params.diagnostics)


async def test_a_broken_configuration_is_shown_as_one_error_message(client: LanguageClient, tmp_path: Path):
    await _open(client, tmp_path / "translations" / "ru.po", PO)
    config = tmp_path / "termguard.toml"
    config.write_text("select = [\n", encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    message = await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), 60)
    assert message.type == types.MessageType.Error
    assert "invalid TOML" in message.message and "termguard.toml" in message.message
    assert "\n" not in message.message


async def test_exit_without_shutdown_ends_with_code_1(client: LanguageClient, tmp_path: Path):
    client.exit(None)
    assert client._server is not None
    assert await asyncio.wait_for(client._server.wait(), 60) == 1


async def test_the_server_announces_what_it_does(client: LanguageClient):
    result: types.InitializeResult = client.initialize_result  # type: ignore[attr-defined]
    assert result.server_info is not None and result.server_info.name == "termguard"
    caps = result.capabilities
    assert caps.hover_provider
    assert isinstance(caps.code_action_provider, types.CodeActionOptions)
    assert list(caps.code_action_provider.code_action_kinds or ()) == ["quickfix"]
    sync = caps.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.open_close and sync.change == types.TextDocumentSyncKind.Incremental
    assert sync.save


async def test_a_client_that_counts_code_points_gets_code_point_positions(tmp_path: Path):
    write_project(tmp_path)
    lsp_client = await ClientServerConfig(server_command=[sys.executable, "-m", "termguard", "lsp"]).start()
    try:
        result = await lsp_client.initialize_session(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(
                position_encodings=[types.PositionEncodingKind.Utf32])),
            root_uri=tmp_path.as_uri(),
        ))
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf32
        uri = await _open(lsp_client, tmp_path / "translations" / "ru.po", PO)
        (diag,) = [d for d in lsp_client.diagnostics[uri] if d.code == "forbidden-term"]
        start = PO.split("\n")[FORBIDDEN_LINE].index("Триумпф")  # code points: the rocket counts once
        assert diag.range.start == types.Position(line=FORBIDDEN_LINE, character=start)
        await lsp_client.shutdown_session()
    finally:
        await lsp_client.stop()


async def test_a_hover_is_answered_while_a_large_file_is_being_checked(client: LanguageClient, tmp_path: Path):
    entries = "".join(
        f'#. sentence\nmsgctxt "b-{i}"\nmsgid "Turkey bought {i} S-400 Triumf systems."\n'
        f'msgstr "Турция купила {i} систем С-400 «Триумф»."\n\n' for i in range(3000))
    text = PO + "\n" + entries
    uri = (tmp_path / "translations" / "big.po").as_uri()
    order: list[str] = []
    diagnostics = asyncio.ensure_future(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS))
    diagnostics.add_done_callback(lambda _f: order.append("diagnostics"))
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="po", version=1, text=text)))
    line = PO.split("\n")[FORBIDDEN_LINE]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=FORBIDDEN_LINE, character=line.index("Триумпф") + 3)))
    order.append("hover")
    assert hover is not None and "**triumf**" in hover.contents.value  # type: ignore[union-attr]
    await asyncio.wait_for(diagnostics, 120)
    # Checking 3,000 entries takes far longer than one hover: the hover did not wait for it.
    assert order == ["hover", "diagnostics"]


async def test_a_quick_fix_from_the_findings_fix_gives_the_preferred_form(client: LanguageClient, tmp_path: Path):
    uri = await _open(client, tmp_path / "translations" / "ru.po", PO)
    diag = next(d for d in client.diagnostics[uri] if d.code == "forbidden-term")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diag.range,
        context=types.CodeActionContext(diagnostics=[diag])))
    fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.title.startswith("replace")]
    assert len(fixes) == 1, actions
    fix = fixes[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred is True
    assert list(fix.diagnostics or ()) == [diag]
    assert fix.edit is not None and fix.edit.document_changes is not None
    assert fix.edit.document_changes[0].text_document.version == 1  # type: ignore[union-attr]
    fixed = _apply(PO, _edits(fix, uri))
    assert fixed == PO.replace("«Триумпф»", "«Триумф»")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
    params = await _diagnostics_of(client, uri, 2)
    assert not any(d.code in ("forbidden-term", "missing-term") for d in params.diagnostics), params.diagnostics


async def test_a_quick_fix_in_markdown(client: LanguageClient, tmp_path: Path):
    text = "# Title\n\nThe 🚀 S-400 Triumph arrived.\n"
    uri = await _open(client, tmp_path / "seeds" / "a.md", text, "markdown")
    diag = next(d for d in client.diagnostics[uri] if d.code == "forbidden-term")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=diag.range.start, end=diag.range.start),  # a cursor in the word
        context=types.CodeActionContext(diagnostics=[])))
    titles = [a.title for a in actions or [] if isinstance(a, types.CodeAction)]
    fix = next(a for a in actions or [] if isinstance(a, types.CodeAction) and a.is_preferred)
    assert _apply(text, _edits(fix, uri)) == text.replace("Triumph", "Triumf"), titles
    ignore = next(a for a in actions or [] if isinstance(a, types.CodeAction) and a.title.startswith("Ignore"))
    assert _apply(text, _edits(ignore, uri)) == text.replace(
        "\nThe 🚀", "\n<!-- termguard: ignore forbidden-term -->\nThe 🚀")
