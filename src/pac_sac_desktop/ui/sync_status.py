"""Synchronisation seen from the window: a pass every minute off the GUI thread, backoff with
jitter after failures, and one status-bar widget saying online/offline, last sync and what waits.
"""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from pac_sac_desktop.core.errors import NetworkError, SyncError
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.sync.engine import Backoff
from pac_sac_desktop.ui.format import short_when
from pac_sac_desktop.ui.tasks import run_task

log = logging.getLogger(__name__)

# 55 s rather than a round minute: an urgent notice must reach every banner within 60 s of its
# publication, and the worst case is one period plus one pass (docs/sync.md, "Urgent notices").
INTERVAL_MS = 55_000


class SyncController(QObject):
    """Runs sync passes; emits ``changed`` after each, ``progress`` during, ``needs_login`` on 401."""

    changed = Signal()
    progress = Signal(str, int, int)
    finished = Signal(bool)  # success
    needs_login = Signal(str)
    kb_changed = Signal()

    def __init__(
        self, ws: Workstation, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.interval_ms = interval_ms
        self.backoff = Backoff(base=5.0, cap=300.0)
        self.running = False
        self.online: bool | None = None
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)

    def start(self, delay_ms: int = 500) -> None:
        self.timer.start(delay_ms)

    def stop(self) -> None:
        self.timer.stop()

    def configured(self) -> bool:
        account = self.ws.account()
        return bool(account["server"] and account["user"])

    def sync_now(self) -> None:
        if self.running:
            return
        if not self.configured():
            self.online = None
            self.changed.emit()
            return
        self.running = True
        self.changed.emit()

        def work():  # type: ignore[no-untyped-def]
            return self.ws.sync_once(
                progress=lambda feed, done, remaining: self.progress.emit(feed, done, remaining)
            )

        run_task(self, work, self._done, self._failed)

    def _done(self, report) -> None:  # type: ignore[no-untyped-def]
        self.running, self.online, self.last_error = False, True, ""
        self.backoff.success()
        self.timer.start(self.interval_ms)
        if report.kb_upserts or report.kb_deletions:
            self.kb_changed.emit()
        self.changed.emit()
        self.finished.emit(True)

    def _failed(self, exc: BaseException, _details: str) -> None:
        self.running = False
        if isinstance(exc, SyncError) and exc.kind == "auth":
            self.online, self.last_error = False, exc.message
            self.needs_login.emit(exc.message)
        else:
            self.online = not isinstance(exc, NetworkError)
            self.last_error = getattr(exc, "message", str(exc))
            delay = self.backoff.failure()
            log.info("sync failed (%s); next try in %.0f s", self.last_error, delay)
            self.timer.start(int(delay * 1000))
        self.changed.emit()
        self.finished.emit(False)


class SyncStatusWidget(QWidget):
    """'● En ligne · synchro 14:05 · 0 en attente' in the status bar; progress during a big pull."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        controller.changed.connect(self.refresh)
        controller.progress.connect(self._progress)
        controller.finished.connect(lambda _ok: self.bar.hide())
        self.refresh()

    def _progress(self, _feed: str, done: int, remaining: int) -> None:
        if remaining > 0:
            self.bar.setRange(0, done + remaining)
            self.bar.setValue(done)
            self.bar.show()

    def refresh(self) -> None:
        c = self.controller
        status = c.ws.sync_status()
        waiting = status["waiting"]
        if status["last_success"]:
            moment = dt.datetime.fromisoformat(status["last_success"])
            last = self.tr("last sync: %1").replace("%1", short_when(moment))
        else:
            last = self.tr("never synchronised")
        pending = self.tr("%n item(s) waiting", "", waiting)
        if not c.configured():
            dot, text, color = "○", self.tr("Not connected to a server"), "#6b6b6b"
        elif c.running:
            dot, text, color = "◌", self.tr("Synchronising…"), "#0b57d0"
        elif c.online is False:
            dot, text, color = "●", self.tr("Offline"), "#b3261e"
        elif c.online:
            dot, text, color = "●", self.tr("Online"), "#1e7b34"
        else:
            dot, text, color = "○", self.tr("Connecting…"), "#6b6b6b"
        parts = [text, last, pending]
        if status["blocked"]:
            parts.append(self.tr("%n refused by the server", "", status["blocked"]))
        self.label.setText(f"<span style='color:{color}'>{dot}</span> " + " · ".join(parts))
        self.label.setToolTip(c.last_error or status.get("server") or "")
