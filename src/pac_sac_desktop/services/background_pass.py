"""One background thread that brings derived data up to the database, one pass at a time.

The word index and the article vectors both follow the knowledge base. Changes come in bursts
(a sync's pages, an editor's saves): a request during a pass does not start a second thread
writing the same files, it asks for one more pass when this one ends, and that pass covers
the whole burst.

``wait`` reads the thread under the lock that ``request`` holds while it creates and starts
it: otherwise a caller (closing the application) could join a thread another caller had
published but not yet started, and ``Thread.join`` raises on that.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BackgroundPass:
    """Every method may be called from any thread. ``work`` handles its own errors."""

    def __init__(self, name: str, work: Callable[[], None], stop: threading.Event) -> None:
        self.name, self.stop = name, stop
        self._work = work
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False

    def request(self) -> bool:
        """Start a pass, or ask for one more after the running one; False once stopping."""
        if self.stop.is_set():
            return False
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                self._again = True
                return True
            self._again = False
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        return True

    def _run(self) -> None:
        while not self.stop.is_set():
            self._work()
            with self._lock:
                if not self._again:
                    return
                self._again = False

    def busy(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no pass runs (at most ``timeout`` seconds); True if none does."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.busy()
