"""One supervisor queue as a paged Qt model: rows arrive 100 at a time as the view scrolls
(canFetchMore/fetchMore over ``RequestService.queue``, read off the GUI thread), sorting is the
service's (an index read, not a sort of what happens to be loaded), and the countdown column
is recomputed from the server's clock without reading the rows again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from pac_sac_desktop.core.events import MEETING_STATES
from pac_sac_desktop.core.vocabulary import STATUS_LABELS, SYNC_LABELS
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.format import countdown, short_when, when
from pac_sac_desktop.ui.operations import requests as ops

PAGE = 100
OVERDUE = QColor("#b3261e")
# (header, sort key of the service or None when the column cannot be sorted by the service)
COLUMNS = (
    (QT_TRANSLATE_NOOP("QueueModel", "Number"), "reference"),
    (QT_TRANSLATE_NOOP("QueueModel", "Due"), "due"),
    (QT_TRANSLATE_NOOP("QueueModel", "Category"), "category"),
    (QT_TRANSLATE_NOOP("QueueModel", "Citizen"), None),
    (QT_TRANSLATE_NOOP("QueueModel", "Place"), None),
    (QT_TRANSLATE_NOOP("QueueModel", "District"), "district"),
    (QT_TRANSLATE_NOOP("QueueModel", "Department"), "department"),
    (QT_TRANSLATE_NOOP("QueueModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("QueueModel", "Assigned to"), None),
    (QT_TRANSLATE_NOOP("QueueModel", "Created"), "created"),
)
DUE_COLUMN = 1  # right after the number: what a supervisor scans first
# Columns that give up room (elided, whole text in the tooltip) when the table is too wide,
# the first the most willingly: the number, deadline, status and creation stay whole.
ELASTIC_COLUMNS = (4, 3, 2, 6, 5, 8)
Index = QModelIndex | QPersistentModelIndex


class QueueModel(QAbstractTableModel):
    loaded = Signal(int)  # total

    def __init__(self, ws: Workstation, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.name = "first-followup"
        self.department: str | None = None
        self.district: int | None = None
        self.sort_key, self.descending = "due", False
        self.rows: list[Any] = []
        self.total = 0
        self.now = dt.datetime.now(dt.UTC)
        self._loading = False
        self._generation = 0
        self.headers = [self.tr(h) for h, _k in COLUMNS]

    # ------------------------------------------------------------------ loading
    def reload(self, **changes: Any) -> None:
        """Start again from the first page (queue, filters or sort changed, or data changed)."""
        for key, value in changes.items():
            setattr(self, key, value)
        self._generation += 1
        self._loading = False
        self._fetch(reset=True)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(reset=False)

    def _fetch(self, *, reset: bool) -> None:
        self._loading = True
        generation = self._generation
        offset = 0 if reset else len(self.rows)

        def done(page) -> None:  # type: ignore[no-untyped-def]
            if generation != self._generation:
                return  # an older request; a newer one is on its way
            self._loading = False
            if reset:
                self.beginResetModel()
                self.rows = list(page.rows)
                self.total = page.total
                self.endResetModel()
            elif page.rows:
                self.beginInsertRows(
                    QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1
                )
                self.rows += page.rows
                self.total = page.total
                self.endInsertRows()
            self.loaded.emit(self.total)

        def failed(exc: BaseException, details: str) -> None:
            self._loading = False
            from pac_sac_desktop.ui.errors import show_error

            show_error(None, exc, details)

        ops.queue_page(
            parent=self,
            ws=self.ws,
            name=self.name,
            department=self.department,
            district=self.district,
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=PAGE,
        ).success(done).failure(failed).run_in_background()

    def set_now(self, now: dt.datetime) -> None:
        """The server's clock moved: only the countdown column changes."""
        self.now = now
        if self.rows:
            self.dataChanged.emit(
                self.index(0, DUE_COLUMN), self.index(len(self.rows) - 1, DUE_COLUMN)
            )

    # ------------------------------------------------------------------ the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.reload(sort_key=key, descending=order == Qt.SortOrder.DescendingOrder)

    def due_of(self, r: Any) -> dt.datetime | None:
        """The deadline that matters in this queue."""
        if self.name == "first-followup":
            return r.followup_due_at
        return r.due_at or r.followup_due_at

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.UserRole:
            return r.uuid
        due = self.due_of(r)
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN and due:
            return QBrush(OVERDUE) if due < self.now else None
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE_COLUMN and due:
            return when(due)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return SYNC_LABELS.get(r.sync_state, r.sync_state) + (
                f" — {r.sync_error}" if r.sync_error else ""
            )
        if role == Qt.ItemDataRole.ToolTipRole and column in ELASTIC_COLUMNS:
            return self.data(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == DUE_COLUMN:
            if self.name == "blocked":
                return SYNC_LABELS.get(r.sync_state, r.sync_state)
            if self.name == "meeting":
                return MEETING_STATES.get(r.meeting or "", r.meeting or "")
            if due is None:
                return ""
            left, late = countdown(due, self.now)
            return left if late else self.tr("%1 left").replace("%1", left)
        district = f"{r.district} {r.district_name}".strip() if r.district is not None else ""
        values = (
            r.label,
            "",
            r.category_label,
            r.citizen_name,
            r.place,
            district,
            r.department,
            STATUS_LABELS.get(r.status, r.status),
            r.assigned_to or "",
            short_when(r.created_at),
        )
        return values[column]
