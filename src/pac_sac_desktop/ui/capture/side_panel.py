"""The capture form's side panel: what the workstation knows while the clerk types.

The repeat-complaint warning, the caller's open request on the same subject (with one click to
record this call as a complaint), possible duplicates at the same place, the caller's history
and the category's answer sheets.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.core.vocabulary import NATURE_LABELS, STATUS_LABELS, Nature
from pac_sac_desktop.ui.format import short_when

WARNING_STYLE = (
    "background:#fdecea; border:1px solid #e0a19b; border-radius:4px; padding:6px; color:#5f1711;"
)
NOTICE_STYLE = "#sameSubject { background:#fff4ce; border:1px solid #e0c060; border-radius:4px; }"


class SidePanel(QWidget):
    attach_requested = Signal(QListWidgetItem)
    article_requested = Signal(str)
    make_complaint = Signal()

    def __init__(self, citizen_box: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning = QLabel()
        self.warning.setObjectName("repeatWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.same_subject = QWidget()
        self.same_subject.setObjectName("sameSubject")
        self.same_subject.setStyleSheet(NOTICE_STYLE)
        self.same_subject_text = QLabel()
        self.same_subject_text.setWordWrap(True)
        self.complaint_button = QPushButton(self.tr("Record this call as a complaint"))
        self.complaint_button.setObjectName("makeComplaint")
        self.complaint_button.clicked.connect(self.make_complaint)
        box = QVBoxLayout(self.same_subject)
        box.addWidget(self.same_subject_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.complaint_button)
        box.addLayout(row)
        self.same_subject.hide()
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setToolTip(
            self.tr("Enter or double-click: attach this caller to that request")
        )
        self.duplicates.itemActivated.connect(self.attach_requested)
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.articles = QListWidget()
        self.articles.setObjectName("categoryArticles")
        self.articles.itemActivated.connect(
            lambda item: self.article_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(citizen_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.same_subject)
        for title, widget in (
            (self.tr("Possible duplicates (same place, last 30 days)"), self.duplicates),
            (self.tr("Caller history"), self.history),
            (self.tr("Answer sheets for this category"), self.articles),
        ):
            layout.addWidget(QLabel(f"<b>{html.escape(title)}</b>"))
            widget.setMinimumHeight(48)
            layout.addWidget(widget, 1)

    def show_assessment(self, a, categories: dict[str, Category], nature: str) -> None:  # type: ignore[no-untyped-def]
        if a.repeats:
            who = a.district.councillor if a.district else self.tr("the district councillor")
            word = self.tr("district")
            district = f" ({word} {a.district.number} {a.district.name})" if a.district else ""
            text = self.tr(
                "Second complaint from this citizen on this subject (earlier: %1). A meeting with %2%3 and a "
                "city official is mandatory; it will be scheduled when you save."
            )
            self.warning.setText(
                "⚠ "
                + text.replace("%1", a.repeats[0].label).replace("%2", who).replace("%3", district)
            )
            self.warning.show()
        else:
            self.warning.hide()
        same = a.open_same_subject
        if same:
            first = same[0]
            text = self.tr(
                "This caller already has an open request on this subject: %1 (%2, %3, %4)."
            )
            text = (
                text.replace("%1", first.label)
                .replace("%2", NATURE_LABELS.get(first.nature, first.nature))
                .replace("%3", STATUS_LABELS.get(first.status, first.status))
                .replace("%4", short_when(first.created_at))
            )
            if nature == Nature.COMPLAINT:
                text += " " + self.tr("This call is recorded as a complaint.")
            self.same_subject_text.setText(text)
            self.complaint_button.setVisible(nature != Nature.COMPLAINT)
            self.same_subject.show()
        else:
            self.same_subject.hide()
        self._fill(self.duplicates, a.duplicates, categories)
        self._fill(self.history, a.history, categories)

    def _fill(self, widget: QListWidget, items, categories: dict[str, Category]) -> None:  # type: ignore[no-untyped-def]
        widget.clear()
        for p in items:
            label = categories[p.category].label if p.category in categories else p.category
            entry = QListWidgetItem(
                " · ".join(
                    (
                        p.label,
                        label,
                        short_when(p.created_at),
                        STATUS_LABELS.get(p.status, p.status),
                    )
                )
            )
            entry.setData(Qt.ItemDataRole.UserRole, p.uuid)
            widget.addItem(entry)

    def set_articles(self, results) -> None:  # type: ignore[no-untyped-def]
        self.articles.clear()
        for r in results:
            item = QListWidgetItem(r.hit.title)
            item.setData(Qt.ItemDataRole.UserRole, r.hit.id)
            self.articles.addItem(item)

    def clear(self) -> None:
        self.warning.hide()
        self.same_subject.hide()
        self.duplicates.clear()
        self.history.clear()
