"""A sheet's published versions: who and when, a readable diff between any two, and restoring
an older one as a new version."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.services.authoring import Authoring
from pac_sac_desktop.ui.editor.diff_view import diff_html
from pac_sac_desktop.ui.errors import describe
from pac_sac_desktop.ui.kb.dates import moment_text
from pac_sac_desktop.ui.tasks import run_task


class HistoryDialog(QDialog):
    restored = Signal(str, int)

    def __init__(
        self, authoring: Authoring, article_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.authoring, self.article_id = authoring, article_id
        self.setWindowTitle(self.tr("History of the sheet"))
        self.resize(1000, 640)
        self.versions: list[dict] = []
        self.heading = QLabel(self.tr("Loading the versions…"))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1d3b5c;")
        self.old = QComboBox()
        self.new = QComboBox()
        self.old.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.new.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.browser = QTextBrowser()
        self.browser.setObjectName("diffView")
        self.restore_button = QPushButton(self.tr("Restore the older version as a new one"))
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.setEnabled(False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare")))
        pick.addWidget(self.old, 1)
        pick.addWidget(QLabel(self.tr("with")))
        pick.addWidget(self.new, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(pick)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        run_task(self, lambda: authoring.history(article_id), self._loaded, self._failed)

    def _label(self, v: dict) -> str:
        when = moment_text(dt.datetime.fromisoformat(v["created_at"]))
        return (
            self.tr("version %1 — %2 — %3")
            .replace("%1", str(v["version"]))
            .replace("%2", when)
            .replace("%3", v["author"])
        )

    def _loaded(self, versions: list[dict]) -> None:
        self.versions = versions
        if not versions:
            self.heading.setText(self.tr("This sheet has no published version yet."))
            return
        title = versions[-1]["article"]["title"]
        self.heading.setText(
            self.tr("%1: %n published version(s)", "", len(versions)).replace("%1", title)
        )
        for combo in (self.old, self.new):
            combo.blockSignals(True)
            for v in versions:
                combo.addItem(self._label(v), v["version"])
            combo.blockSignals(False)
        self.old.setCurrentIndex(max(0, len(versions) - 2))
        self.new.setCurrentIndex(len(versions) - 1)
        self.show_diff()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self.heading.setText(self.tr("History unavailable: %1").replace("%1", describe(exc)))

    def show_diff(self) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            return
        self.restore_button.setEnabled(old != self.versions[-1]["version"])
        if old == new:
            self.browser.setHtml(
                f"<p>{html.escape(self.tr('The same version: choose two different ones.'))}</p>"
            )
            return
        removed = self.tr("only in version %1").replace("%1", str(old))
        added = self.tr("only in version %1").replace("%1", str(new))
        run_task(
            self,
            lambda: self.authoring.diff(self.article_id, old, new),
            lambda lines: self.browser.setHtml(diff_html(lines, removed=removed, added=added)),
            self._failed,
        )

    def restore(self) -> None:
        number = self.old.currentData()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore"),
            self.tr("Publish version %1 again as a new version?").replace("%1", str(number)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.buttonClicked.connect(
            lambda b: (
                self._restore(number)
                if box.standardButton(b) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        box.open()
        self._question = box

    def _restore(self, number: int) -> None:
        def done(version: int) -> None:
            self.heading.setText(
                self.tr("Version %1 published again as version %2.")
                .replace("%1", str(number))
                .replace("%2", str(version))
            )
            self.restored.emit(self.article_id, version)

        run_task(self, lambda: self.authoring.restore(self.article_id, number), done, self._failed)
