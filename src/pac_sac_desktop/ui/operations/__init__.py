"""Operations: the one way a screen reads or changes data (after Anki's CollectionOp/QueryOp).

A screen never calls a service on the GUI thread and never writes its own background plumbing:

    save_request(parent=self, ws=self.ws, draft=draft).success(self._saved).run_in_background()

``WriteOp`` runs a service call that changes data, then broadcasts a :class:`Changes` on the
one ``changes_applied`` signal (:func:`hub`), so every page refreshes only for what concerns it.
``ReadOp`` runs a query. Both run on :func:`ui.tasks.run_task`; their work function never
touches widgets; a failure goes to the ``failure`` callback or, by default, to ``ui.errors``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from pac_sac_desktop.ui.tasks import run_task

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What a write touched; pages look at the flags they care about."""

    requests: bool = False  # a request was created, or its state changed
    request_uuid: str | None = None
    drafts: bool = False


class _Hub(QObject):
    changes_applied = Signal(object, object)  # Changes, initiator (or None)


_hub: _Hub | None = None


def hub() -> _Hub:
    """The application's one ``changes_applied`` signal."""
    global _hub
    if _hub is None:
        _hub = _Hub()
    return _hub


class _Op(Generic[T]):
    def __init__(self, parent: QWidget | QObject, op: Callable[[], T]) -> None:
        self._parent = parent
        self._op = op
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException, str], Any] | None = None

    def success(self, callback: Callable[[T], Any]) -> _Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException, str], Any]) -> _Op[T]:
        self._failure = callback
        return self

    def _failed(self, exc: BaseException, details: str) -> None:
        if self._failure is not None:
            self._failure(exc, details)
            return
        from pac_sac_desktop.ui.errors import show_error

        parent = self._parent if isinstance(self._parent, QWidget) else None
        show_error(parent, exc, details)

    def _succeeded(self, result: T) -> None:
        if self._success is not None:
            self._success(result)

    def run_in_background(self) -> None:
        run_task(self._parent, self._op, self._succeeded, self._failed)


class ReadOp(_Op[T]):
    """A query: no side effect, nothing broadcast."""


class WriteOp(_Op[T]):
    """A change: after success, ``changes_applied`` tells every page what moved."""

    def __init__(
        self,
        parent: QWidget | QObject,
        op: Callable[[], T],
        changes: Changes | Callable[[T], Changes],
        initiator: object | None = None,
    ) -> None:
        super().__init__(parent, op)
        self._changes = changes
        self._initiator = initiator

    def _succeeded(self, result: T) -> None:
        super()._succeeded(result)
        changes = self._changes(result) if callable(self._changes) else self._changes
        hub().changes_applied.emit(changes, self._initiator)


__all__ = ["Changes", "ReadOp", "WriteOp", "hub"]
