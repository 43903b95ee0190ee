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
    QLabel,
    QListWidgetItem,
    QWidget,
)

from pac_sac_desktop.core.attachments import Attachment
from pac_sac_desktop.core.requests import Nature, RequestDraft
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.capture import form_state, page_layout, submit
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
        self.draft_box = DraftOffer(self)
        page_layout.arrange(self)
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

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save_request)
        self.new_button.clicked.connect(lambda: self.new_request())
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
        return form_state.draft_of(self)

    def _form_state(self) -> dict[str, Any]:
        return form_state.state_of(self)

    def restore(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            form_state.restore(self, state)
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
        submit.attach(self, item)

    @property
    def attachments(self) -> list[Attachment]:
        return self.attachments_box.items

    def add_attachments(self, paths: list[Path]) -> None:
        self.attachments_box.add_files(paths)

    def has_content(self) -> bool:
        return form_state.has_content(self)

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
        submit.save(self)

    def refresh_saved(self) -> None:
        submit.refresh_saved(self)
