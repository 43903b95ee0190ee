"""The supervisor's desk: five queues with their counts, filters by department and district,
a paged table sorted by the service, a live countdown on the server's clock (every 30 s), bulk
assignment of the selected rows, and a double-click that opens the request's detail."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.operations import Changes, hub
from pac_sac_desktop.ui.operations import requests as ops
from pac_sac_desktop.ui.requests import action_dialogs as dialogs
from pac_sac_desktop.ui.supervision.queue_model import DUE_COLUMN, ELASTIC_COLUMNS, QueueModel

TICK_MS = 30_000
QUEUES = (
    ("first-followup", QT_TRANSLATE_NOOP("DeskPage", "First follow-up due")),
    ("meeting", QT_TRANSLATE_NOOP("DeskPage", "Meeting with the councillor")),
    ("unassigned", QT_TRANSLATE_NOOP("DeskPage", "Unassigned")),
    ("overdue", QT_TRANSLATE_NOOP("DeskPage", "Overdue (category deadline)")),
    ("blocked", QT_TRANSLATE_NOOP("DeskPage", "Blocked uploads")),
)


class DeskPage(QWidget):
    open_request = Signal(str)  # uuid

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.counts: dict[str, int] = {}
        self._stale = True
        self.queues = QListWidget()
        self.queues.setObjectName("queues")
        for name, _label in QUEUES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.queues.addItem(item)
        self.queues.setMaximumWidth(260)
        self.queues.setMinimumWidth(200)
        self.queues.currentItemChanged.connect(lambda item, _p: item and self._pick(item))
        self.department = QComboBox()
        self.department.setObjectName("departmentFilter")
        self.district = QComboBox()
        self.district.setObjectName("districtFilter")
        for box in (self.department, self.district):
            box.addItem(self.tr("All"), None)
            box.currentIndexChanged.connect(lambda _i: self.reload())
        self.model = QueueModel(ws, self)
        self.model.loaded.connect(self._loaded)
        self.table = QTableView()
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # the header asks the service; see _sort
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.doubleClicked.connect(
            lambda index: self.open_request.emit(self.model.rows[index.row()].uuid)
        )
        self.assign_button = QPushButton(self.tr("Assign the selection…"))
        self.assign_button.setObjectName("bulkAssign")
        self.assign_button.clicked.connect(self.assign_selection)
        self.summary = QLabel()
        self.clock = QLabel()
        self.clock.setStyleSheet("color:#555")
        self.departments: list[str] = []
        self.dialog: dialogs.ActionDialog | None = None
        self._layout()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        hub().changes_applied.connect(self._changes)
        self._labels()
        self.queues.setCurrentRow(0)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Department:")))
        filters.addWidget(self.department, 1)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("District:")))
        filters.addWidget(self.district, 1)
        filters.addSpacing(12)
        filters.addWidget(self.assign_button)
        right = QVBoxLayout()
        right.addLayout(filters)
        right.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.clock)
        right.addLayout(bottom)
        left = QVBoxLayout()
        title = QLabel(self.tr("Queues"))
        title.setStyleSheet("font-weight:bold")
        left.addWidget(title)
        left.addWidget(self.queues, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(left)
        layout.addLayout(right, 1)

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Filters, counts and the current queue from the workstation's database."""

        def filters(payload) -> None:  # type: ignore[no-untyped-def]
            departments, districts = payload
            self.departments = departments
            for box, items in (
                (self.department, [(d, d) for d in departments]),
                (self.district, [(n, f"{n} — {name}") for n, name in districts]),
            ):
                current = box.currentData()
                box.blockSignals(True)
                box.clear()
                box.addItem(self.tr("All"), None)
                for value, label in items:
                    box.addItem(label, value)
                box.setCurrentIndex(max(box.findData(current), 0))
                box.blockSignals(False)

        self._stale = False
        ops.desk_filters(parent=self, ws=self.ws).success(filters).run_in_background()
        self.reload()

    def reload(self) -> None:
        department, district = self.department.currentData(), self.district.currentData()
        self.model.reload(department=department, district=district)
        ops.queue_counts(parent=self, ws=self.ws, department=department, district=district).success(
            self._counts
        ).run_in_background()

    def tick(self) -> None:
        """Every 30 s: the countdowns move on the server's clock, the counts are read again."""
        self.reload_counts_only()

    def reload_counts_only(self) -> None:
        department, district = self.department.currentData(), self.district.currentData()
        ops.queue_counts(parent=self, ws=self.ws, department=department, district=district).success(
            self._counts
        ).run_in_background()

    def _counts(self, payload) -> None:  # type: ignore[no-untyped-def]
        self.counts, now = payload
        self.model.set_now(now)
        from pac_sac_desktop.ui.format import clock

        self.clock.setText(self.tr("Server time %1").replace("%1", clock(now)))
        self._labels()

    def _labels(self) -> None:
        for row, (name, label) in enumerate(QUEUES):
            count = self.counts.get(name)
            text = QCoreApplication.translate("DeskPage", label)
            self.queues.item(row).setText(f"{text} ({count})" if count is not None else text)

    def _pick(self, item: QListWidgetItem) -> None:
        self.model.reload(name=item.data(Qt.ItemDataRole.UserRole))

    def _loaded(self, total: int) -> None:
        self.summary.setText(
            self.tr("%n request(s) in this queue", "", total)
            + (" · " + self.tr("%1 shown").replace("%1", str(len(self.model.rows))))
        )
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Every column on screen at 1366 pixels: the widest ones give up room, elided."""
        table = self.table
        table.resizeColumnsToContents()
        # The deadline text changes as time passes: room for its longest form.
        table.setColumnWidth(DUE_COLUMN, max(table.columnWidth(DUE_COLUMN), 150))
        widths = [table.columnWidth(c) for c in range(self.model.columnCount())]
        excess = sum(widths) - table.viewport().width()
        floor = 90
        while excess > 0:
            widest = max(ELASTIC_COLUMNS, key=lambda c: widths[c])
            if widths[widest] <= floor:
                break
            cut = min(excess, widths[widest] - floor, 20)
            widths[widest] -= cut
            excess -= cut
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)

    def selected_uuids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].uuid for r in rows]

    def assign_selection(self) -> None:
        refs = self.selected_uuids()
        if not refs:
            self.summary.setText(self.tr("Select one or more requests first."))
            return
        label = self.tr("%n request(s) selected", "", len(refs))
        self.dialog = dialog = dialogs.assign_dialog(self, label, self.departments)

        def refused(exc: BaseException, details: str) -> None:
            from pac_sac_desktop.ui.errors import show_error

            dialog.refused()
            show_error(dialog, exc, details)

        def send(v: dict) -> None:  # type: ignore[type-arg]
            ops.assign(parent=self, ws=self.ws, refs=refs, to=v["to"], kind=v["kind"]).success(
                lambda _e: dialog.finish()
            ).failure(refused).run_in_background()

        dialog.submitted.connect(send)
        dialog.open()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        # Refit once the layout has given the table its new width.
        if self.model.rows:
            QTimer.singleShot(0, self._fit_columns)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.timer.start()
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.timer.stop()
        super().hideEvent(event)

    def _changes(self, changes: Changes, _initiator: object) -> None:
        if changes.requests and self.isVisible():
            self.reload()
        elif changes.requests:
            self._stale = True
