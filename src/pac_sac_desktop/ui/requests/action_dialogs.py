"""The small French forms behind each action on a request (assign, status, follow-up call,
meeting, close, satisfaction, merge, undo merge, note). They only collect values; the action
bar sends them through ``ui.operations``, and the service judges them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.events import FOLLOWUP_OUTCOMES, MEETING_STATES
from pac_sac_desktop.core.vocabulary import STATUS_LABELS
from pac_sac_desktop.ui.widgets.date_inputs import moment_edit

translate = QCoreApplication.translate


def text_box(height: int = 80) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def combo(
    items: dict[str, str], current: str | None = None, *, editable: bool = False
) -> QComboBox:
    box = QComboBox()
    box.setEditable(editable)
    for code, label in items.items():
        box.addItem(label, code)
    if current is not None and box.findData(current) >= 0:
        box.setCurrentIndex(box.findData(current))
    return box


class ActionDialog(QDialog):
    """A titled form with Save/Cancel; ``values()`` reads every field by its key.

    Save emits ``submitted`` and leaves the form open: it closes (``finish``) once the action
    is stored, and stays as typed when the service refuses it, so nothing is typed twice.
    """

    submitted = Signal(dict)

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>" + (f"<br>{intro}" if intro else ""))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.ok.setEnabled(False)
        self.submitted.emit(self.values())

    def finish(self) -> None:
        super().accept()

    def refused(self) -> None:
        self.ok.setEnabled(True)

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(f"field_{key}")
        self.fields[key] = widget
        self.form.addRow(label, widget)
        return widget

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.fields.items():
            if isinstance(w, QComboBox):
                out[key] = w.currentData() if not w.isEditable() else w.currentText().strip()
            elif isinstance(w, QDateTimeEdit):
                out[key] = w.dateTime().toPython().replace(second=0, microsecond=0).isoformat()  # type: ignore[union-attr]
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[key] = w.text().strip()
        return out


def assign_dialog(parent: QWidget, label: str, departments: list[str]) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Assign"), label, parent)
    kinds = {
        "department": translate("ActionDialog", "A department"),
        "person": translate("ActionDialog", "A person"),
    }
    d.add("kind", translate("ActionDialog", "Assign to:"), combo(kinds))
    to = combo({name: name for name in departments}, editable=True)
    to.setCurrentIndex(-1)
    to.lineEdit().setPlaceholderText(
        translate("ActionDialog", "Department, or the person's user name")
    )  # type: ignore[union-attr]
    d.add("to", translate("ActionDialog", "Who:"), to)
    return d


def status_dialog(parent: QWidget, label: str, current: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Change the status"), label, parent)
    d.add("status", translate("ActionDialog", "New status:"), combo(dict(STATUS_LABELS), current))
    d.add("text", translate("ActionDialog", "Why (optional):"), text_box(60))
    return d


def followup_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Log a follow-up call"), label, parent)
    d.add("at", translate("ActionDialog", "When:"), moment_edit())
    d.add("outcome", translate("ActionDialog", "Outcome:"), combo(dict(FOLLOWUP_OUTCOMES)))
    d.add("text", translate("ActionDialog", "Note:"), text_box())
    return d


def meeting_dialog(parent: QWidget, label: str, last: dict[str, Any]) -> ActionDialog:
    """The councillor, official and date are prefilled from the meeting already on file."""
    d = ActionDialog(translate("ActionDialog", "Meeting with the councillor"), label, parent)
    status = "held" if last.get("status") == "planned" else "planned"
    d.add("status", translate("ActionDialog", "Meeting:"), combo(dict(MEETING_STATES), status))
    date = None
    if last.get("date"):
        date = dt.datetime.fromisoformat(last["date"])
    d.add("date", translate("ActionDialog", "Date:"), moment_edit(date))
    councillor = QLineEdit(last.get("councillor") or "")
    d.add("councillor", translate("ActionDialog", "Councillor:"), councillor)
    d.add(
        "official",
        translate("ActionDialog", "City official:"),
        QLineEdit(last.get("official") or ""),
    )
    d.add("outcome", translate("ActionDialog", "Outcome (when held):"), text_box(60))
    return d


def close_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Close the request"), label, parent)
    d.add("resolution", translate("ActionDialog", "How it was settled:"), text_box())
    return d


def satisfaction_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Citizen satisfaction"), label, parent)
    score = QSpinBox()
    score.setRange(1, 5)
    score.setValue(4)
    score.setSuffix(" / 5")
    d.add("score", translate("ActionDialog", "Score (1 to 5):"), score)
    d.add("comment", translate("ActionDialog", "Comment:"), text_box(60))
    return d


def merge_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Merge into another request"), label, parent)
    into = QLineEdit()
    into.setPlaceholderText("2026-000123 / P-7F3A-000042")
    d.add("into", translate("ActionDialog", "Reference of the request to keep:"), into)
    return d


def unmerge_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Undo the merge"), label, parent)
    d.add("text", translate("ActionDialog", "Why (optional):"), text_box(60))
    return d


def note_dialog(parent: QWidget, label: str) -> ActionDialog:
    d = ActionDialog(translate("ActionDialog", "Add a note"), label, parent)
    d.add("text", translate("ActionDialog", "Note:"), text_box())
    return d
