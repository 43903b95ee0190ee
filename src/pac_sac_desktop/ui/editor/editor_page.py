"""The editor's workspace (role ``editor``): sheets and drafts, the corrections agents asked
for, and the searches that found nothing. Drafts are kept on this workstation and published at
the next sync; the window then syncs at once."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.errors import PacError
from pac_sac_desktop.core.kb import Article
from pac_sac_desktop.services.authoring import Draft
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.editor.article_editor import ArticleEditor
from pac_sac_desktop.ui.editor.conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from pac_sac_desktop.ui.editor.history_dialog import HistoryDialog
from pac_sac_desktop.ui.errors import describe
from pac_sac_desktop.ui.kb.dates import day_text, moment_text
from pac_sac_desktop.ui.tasks import run_task
from pac_sac_desktop.ui.widgets.date_inputs import date_edit

ROLE_ID = Qt.ItemDataRole.UserRole


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if ids is not None:
                item.setData(ROLE_ID, ids[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class EditorPage(QWidget):
    wants_sync = Signal()

    def __init__(self, ws: Workstation, today_fn, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ws, self.today_fn = ws, today_fn
        self.authoring = ws.authoring
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.addTab(self._sheets_tab(), self.tr("Sheets"))
        self.tabs.addTab(self._all_sheets_tab(), self.tr("All sheets"))
        self.tabs.addTab(self._corrections_tab(), self.tr("Corrections"))
        self.tabs.addTab(self._gaps_tab(), self.tr("Searches without an answer"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh_lists()

    # ================================================================= sheets
    def _sheets_tab(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New sheet"))
        self.new_button.clicked.connect(lambda: self.editor.new_article())
        self.open_field = QLineEdit()
        self.open_field.setPlaceholderText(self.tr("Open a published sheet…"))
        self.open_field.textChanged.connect(self._search_sheets)
        self.open_results = QListWidget()
        self.open_results.setMaximumHeight(120)
        self.open_results.hide()
        self.open_results.itemClicked.connect(lambda item: self.open_sheet(item.data(ROLE_ID)))
        self.drafts = QListWidget()
        self.drafts.setObjectName("draftList")
        self.drafts.itemClicked.connect(lambda item: self.open_sheet(item.data(ROLE_ID)))
        self.review = QListWidget()
        self.review.setObjectName("reviewList")
        for lst in (self.drafts, self.review):
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.review.itemClicked.connect(lambda item: self.open_sheet(item.data(ROLE_ID)))
        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.new_button)
        col.addWidget(self.open_field)
        col.addWidget(self.open_results)
        self.drafts_heading = QLabel()
        self.review_heading = QLabel()
        for label in (self.drafts_heading, self.review_heading):
            label.setStyleSheet("font-weight: bold; color: #1d3b5c; padding-top: 6px;")
        col.addWidget(self.drafts_heading)
        col.addWidget(self.drafts, 1)
        col.addWidget(self.review_heading)
        col.addWidget(self.review, 1)
        self.editor = ArticleEditor(self.ws, self.today_fn, self)
        self.editor.action.connect(self._action)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(side)
        split.addWidget(self.editor)
        split.setSizes([260, 1060])
        split.setChildrenCollapsible(False)
        return split

    def refresh_lists(self) -> None:
        states = {
            "draft": self.tr("draft"),
            "queued": self.tr("waiting for the sync"),
            "conflict": self.tr("CONFLICT: another version was published"),
            "rejected": self.tr("refused by the server"),
        }
        drafts = self.authoring.drafts()
        self.drafts.clear()
        for d in drafts:
            state = states[d.state]
            if d.state == "queued" and d.action == "withdraw":
                state = self.tr("withdrawal waiting for the sync")
            elif d.state == "queued" and d.scheduled and d.article.publish_at:
                state = self.tr("scheduled for %1").replace("%1", moment_text(d.article.publish_at))
            item = QListWidgetItem(f"{d.article.title or d.article.id}\n   {state}")
            item.setData(ROLE_ID, d.article.id)
            if d.state in ("conflict", "rejected"):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.drafts.addItem(item)
        self.drafts_heading.setText(self.tr("My drafts (%1)").replace("%1", str(len(drafts))))
        today = self.today_fn()
        due = self.ws.kb.due_for_review(today, 30)
        self.review.clear()
        for a in due:
            when = a.review_due()
            late = when is not None and when < today
            text = (self.tr("overdue since %1") if late else self.tr("due on %1")).replace(
                "%1", day_text(when) if when else ""
            )
            item = QListWidgetItem(f"{a.title}\n   {text}")
            item.setData(ROLE_ID, a.id)
            if late:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.review.addItem(item)
        self.review_heading.setText(
            self.tr("To review (%1 overdue or due within 30 days)").replace("%1", str(len(due)))
        )

    def _search_sheets(self, text: str) -> None:
        self.open_results.clear()
        if len(text.strip()) < 2:
            self.open_results.hide()
            return
        for result in self.ws.kb.search(text, limit=8):
            item = QListWidgetItem(result.hit.title)
            item.setData(ROLE_ID, result.hit.id)
            self.open_results.addItem(item)
        self.open_results.setVisible(self.open_results.count() > 0)

    def open_sheet(self, article_id: str) -> None:
        draft = self.authoring.draft(article_id)
        if draft is not None and draft.state == "conflict":
            self.resolve_conflict(draft)
            return
        if draft is not None:
            note = self.tr("Your draft (edited from version %1).").replace(
                "%1", str(draft.base_version)
            )
            if draft.state == "rejected":
                note = self.tr("Refused by the server: %1").replace("%1", draft.error)
            self.editor.load(draft.article, note=note)
            return
        article = self.ws.kb.article(article_id)
        if article is not None:
            version = self.ws.kb.server_version(article_id)
            note = self.tr("Published version %1.").replace("%1", str(version)) if version else ""
            if self.authoring.status(article_id) == "expired":
                end = article.ends_at()
                note += " " + self.tr("Expired since %1: publish it again with a new end.").replace(
                    "%1", moment_text(end) if end else ""
                )
            self.editor.load(article, note=note.strip())

    def resolve_conflict(self, draft: Draft) -> ConflictDialog:
        dialog = ConflictDialog(draft, self)

        def chosen(result: int) -> None:
            if result == KEEP_MINE:
                self.authoring.keep_mine(draft.article.id)
                self.editor.load(
                    draft.article,
                    note=self.tr("Your version is kept: publish it to replace version %1.").replace(
                        "%1", str(draft.server_version)
                    ),
                )
            elif result == TAKE_THEIRS:
                self.authoring.discard(draft.article.id)
                if draft.server_copy is not None:
                    self.editor.load(draft.server_copy, note=self.tr("Published version kept."))
            self.refresh_lists()

        dialog.finished.connect(chosen)
        dialog.open()
        self._conflict = dialog
        return dialog

    def _action(self, kind: str, article: Article | None) -> None:
        try:
            self._do(kind, article)
        except PacError as exc:
            self.editor.status.setText(
                f"<span style='color:#b3261e'>{html.escape(describe(exc))}</span>"
            )
        self.refresh_lists()

    def _do(self, kind: str, article: Article | None) -> None:
        if kind == "history":
            if self.editor.loaded_id:
                dialog = HistoryDialog(self.authoring, self.editor.loaded_id, self)
                dialog.restored.connect(lambda *_: self.wants_sync.emit())
                dialog.open()
                self._history = dialog
            return
        assert article is not None
        if kind == "withdraw":
            self._confirm(
                self.tr("Withdraw"),
                self.tr("Withdraw « %1 » from every workstation?").replace("%1", article.title),
                lambda: self._withdraw(article.id),
            )
            return
        if kind == "publish":
            article = replace(article, publish_at=None)
        elif kind == "schedule" and article.publish_at is None:
            self.editor.status.setText(self.tr("Tick « Publish at » and choose the moment first."))
            return
        findings = self.authoring.check(article)
        self.authoring.save_draft(article)
        self.editor.loaded_id = article.id
        self.editor.id_edit.setReadOnly(True)
        self.editor.history_button.setEnabled(True)
        if kind == "save":
            self.editor.status.setText(
                self.tr("Draft saved on this workstation; nobody else sees it yet.")
            )
            return
        if findings:
            self._confirm(
                self.tr("Contradiction"),
                self.tr("This sheet contradicts a category:\n%1\n\nPublish anyway?").replace(
                    "%1", "\n".join(f.message for f in findings)
                ),
                lambda: self._publish(article.id, force=True),
            )
            return
        self._publish(article.id, force=False)

    def _confirm(self, title: str, text: str, then) -> QMessageBox:  # type: ignore[no-untyped-def]
        """A question that does not block the window (an agent's call may be waiting)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmBox")

        def answered(button) -> None:  # type: ignore[no-untyped-def]
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                try:
                    then()
                except PacError as exc:
                    self.editor.status.setText(
                        f"<span style='color:#b3261e'>{html.escape(describe(exc))}</span>"
                    )
                self.refresh_lists()

        box.buttonClicked.connect(answered)
        box.open()
        self._question = box
        return box

    def _withdraw(self, article_id: str) -> None:
        self.authoring.discard(article_id)
        self.authoring.withdraw(article_id)
        self.editor.status.setText(self.tr("Withdrawal sent at the next sync."))
        self.wants_sync.emit()

    def _publish(self, article_id: str, *, force: bool) -> None:
        draft = self.authoring.publish(article_id, force=force)
        if draft.scheduled and draft.article.publish_at:
            text = self.tr("Scheduled for %1; sent to the server now.").replace(
                "%1", moment_text(draft.article.publish_at)
            )
        else:
            text = self.tr("Publishing: every workstation will have it at its next sync.")
        self.editor.status.setText(text)
        self.wants_sync.emit()

    def sync_finished(self) -> None:
        """After a pass: drafts sent, conflicts found, new versions received."""
        self.refresh_lists()
        loaded = self.editor.loaded_id
        if loaded and self.authoring.draft(loaded) is None:
            version = self.ws.kb.server_version(loaded)
            if version:
                self.editor.status.setText(
                    self.tr("Published: version %1 on the server.").replace("%1", str(version))
                )

    # ================================================================= corrections
    def _corrections_tab(self) -> QWidget:
        self.corrections = _table(
            [self.tr("Sheet and correction asked"), self.tr("Agent"), self.tr("Date")]
        )
        self.corrections.setObjectName("correctionsTable")
        self.corrections_note = QLabel()
        open_button = QPushButton(self.tr("Open the sheet"))
        open_button.clicked.connect(self._open_correction)
        close_button = QPushButton(self.tr("Mark as handled"))
        close_button.clicked.connect(self._close_correction)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.load_corrections)
        buttons = QHBoxLayout()
        buttons.addWidget(self.corrections_note, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(open_button)
        buttons.addWidget(close_button)
        page = QWidget()
        col = QVBoxLayout(page)
        col.addWidget(self.corrections, 1)
        col.addLayout(buttons)
        self._correction_rows: list[dict] = []
        return page

    def load_corrections(self) -> None:
        self.corrections_note.setText(self.tr("Loading…"))

        def done(rows: list[dict]) -> None:
            self._correction_rows = rows
            _fill(
                self.corrections,
                [
                    [
                        f"{r['title']}\n« {r['comment']} »",
                        r["author"],
                        moment_text(dt.datetime.fromisoformat(r["created_at"])),
                    ]
                    for r in rows
                ],
                [r["uuid"] for r in rows],
            )
            self.corrections.resizeRowsToContents()
            self.corrections_note.setText(self.tr("%n correction(s) to handle", "", len(rows)))

        run_task(self, self.authoring.corrections, done, self._offline(self.corrections_note))

    def _selected_correction(self) -> dict | None:
        row = self.corrections.currentRow()
        return self._correction_rows[row] if 0 <= row < len(self._correction_rows) else None

    def _open_correction(self) -> None:
        row = self._selected_correction()
        if row is not None:
            self.tabs.setCurrentIndex(0)
            self.open_sheet(row["article_id"])

    def _close_correction(self) -> None:
        row = self._selected_correction()
        if row is not None:
            run_task(
                self,
                lambda: self.authoring.close_correction(row["uuid"]),
                lambda _r: self.load_corrections(),
                self._offline(self.corrections_note),
            )

    # ================================================================= gaps
    def _gaps_tab(self) -> QWidget:
        today = self.today_fn()
        self.gaps_from = date_edit(today - dt.timedelta(days=6))
        self.gaps_to = date_edit(today)
        refresh = QPushButton(self.tr("Show"))
        refresh.clicked.connect(self.load_gaps)
        self.gaps_note = QLabel()
        self.no_result = _table([self.tr("Searched, nothing found"), self.tr("Times")])
        self.no_result.setObjectName("noResultTable")
        self.not_opened = _table([self.tr("Searched, no sheet opened"), self.tr("Times")])
        self.most_used = _table([self.tr("Most opened sheets"), self.tr("Times")])
        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.gaps_from)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.gaps_to)
        period.addWidget(refresh)
        period.addWidget(self.gaps_note, 1)
        tables = QHBoxLayout()
        tables.addWidget(self.no_result)
        tables.addWidget(self.not_opened)
        tables.addWidget(self.most_used)
        explain = QLabel(
            self.tr(
                "What agents searched on every workstation (the words only: no name, no "
                "workstation). Write the sheets agents look for and do not find."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #555;")
        page = QWidget()
        col = QVBoxLayout(page)
        col.addLayout(period)
        col.addWidget(explain)
        col.addLayout(tables, 1)
        return page

    def load_gaps(self) -> None:
        start = self.gaps_from.date().toPython()
        end = self.gaps_to.date().toPython()
        self.gaps_note.setText(self.tr("Loading…"))

        def done(report: dict) -> None:
            _fill(self.no_result, [[r["query"], str(r["count"])] for r in report["no_result"]])
            _fill(self.not_opened, [[r["query"], str(r["count"])] for r in report["not_opened"]])
            _fill(
                self.most_used,
                [[r["title"], str(r["count"])] for r in report["most_used"]],
                [r["id"] for r in report["most_used"]],
            )
            self.gaps_note.setText(
                self.tr("%n search(es) in the period", "", int(report["searches"]))
            )

        run_task(self, lambda: self.authoring.gaps(start, end), done, self._offline(self.gaps_note))

    def _offline(self, label: QLabel):  # type: ignore[no-untyped-def]
        def failed(exc: BaseException, _details: str) -> None:
            label.setText(self.tr("Unavailable: %1").replace("%1", describe(exc)))

        return failed

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.load_sheets()
        elif index == 2:
            self.load_corrections()
        elif index == 3:
            self.load_gaps()

    # ================================================================= all sheets
    def _all_sheets_tab(self) -> QWidget:
        self.sheets_table = _table(
            [self.tr("Sheet"), self.tr("Status"), self.tr("Service"), self.tr("Review by")]
        )
        self.sheets_table.setObjectName("sheetsTable")
        self.sheets_table.cellDoubleClicked.connect(self._open_listed_sheet)
        return self.sheets_table

    def load_sheets(self) -> None:
        """Every sheet with its status (double-click opens it in the editor)."""
        labels = {
            "draft": self.tr("draft"),
            "queued": self.tr("waiting for the sync"),
            "conflict": self.tr("conflict"),
            "rejected": self.tr("refused by the server"),
            "scheduled": self.tr("scheduled"),
            "published": self.tr("published"),
            "expired": self.tr("expired"),
            "withdrawn": self.tr("withdrawn"),
            "unknown": "",
        }
        today = self.today_fn()
        sheets = self.authoring.sheets()
        rows = []
        for sheet in sheets:
            due = sheet.review_due
            review = day_text(due) if due else ""
            if due is not None and due < today and sheet.status not in ("withdrawn", "expired"):
                review = self.tr("%1 (overdue)").replace("%1", review)
            rows.append(
                [sheet.title, labels.get(sheet.status, sheet.status), sheet.service, review]
            )
        _fill(self.sheets_table, rows, [sheet.id for sheet in sheets])

    def _open_listed_sheet(self, row: int, _column: int) -> None:
        item = self.sheets_table.item(row, 0)
        if item is not None:
            self.tabs.setCurrentIndex(0)
            self.open_sheet(item.data(ROLE_ID))
