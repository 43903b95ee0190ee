"""'Index : 3 200 fiches sur 10 000…' above the results while the search index is being built.

A first sync or a repair makes the index searchable a part at a time (urgent and recent
articles first during a rebuild, page by page during a first sync): the agent must know that a
missing answer may simply not be indexed yet. The line polls ``KnowledgeBase.index_progress()``
(no database access, a few attribute reads) and disappears when the index is complete.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from pac_sac_desktop.services.knowledge import KnowledgeBase
from pac_sac_desktop.ui.format import number

BUSY_MS = 400  # while building: the count moves every segment
IDLE_MS = 1500  # otherwise: notice a build starting (a sync, a repair) within a second or two


class IndexProgressLine(QWidget):
    #: True when a build starts, False when it ends (the status bar says the same).
    building_changed = Signal(bool)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indexProgress")
        self.kb = kb
        self.label = QLabel()
        self.label.setObjectName("indexProgressText")
        self.label.setStyleSheet("color: #0b57d0;")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(8)
        self.bar.setMaximumWidth(140)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        self.setToolTip(
            self.tr("Search already works on the articles indexed; the others are being added.")
        )
        self.building = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.hide()
        self.refresh()
        self.timer.start()

    def refresh(self) -> None:
        progress = self.kb.index_progress()
        building = progress.building and progress.indexed < progress.total
        if building:
            self.label.setText(
                self.tr("Index: %1 of %2 articles…")
                .replace("%1", number(progress.indexed))
                .replace("%2", number(progress.total))
            )
            self.bar.setRange(0, progress.total)
            self.bar.setValue(progress.indexed)
        self.setVisible(building)
        if building != self.building:
            self.building = building
            self.building_changed.emit(building)
        self.timer.setInterval(BUSY_MS if building else IDLE_MS)
