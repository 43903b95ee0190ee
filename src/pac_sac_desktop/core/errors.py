"""One exception tree for the whole application.

The UI shows every error through a single function (``ui.errors``); the CLI maps them to exit
codes. Messages are written in French because they reach counter clerks as they are.
"""

from __future__ import annotations


class PacError(Exception):
    """Base of every error the application knows how to explain to a user."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationFailed(PacError):
    """Input was refused; ``fields`` maps a field name to its French message."""

    def __init__(self, fields: dict[str, str], message: str = "Données invalides.") -> None:
        super().__init__(message)
        self.fields = dict(fields)

    def __str__(self) -> str:
        parts = "; ".join(f"{k} : {v}" for k, v in self.fields.items())
        return f"{self.message} {parts}".strip()


class ArticleRejected(PacError):
    """A knowledge-base file could not be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path} : {reason}")
        self.path = path
        self.reason = reason


class StoreError(PacError):
    """The local database could not be opened or written."""


class IndexUnavailable(PacError):
    """The search index is being rebuilt or cannot be read right now."""


class NetworkError(PacError):
    """The server could not be reached."""


class SyncError(PacError):
    """The server answered, but the exchange could not complete."""

    def __init__(
        self, message: str, *, kind: str = "other", details: str = "", data: object = None
    ) -> None:
        super().__init__(message, details=details)
        self.kind = kind
        self.data = data  # the server's answer body, e.g. the published version on a conflict


class Interrupted(PacError):
    """Work was cancelled on purpose (window closed, newer query typed)."""


class StoreDamaged(StoreError):
    """The local database is missing (while backups say it existed), empty or unreadable.

    It is never silently replaced by a new one: pending requests may be inside. ``reason`` is
    ``missing``, ``empty`` or ``corrupt``; ``set_aside`` is where the damaged file was moved;
    ``backups`` are the restorable copies, newest first.
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str,
        path: str,
        set_aside: str | None = None,
        backups: list[str] | None = None,
        details: str = "",
    ) -> None:
        super().__init__(message, details=details)
        self.reason = reason
        self.path = path
        self.set_aside = set_aside
        self.backups = list(backups or [])
