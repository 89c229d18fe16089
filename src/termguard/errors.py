"""Errors that end a run with exit code 2 and one line on stderr (bad input, bad config)."""

from __future__ import annotations


class TermguardError(Exception):
    """A user-facing error: `path:line: what is wrong; what to do`.

    The CLI prints `str(error)` as the single line and exits 2; no traceback.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(TermguardError):
    """A file that cannot be read or parsed."""


class ConfigError(TermguardError):
    """A configuration or usage problem."""
