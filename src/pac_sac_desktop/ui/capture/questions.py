"""A category's extra questions as form widgets, typed (text, number, choice, yes/no, date).

Each answer is checked with ``Question.check`` when the clerk leaves it, and its message goes
away as soon as the answer is acceptable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QWidget

from pac_sac_desktop.core.taxonomy import Question
from pac_sac_desktop.ui.capture.fields import FocusOut, error_label, show_message
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.widgets.date_inputs import date_edit

NO_ANSWER = ""


class QuestionsForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.questions: list[Question] = []
        self.focus = FocusOut(self)
        self.focus.left.connect(self._left)

    def set_questions(self, questions: list[Question], on_change: Callable[[], None]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.widgets, self.errors, self.questions = {}, {}, list(questions)
        for q in questions:
            widget = self._widget(q, on_change)
            widget.setObjectName(f"question_{q.code}")
            self.focus.watch(widget)
            error = error_label(f"answers.{q.code}")
            self.form.addRow(q.label + (" *" if q.required else ""), widget)
            self.form.addRow("", error)
            self.widgets[q.code] = widget
            self.errors[q.code] = error

    def _widget(self, q: Question, on_change: Callable[[], None]) -> QWidget:
        def changed() -> None:
            self._recheck(q.code)
            on_change()

        if q.type in ("choice", "yes_no"):
            combo = QComboBox()
            combo.addItem(self.tr("— choose —"), NO_ANSWER)
            for choice in q.choices if q.type == "choice" else ():
                combo.addItem(choice, choice)
            if q.type == "yes_no":
                combo.addItem(self.tr("Yes"), "oui")
                combo.addItem(self.tr("No"), "non")
            combo.currentIndexChanged.connect(lambda _i: changed())
            return combo
        if q.type == "date":
            edit = date_edit(today_local())
            edit.dateChanged.connect(lambda _d: changed())
            return edit
        line = QLineEdit()
        if q.type == "number":
            line.setValidator(QDoubleValidator(line))
        line.textChanged.connect(lambda _t: changed())
        return line

    def value(self, code: str) -> Any:
        widget = self.widgets[code]
        if isinstance(widget, QComboBox):
            value = widget.currentData()
        elif isinstance(widget, QDateEdit):
            value = widget.date().toString("yyyy-MM-dd")
        else:
            value = widget.text().strip()  # type: ignore[attr-defined]
        return None if value in (None, NO_ANSWER) else value

    def answers(self) -> dict[str, Any]:
        out = {code: self.value(code) for code in self.widgets}
        return {code: value for code, value in out.items() if value is not None}

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

    def check(self, code: str) -> str:
        """Check one answer as the clerk leaves it; the message shows under it."""
        question = next((q for q in self.questions if q.code == code), None)
        message = (question.check(self.value(code)) if question else None) or ""
        show_message(self.errors[code], message)
        return message

    def _left(self, widget: QWidget) -> None:
        code = next((c for c, w in self.widgets.items() if w is widget), None)
        if code is not None:
            self.check(code)

    def _recheck(self, code: str) -> None:
        """While an error shows, check again at each change: it goes away once fixed."""
        if code in self.errors and self.errors[code].isVisible():
            self.check(code)

    def show_errors(self, fields: dict[str, str]) -> None:
        for code, label in self.errors.items():
            show_message(label, fields.get(f"answers.{code}", ""))
