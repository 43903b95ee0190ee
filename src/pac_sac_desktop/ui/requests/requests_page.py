"""The "Requêtes" tab, for everyone: find a request as the citizen describes it (reference,
provisional number, name, phone, e-mail or address), the clerk's own requests and this
station's, and the chosen request's detail with its history and the actions the role allows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.operations import Changes, hub
from pac_sac_desktop.ui.operations import requests as ops
from pac_sac_desktop.ui.requests.action_bar import ActionBar
from pac_sac_desktop.ui.requests.detail_view import RequestDetailView
from pac_sac_desktop.ui.requests.summary_list import SummaryList

SEARCH_DELAY_MS = 300


class RequestsPage(QWidget):
    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.role = ""
        self.current: str | None = None
        self.categories: dict[str, Category] = {}
        self.search = QLineEdit()
        self.search.setObjectName("requestSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Reference, provisional number, citizen's name, phone, e-mail or address")
        )
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results, self.mine, self.station = SummaryList(), SummaryList(), SummaryList()
        self.results.setObjectName("searchResults")
        self.mine.setObjectName("myRequests")
        self.station.setObjectName("stationRequests")
        self.lists = QTabWidget()
        self.lists.addTab(self.results, self.tr("Search results"))
        self.lists.addTab(self.mine, self.tr("My requests"))
        self.lists.addTab(self.station, self.tr("This station"))
        self.lists.setCurrentWidget(self.mine)
        for widget in (self.results, self.mine, self.station):
            widget.chosen.connect(self.show_request)
        self.detail = RequestDetailView(self)
        self.actions = ActionBar(ws, self)
        self.detail.actions_row.addWidget(self.actions)
        self.actions.done.connect(lambda _k: None)
        self.info = QLabel()
        self.info.setStyleSheet("color:#555")
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        lv.addLayout(top)
        lv.addWidget(self.lists, 1)
        lv.addWidget(self.info)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.detail)
        left.setMinimumWidth(420)
        self.detail.setMinimumWidth(460)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)
        hub().changes_applied.connect(self._changes)

    def set_role(self, role: str) -> None:
        self.role = role
        self.actions.set_detail(self.detail.detail, role)

    def refresh(self) -> None:
        """Reload the lists (and the open request) from the workstation's database."""
        ops.load_categories(parent=self, ws=self.ws).success(
            lambda rows: setattr(self, "categories", {c.code: c for c in rows})
        ).run_in_background()
        ops.desk_filters(parent=self, ws=self.ws).success(
            lambda filters: setattr(self.actions, "departments", filters[0])
        ).run_in_background()
        ops.my_requests(parent=self, ws=self.ws).success(self.mine.set_rows).run_in_background()
        ops.station_requests(parent=self, ws=self.ws).success(
            self.station.set_rows
        ).run_in_background()
        if self.search.text().strip():
            self.run_search()
        if self.current:
            self.show_request(self.current, opened=False)

    def run_search(self) -> None:
        self.search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.results.set_rows([])
            self.info.setText("")
            return

        def done(rows) -> None:  # type: ignore[no-untyped-def]
            if text != self.search.text().strip():
                return  # a newer search is on its way
            self.results.set_rows(rows)
            self.lists.setCurrentWidget(self.results)
            self.info.setText(self.tr("%n request(s) found", "", len(rows)))
            if len(rows) == 1:
                self.show_request(rows[0].uuid)

        ops.find_requests(parent=self, ws=self.ws, text=text).success(done).run_in_background()

    def show_request(self, ref: str, opened: bool = True) -> None:
        """Show one request (uuid, reference or provisional number) in the detail pane;
        ``opened`` is False when the pane already open is only refreshed."""
        self.current = ref

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            detail, now = payload
            if ref != self.current:
                return
            self.current = detail.summary.uuid
            self.detail.show_detail(detail, now, self.categories)
            self.actions.set_detail(detail, self.role)

        def failed(exc: BaseException, details: str) -> None:
            if isinstance(exc, KeyError):
                self.detail.clear()
                self.actions.set_detail(None, self.role)
                self.info.setText(self.tr("This request is not on this station."))
                return
            from pac_sac_desktop.ui.errors import show_error

            show_error(self, exc, details)

        ops.request_detail(parent=self, ws=self.ws, ref=ref, opened=opened).success(done).failure(
            failed
        ).run_in_background()

    def _changes(self, changes: Changes, _initiator: object) -> None:
        if changes.requests:
            self.refresh()
