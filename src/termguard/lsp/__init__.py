"""termguard as a Language Server (`termguard lsp`, the `lsp` extra: pygls and lsprotocol).

* `termguard.lsp.mapping`: pure conversions from findings, fixes and glossary entries to
  LSP diagnostics, code actions, text edits and hover text (positions included);
* `termguard.lsp.workspace`: the project seen from a workspace root (configuration,
  glossary, engine) and the checks of in-memory documents, large PO files re-checked a
  chunk of entries at a time;
* `termguard.lsp.server`: the pygls handlers.

Only `server` imports pygls; `mapping` needs lsprotocol's types alone.
"""
