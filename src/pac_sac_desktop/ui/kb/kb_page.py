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
    QInputDialog,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.services.kb_usage import SearchTracker, Usage
from pac_sac_desktop.services.knowledge import KnowledgeBase, moment_of
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.kb.article_view import ArticleView
from pac_sac_desktop.ui.kb.dates import day_text
from pac_sac_desktop.ui.kb.index_progress import IndexProgressLine
from pac_sac_desktop.ui.kb.results import ResultList, entry_from_article, entry_from_result
from pac_sac_desktop.ui.tasks import run_task

DEBOUNCE_MS = 120
RESULT_LIMIT = 30


class KnowledgePage(QWidget):
    """Search, results, article. Emits ``searched`` with the number of results (status bar, tests)."""

    searched = Signal(str, int)
    article_opened = Signal(str)

    def __init__(
        self,
        kb: KnowledgeBase,
        parent: QWidget | None = None,
        today_fn=today_local,
        usage: Usage | None = None,
    ) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.kb = kb
        self.today_fn = today_fn
        self.usage = usage
        self.tracker = SearchTracker()
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
        self.index_progress = IndexProgressLine(kb, self)
        self.heading = QLabel()
        self.heading.setObjectName("resultsHeading")
        self.heading.setStyleSheet("color: #444; font-weight: bold; padding: 4px 2px;")
        labels = (self.tr("URGENT"), self.tr("EXPIRED"), self.tr("LIFTED"), self.tr("TO CHECK"))
        self.results = ResultList(self, self.today_fn, labels)
        self.results.setObjectName("results")
        self.results.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.results.itemClicked.connect(lambda _item: self.open_current())
        self.results.currentRowChanged.connect(self.preview_current)
        self.viewer = ArticleView(self, feedback=usage is not None)
        self.opened_id: str | None = None
        self.viewer.open_article.connect(self.open_article)
        self.viewer.feedback.connect(self.ask_feedback)
        self.settle = QTimer(self)  # a search left alone is a finished search (analytics)
        self.settle.setInterval(30_000)
        self.settle.timeout.connect(self._flush_search)
        self.settle.start()

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
        left_layout.addWidget(self.index_progress)
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

    def now(self) -> dt.datetime:
        return moment_of(self.today_fn())

    def show_recent(self) -> None:
        """With an empty field: the notices in force, then the articles viewed lately (or else
        the latest updates); never an expired sheet first."""
        today, now = self.today_fn(), self.now()

        def load():  # type: ignore[no-untyped-def]
            notices = self.kb.urgent_notices(now=now)
            viewed = [a for a in self.kb.recent(15) if a.id not in {n.id for n in notices}]
            if viewed:  # current sheets first, expired or lifted ones after
                viewed.sort(key=lambda a: a.is_expired(today) or a.is_over(now))
                return notices, True, viewed
            latest = self.kb.recently_updated(15, today)
            return notices, False, [a for a in latest if a.id not in {n.id for n in notices}]

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            if self.field.text().strip():
                return
            notices, viewed, articles = payload
            on_screen = self.viewer.article.id if self.viewer.article else None
            self.results.set_entries(
                [entry_from_article(a, today, now) for a in notices + articles], select=on_screen
            )
            heading = self.tr("Recently viewed") if viewed else self.tr("Latest updates")
            if notices:
                heading = self.tr("Notices in force, then %1").replace("%1", heading.lower())
            self.heading.setText(heading)

        run_task(self, load, done)

    # ----------------------------------------------------------------- search
    def run_search(self) -> None:
        self.timer.stop()
        text = self.field.text()
        self._generation += 1
        generation = self._generation
        if not text.strip():
            self._highlight = set()
            self._track(text, 0)
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
            self._track(text, len(results))
            if payload.lifted_top is not None:
                lifted = payload.lifted_top.lifted_on(self.now())
                self.heading.setText(
                    self.tr("No such notice is in force now: « %2 » was lifted on %1.")
                    .replace("%1", day_text(lifted, year=False) if lifted else "")
                    .replace("%2", payload.lifted_top.title)
                )
                self.heading.setWordWrap(True)
                self.heading.setStyleSheet("color: #1e6b34; font-weight: bold; padding: 4px 2px;")
            elif results:
                heading = self.tr("%n result(s)", "", len(results))
                if payload.corrected:
                    fixes = ", ".join(f"{a} → {b}" for a, b in payload.corrected.items())
                    heading += " · " + self.tr("spelling corrected: %1").replace("%1", fixes)
                if payload.titles_only:
                    heading += " · " + self.tr("in titles only, the search index is not ready")
                self.heading.setText(heading)
            else:
                self.heading.setText(
                    self.tr("No answer sheet found. Try other words or check the spelling.")
                )
            if payload.lifted_top is None:
                self.heading.setStyleSheet("color: #444; font-weight: bold; padding: 4px 2px;")
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

    def reading(self):  # type: ignore[no-untyped-def]
        """The sheet the agent is reading: opened, or previewed in the results of a search (not
        the sheet the home list happens to preview at start)."""
        article = self.viewer.article
        if article is None:
            return None
        return article if self.field.text().strip() or article.id == self.opened_id else None

    def preview_current(self, row: int) -> None:
        """Moving in the results shows the sheet under the cursor; an empty list, none."""
        entry = self.results.entry(row) if row >= 0 else None
        if entry is None:
            self.viewer.clear()
            return
        if self.viewer.article is None or self.viewer.article.id != entry.id:
            self._show(entry.id)

    def open_article(self, article_id: str) -> None:
        if self._show(article_id):
            self.opened_id = article_id
            self.article_opened.emit(article_id)
            event = self.tracker.opened(article_id)
            self._record(event)

            def viewed(_r: object) -> None:
                if not self.field.text().strip():
                    self.show_recent()  # the list of recent sheets now starts with this one

            run_task(self, lambda: self.kb.record_view(article_id), viewed, lambda *_a: None)

    def _show(self, article_id: str) -> bool:
        article = self.kb.article(article_id)
        if article is None:
            self.viewer.clear()
            self.viewer.browser.setPlainText(
                self.tr("This article was withdrawn from the knowledge base.")
            )
            return False
        today: dt.date = self.today_fn()
        self.viewer.show_article(
            article, self.kb.article_html(article, self._highlight), today, self.now()
        )
        return True

    # ----------------------------------------------------------------- feedback, analytics
    def ask_feedback(self, article_id: str, kind: str) -> None:
        if kind == "useful":
            self.give_feedback(article_id, "useful", "")
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("fixDialog")
        dialog.setWindowTitle(self.tr("Needs a fix"))
        dialog.setLabelText(self.tr("What is wrong or missing in this sheet?"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.textValueSelected.connect(lambda text: self.give_feedback(article_id, "fix", text))
        self._fix_dialog = dialog
        dialog.open()

    def give_feedback(self, article_id: str, kind: str, comment: str) -> None:
        if self.usage is None:
            return
        usage = self.usage
        version = self.kb.server_version(article_id)
        run_task(
            self,
            lambda: usage.give_feedback(article_id, kind, comment, version=version),
            lambda _f: self.viewer.feedback_sent(kind),
        )

    def _track(self, text: str, results: int) -> None:
        self._record(self.tracker.typed(text, results, dt.datetime.now(dt.UTC)))

    def _flush_search(self) -> None:
        self._record(self.tracker.flush(dt.datetime.now(dt.UTC)))

    def _record(self, event) -> None:  # type: ignore[no-untyped-def]
        if event is None or self.usage is None:
            return
        usage = self.usage
        run_task(self, lambda: usage.record_search(event), lambda _r: None, lambda *_a: None)
