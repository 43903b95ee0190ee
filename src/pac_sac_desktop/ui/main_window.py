"""The main window: urgent notices on top, the knowledge base as home tab, the capture form, the
requests and (for supervisors) the desk; who is signed in at the top right, status at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.roles import can_author
from pac_sac_desktop.services.knowledge import moment_of
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.account_badge import AccountBadge
from pac_sac_desktop.ui.capture.capture_page import CapturePage
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.kb.article_category import category_for_article
from pac_sac_desktop.ui.kb.kb_page import KnowledgePage
from pac_sac_desktop.ui.kb.urgent_banner import UrgentBanner
from pac_sac_desktop.ui.login_dialog import LoginDialog
from pac_sac_desktop.ui.main_menus import WindowMenus
from pac_sac_desktop.ui.operations import Changes, hub
from pac_sac_desktop.ui.requests.requests_page import RequestsPage
from pac_sac_desktop.ui.supervision.desk_page import DeskPage
from pac_sac_desktop.ui.sync_status import INTERVAL_MS, SyncController, SyncStatusWidget
from pac_sac_desktop.ui.tasks import run_task

MIN_WIDTH, MIN_HEIGHT = 1000, 640
MAX_WIDTH, MAX_HEIGHT = 1600, 1000


class MainWindow(WindowMenus, QMainWindow):
    def __init__(  # type: ignore[no-untyped-def]
        self,
        ws: Workstation,
        settings: QSettings | None = None,
        today_fn=today_local,
        *,
        sync_interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__()
        self.ws = ws
        self.kb = kb = ws.kb
        self.settings = settings or QSettings()
        self.today_fn = today_fn
        self.setWindowTitle(self.tr("PAC SAC — Citizen services"))
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.banner = UrgentBanner(self)
        self.kb_page = KnowledgePage(kb, self, today_fn=today_fn, usage=ws.usage)
        self.banner.open_article.connect(self._open_from_banner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.kb_page, self.tr("Knowledge base"))
        self.capture_page = CapturePage(ws, self)
        self.capture_page.open_article.connect(self._open_from_capture)
        self.capture_page.saved.connect(lambda _uuid: self.sync.sync_now())
        self.tabs.addTab(self.capture_page, self.tr("New request (Ctrl+N)"))
        self.requests_page = RequestsPage(ws, self)
        self.tabs.addTab(self.requests_page, self.tr("Requests"))
        self.desk_page = DeskPage(ws, self)
        self.desk_page.hide()  # a tab only for supervisors (refresh_account)
        self.desk_page.open_request.connect(self.show_request)
        self.account_badge = AccountBadge(self)
        self.tabs.setCornerWidget(self.account_badge, Qt.Corner.TopRightCorner)
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
        self.editor_page = None
        self.add_editor_tab()
        self.sync.finished.connect(lambda _ok: self.add_editor_tab())
        self.notices_timer = QTimer(self)  # a notice leaves the banner at its end, sync or not
        self.notices_timer.setInterval(30_000)
        self.notices_timer.timeout.connect(self.refresh_notices)
        self.notices_timer.start()
        self.sync.needs_login.connect(self.ask_login)
        self.sync.finished.connect(self._synced)
        self.statusBar().addWidget(self.status_articles)
        self.statusBar().addWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.status_index)
        self.kb_page.searched.connect(lambda *_: None)
        self.kb_page.index_progress.building_changed.connect(self._index_building)
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
        self._initial_geometry()
        self.refresh_account()
        self.kb_page.focus_search()
        self.refresh_kb_state()
        self.status_index.setText(self.tr("Checking the search index…"))
        run_task(self, self.kb.ensure_index, self._index_ready, self._index_failed)
        self.sync.start()

    def _initial_geometry(self) -> None:
        """The size remembered from last time, else 90 % of the screen up to 1600 × 1000.

        Under Xvfb or a bare X server there is no window manager to choose for us: a window left
        to its default size opened at 1000 × 620, where the capture form is clipped.
        """
        geometry = self.settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)
        width = min(max(int(area.width() * 0.9), MIN_WIDTH), MAX_WIDTH, area.width())
        height = min(max(int(area.height() * 0.9), MIN_HEIGHT), MAX_HEIGHT, area.height())
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def refresh_account(self) -> None:
        """Who is signed in (top right) and what their role opens (the supervisor's desk)."""
        account = self.ws.account()
        self.account_badge.set_account(account)
        role = account.get("role") or ""
        self.requests_page.set_role(role)
        desk = self.tabs.indexOf(self.desk_page)
        if role == "supervisor" and desk < 0:
            self.tabs.addTab(self.desk_page, self.tr("Supervisor's desk"))
        elif role != "supervisor" and desk >= 0:
            self.tabs.removeTab(desk)
            self.desk_page.hide()
        self.requests_page.refresh()

    def _synced(self, ok: bool) -> None:
        """Statuses and references came back: every page showing requests reads them again."""
        if ok:
            hub().changes_applied.emit(Changes(requests=True), self.sync)
            self.capture_page.refresh_saved()

    def show_request(self, uuid: str) -> None:
        self.tabs.setCurrentWidget(self.requests_page)
        self.requests_page.show_request(uuid)

    # ----------------------------------------------------------------- actions
    def go_search(self) -> None:
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.focus_search()

    def go_capture(self) -> None:
        """Ctrl+N: on the form, start a new request; elsewhere, come back to the form as it was.

        From an open answer sheet, the new request starts in the sheet's category
        (ui/kb/article_category.py explains how the category is found).
        """
        page = self.capture_page
        category = ""
        article = self.kb_page.reading()
        if self.tabs.currentWidget() is self.kb_page and article is not None:
            category = category_for_article(article, page.categories.values()) or ""
        if self.tabs.currentWidget() is page or not page.has_content():
            self.tabs.setCurrentWidget(page)
            page.new_request(category)
        else:
            self.tabs.setCurrentWidget(page)
            if category and not page.category.text().strip():
                page.request_form.set_category(category)
            page.category.setFocus()

    def _open_from_capture(self, article_id: str) -> None:
        """Show the sheet beside the form's tab; Ctrl+N or the tab brings the form back intact."""
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.open_article(article_id)

    def _open_from_banner(self, article_id: str) -> None:
        self.tabs.setCurrentWidget(self.kb_page)
        self.kb_page.open_article(article_id)

    def add_editor_tab(self) -> None:
        """Editors get their workspace (the role is known once logged in)."""
        if self.editor_page is not None or not can_author(self.ws.role()):
            return
        from pac_sac_desktop.ui.editor.editor_page import EditorPage

        self.editor_page = EditorPage(self.ws, self.today_fn, self)
        self.editor_page.wants_sync.connect(self.sync.sync_now)
        self.sync.finished.connect(lambda _ok: self.editor_page.sync_finished())
        self.tabs.addTab(self.editor_page, self.tr("Authoring"))

    def _notices(self):  # type: ignore[no-untyped-def]
        now = moment_of(self.today_fn())
        lifted = [(a, a.lifted_on(now)) for a in self.kb.lifted_notices(now=now)]
        return self.kb.urgent_notices(now=now), lifted

    def refresh_notices(self) -> None:
        run_task(self, self._notices, lambda pair: self.banner.set_notices(*pair))

    def refresh_kb_state(self) -> None:
        def load():  # type: ignore[no-untyped-def]
            return self._notices(), self.kb.services(), self.kb.count()

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            notices, services, count = payload
            self.banner.set_notices(*notices)
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

    def _index_building(self, building: bool) -> None:
        """A first sync or a repair is building the index (the KB page shows how far)."""
        self.status_index.setText(
            self.tr("Search index being built…") if building else self.tr("Search index up to date")
        )

    def _index_failed(self, exc: BaseException, details: str) -> None:
        from pac_sac_desktop.ui.errors import show_error

        self.status_index.setText(self.tr("Search index unavailable"))
        show_error(self, exc, details)

    def ask_login(self, message: str = "") -> None:
        """Window-modal but not blocking: the agent can finish a call before reconnecting."""
        if getattr(self, "_login", None) is not None and self._login.isVisible():
            return
        self._login = LoginDialog(self.ws, self, message)
        self._login.accepted.connect(self.sync.sync_now)
        self._login.accepted.connect(self.refresh_account)
        self._login.open()

    def ask_unsaved(self) -> str:
        """'save', 'discard' or 'cancel': what to do with a request typed but not saved."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved request"))
        box.setText(self.tr("The request on the form has not been saved."))
        box.setInformativeText(
            self.tr("Keep it as a draft, offered back at the next start, or quit without it?")
        )
        answers = {
            box.addButton(self.tr("Save the draft"), QMessageBox.ButtonRole.AcceptRole): "save",
            box.addButton(
                self.tr("Quit without saving"), QMessageBox.ButtonRole.DestructiveRole
            ): "discard",
            box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole): "cancel",
        }
        box.setDefaultButton(next(iter(answers)))  # type: ignore[arg-type]
        self.quit_box = box
        box.exec()
        return answers.get(box.clickedButton(), "cancel")  # type: ignore[call-overload]

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.capture_page.has_content():
            answer = self.ask_unsaved()
            if answer == "cancel":
                event.ignore()
                return
            self.capture_page.draft_timer.stop()
            if answer == "save":
                self.ws.drafts.save(self.capture_page._form_state())
            else:
                self.ws.drafts.clear()
        self.sync.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
