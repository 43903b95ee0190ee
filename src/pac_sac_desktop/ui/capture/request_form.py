"""The request half of the capture form: nature, channel, category (filtered as you type) and
its questions, the place, the citizen's words, first-contact resolution and attachments."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.requests import Channel, Nature, rank_categories
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.ui.capture.fields import error_label
from pac_sac_desktop.ui.capture.questions import QuestionsForm


def form_layout(parent: QWidget) -> QFormLayout:
    """A form whose fields take the width they are given (1000 px to 1920 px alike)."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setVerticalSpacing(6)
    return form


class RequestForm(QGroupBox):
    category_changed = Signal(object)  # Category | None
    answer_changed = Signal()

    def __init__(
        self, errors: dict[str, QLabel], attachments: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.attachments = attachments
        self.setTitle(self.tr("Request"))
        self.errors = errors
        self.categories: dict[str, Category] = {}
        self.by_label: dict[str, str] = {}
        self._shown: str | None = None
        self.nature = QComboBox()
        for nature in Nature:
            self.nature.addItem(nature.label, nature.value)
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel.label, channel.value)
        self.channel.setCurrentIndex(self.channel.findData(Channel.PHONE.value))
        self.category = QLineEdit()
        self.category.setObjectName("categoryField")
        self.category.setPlaceholderText(self.tr("Type a few letters: nid, lampadaire, collecte…"))
        # The list is ranked in code (accents ignored, keywords too); Qt only shows it.
        self.completer = QCompleter(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setModel(QStringListModel(self))
        self.completer.setWidget(self.category)
        self.completer.activated.connect(self._pick_category)
        self.category.textEdited.connect(self._suggest)
        self.category.textChanged.connect(lambda _t: self.refresh_category())
        self.category_info = QLabel()
        self.category_info.setStyleSheet("color: #444;")
        self.category_info.setWordWrap(True)
        self.questions = QuestionsForm(self)
        self.location = QLineEdit()
        self.location.setObjectName("locationField")
        self.location.setPlaceholderText(self.tr("Civic address or intersection of the problem"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionField")
        self.description.setPlaceholderText(self.tr("What the citizen reports, in their words"))
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(80)
        self.description.setMaximumHeight(160)
        self.resolved = QCheckBox(
            self.tr("Resolved at first contact (answered from the KB) — Ctrl+R")
        )
        self._layout()

    def _row(self, form: QFormLayout, title: str, widget: QWidget, key: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(self._error(key))
        form.addRow(title, box)

    def _error(self, key: str) -> QLabel:
        self.errors[key] = label = error_label(key)
        return label

    def _layout(self) -> None:
        form = form_layout(self)
        top = QHBoxLayout()
        top.addWidget(self.nature, 1)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Channel:")))
        top.addWidget(self.channel, 1)
        form.addRow(self.tr("Nature:"), top)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.category)
        box.addWidget(self._error("category"))
        box.addWidget(self.category_info)
        form.addRow(self.tr("Category:"), box)
        form.addRow(self.questions)
        self._row(form, self.tr("Location:"), self.location, "location.address")
        self._row(form, self.tr("Description:"), self.description, "description")
        form.addRow("", self.resolved)
        self.errors["attachments"] = self.attachments.error  # type: ignore[attr-defined]
        form.addRow(self.tr("Attachments:"), self.attachments)

    # ------------------------------------------------------------------ category
    def set_categories(self, categories: list[Category]) -> None:
        self.categories = {c.code: c for c in categories}
        self.by_label = {c.label: c.code for c in categories}
        self._shown = None
        self.refresh_category()

    def suggestions(self, text: str) -> list[str]:
        entries = [(c.code, c.label, list(c.keywords)) for c in self.categories.values()]
        return [self.categories[code].label for code in rank_categories(text, entries)]

    def _suggest(self, text: str) -> None:
        labels = self.suggestions(text) if text.strip() else []
        self.completer.model().setStringList(labels)  # type: ignore[attr-defined]
        if labels and text not in self.by_label:
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _pick_category(self, label: str) -> None:
        self.category.setText(label)
        self.completer.popup().hide()

    def category_code(self) -> str:
        text = self.category.text().strip()
        if text in self.by_label:
            return self.by_label[text]
        matches = self.suggestions(text) if text else []
        return self.by_label[matches[0]] if len(matches) == 1 else ""

    def current_category(self) -> Category | None:
        return self.categories.get(self.category_code())

    def set_category(self, code: str) -> None:
        if code in self.categories:
            self.category.setText(self.categories[code].label)

    def refresh_category(self) -> None:
        category = self.current_category()
        questions = list(category.questions) if category else []
        if [q.code for q in questions] != [q.code for q in self.questions.questions]:
            self.questions.set_questions(questions, self.answer_changed.emit)
        code = category.code if category else ""
        if code == self._shown:
            return
        self._shown = code
        self.questions.setVisible(bool(questions))
        self.category_info.setVisible(category is not None)
        if category is None:
            self.category_info.setText("")
        else:
            deadline = (
                self.tr("%n hour(s)", "", category.deadline_hours)
                if category.deadline_hours
                else self.tr("no deadline")
            )
            label = self.tr("deadline")
            self.category_info.setText(
                f"{category.department} · {label} {deadline}. {category.description}".strip()
            )
        self.category_changed.emit(category)
