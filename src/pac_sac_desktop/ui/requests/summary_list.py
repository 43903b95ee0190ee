"""A list of requests (search results, "Mes requêtes", "Ce poste"): one line per request."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from pac_sac_desktop.core.vocabulary import NATURE_LABELS, STATUS_LABELS, SYNC_LABELS
from pac_sac_desktop.ui.format import short_when


class SummaryList(QTreeWidget):
    chosen = Signal(str)  # uuid

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Status"),
                self.tr("Nature"),
                self.tr("Category"),
                self.tr("Citizen"),
                self.tr("Place"),
                self.tr("Created"),
            ]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.currentItemChanged.connect(
            lambda item, _prev: item and self.chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )

    def set_rows(self, rows) -> None:  # type: ignore[no-untyped-def]
        current = self.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current else None
        self.blockSignals(True)
        self.setSortingEnabled(False)
        self.clear()
        for r in rows:
            item = _Item(
                [
                    r.label,
                    STATUS_LABELS.get(r.status, r.status),
                    NATURE_LABELS.get(r.nature, r.nature),
                    r.category_label,
                    r.citizen_name,
                    r.place,
                    short_when(r.created_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r.uuid)
            item.setData(6, Qt.ItemDataRole.UserRole, r.created_at.isoformat())
            if r.sync_state in ("conflict", "rejected"):
                item.setForeground(0, Qt.GlobalColor.darkRed)
            item.setToolTip(0, SYNC_LABELS.get(r.sync_state, r.sync_state))
            self.addTopLevelItem(item)
            if r.uuid == keep:
                self.setCurrentItem(item)
        self.setSortingEnabled(True)
        self.blockSignals(False)


class _Item(QTreeWidgetItem):
    """Sorts the date column by the moment, not by its French words."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if column == 6:
            return str(self.data(6, Qt.ItemDataRole.UserRole)) < str(
                other.data(6, Qt.ItemDataRole.UserRole)
            )
        return self.text(column).casefold() < other.text(column).casefold()
