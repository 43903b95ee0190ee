"""The main window: urgent notices on top, the knowledge base as home tab, status at the bottom."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop import __version__
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.capture.capture_page import CapturePage
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.kb.kb_page import KnowledgePage
from pac_sac_desktop.ui.kb.urgent_banner import UrgentBanner
from pac_sac_desktop.ui.login_dialog import LoginDialog
from pac_sac_desktop.ui.sync_status import SyncController, SyncStatusWidget
from pac_sac_desktop.ui.tasks import run_task


class MainWindow(QMainWindow):
    def __init__(  # type: ignore[no-untyped-def]
        self,
        ws: Workstation,
        settings: QSettings | None = None,
        today_fn=today_local,
        *,
        sync_interval_ms: int = 60_000,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.kb = kb = ws.kb
        self.settings = settings or QSettings()
        self.today_fn = today_fn
        self.setWindowTitle(self.tr("PAC SAC — Citizen services"))
        self.setMinimumSize(1000, 620)
        self.banner = UrgentBanner(self)
        self.kb_page = KnowledgePage(kb, self, today_fn=today_fn)
        self.banner.open_article.connect(self._open_from_banner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.kb_page, self.tr("Knowledge base"))
        self.capture_page = CapturePage(ws, self)
        self.capture_page.open_article.connect(self._open_from_capture)
        self.capture_page.saved.connect(lambda _uuid: self.sync.sync_now())
        self.tabs.addTab(self.capture_page, self.tr("New request (Ctrl+N)"))
        if ws.role() == "supervisor":
            from pac_sac_desktop.ui.reports.report_page import ReportPage

            self.report_page = ReportPage(ws, self, today_fn=today_fn)
            self.tabs.addTab(self.report_page, self.tr("Reports"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.status_articles = QLabel()
        self.status_index = QLabel()
        self.sync = SyncController(ws, self, interval_ms=sync_interval_ms)
        self.sync_status = SyncStatusWidget(self.sync, self)
        self.sync.kb_changed.connect(self.refresh_kb_state)
        self.sync.needs_login.connect(self.ask_login)
        self.statusBar().addWidget(self.status_articles)
        self.statusBar().addWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.status_index)
        self.kb_page.searched.connect(lambda *_: None)
        self._menus()
        new = QShortcut(QKeySequence("Ctrl+N"), self)
        new.setContext(Qt.ShortcutContext.ApplicationShortcut)
        new.activated.connect(self.go_capture)
        draft = ws.drafts.load()
        if draft:
            self.capture_page.offer_draft(draft)
        for keys in ("Ctrl+K", "F3"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(self.go_search)
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 800)
        self.kb_page.focus_search()
        self.refresh_kb_state()
        self.status_index.setText(self.tr("Checking the search index…"))
        run_task(self, self.kb.ensure_index, self._index_ready, self._index_failed)
        self.sync.start()

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        act = QAction(self.tr("&Import articles…"), self)
        act.triggered.connect(self.import_articles)
        file_menu.addAction(act)
        file_menu.addSeparator()
        login = QAction(self.tr("&Connect to the server…"), self)
        login.triggered.connect(lambda: self.ask_login(""))
        file_menu.addAction(login)
        sync_now = QAction(self.tr("S&ynchronise now"), self)
        sync_now.setShortcut(QKeySequence("F5"))
        sync_now.triggered.connect(self.sync.sync_now)
        file_menu.addAction(sync_now)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        search = QAction(self.tr("&Search"), self)
        search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("F3")])
        search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the window's shortcuts act
        search.triggered.connect(self.go_search)
        view.addAction(search)
        lang = view.addMenu(self.tr("&Language"))
        for code, label in (("fr", "Français"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.value("ui/language", "fr") == code)
            action.triggered.connect(lambda _c=False, c=code: self._set_language(c))
            lang.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About PAC SAC"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # ----------------------------------------------------------------- actions
    def go_search(self) -> None:
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.focus_search()

    def go_capture(self) -> None:
        """Ctrl+N: on the form, start a new request; elsewhere, come back to the form as it was."""
        page = self.capture_page
        if self.tabs.currentWidget() is page or not page.has_content():
            self.tabs.setCurrentWidget(page)
            page.new_request()
        else:
            self.tabs.setCurrentWidget(page)
            page.category.setFocus()

    def _open_from_capture(self, article_id: str) -> None:
        """Show the sheet beside the form's tab; Ctrl+N or the tab brings the form back intact."""
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.open_article(article_id)

    def _open_from_banner(self, article_id: str) -> None:
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.open_article(article_id)

    def refresh_kb_state(self) -> None:
        today = self.today_fn()

        def load():  # type: ignore[no-untyped-def]
            return self.kb.urgent_notices(today), self.kb.services(), self.kb.count()

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            notices, services, count = payload
            self.banner.set_notices(notices)
            self.kb_page.set_services(services)
            self.status_articles.setText(
                self.tr("%n article(s) in the local knowledge base", "", count)
            )
            if not self.kb_page.field.text().strip():
                self.kb_page.show_recent()

        run_task(self, load, done)

    def _index_ready(self, state: str) -> None:
        messages = {
            "ok": self.tr("Search index up to date"),
            "updated": self.tr("Search index updated"),
            "rebuilt": self.tr("Search index rebuilt"),
        }
        self.status_index.setText(messages.get(state, state))
        if self.kb_page.field.text().strip():
            self.kb_page.run_search()

    def _index_failed(self, exc: BaseException, details: str) -> None:
        from pac_sac_desktop.ui.errors import show_error

        self.status_index.setText(self.tr("Search index unavailable"))
        show_error(self, exc, details)

    def import_articles(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of Markdown articles"))
        if folder:
            self.run_import(Path(folder))

    def run_import(self, path: Path) -> None:
        self.status_index.setText(self.tr("Importing…"))

        def done(report) -> None:  # type: ignore[no-untyped-def]
            self.status_index.setText(self.tr("Search index up to date"))
            self.refresh_kb_state()
            text = self.tr("%1 created, %2 updated, %3 unchanged, %4 rejected.")
            for i, n in enumerate(
                (report.created, report.updated, report.unchanged, report.rejected), 1
            ):
                text = text.replace(f"%{i}", str(len(n)))
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Import finished"), text, parent=self
            )
            if report.rejected:
                box.setIcon(QMessageBox.Icon.Warning)
                box.setDetailedText("\n".join(f"{r.path} : {r.reason}" for r in report.rejected))
            box.open()

        run_task(self, lambda: self.kb.import_path(path), done)

    def ask_login(self, message: str = "") -> None:
        """Window-modal but not blocking: the agent can finish a call before reconnecting."""
        if getattr(self, "_login", None) is not None and self._login.isVisible():
            return
        self._login = LoginDialog(self.ws, self, message)
        self._login.accepted.connect(self.sync.sync_now)
        self._login.open()

    def _set_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language will be used at the next start.")
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PAC SAC"),
            self.tr(
                "PAC SAC Desktop %1\nKnowledge base and citizen requests for frontline staff."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.sync.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
