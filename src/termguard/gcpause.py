"""Pausing the cycle collector while many acyclic objects are made at once.

Loading a 10,000-term glossary, building its matchers and screening a 4 MB block each
allocate hundreds of thousands of tuples, strings and frozen dataclasses with no reference
cycles; every collection in between would only walk them again. Collection resumes
afterwards, as it was.

Objects that live as long as the run (the glossary, the matchers, the screen's tables)
would still be walked by the first collections after the pause, young generation after
generation (a tenth of a second for a 10,000-term glossary). When termguard owns the
process (the `termguard` program sets `freeze_lasting`), a pause marked `lasting` ends with
`gc.freeze()`: everything alive then is left out of later collections for good. Embedded
in another program, termguard never freezes its objects.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Freeze what `paused(lasting=True)` blocks leave alive (set by the `termguard` program).
freeze_lasting = False


@contextmanager
def paused(lasting: bool = False) -> Iterator[None]:
    """The cycle collector off for the block (left off if it already was); with `lasting`
    and `freeze_lasting`, what is alive at its end is frozen (`gc.freeze`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if lasting and freeze_lasting:
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """Everything alive now out of the cycle collector's reach (`gc.freeze`) for the block:
    for good when termguard owns the process (`freeze_lasting`); otherwise until the block
    ends, and only if nothing was frozen before (another program's freeze is never undone).

    (`gc.get_freeze_count()` walks every frozen object: asked in the `termguard` program,
    after its glossary is frozen, it costs more than the freeze.)"""
    if freeze_lasting:
        gc.freeze()
        yield
        return
    mine = not gc.get_freeze_count()
    if mine:
        gc.freeze()
    try:
        yield
    finally:
        if mine:
            gc.unfreeze()
