"""`termguard lsp`: the language server's handlers (pygls, LSP 3.17 over stdio).

* diagnostics for open `.po`, `.pot`, `.md`, `.xlf`, `.xliff` documents on open, on change
  (debounced) and on save, from the text in the editor, not the file on disk;
* code actions: every finding's fix as a quick fix (a safe one preferred), and "ignore this
  rule here", which inserts the suppression comment;
* hover on a glossary term (source or translation text): the entry in every language;
* the configuration and glossary of the workspace root, read again when `pyproject.toml`,
  `termguard.toml` or a glossary file changes (watched files, or saved in the editor).

Checks run one at a time on a worker thread, hovers on another, so the server keeps
answering while a large file is checked; a check whose document has changed since is skipped or its result dropped,
and the last published diagnostics stay until newer ones replace them.

Settings (`initializationOptions`): `docsUrl`, the base URL of the documentation site whose
`rules/<name>/` pages diagnostics link to (default: `$TERMGUARD_DOCS_URL`, else the package's
`Documentation` project URL, else the relative `rules/<name>/`); `debounce`, seconds to wait
after a change before checking (default 0.05).
"""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from termguard import __version__
from termguard.errors import TermguardError
from termguard.model import Edit, Finding

from . import mapping
from .workspace import Project, checked, kind_of, suppressible

log = logging.getLogger(__name__)

DEFAULT_DEBOUNCE = 0.05
_ENCODINGS: dict[str, str] = {
    types.PositionEncodingKind.Utf16.value: mapping.UTF16,
    types.PositionEncodingKind.Utf8.value: mapping.UTF8,
    types.PositionEncodingKind.Utf32.value: mapping.UTF32,
}
_WATCHED = ("**/pyproject.toml", "**/termguard.toml", "**/*.{yaml,yml,csv,tsv,tbx}")


@dataclass(frozen=True)
class Checked:
    """The findings of one version of a document, with the text they were found in."""

    version: int | None
    text: str
    findings: tuple[Finding, ...]


def default_docs_url() -> str:
    """The documentation site: `$TERMGUARD_DOCS_URL`, else the installed package's
    `Documentation` project URL, else "" (links then read `rules/<name>/`)."""
    env = os.environ.get("TERMGUARD_DOCS_URL")
    if env:
        return env
    try:
        from importlib.metadata import metadata

        for value in metadata("termguard").get_all("Project-URL") or ():
            label, _, url = value.partition(",")
            if label.strip().lower() in ("documentation", "docs") and url.strip():
                return url.strip()
    except Exception:  # metadata of an uninstalled checkout: no link base
        pass
    return ""


class TermguardServer(LanguageServer):
    """The language server: the open documents' checks and what they found."""

    def __init__(self) -> None:
        super().__init__("termguard", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.project: Project | None = None
        self.root: str | None = None
        self.docs_url = default_docs_url()
        self.debounce = DEFAULT_DEBOUNCE
        # One check at a time: rules and matchers keep per-run caches, and a PO file's kept
        # chunks are shared between its checks.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termguard-check")
        # Hovers only read the glossary and its matchers: they are answered beside a long
        # check rather than after it.
        self.answers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="termguard-hover")
        self.results: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.latest: dict[str, int | None] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        # The latest reading of the project (hovers wait for it, not for the checks).
        self.loading: Future[None] | None = None

    def from_worker(self, send: Any, params: Any) -> None:
        """Send a notification from the worker thread: through the event loop, so that
        messages never interleave on standard output."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(send, params)
        else:
            send(params)

    # -- the project -----------------------------------------------------------------------

    def load_project(self) -> None:
        """Read the configuration and glossary of the workspace root (on the worker)."""
        if self.root is None:
            return
        try:
            self.project = Project(self.root)
        except TermguardError as exc:
            self.project = None
            self.from_worker(self.window_show_message, types.ShowMessageParams(
                type=types.MessageType.Error, message=f"termguard: {exc}"))
        except Exception as exc:  # an internal error must not end the session
            log.exception("loading the termguard configuration failed")
            self.project = None
            self.from_worker(self.window_show_message, types.ShowMessageParams(
                type=types.MessageType.Error, message=f"termguard: internal error loading the configuration: {exc!r}"))

    def reload(self) -> None:
        """Read the configuration and glossary again and re-check every open document."""
        self.loading = self.executor.submit(self.load_project)
        self.results.clear()
        for uri in list(self.latest):
            self.schedule(uri, 0)

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        agreed = self.workspace.position_encoding
        value = agreed.value if isinstance(agreed, types.PositionEncodingKind) else agreed
        return _ENCODINGS.get(value or "", mapping.UTF16)

    # -- checks ----------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document `delay` seconds from now (an earlier pending check is dropped)."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        found = await loop.run_in_executor(self.executor, self._check, uri, version, text)
        if found is None or self.latest.get(uri, -1) != version or uri not in self.latest:
            return  # stale: a newer version is (or will be) checked, or the document closed
        self.results[uri] = Checked(version, text, tuple(found))
        self.publish(uri, version, text, found)

    def _check(self, uri: str, version: int | None, text: str) -> list[Finding] | None:
        """On the worker: the findings for one version of a document (None when stale)."""
        if self.latest.get(uri, -1) != version or self.project is None:
            return None
        path = to_fs_path(uri) or uri
        try:
            return self.project.check(path, text)
        except TermguardError as exc:
            return [_input_finding(path, exc)]
        except Exception as exc:
            log.exception("checking %s failed", path)
            self.from_worker(self.window_log_message, types.LogMessageParams(
                type=types.MessageType.Error, message=f"termguard: internal error checking {path}: {exc!r}"))
            return None

    def publish(self, uri: str, version: int | None, text: str, findings: list[Finding]) -> None:
        """Send the diagnostics of one checked version."""
        diagnostics = mapping.diagnostics(findings, text.replace("\r\n", "\n"), self.docs_url, self.encoding)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def current(self, uri: str) -> Checked | None:
        """The findings of the document as the editor holds it now (None when not checked yet)."""
        found = self.results.get(uri)
        if found is None:
            return None
        try:
            version = self.workspace.get_text_document(uri).version
        except Exception:
            return None
        return found if found.version == version else None


server = TermguardServer()


def _input_finding(path: str, exc: TermguardError) -> Finding:
    """A file termguard cannot read, shown where it breaks (as `check` prints it)."""
    from termguard.model import Severity

    line = exc.line or 1
    return Finding(code="", rule=mapping.INPUT_ERROR, severity=Severity.ERROR, path=path,
                   line=line, column=1, end_line=line + 1, end_column=1, message=exc.message)


# -- lifecycle ------------------------------------------------------------------------------

@server.feature(types.INITIALIZE)
def initialize(ls: TermguardServer, params: types.InitializeParams) -> None:
    """Find the workspace root and the settings; start reading the project."""
    ls.loop = asyncio.get_running_loop()
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    if isinstance(options.get("docsUrl"), str):
        ls.docs_url = options["docsUrl"]
    if isinstance(options.get("debounce"), (int, float)) and options["debounce"] >= 0:
        ls.debounce = float(options["debounce"])
    root = None
    if params.workspace_folders:
        root = to_fs_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = to_fs_path(params.root_uri)
    elif params.root_path:
        root = params.root_path
    ls.root = os.path.abspath(root) if root else os.getcwd()
    ls.loading = ls.executor.submit(ls.load_project)


@server.feature(types.INITIALIZED)
async def initialized(ls: TermguardServer, params: types.InitializedParams) -> None:
    """Ask the client to tell us when configuration or glossary files change (clients
    without dynamic registration are served by `didSave` of those files instead)."""
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps is not None else None
    if watched is None or not watched.dynamic_registration:
        return
    try:
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
            id="termguard-watched-files",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in _WATCHED]),
        )]))
    except Exception as exc:  # the client refused: saves of those files still reload
        log.info("watched-file registration refused: %s", exc)


@server.feature(types.SHUTDOWN)
def shutdown(ls: TermguardServer, params: Any) -> None:
    """Stop checking; pending checks are dropped."""
    for task in ls.pending.values():
        task.cancel()
    ls.pending.clear()
    ls.latest.clear()
    ls.executor.shutdown(wait=False, cancel_futures=True)
    ls.answers.shutdown(wait=False, cancel_futures=True)


# -- documents ------------------------------------------------------------------------------

@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TermguardServer, params: types.DidOpenTextDocumentParams) -> None:
    """Check a document as soon as it opens."""
    uri = params.text_document.uri
    if not checked(to_fs_path(uri) or uri):
        return
    ls.latest[uri] = params.text_document.version
    ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TermguardServer, params: types.DidChangeTextDocumentParams) -> None:
    """Check again once the typing pauses."""
    uri = params.text_document.uri
    if uri not in ls.latest:
        return
    ls.latest[uri] = params.text_document.version
    ls.schedule(uri, ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TermguardServer, params: types.DidSaveTextDocumentParams) -> None:
    """Check a saved document now; a saved configuration or glossary file is read again."""
    uri = params.text_document.uri
    path = to_fs_path(uri) or uri
    if ls.project is None or ls.project.affects_config(path) or os.path.basename(path) in ("pyproject.toml", "termguard.toml"):
        ls.reload()
        return
    if uri in ls.latest:
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TermguardServer, params: types.DidCloseTextDocumentParams) -> None:
    """Forget a closed document and clear its diagnostics."""
    uri = params.text_document.uri
    if ls.latest.pop(uri, None) is None and uri not in ls.results:
        return
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.results.pop(uri, None)
    project = ls.project
    if project is not None:
        ls.executor.submit(project.forget, to_fs_path(uri) or uri)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: TermguardServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A configuration or glossary file changed on disk: read the project again."""
    for change in params.changes:
        path = to_fs_path(change.uri) or change.uri
        if os.path.basename(path) in ("pyproject.toml", "termguard.toml") or (
            ls.project is not None and ls.project.affects_config(path)
        ) or ls.project is None:
            ls.reload()
            return


# -- code actions and hover ---------------------------------------------------------------------

@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
async def code_action(ls: TermguardServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """Quick fixes for the findings in the range: their fixes, and "ignore RULE here" where
    the suppression comment does silence the finding (tried on a copy of the text)."""
    only = params.context.only
    if only and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
        return []
    uri = params.text_document.uri
    found = ls.current(uri)
    if found is None or not found.findings:
        return []
    text = found.text.replace("\r\n", "\n")
    lines = mapping.TextLines.of(text)
    encoding = ls.encoding
    caps = ls.client_capabilities.workspace
    document_changes = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
    kind = kind_of(to_fs_path(uri) or uri)
    eol = "\r\n" if "\r\n" in found.text else "\n"
    actions: list[types.CodeAction] = []
    ignoring: list[tuple[Finding, types.Diagnostic, Edit]] = []
    for finding in mapping.findings_at(found.findings, lines, params.range, params.context.diagnostics, encoding):
        diag = mapping.diagnostic(finding, lines, ls.docs_url, encoding)
        if finding.fix is not None and finding.fix.edits:
            actions.append(mapping.fix_action(
                finding.fix, diag, uri, lines, version=found.version, encoding=encoding, document_changes=document_changes))
        if suppressible(kind, finding):
            edit = mapping.suppression_edit(kind, lines.lines, finding, eol)
            if edit is not None and all((f.rule, e) != (finding.rule, edit) for f, _d, e in ignoring):
                ignoring.append((finding, diag, edit))
    project = ls.project
    if ignoring and project is not None:
        path = to_fs_path(uri) or uri
        loop = asyncio.get_running_loop()
        try:
            works = await loop.run_in_executor(ls.executor, lambda: [
                project.suppression_silences(path, text, f, e) for f, _d, e in ignoring])
        except TermguardError:
            works = [False] * len(ignoring)
        for (finding, diag, _edit), ok in zip(ignoring, works):
            action = mapping.ignore_action(
                kind, finding, diag, uri, lines, version=found.version, encoding=encoding,
                document_changes=document_changes, eol=eol) if ok else None
            if action is not None:
                actions.append(action)
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: TermguardServer, params: types.HoverParams) -> types.Hover | None:
    """The glossary entry of the term under the cursor."""
    uri = params.text_document.uri
    path = to_fs_path(uri) or uri
    if not checked(path):
        return None
    if ls.loading is not None:
        await asyncio.wrap_future(ls.loading)
    project = ls.project
    if project is None:
        return None
    document = ls.workspace.get_text_document(uri)
    text = document.source.replace("\r\n", "\n")
    lines = mapping.TextLines.of(text)
    encoding = ls.encoding
    line, column = lines.column_at(params.position, encoding)
    loop = asyncio.get_running_loop()
    try:
        hits = await loop.run_in_executor(ls.answers, project.terms_at, path, text, line, column)
    except TermguardError:
        return None
    return mapping.hover(hits, lines, encoding)


def start(stdin: Any = None, stdout: Any = None) -> None:
    """Serve over standard input and output until the client says `exit`; the process
    then ends with code 0 after a `shutdown` request, 1 without one (LSP's `exit`)."""
    server.start_io(stdin, stdout)
    if not getattr(server.protocol, "_shutdown", False):
        raise SystemExit(1)
