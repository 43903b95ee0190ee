"""Capturing a request while the citizen talks: keyboard first, checked as you type, never lost.

Ctrl+N starts a new request, the category field filters as you type ("nid" → Nid-de-poule), the
category's questions appear inline, fields are checked as the clerk leaves them, the side panel
shows the repeat-complaint warning, the caller's open request on the same subject, possible
duplicates, the caller's history and the category's answer sheets; Ctrl+Entrée saves. The
draft is written to disk (atomically, off the GUI thread) 1.5 s after the last keystroke and
offered back at the next start.

This page only arranges its parts (``request_form``, ``citizen_form``, ``side_panel``) and
calls ``ui.operations.requests``; it never calls a service itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.attachments import Attachment
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import Location, Nature, RequestDraft
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.capture.attachments_box import AttachmentsBox
from pac_sac_desktop.ui.capture.citizen_form import CitizenForm
from pac_sac_desktop.ui.capture.draft_offer import DraftOffer
from pac_sac_desktop.ui.capture.receipt_dialog import ReceiptDialog
from pac_sac_desktop.ui.capture.request_form import RequestForm
from pac_sac_desktop.ui.capture.side_panel import SidePanel
from pac_sac_desktop.ui.operations import ReadOp
from pac_sac_desktop.ui.operations import requests as ops

DRAFT_DELAY_MS = 1500
ASSESS_DELAY_MS = 350


class CapturePage(QWidget):
    saved = Signal(str)  # uuid
    open_article = Signal(str)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.errors: dict[str, QLabel] = {}
        self._loading = False
        self.used_articles: list[str] = []
        self.last_saved: str | None = None  # uuid of the last request saved here
        self.receipt: ReceiptDialog | None = None
        self.draft_timer = self._timer(DRAFT_DELAY_MS, self.save_draft)
        self.assess_timer = self._timer(ASSESS_DELAY_MS, self.assess)
        self.attachments_box = AttachmentsBox(ws.attachments, self)
        self.request_form = RequestForm(self.errors, self.attachments_box, self)
        self.citizen_form = CitizenForm(self.errors, self)
        self.side = SidePanel(self.citizen_form, self)
        self._expose()
        self._build()
        self._connect()
        self.reload_categories()

    def _expose(self) -> None:
        """The parts' fields under the page's own names (shortcuts, tests, focus order)."""
        r, c = self.request_form, self.citizen_form
        self.nature, self.channel, self.category = r.nature, r.channel, r.category
        self.category_info, self.questions = r.category_info, r.questions
        self.location, self.description, self.resolved = r.location, r.description, r.resolved
        self.anonymous, self.contact = c.anonymous, c.contact
        self.first_name, self.last_name = c.first_name, c.last_name
        self.phone, self.email = c.phone, c.email
        self.citizen_address, self.postal_code = c.address, c.postal_code
        self.warning, self.duplicates = self.side.warning, self.side.duplicates
        self.history, self.articles = self.side.history, self.side.articles

    def _timer(self, ms: int, slot) -> QTimer:  # type: ignore[no-untyped-def]
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_request)
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_request)
        self.status = QLabel()
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 4, 0)
        lv.addWidget(self.request_form)
        lv.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        form_side = QWidget()
        fv = QVBoxLayout(form_side)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(scroll, 1)
        fv.addLayout(buttons)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(self.side)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(form_side)
        self.splitter.addWidget(side_scroll)
        form_side.setMinimumWidth(470)
        side_scroll.setMinimumWidth(400)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.draft_box = DraftOffer(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.draft_box)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        for keys, slot in (
            ("Ctrl+Return", self.save_request),
            ("Ctrl+Enter", self.save_request),
            ("Ctrl+R", self.resolved.toggle),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        r = self.request_form
        for line in (self.category, self.location):
            line.textChanged.connect(lambda _t: self.changed())
        self.description.textChanged.connect(self.changed)
        for combo in (self.nature, self.channel):
            combo.currentIndexChanged.connect(lambda _i: self.changed())
        self.resolved.toggled.connect(lambda _c: self.changed())
        r.answer_changed.connect(self.changed)
        r.category_changed.connect(self._category_articles)
        self.attachments_box.changed.connect(self.changed)
        self.draft_box.answered.connect(self._resume_draft)
        self.citizen_form.changed.connect(self.changed)
        self.side.attach_requested.connect(self.attach_to_duplicate)
        self.side.article_requested.connect(self.use_article)
        self.side.make_complaint.connect(self.make_complaint)

    # ------------------------------------------------------------------ data
    @property
    def categories(self) -> dict:  # type: ignore[type-arg]
        return self.request_form.categories

    def reload_categories(self) -> None:
        ops.load_categories(parent=self, ws=self.ws).success(
            self.request_form.set_categories
        ).run_in_background()

    def suggestions(self, text: str) -> list[str]:
        return self.request_form.suggestions(text)

    def category_code(self) -> str:
        return self.request_form.category_code()

    def _category_articles(self, category) -> None:  # type: ignore[no-untyped-def]
        if category is None:
            self.side.articles.clear()
            return
        query = category.label
        ReadOp(self, lambda: self.ws.kb.search(query, limit=6, prefix_last=False)).success(
            self.side.set_articles
        ).failure(lambda *_a: None).run_in_background()

    def draft(self) -> RequestDraft:
        """What the form holds, typed; checked by the service when saved."""
        address = self.location.text().strip()
        return RequestDraft(
            nature=self.nature.currentData(),
            channel=self.channel.currentData(),
            category=self.category_code() or self.category.text().strip(),
            description=self.description.toPlainText(),
            citizen=self.citizen_form.citizen(),
            location=Location(address=address),
            answers=self.questions.answers(),
            resolved_first_contact=self.resolved.isChecked(),
            kb_articles=tuple(self.used_articles),
            attachments=tuple(self.attachments),
        )

    def _form_state(self) -> dict[str, Any]:
        return {
            **self.draft().to_wire(),
            "category_text": self.category.text(),
            "anonymous": self.anonymous.isChecked(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.nature.setCurrentIndex(max(self.nature.findData(state.get("nature")), 0))
            self.channel.setCurrentIndex(max(self.channel.findData(state.get("channel")), 0))
            self.category.setText(state.get("category_text") or "")
            self.questions.set_answers(state.get("answers") or {})
            self.description.setPlainText(state.get("description") or "")
            self.location.setText((state.get("location") or {}).get("address", ""))
            self.citizen_form.set_citizen(state.get("citizen") or {}, bool(state.get("anonymous")))
            self.resolved.setChecked(bool(state.get("resolved_first_contact")))
            self.used_articles = list(state.get("kb_articles") or [])
            self.attachments_box.set_items(
                [
                    Attachment(a["sha256"], a["name"], a["type"], a["size"])
                    for a in state.get("attachments") or []
                ]
            )
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
        ReadOp(self, lambda: self.ws.drafts.save(state)).failure(
            lambda *_a: None
        ).run_in_background()

    def assess(self) -> None:
        nature = self.nature.currentData()
        ops.assess_request(parent=self, ws=self.ws, draft=self.draft()).success(
            lambda a: self.side.show_assessment(a, self.categories, nature)
        ).failure(lambda *_a: None).run_in_background()

    def make_complaint(self) -> None:
        """One click from the same-subject notice: this call is recorded as a complaint."""
        self.nature.setCurrentIndex(self.nature.findData(Nature.COMPLAINT.value))
        self.assess()
        self.description.setFocus()

    def attach_to_duplicate(self, item: QListWidgetItem) -> None:
        """The problem is already reported: add this caller to it instead of a new request."""
        existing = item.data(Qt.ItemDataRole.UserRole)

        def done(label: str) -> None:
            self.new_request()
            self.status.setText(self.tr("Caller attached to request %1.").replace("%1", label))
            self.ws.drafts.clear()
            self.saved.emit(existing)

        def failed(exc: BaseException, _details: str) -> None:
            if isinstance(exc, ValidationFailed):
                self.show_errors(exc.fields)
            self.status.setText(getattr(exc, "message", str(exc)))

        ops.attach_caller(
            parent=self, ws=self.ws, request_uuid=existing, draft=self.draft()
        ).success(done).failure(failed).run_in_background()

    @property
    def attachments(self) -> list[Attachment]:
        return self.attachments_box.items

    def add_attachments(self, paths: list[Path]) -> None:
        self.attachments_box.add_files(paths)

    def has_content(self) -> bool:
        d = self.draft()
        return bool(
            self.category.text().strip()
            or d.description.strip()
            or not d.citizen.empty
            or not d.location.empty
        )

    def use_article(self, article_id: str) -> None:
        """The agent answers from this sheet: remember it on the request and show it."""
        if article_id not in self.used_articles:
            self.used_articles.append(article_id)
        self.open_article.emit(article_id)
        self.changed()

    def offer_draft(self, state: dict[str, Any]) -> None:
        self.draft_box.offer(state)

    @property
    def pending_draft(self) -> dict[str, Any] | None:
        return self.draft_box.pending

    def _resume_draft(self, resume: bool) -> None:
        self.draft_box.hide()
        if resume and self.draft_box.pending:
            self.restore(self.draft_box.pending)
        else:
            self.ws.drafts.clear()
        self.draft_box.pending = None

    def new_request(self, category: str = "") -> None:
        """A blank form; ``category`` (a code) preselects the category (Ctrl+N from a sheet)."""
        self.used_articles = []
        self.attachments_box.set_items([])
        self._loading = True
        self.category.clear()
        self.location.clear()
        self.description.clear()
        self.citizen_form.clear()
        self.resolved.setChecked(False)
        self.nature.setCurrentIndex(0)
        self._loading = False
        self.draft_timer.stop()
        if category:
            self.request_form.set_category(category)
        self.request_form.refresh_category()
        self.show_errors({})
        self.side.clear()
        (self.location if category else self.category).setFocus()

    def show_errors(self, fields: dict[str, str]) -> None:
        for key, label in self.errors.items():
            message = fields.get(key, "")
            label.setText(message)
            label.setVisible(bool(message))
        self.questions.show_errors(fields)

    # ------------------------------------------------------------------ saving
    def save_request(self) -> None:
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))

        def done(saved) -> None:  # type: ignore[no-untyped-def]
            self.save_button.setEnabled(True)
            self.draft_timer.stop()
            self.ws.drafts.clear()
            self.last_saved = saved.uuid
            self.new_request()
            self.status.setText(self.tr("Saved: %1").replace("%1", saved.number))
            self.saved.emit(saved.uuid)
            self.receipt = ReceiptDialog(self.ws.requests.receipt(saved.uuid), self)
            self.receipt.open()

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

        ops.save_request(parent=self, ws=self.ws, draft=self.draft()).success(done).failure(
            failed
        ).run_in_background()

    def refresh_saved(self) -> None:
        """After a sync: the last request's final reference replaces the provisional number."""
        if self.last_saved is None:
            return

        def done(receipt) -> None:  # type: ignore[no-untyped-def]
            if not receipt.reference:
                return
            text = self.tr("Saved: %1 (provisional %2)")
            self.status.setText(text.replace("%1", receipt.reference).replace("%2", receipt.number))
            if self.receipt is not None:
                self.receipt.set_receipt(receipt)

        ops.load_receipt(parent=self, ws=self.ws, uuid=self.last_saved).success(done).failure(
            lambda *_a: None
        ).run_in_background()

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
