"""A category's extra questions as form widgets, typed (text, number, choice, yes/no, date)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

NO_ANSWER = ""


class QuestionsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.questions: list[dict] = []

    def set_questions(self, questions: list[dict], on_change) -> None:  # type: ignore[no-untyped-def]
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets, self.errors, self.questions = {}, {}, questions
        for q in questions:
            widget = self._widget(q, on_change)
            widget.setObjectName(f"question_{q['code']}")
            label = q.get("label", q["code"]) + (" *" if q.get("required") else "")
            error = QLabel()
            error.setStyleSheet("color: #b3261e;")
            error.hide()
            self.form.addRow(label, widget)
            self.form.addRow("", error)
            self.widgets[q["code"]] = widget
            self.errors[q["code"]] = error

    def _widget(self, q: dict, on_change) -> QWidget:  # type: ignore[no-untyped-def]
        kind = q.get("type", "text")
        if kind in ("choice", "yes_no"):
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), NO_ANSWER)
            for choice in (q.get("choices") or []) if kind == "choice" else ():
                combo.addItem(choice, choice)
            if kind == "yes_no":
                combo.addItem(self.tr("Yes"), "oui")
                combo.addItem(self.tr("No"), "non")
            combo.currentIndexChanged.connect(lambda _i: on_change())
            return combo
        if kind == "date":
            edit = QDateEdit(QDate.currentDate())
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: on_change())
            return edit
        line = QLineEdit()
        if kind == "number":
            line.setValidator(QDoubleValidator(line))
        line.textChanged.connect(lambda _t: on_change())
        return line

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for code, widget in self.widgets.items():
            if isinstance(widget, QComboBox):
                value = widget.currentData()
            elif isinstance(widget, QDateEdit):
                value = widget.date().toString("yyyy-MM-dd")
            else:
                value = widget.text().strip()  # type: ignore[attr-defined]
            if value not in (None, NO_ANSWER):
                out[code] = value
        return out

    def set_answers(self, answers: dict[str, Any]) -> None:
        for code, value in answers.items():
            widget = self.widgets.get(code)
            if isinstance(widget, QComboBox):
                index = widget.findData(value)
                widget.setCurrentIndex(max(index, 0))
            elif isinstance(widget, QDateEdit):
                widget.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))

    def show_errors(self, fields: dict[str, str]) -> None:
        for code, label in self.errors.items():
            message = fields.get(f"answers.{code}", "")
            label.setText(message)
            label.setVisible(bool(message))
