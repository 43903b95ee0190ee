"""Current urgent notices, always on top of the window, each a link to its article."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from pac_sac_desktop.core.kb import Article


class UrgentBanner(QFrame):
    open_article = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBanner")
        self.setStyleSheet(
            "#urgentBanner { background: #fdecea; border: 1px solid #e0a19b; border-radius: 4px; }"
            "#urgentBanner QLabel { color: #5f1711; }"
        )
        self.icon = QLabel("⚠")
        self.icon.setStyleSheet("font-size: 16pt; color: #b3261e;")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.linkActivated.connect(
            lambda link: self.open_article.emit(link.removeprefix("kb:"))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self.notices: list[Article] = []
        self.hide()

    def set_notices(self, notices: list[Article]) -> None:
        self.notices = notices
        if not notices:
            self.hide()
            return
        links = " &nbsp;·&nbsp; ".join(
            f'<a href="kb:{html.escape(a.id)}" style="color:#8c1d18">{html.escape(a.title)}</a>'
            for a in notices
        )
        heading = self.tr("Urgent notices:")
        self.label.setText(f"<b>{html.escape(heading)}</b> {links}")
        self.show()
