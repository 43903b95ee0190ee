"""Current urgent notices, always on top of the window, each a link to its article; below them,
in green and apart, the notices lifted in the last days, so that nobody reads one as current."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.ui.kb.dates import day_text


class UrgentBanner(QWidget):
    open_article = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBanner")
        self.current = QFrame()
        self.current.setObjectName("currentNotices")
        self.current.setStyleSheet(
            "#currentNotices { background: #fdecea; border: 1px solid #e0a19b; border-radius: 4px; }"
            "#currentNotices QLabel { color: #5f1711; }"
        )
        self.icon = QLabel("⚠")
        self.icon.setStyleSheet("font-size: 16pt; color: #b3261e;")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.linkActivated.connect(self._link)
        row = QHBoxLayout(self.current)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)
        self.past = QFrame()
        self.past.setObjectName("liftedNotices")
        self.past.setStyleSheet(
            "#liftedNotices { background: #e3f1e6; border: 1px solid #9cc9a7; border-radius: 4px; }"
            "#liftedNotices QLabel { color: #1e4d2b; }"
        )
        self.lifted_label = QLabel()
        self.lifted_label.setObjectName("liftedLabel")
        self.lifted_label.setWordWrap(True)
        self.lifted_label.linkActivated.connect(self._link)
        tick = QLabel("✔")
        tick.setStyleSheet("font-size: 13pt; color: #1e6b34;")
        row = QHBoxLayout(self.past)
        row.setContentsMargins(10, 3, 10, 3)
        row.addWidget(tick)
        row.addWidget(self.lifted_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.current)
        layout.addWidget(self.past)
        self.notices: list[Article] = []
        self.lifted: list[tuple[Article, object]] = []
        self.hide()

    def _link(self, link: str) -> None:
        self.open_article.emit(link.removeprefix("kb:"))

    def set_notices(self, notices: list[Article], lifted=None) -> None:  # type: ignore[no-untyped-def]
        """``lifted``: (article, day it was lifted) pairs, most recent first."""
        self.notices = notices
        self.lifted = list(lifted or [])
        if notices:
            links = " &nbsp;·&nbsp; ".join(
                f'<a href="kb:{html.escape(a.id)}" style="color:#8c1d18">{html.escape(a.title)}</a>'
                for a in notices
            )
            heading = self.tr("Urgent notices:")
            self.label.setText(f"<b>{html.escape(heading)}</b> {links}")
        self.current.setVisible(bool(notices))
        if self.lifted:
            items = " &nbsp;·&nbsp; ".join(
                html.escape(self.tr("Lifted on %1:").replace("%1", day_text(day, year=False)))  # type: ignore[arg-type]
                + f' <a href="kb:{html.escape(a.id)}" style="color:#1e4d2b">{html.escape(a.title)}</a>'
                for a, day in self.lifted
            )
            heading = self.tr("No longer in force")
            self.lifted_label.setText(f"<b>{html.escape(heading)}</b> — {items}")
        self.past.setVisible(bool(self.lifted))
        self.setVisible(bool(notices or self.lifted))
