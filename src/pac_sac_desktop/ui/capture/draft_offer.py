"""The yellow bar offering back a request left unsaved by the last session (crash, power cut)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class DraftOffer(QWidget):
    answered = Signal(bool)  # True: resume it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftOffer")
        self.setStyleSheet(
            "#draftOffer { background:#fff4ce; border:1px solid #e0c060; border-radius:4px; }"
        )
        self.pending: dict[str, Any] | None = None
        self.text = QLabel()
        resume = QPushButton(self.tr("Resume it"))
        resume.clicked.connect(lambda: self.answered.emit(True))
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(lambda: self.answered.emit(False))
        bar = QHBoxLayout(self)
        bar.addWidget(self.text, 1)
        bar.addWidget(resume)
        bar.addWidget(discard)
        self.hide()

    def offer(self, state: dict[str, Any]) -> None:
        self.text.setText(self.tr("An unsaved request was found from your last session."))
        self.pending = state
        self.show()
