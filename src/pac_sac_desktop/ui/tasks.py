"""The one background-task helper: run a function on the thread pool, get the result on the GUI thread.

Every slow call from the window (search, index upkeep, import, later sync and reports) goes
through ``run_task``; the work function never touches widgets, the callbacks always run on the
GUI thread. A task whose owner was destroyed meanwhile reports to nobody.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from pac_sac_desktop.core.errors import Interrupted, ValidationFailed

log = logging.getLogger(__name__)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:
            if isinstance(exc, ValidationFailed | Interrupted):
                # What the agent typed was refused, or the work was cancelled on purpose: the
                # window says so; a traceback in the log would read as a fault.
                log.info("background task ended: %s", exc)
            else:
                log.exception("background task failed")
            self.signals.failed.emit(exc, traceback.format_exc())
            return
        self.signals.succeeded.emit(result)


_alive: set[_Signals] = set()


def run_task(
    parent: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> None:
    """Run ``fn()`` off the GUI thread; ``on_success(result)`` or ``on_error(exc, details)`` after.

    The signals object has no Qt parent and lives until its task has reported, so a worker never
    emits on an object the GUI thread has just deleted; whether the owner still exists is
    checked on the GUI thread, where the callbacks run.
    """
    signals = _Signals()
    _alive.add(signals)

    def done(*_: object) -> None:
        _alive.discard(signals)
        signals.deleteLater()

    def succeeded(result: Any) -> None:
        if shiboken6.isValid(parent) and on_success is not None:
            on_success(result)

    def failed(exc: BaseException, details: str) -> None:
        if not shiboken6.isValid(parent):
            return
        if on_error is not None:
            on_error(exc, details)
        else:
            from pac_sac_desktop.ui.errors import show_error

            show_error(None, exc, details)

    signals.succeeded.connect(succeeded)
    signals.failed.connect(failed)
    signals.succeeded.connect(done)
    signals.failed.connect(done)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, signals))
