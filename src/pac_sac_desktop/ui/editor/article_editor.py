"""One sheet being written: the front matter as form fields, the Markdown body, and beside it
the sheet exactly as agents will see it (the agents' own viewer), refreshed as one types."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.kb import (
    DEFAULT_REVIEW_DAYS,
    REVIEW_DAYS,
    Article,
    article_from_wire,
)
from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.kb.article_view import ArticleView
from pac_sac_desktop.ui.widgets.date_inputs import date_edit, moment_edit

PREVIEW_MS = 250


def _to_local_qdt(moment: dt.datetime) -> QDateTime:
    here = moment.astimezone(LOCAL_TZ)
    return QDateTime(QDate(here.year, here.month, here.day), QTime(here.hour, here.minute))


def _from_qdt(value: QDateTime) -> dt.datetime:
    naive = value.toPython()
    return naive.replace(second=0, microsecond=0, tzinfo=LOCAL_TZ).astimezone(dt.UTC)  # type: ignore[union-attr]


class ArticleEditor(QWidget):
    """Emits ``action(kind, article)`` for save / publish / schedule / withdraw / history."""

    action = Signal(str, object)

    def __init__(self, ws: Workstation, today_fn, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ws, self.today_fn = ws, today_fn
        self.loaded_id: str | None = None
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("articleId")
        self.id_edit.setPlaceholderText(self.tr("e.g. ecocentre-horaire (lowercase, hyphens)"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("articleTitleEdit")
        self.service = QComboBox()
        self.service.setEditable(True)
        self.service.addItems(ws.kb.services())
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated words agents type"))
        self.categories = QLineEdit()
        self.categories.setObjectName("categoriesEdit")
        self.categories.setPlaceholderText(self.tr("request categories, e.g. nid-de-poule"))
        self.categories.setToolTip(
            self.tr("Taxonomy codes: the request opened from this sheet, and its deadline check")
        )
        self.summary = QLineEdit()
        self.urgent = QCheckBox(self.tr("Urgent notice (shown in every workstation's banner)"))
        self.schedule_on = QCheckBox(self.tr("Publish at"))
        self.publish_at = moment_edit()
        self.ends_on = QCheckBox(self.tr("Ends at"))
        self.expires_at = moment_edit()
        for edit in (self.publish_at, self.expires_at):
            edit.setEnabled(False)
        self.schedule_on.toggled.connect(self.publish_at.setEnabled)
        self.ends_on.toggled.connect(self.expires_at.setEnabled)
        self.review_by = date_edit()
        self.body = QPlainTextEdit()
        self.body.setObjectName("bodyEdit")
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.body.setFont(mono)
        self.body.setPlaceholderText(self.tr("## What to tell the citizen\n…"))
        self.link_search = QLineEdit()
        self.link_search.setObjectName("linkSearch")
        self.link_search.setPlaceholderText(self.tr("Link to another sheet: type to search…"))
        self.link_results = QListWidget()
        self.link_results.setObjectName("linkResults")
        self.link_results.setMaximumHeight(90)
        self.link_results.hide()
        self.link_search.textChanged.connect(self._search_links)
        self.link_results.itemActivated.connect(self._insert_link)
        self.link_results.itemClicked.connect(self._insert_link)
        self.findings = QLabel()
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.preview = ArticleView(self)
        self.preview.setObjectName("preview")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Identifier"), self.id_edit)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Service"), self.service)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Categories"), self.categories)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow("", self.urgent)
        times = QHBoxLayout()
        times.addWidget(self.schedule_on)
        times.addWidget(self.publish_at, 1)
        times.addWidget(self.ends_on)
        times.addWidget(self.expires_at, 1)
        form.addRow(self.tr("When"), times)
        form.addRow(self.tr("Review by"), self.review_by)

        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.setObjectName("saveDraft")
        self.publish_button = QPushButton(self.tr("Publish now"))
        self.publish_button.setObjectName("publishNow")
        self.publish_button.setStyleSheet("font-weight: bold;")
        self.schedule_button = QPushButton(self.tr("Schedule"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.history_button = QPushButton(self.tr("History…"))
        for button, kind in (
            (self.save_button, "save"),
            (self.publish_button, "publish"),
            (self.schedule_button, "schedule"),
            (self.withdraw_button, "withdraw"),
            (self.history_button, "history"),
        ):
            button.clicked.connect(lambda _c=False, k=kind: self._act(k))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.schedule_button)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.withdraw_button)

        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(4, 4, 4, 4)
        col.addLayout(form)
        col.addWidget(QLabel(self.tr("Body (Markdown)")))
        col.addWidget(self.body, 1)
        col.addWidget(self.link_search)
        col.addWidget(self.link_results)
        col.addWidget(self.findings)
        col.addWidget(self.status)
        col.addLayout(buttons)
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(4, 4, 4, 4)
        heading = QLabel(self.tr("Preview: the sheet as agents will see it"))
        heading.setStyleSheet("color: #444; font-weight: bold;")
        rcol.addWidget(heading)
        rcol.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 480])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_MS)
        self.timer.timeout.connect(self.refresh_preview)
        for edit in (self.id_edit, self.title_edit, self.tags, self.categories, self.summary):
            edit.textChanged.connect(lambda _t: self.timer.start())
        self.service.currentTextChanged.connect(lambda _t: self.timer.start())
        self.body.textChanged.connect(self.timer.start)
        for box in (self.urgent, self.ends_on, self.schedule_on):
            box.toggled.connect(lambda _c: self.timer.start())
        self.expires_at.dateTimeChanged.connect(lambda _d: self.timer.start())
        self.new_article()

    # ----------------------------------------------------------------- load / read
    def new_article(self) -> None:
        today = self.today_fn()
        self.load(
            Article(
                id="", title="", body="", service=self.service.currentText() or "", updated=today
            ),
            new=True,
        )

    def load(self, article: Article, *, new: bool = False, note: str = "") -> None:
        self.loaded_id = None if new else article.id
        self.id_edit.setText(article.id)
        self.id_edit.setReadOnly(not new)
        self.title_edit.setText(article.title)
        self.service.setCurrentText(article.service)
        self.tags.setText(", ".join(article.tags))
        self.categories.setText(", ".join(article.categories))
        self.summary.setText(article.summary)
        self.urgent.setChecked(article.urgent)
        now = dt.datetime.now(dt.UTC)
        self.schedule_on.setChecked(article.publish_at is not None)
        self.publish_at.setDateTime(
            _to_local_qdt(article.publish_at or now + dt.timedelta(hours=1))
        )
        end = article.ends_at()
        self.ends_on.setChecked(end is not None)
        self.expires_at.setDateTime(_to_local_qdt(end or now + dt.timedelta(days=2)))
        today = self.today_fn()
        due = article.review_due()
        if due is None or due <= today:  # editing it is reviewing it: the next review follows
            due = today + dt.timedelta(days=REVIEW_DAYS.get(article.service, DEFAULT_REVIEW_DAYS))
        self.review_by.setDate(QDate(due.year, due.month, due.day))
        self.body.setPlainText(article.body)
        for edit in (self.id_edit, self.title_edit, self.tags, self.categories, self.summary):
            edit.setCursorPosition(0)
        self.status.setText(note)
        self.withdraw_button.setEnabled(not new)
        self.history_button.setEnabled(not new)
        self.refresh_preview()

    def fields(self) -> dict:
        split = lambda text: [t.strip() for t in text.split(",") if t.strip()]  # noqa: E731
        review = self.review_by.date().toPython()
        return {
            "id": self.id_edit.text().strip(),
            "title": self.title_edit.text(),
            "service": self.service.currentText(),
            "tags": split(self.tags.text()),
            "categories": split(self.categories.text()),
            "summary": self.summary.text(),
            "body": self.body.toPlainText(),
            "updated": self.today_fn().isoformat(),
            "urgent": self.urgent.isChecked(),
            "expires_at": _from_qdt(self.expires_at.dateTime()).isoformat()
            if self.ends_on.isChecked()
            else None,
            "publish_at": _from_qdt(self.publish_at.dateTime()).isoformat()
            if self.schedule_on.isChecked()
            else None,
            "review_by": review.isoformat(),  # type: ignore[union-attr]
        }

    def article(self) -> Article:
        """The sheet as typed; raises ArticleRejected with a French reason."""
        return article_from_wire(self.fields())

    # ----------------------------------------------------------------- preview, checks
    def refresh_preview(self) -> None:
        self.timer.stop()
        try:
            article = self.article()
        except ArticleRejected as exc:
            self.findings.setText(f"<span style='color:#8a5a00'>{html.escape(exc.reason)}</span>")
            try:
                article = article_from_wire({**self.fields(), "id": "apercu", "title": "…"})
            except ArticleRejected:
                return
        else:
            findings = self.ws.authoring.check(article)
            self.findings.setText(
                "".join(
                    f"<div style='color:#b3261e'>⚠ {html.escape(f.message)}</div>" for f in findings
                )
            )
        now = dt.datetime.now(dt.UTC)
        shown = replace(article, publish_at=None)
        self.preview.show_article(
            shown, self.ws.kb.article_html(shown), self.today_fn(), now, feedback=False
        )

    # ----------------------------------------------------------------- links
    def _search_links(self, text: str) -> None:
        self.link_results.clear()
        if len(text.strip()) < 2:
            self.link_results.hide()
            return
        for result in self.ws.kb.search(text, limit=6):
            item = QListWidgetItem(f"{result.hit.title}  ·  {result.hit.id}")
            item.setData(Qt.ItemDataRole.UserRole, (result.hit.id, result.hit.title))
            self.link_results.addItem(item)
        self.link_results.setVisible(self.link_results.count() > 0)

    def _insert_link(self, item: QListWidgetItem) -> None:
        article_id, title = item.data(Qt.ItemDataRole.UserRole)
        self.body.insertPlainText(f"[{title}](kb:{article_id})")
        self.link_search.clear()
        self.body.setFocus()

    def _act(self, kind: str) -> None:
        if kind == "history":
            self.action.emit(kind, None)
            return
        try:
            article = self.article()
        except ArticleRejected as exc:
            self.status.setText(f"<span style='color:#b3261e'>{html.escape(exc.reason)}</span>")
            return
        self.action.emit(kind, article)
