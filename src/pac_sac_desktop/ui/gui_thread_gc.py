"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate. When it frees a Qt wrapper from a
worker of the thread pool (a search, the index upkeep, a sync pass), Qt deletes a QObject on the
wrong thread and the process can crash: the test suite saw it once, a segmentation fault in a
worker thread while it parsed the taxonomy's YAML. So while the window runs, automatic
collection is off and this timer does the same generational collection on the GUI thread.
Reference counting still frees everything else at once; only cycles wait for the next tick.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)
        app.aboutToQuit.connect(self.stop)

    def collect(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds, as the
        interpreter would have, but here."""
        counts = gc.get_count()
        generation = -1
        for n in range(3):
            if counts[n] > self.thresholds[n]:
                generation = n
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QApplication) -> GuiThreadCollector:
    """Install the collector once per application; later calls return it."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
