"""Map character offsets in a file's text to 1-based (line, column) pairs."""

from __future__ import annotations

import bisect


class LineIndex:
    """Offsets of line starts in a text, for offset → (line, column) look-ups."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def locate(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column (in code points) of `offset`."""
        idx = bisect.bisect_right(self.starts, offset) - 1
        return (idx + 1, offset - self.starts[idx] + 1)

    def line_of(self, offset: int) -> int:
        """Return the 1-based line of `offset`."""
        return bisect.bisect_right(self.starts, offset)
