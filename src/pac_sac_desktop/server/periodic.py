"""A job the server process runs by itself every few seconds or hours (citizen notices, the
retention job), started and stopped with the app.

One daemon thread per job and per process: a failed pass is logged and the next one comes at
its time, so a provider down or a database restart never stops the job for good. Several
processes may run the same job at once; each job shares its rows with
``FOR UPDATE SKIP LOCKED`` (see the jobs), not through this class."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class PeriodicWorker:
    def __init__(
        self, name: str, job: Callable[[], None], *, interval: float, first: float = 0.0
    ) -> None:
        self.name = name
        self.job = job
        self.interval = interval
        self.first = first
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        wait = self.first
        while not self._stop.wait(wait):
            try:
                self.job()
            except Exception:
                log.exception("%s: pass failed; next pass in %s s", self.name, self.interval)
            wait = self.interval

    def attach(self, app) -> None:  # type: ignore[no-untyped-def]
        """Start with the app's lifespan, stop when it ends."""
        original = app.router.lifespan_context

        @contextlib.asynccontextmanager
        async def lifespan(a):  # type: ignore[no-untyped-def]
            self.start()
            try:
                async with original(a) as state:
                    yield state
            finally:
                self.stop()

        app.router.lifespan_context = lifespan
