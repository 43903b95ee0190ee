"""Capturing a request while the citizen talks: keyboard first, checked as you type, never lost.

Ctrl+N starts a new request, the category field filters as you type ("nid" → Nid-de-poule), the
category's questions appear inline, the side panel shows the repeat-complaint warning, possible
duplicates, the caller's history and the category's answer sheets, Ctrl+Entrée saves. The draft
is written to disk (atomically, off the GUI thread) 1.5 s after the last keystroke and offered
back at the next start.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import (
    CHANNEL_LABELS,
    CHANNELS,
    CONTACTS,
    NATURE_LABELS,
    NATURES,
    STATUS_LABELS,
    RequestDraft,
    rank_categories,
)
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.capture.questions import QuestionsForm
from pac_sac_desktop.ui.capture.receipt_dialog import ReceiptDialog
from pac_sac_desktop.ui.tasks import run_task

DRAFT_DELAY_MS = 1500
ASSESS_DELAY_MS = 350
# Domain vocabulary: French labels come from core (the taxonomy and the data are French).
CONTACT_LABELS = {"phone": "Téléphone", "sms": "Texto", "email": "Courriel", "none": "Aucun suivi"}


class CapturePage(QWidget):
    saved = Signal(str)  # uuid
    open_article = Signal(str)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.categories: dict[str, Any] = {}
        self.by_label: dict[str, str] = {}
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self.save_draft)
        self.assess_timer = self._timer(ASSESS_DELAY_MS, self.assess)
        self._build()
        self.reload_categories()

    # ------------------------------------------------------------------ layout
    def _timer(self, ms: int, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _error_label(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"error_{key}")
        label.setStyleSheet("color: #b3261e;")
        label.setWordWrap(True)
        label.hide()
        self.errors[key] = label
        return label

    def _row(self, form: QFormLayout, title: str, widget: QWidget, key: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(self._error_label(key))
        form.addRow(title, box)

    def _build(self) -> None:
        self.nature = QComboBox()
        for code in NATURES:
            self.nature.addItem(NATURE_LABELS[code], code)
        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(CHANNEL_LABELS[code], code)
        self.channel.setCurrentIndex(CHANNELS.index("phone"))
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
        self.category_info = QLabel()
        self.category_info.setStyleSheet("color: #444;")
        self.category_info.setWordWrap(True)
        self.questions = QuestionsForm(self)

        self.anonymous = QCheckBox(self.tr("Anonymous citizen"))
        self.first_name, self.last_name = QLineEdit(), QLineEdit()
        self.phone, self.email = QLineEdit(), QLineEdit()
        self.phone.setPlaceholderText("450 555-0123, poste 12")
        self.email.setPlaceholderText("nom@exemple.ca")
        self.citizen_address, self.postal_code = QLineEdit(), QLineEdit()
        self.postal_code.setPlaceholderText("J7X 1A1")
        self.postal_code.setMaximumWidth(110)
        self.contact = QComboBox()
        for code in CONTACTS:
            self.contact.addItem(CONTACT_LABELS[code], code)
        self.location = QLineEdit()
        self.location.setObjectName("locationField")
        self.location.setPlaceholderText(self.tr("Civic address or intersection of the problem"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("descriptionField")
        self.description.setPlaceholderText(self.tr("What the citizen reports, in their words"))
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(70)
        self.description.setMaximumHeight(120)
        self.resolved = QCheckBox(
            self.tr("Resolved at first contact (answered from the KB) — Ctrl+R")
        )

        request_box = QGroupBox(self.tr("Request"))
        form = QFormLayout(request_box)
        top = QHBoxLayout()
        top.addWidget(self.nature)
        top.addWidget(QLabel(self.tr("Channel:")))
        top.addWidget(self.channel)
        top.addStretch(1)
        form.addRow(self.tr("Nature:"), top)
        self._row(form, self.tr("Category:"), self.category, "category")
        form.addRow("", self.category_info)
        form.addRow(self.questions)
        self._row(form, self.tr("Location:"), self.location, "location.address")
        self._row(form, self.tr("Description:"), self.description, "description")
        form.addRow("", self.resolved)
        self.attachments: list[dict] = []
        self.attach_button = QPushButton(self.tr("Attach a photo or a file…"))
        self.attach_button.clicked.connect(self.choose_attachments)
        self.attach_list = QLabel()
        self.attach_list.setWordWrap(True)
        attach_row = QVBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.attach_list)
        attach_row.addWidget(self._error_label("attachments"))
        form.addRow(self.tr("Attachments:"), attach_row)

        citizen_box = QGroupBox(self.tr("Citizen"))
        cform = QFormLayout(citizen_box)
        cform.addRow("", self.anonymous)
        names = QHBoxLayout()
        names.addWidget(self.first_name)
        names.addWidget(self.last_name)
        self.first_name.setPlaceholderText(self.tr("First name"))
        self.last_name.setPlaceholderText(self.tr("Last name"))
        cform.addRow(self.tr("Name:"), names)
        self._row(cform, self.tr("Phone:"), self.phone, "citizen.phone")
        self._row(cform, self.tr("E-mail:"), self.email, "citizen.email")
        address_row = QHBoxLayout()
        address_row.addWidget(self.citizen_address, 1)
        address_row.addWidget(self.postal_code)
        cform.addRow(self.tr("Address:"), address_row)
        cform.addRow("", self._error_label("citizen.postal_code"))
        self._row(cform, self.tr("Follow-up by:"), self.contact, "citizen.contact")

        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_request)
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_request)
        self.status = QLabel()
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(request_box)
        lv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        form_side = QWidget()
        fv = QVBoxLayout(form_side)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(scroll, 1)
        fv.addLayout(buttons)

        self.warning = QLabel()
        self.warning.setObjectName("repeatWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background:#fdecea; border:1px solid #e0a19b; border-radius:4px; padding:6px; color:#5f1711;"
        )
        self.warning.hide()
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setToolTip(
            self.tr("Enter or double-click: attach this caller to that request")
        )
        self.duplicates.itemActivated.connect(self.attach_to_duplicate)
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.articles = QListWidget()
        self.articles.setObjectName("categoryArticles")
        self.articles.itemActivated.connect(
            lambda item: self.use_article(item.data(Qt.ItemDataRole.UserRole))
        )
        self.used_articles: list[str] = []
        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(citizen_box)
        sv.addWidget(self.warning)
        for title, widget in (
            (self.tr("Possible duplicates (same place, last 30 days)"), self.duplicates),
            (self.tr("Caller history"), self.history),
            (self.tr("Answer sheets for this category"), self.articles),
        ):
            label = QLabel(f"<b>{html.escape(title)}</b>")
            sv.addWidget(label)
            widget.setMinimumHeight(48)
            sv.addWidget(widget, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(form_side)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.pending_draft: dict[str, Any] | None = None
        self.draft_box = QWidget()
        self.draft_box.setObjectName("draftOffer")
        self.draft_box.setStyleSheet(
            "#draftOffer { background:#fff4ce; border:1px solid #e0c060; border-radius:4px; }"
        )
        self.draft_bar = QLabel()
        resume = QPushButton(self.tr("Resume it"))
        resume.clicked.connect(lambda: self._resume_draft(True))
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(lambda: self._resume_draft(False))
        bar = QHBoxLayout(self.draft_box)
        bar.addWidget(self.draft_bar, 1)
        bar.addWidget(resume)
        bar.addWidget(discard)
        self.draft_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.draft_box)
        layout.addWidget(splitter)

        for keys, slot in (
            ("Ctrl+Return", self.save_request),
            ("Ctrl+Enter", self.save_request),
            ("Ctrl+R", self.resolved.toggle),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.text_fields = (
            self.category,
            self.first_name,
            self.last_name,
            self.phone,
            self.email,
            self.citizen_address,
            self.postal_code,
            self.location,
        )
        for line in self.text_fields:
            line.textChanged.connect(lambda _t: self.changed())
        self.category.textChanged.connect(lambda _t: self._category_changed())
        self.description.textChanged.connect(self.changed)
        for combo in (self.nature, self.channel, self.contact):
            combo.currentIndexChanged.connect(lambda _i: self.changed())
        self.anonymous.toggled.connect(self._anonymous)
        self.resolved.toggled.connect(lambda _c: self.changed())

    # ------------------------------------------------------------------ data
    def reload_categories(self) -> None:
        def load():  # type: ignore[no-untyped-def]
            self.ws.requests.ensure_taxonomy()
            return self.ws.requests.categories()

        def done(rows) -> None:  # type: ignore[no-untyped-def]
            self.categories = {r.code: r for r in rows}
            self.by_label = {r.label: r.code for r in rows}
            self._category_changed()

        run_task(self, load, done)

    def suggestions(self, text: str) -> list[str]:
        entries = [
            (r.code, r.label, list(r.keywords)) for r in self.categories.values()
        ]
        return [self.categories[code].label for code in rank_categories(text, entries)]

    def _suggest(self, text: str) -> None:
        labels = self.suggestions(text) if text.strip() else []
        self.completer.model().setStringList(labels)
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

    def _category_changed(self) -> None:
        code = self.category_code()
        row = self.categories.get(code)
        questions = [q.to_wire() for q in row.questions] if row else []
        if [q["code"] for q in questions] != [q["code"] for q in self.questions.questions]:
            self.questions.set_questions(questions, self.changed)
        if row is None:
            self.category_info.setText("")
            self.articles.clear()
            return
        deadline = (
            self.tr("%n hour(s)", "", row.deadline_hours)
            if row.deadline_hours
            else self.tr("no deadline")
        )
        label = self.tr("deadline")
        description = row.description
        self.category_info.setText(f"{row.department} · {label} {deadline}. {description}")
        query = row.label

        def done(results) -> None:  # type: ignore[no-untyped-def]
            self.articles.clear()
            for r in results:
                item = QListWidgetItem(r.hit.title)
                item.setData(Qt.ItemDataRole.UserRole, r.hit.id)
                self.articles.addItem(item)

        run_task(self, lambda: self.ws.kb.search(query, limit=6, prefix_last=False), done)

    def _anonymous(self, on: bool) -> None:
        for widget in (
            self.first_name,
            self.last_name,
            self.phone,
            self.email,
            self.citizen_address,
            self.postal_code,
            self.contact,
        ):
            widget.setEnabled(not on)
        if on:
            self.contact.setCurrentIndex(CONTACTS.index("none"))
        self.changed()

    def draft(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "nature": self.nature.currentData(),
            "channel": self.channel.currentData(),
            "category": self.category_code() or self.category.text().strip(),
            "description": self.description.toPlainText(),
            "answers": self.questions.answers(),
            "resolved_first_contact": self.resolved.isChecked(),
            "kb_articles": list(self.used_articles),
            "attachments": list(self.attachments),
            "location": {"address": self.location.text().strip()}
            if self.location.text().strip()
            else {},
        }
        if not self.anonymous.isChecked():
            citizen = {
                "first_name": self.first_name.text().strip(),
                "last_name": self.last_name.text().strip(),
                "phone": self.phone.text().strip(),
                "email": self.email.text().strip(),
                "address": self.citizen_address.text().strip(),
                "postal_code": self.postal_code.text().strip(),
                "contact": self.contact.currentData(),
            }
            data["citizen"] = {k: v for k, v in citizen.items() if v}
        return data

    def _form_state(self) -> dict[str, Any]:
        return {
            **self.draft(),
            "category_text": self.category.text(),
            "anonymous": self.anonymous.isChecked(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.nature.setCurrentIndex(max(self.nature.findData(state.get("nature")), 0))
            self.channel.setCurrentIndex(max(self.channel.findData(state.get("channel")), 0))
            self.category.setText(state.get("category_text") or "")
            self._category_changed()
            self.questions.set_answers(state.get("answers") or {})
            self.description.setPlainText(state.get("description") or "")
            self.location.setText((state.get("location") or {}).get("address", ""))
            citizen = state.get("citizen") or {}
            for widget, key in (
                (self.first_name, "first_name"),
                (self.last_name, "last_name"),
                (self.phone, "phone"),
                (self.email, "email"),
                (self.citizen_address, "address"),
                (self.postal_code, "postal_code"),
            ):
                widget.setText(citizen.get(key, ""))
            self.contact.setCurrentIndex(
                max(self.contact.findData(citizen.get("contact", "none")), 0)
            )
            self.anonymous.setChecked(bool(state.get("anonymous")))
            self.resolved.setChecked(bool(state.get("resolved_first_contact")))
            self.used_articles = list(state.get("kb_articles") or [])
            self.attachments = list(state.get("attachments") or [])
            self._show_attachments()
        finally:
            self._loading = False
        self.changed()

    # ------------------------------------------------------------------ events
    def changed(self) -> None:
        if self._loading:
            return
        self.draft_timer.start()
        self.assess_timer.start()

    def save_draft(self) -> None:
        state = self._form_state()
        run_task(self, lambda: self.ws.drafts.save(state), lambda _r: None, lambda *_a: None)

    def assess(self) -> None:
        draft = self.draft()

        def done(assessment) -> None:  # type: ignore[no-untyped-def]
            self._show_assessment(assessment)

        run_task(
            self,
            lambda: self.ws.requests.assess(RequestDraft.from_wire(draft)),
            done,
            lambda *_a: None,
        )

    def _show_assessment(self, a) -> None:  # type: ignore[no-untyped-def]
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
        self._fill(self.duplicates, a.duplicates)
        self._fill(self.history, a.history)

    def attach_to_duplicate(self, item: QListWidgetItem) -> None:
        """The problem is already reported: add this caller to it instead of a new request."""
        existing = item.data(Qt.ItemDataRole.UserRole)
        draft = self.draft()
        user = self.ws.user_name()

        def done(label: str) -> None:
            self.new_request()
            self.status.setText(self.tr("Caller attached to request %1.").replace("%1", label))
            self.ws.drafts.clear()
            self.saved.emit(existing)

        def failed(exc: BaseException, _details: str) -> None:
            if isinstance(exc, ValidationFailed):
                self.show_errors(exc.fields)
            self.status.setText(getattr(exc, "message", str(exc)))

        run_task(
            self,
            lambda: self.ws.requests.attach_to(existing, RequestDraft.from_wire(draft), user=user),
            done,
            failed,
        )

    def _fill(self, widget: QListWidget, items) -> None:  # type: ignore[no-untyped-def]
        widget.clear()
        for p in items:
            label = (
                self.categories[p.category].label if p.category in self.categories else p.category
            )
            when = p.created_at.strftime("%Y-%m-%d")
            entry = QListWidgetItem(
                f"{p.label} · {label} · {when} · {STATUS_LABELS.get(p.status, p.status)}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, p.uuid)
            widget.addItem(entry)

    def choose_attachments(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr("Photos and PDF (*.jpg *.jpeg *.png *.heic *.pdf)"),
        )
        if paths:
            self.add_attachments([Path(p) for p in paths])

    def add_attachments(self, paths: list[Path]) -> None:
        """Check and store the files off the GUI thread; refusals are shown under the button."""

        def work():  # type: ignore[no-untyped-def]
            stored, refused = [], {}
            for path in paths:
                try:
                    stored.append(self.ws.attachments.add_file(path).to_wire())
                except ValidationFailed as exc:
                    refused.update(exc.fields)
                except OSError as exc:
                    refused["attachments"] = f"« {path.name} » illisible ({exc.strerror})"
            return stored, refused

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            stored, refused = payload
            known = {a["sha256"] for a in self.attachments}
            self.attachments += [a for a in stored if a["sha256"] not in known]
            self._show_attachments()
            self.errors["attachments"].setText(refused.get("attachments", ""))
            self.errors["attachments"].setVisible(bool(refused))
            self.changed()

        run_task(self, work, done)

    def _show_attachments(self) -> None:
        self.attach_list.setText(
            "\n".join(f"📎 {a['name']} ({a['size'] // 1024 + 1} Ko)" for a in self.attachments)
        )

    def has_content(self) -> bool:
        d = self.draft()
        return bool(
            self.category.text().strip()
            or d["description"].strip()
            or d.get("citizen")
            or d["location"]
        )

    def use_article(self, article_id: str) -> None:
        """The agent answers from this sheet: remember it on the request and show it."""
        if article_id not in self.used_articles:
            self.used_articles.append(article_id)
        self.open_article.emit(article_id)
        self.changed()

    def offer_draft(self, state: dict[str, Any]) -> None:
        self.draft_bar.setText(self.tr("An unsaved request was found from your last session."))
        self.pending_draft = state
        self.draft_box.show()

    def _resume_draft(self, resume: bool) -> None:
        self.draft_box.hide()
        if resume and self.pending_draft:
            self.restore(self.pending_draft)
        else:
            self.ws.drafts.clear()
        self.pending_draft = None

    def new_request(self) -> None:
        self.used_articles = []
        self.attachments = []
        self._show_attachments()
        self._loading = True
        for line in self.text_fields:
            line.clear()
        self.description.clear()
        self.anonymous.setChecked(False)
        self.resolved.setChecked(False)
        self.contact.setCurrentIndex(CONTACTS.index("phone"))
        self.nature.setCurrentIndex(0)
        self._loading = False
        self._category_changed()
        self.show_errors({})
        self.warning.hide()
        self.duplicates.clear()
        self.history.clear()
        self.category.setFocus()

    def show_errors(self, fields: dict[str, str]) -> None:
        for key, label in self.errors.items():
            message = fields.get(key, "")
            if key == "citizen.phone" and not message:
                message = ""
            label.setText(message)
            label.setVisible(bool(message))
        self.questions.show_errors(fields)

    def save_request(self) -> None:
        draft = self.draft()
        user = self.ws.user_name()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))

        def done(saved) -> None:  # type: ignore[no-untyped-def]
            self.save_button.setEnabled(True)
            self.draft_timer.stop()
            self.ws.drafts.clear()
            self.show_errors({})
            self.status.setText(self.tr("Saved: %1").replace("%1", saved.number))
            self.saved.emit(saved.uuid)
            self.receipt = ReceiptDialog(self.ws.requests.receipt(saved.uuid), self)
            self.receipt.open()
            self.new_request()
            self.status.setText(self.tr("Saved: %1").replace("%1", saved.number))

        def failed(exc: BaseException, details: str) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationFailed):
                self.show_errors(exc.fields)
                self.status.setText(
                    self.tr("The request has errors: correct the fields shown in red.")
                )
                self._focus_first_error(exc.fields)
            else:
                from pac_sac_desktop.ui.errors import show_error

                self.status.setText(self.tr("Not saved."))
                show_error(self, exc, details)

        run_task(
            self,
            lambda: self.ws.requests.save(RequestDraft.from_wire(draft), user=user),
            done,
            failed,
        )

    def _focus_first_error(self, fields: dict[str, str]) -> None:
        order = [
            ("category", self.category),
            ("location.address", self.location),
            ("description", self.description),
            ("citizen.phone", self.phone),
            ("citizen.email", self.email),
            ("citizen.postal_code", self.postal_code),
        ]
        for key, widget in order:
            if key in fields:
                widget.setFocus()
                return
        for key in fields:
            if key.startswith("answers."):
                widget = self.questions.widgets.get(key.removeprefix("answers."))
                if widget is not None:
                    widget.setFocus()
                    return
