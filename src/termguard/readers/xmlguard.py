"""The DOCTYPE rule shared by the TBX and TMX readers: no external DTD.

Neither reader ever loads a DTD, but a file that points at one (`<!DOCTYPE tbx SYSTEM
"http://host/evil.dtd">`) is one every other XML tool in the pipeline may fetch, so it is
refused, as XLIFF files with any DOCTYPE are. The one form tools still write, the
standard's own DTD named by a bare file name (`<!DOCTYPE martif SYSTEM
"TBXcoreStructV02.dtd">`, `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`), is accepted and ignored.
Entity declarations stay each reader's concern (both refuse them).
"""

from __future__ import annotations

import re

_BARE_DTD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}\.dtd")


def external_dtd(system_id: str | None, public_id: str | None) -> str | None:
    """The identifier that makes a DOCTYPE external and unsafe, or None when it is fine
    (no external identifier, or a bare standard-style `name.dtd` with no public id)."""
    if public_id:
        return public_id
    if system_id and not _BARE_DTD.fullmatch(system_id):
        return system_id
    return None


def refusal(kind: str, identifier: str) -> str:
    """The message of an `InputError` for a refused external DTD."""
    return f"{kind} must not refer to an external DTD ({identifier!r}); remove the <!DOCTYPE> (the file needs none)"
