"""The home screen: search as you type on the left, the answer sheet on the right.

Keyboard first: the field keeps focus while ↑/↓ move in the results and Enter opens one; Esc
comes back to the field from anywhere on the page. Searches run on the thread pool after a short
pause in typing; a result that arrives after a newer keystroke is dropped.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.services.knowledge import KnowledgeBase
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.kb.article_view import ArticleView
from pac_sac_desktop.ui.kb.results import ResultList, entry_from_article, entry_from_result
from pac_sac_desktop.ui.tasks import run_task

DEBOUNCE_MS = 120
RESULT_LIMIT = 30


class KnowledgePage(QWidget):
    """Search, results, article. Emits ``searched`` with the number of results (status bar, tests)."""

    searched = Signal(str, int)
    article_opened = Signal(str)

    def __init__(
        self, kb: KnowledgeBase, parent: QWidget | None = None, today_fn=today_local
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.kb = kb
        self.today_fn = today_fn
        self._generation = 0
        self._highlight: set[str] = set()

        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search the knowledge base (Ctrl+K)"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumHeight(34)
        self.field.setStyleSheet("font-size: 13pt; padding: 2px 6px;")
        self.field.installEventFilter(self)
        self.service = QComboBox()
        self.service.setObjectName("serviceFilter")
        self.service.setToolTip(self.tr("Show only one department's articles"))
        self.service.addItem(self.tr("All departments"), None)
        self.heading = QLabel()
        self.heading.setObjectName("resultsHeading")
        self.heading.setStyleSheet("color: #444; font-weight: bold; padding: 4px 2px;")
        self.results = ResultList(self, self.today_fn, (self.tr("URGENT"), self.tr("EXPIRED")))
        self.results.setObjectName("results")
        self.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.results.itemClicked.connect(lambda _item: self.open_current())
        self.viewer = ArticleView(self)
        self.viewer.open_article.connect(self.open_article)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _t: self.timer.start())
        self.field.returnPressed.connect(self.open_current)
        self.service.currentIndexChanged.connect(lambda _i: self.run_search())

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.field)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Department:")))
        filters.addWidget(self.service, 1)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.results, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.focus_search)

    # ----------------------------------------------------------------- public
    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_services(self, services: list[str]) -> None:
        current = self.service.currentData()
        self.service.blockSignals(True)
        while self.service.count() > 1:
            self.service.removeItem(1)
        for name in services:
            self.service.addItem(name, name)
        index = self.service.findData(current)
        self.service.setCurrentIndex(max(index, 0))
        self.service.blockSignals(False)

    def show_recent(self) -> None:
        """With an empty field: the articles viewed lately, or else the latest updates."""

        def load():  # type: ignore[no-untyped-def]
            viewed = self.kb.recent(15)
            return (True, viewed) if viewed else (False, self.kb.recently_updated(15))

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            if self.field.text().strip():
                return
            viewed, articles = payload
            today = self.today_fn()
            self.results.set_entries([entry_from_article(a, today) for a in articles])
            self.heading.setText(
                self.tr("Recently viewed") if viewed else self.tr("Latest updates")
            )

        run_task(self, load, done)

    # ----------------------------------------------------------------- search
    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text()
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self._highlight = set()
            self.show_recent()
            self.searched.emit(text, 0)
            return
        service = self.service.currentData()
        today = self.today_fn()

        def work():  # type: ignore[no-untyped-def]
            return self.kb.lookup(text, limit=RESULT_LIMIT, service=service, today=today)

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            if generation != self._generation:
                return  # the agent typed more meanwhile
            results = payload.results
            self._highlight = payload.stems
            self.results.set_entries([entry_from_result(r) for r in results])
            if results:
                heading = self.tr("%n result(s)", "", len(results))
                if payload.corrected:
                    fixes = ", ".join(f"{a} → {b}" for a, b in payload.corrected.items())
                    heading += " · " + self.tr("spelling corrected: %1").replace("%1", fixes)
                self.heading.setText(heading)
            else:
                self.heading.setText(
                    self.tr("No answer sheet found. Try other words or check the spelling.")
                )
            self.searched.emit(text, len(results))

        run_task(self, work, done)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.field
            and event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Escape  # type: ignore[attr-defined]
            and self.field.text()
        ):
            event.accept()  # Esc in a filled field clears it rather than the page's shortcut
            return True
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            rows = self.results.count()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows:
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), rows - 1)
                self.results.setCurrentRow(row)
                self.results.scrollToItem(self.results.currentItem())
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and rows:
                step = 5 if key == Qt.Key.Key_PageDown else -5
                self.results.setCurrentRow(min(max(self.results.currentRow() + step, 0), rows - 1))
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(obj, event)

    # ----------------------------------------------------------------- article
    def open_current(self) -> None:
        if self.timer.isActive():
            self.run_search()  # Enter before the pause: search now, open when results arrive
            self.searched_once_then(self.open_current)
            return
        entry = self.results.entry()
        if entry is not None:
            self.open_article(entry.id)

    def searched_once_then(self, action) -> None:  # type: ignore[no-untyped-def]
        def once(*_args) -> None:  # type: ignore[no-untyped-def]
            self.searched.disconnect(once)
            action()

        self.searched.connect(once)

    def open_article(self, article_id: str) -> None:
        article = self.kb.article(article_id)
        if article is None:
            self.viewer.clear()
            self.viewer.browser.setPlainText(
                self.tr("This article was withdrawn from the knowledge base.")
            )
            return
        today: dt.date = self.today_fn()
        self.viewer.show_article(article, self.kb.article_html(article, self._highlight), today)
        self.article_opened.emit(article_id)
        run_task(self, lambda: self.kb.record_view(article_id), lambda _r: None, lambda *_a: None)
