"""The retention job inside the server: a daemon thread per server process runs
``retention.run`` a minute after start, then every ``PAC_SAC_RETENTION_INTERVAL`` seconds
(6 hours by default). Several processes may run it at once: rows are shared with
``FOR UPDATE SKIP LOCKED`` on PostgreSQL, and what is already anonymised is skipped.
``PAC_SAC_RETENTION=off`` leaves it to ``pac-sac-server privacy anonymise`` (a cron job)."""

from __future__ import annotations

import contextlib
import logging
import os
import threading

from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.privacy import retention

log = logging.getLogger(__name__)


class RetentionWorker:
    def __init__(self, db: ServerDB, *, interval: float, first: float) -> None:
        self.db = db
        self.interval = interval
        self.first = first
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="retention", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        wait = self.first
        while not self._stop.wait(wait):
            try:
                outcome = retention.run(self.db)
                if outcome.requests or outcome.log_rows:
                    log.info("retention: %s", outcome.to_wire())
            except Exception:
                log.exception("retention: pass failed; next pass in %s s", self.interval)
            wait = self.interval


def attach(app, db: ServerDB) -> None:  # type: ignore[no-untyped-def]
    """Start the worker with the app (unless PAC_SAC_RETENTION=off), stop it at shutdown."""
    if os.environ.get("PAC_SAC_RETENTION", "on") == "off":
        return
    worker = RetentionWorker(
        db,
        interval=float(os.environ.get("PAC_SAC_RETENTION_INTERVAL", "21600")),
        first=float(os.environ.get("PAC_SAC_RETENTION_FIRST", "60")),
    )
    original = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(a):  # type: ignore[no-untyped-def]
        worker.start()
        try:
            async with original(a) as state:
                yield state
        finally:
            worker.stop()

    app.router.lifespan_context = lifespan
