"""One request as the clerk or the supervisor reads it: where it stands, who asked what, the
deadlines on the server's clock, and every event since capture."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.events import MEETING_STATES
from pac_sac_desktop.core.requests import format_phone, normalize_phone
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.core.vocabulary import (
    CHANNEL_LABELS,
    FINAL_STATUSES,
    NATURE_LABELS,
    STATUS_LABELS,
    SYNC_LABELS,
)
from pac_sac_desktop.ui.format import countdown, short_when, when

OVERDUE = "#b3261e"


def title_of(summary) -> str:  # type: ignore[no-untyped-def]
    """'2026-000123 (provisoire P-7F3A-000042)', or 'P-7F3A-000042 (provisoire)' until synced."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    if summary.reference:
        text = translate("RequestDetail", "%1 (provisional %2)")
        return text.replace("%1", summary.reference).replace("%2", summary.number)
    return translate("RequestDetail", "%1 (provisional)").replace("%1", summary.number)


class RequestDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = None
        self.title = QLabel()
        self.title.setObjectName("requestTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QTextBrowser()
        self.facts.setObjectName("requestFacts")
        self.facts.setOpenLinks(False)
        self.timeline = QTextBrowser()  # rows wrap at any width, unlike a tree's cells
        self.timeline.setObjectName("timeline")
        self.timeline_rows: list[tuple[str, str, str]] = []  # (when, who, what)
        self.timeline_label = QLabel(self.tr("History"))
        self.timeline_label.setStyleSheet("font-weight:bold")
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(self.timeline_label)
        bv.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.facts)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.actions_row = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.actions_row)
        layout.addWidget(split, 1)
        self.clear()

    def clear(self) -> None:
        self.detail = None
        hint = html.escape(self.tr("Choose a request in the list."))
        self.title.setText(f"<span style='color:#6b6b6b'>{hint}</span>")
        self.timeline_rows = []
        self.facts.clear()
        self.timeline.clear()
        self.timeline_rows = []

    def show_detail(self, detail, now: dt.datetime, categories: dict[str, Category]) -> None:  # type: ignore[no-untyped-def]
        self.detail = detail
        s, state = detail.summary, detail.state
        status = STATUS_LABELS.get(state.status, state.status)
        self.title.setText(
            f"<span style='font-size:15pt; font-weight:bold; color:#1d3b5c'>"
            f"{html.escape(title_of(s))}</span>"
            f"&nbsp;&nbsp;<span style='font-size:11pt; background:#e8eef7; color:#1d3b5c'>"
            f"&nbsp;{html.escape(status)}&nbsp;</span>"
        )
        self.facts.setHtml(self._facts_html(detail, now, categories))
        self.timeline_rows = []
        for event in detail.events:
            moment = event.received_at or event.created_at
            pending = "" if event.synced else " " + self.tr("(not sent yet)")
            what = f"{event.kind.label} — {event.summary()}{pending}"
            self.timeline_rows.append((when(moment), event.author, what))
        self.timeline.setHtml(self._timeline_html())

    def _timeline_html(self) -> str:
        if not self.timeline_rows:
            return f"<p style='color:#6b6b6b'>{html.escape(self.tr('No event yet.'))}</p>"
        head = "".join(
            f"<th align='left' style='color:#555'>{html.escape(h)}</th>"
            for h in (self.tr("When"), self.tr("By"), self.tr("Event"))
        )
        body = "".join(
            f"<tr><td style='white-space:nowrap'>{html.escape(a)}</td>"
            f"<td style='white-space:nowrap'>{html.escape(b)}</td><td>{html.escape(c)}</td></tr>"
            for a, b, c in self.timeline_rows
        )
        return f"<table cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>"

    # ------------------------------------------------------------------ the facts
    def _facts_html(self, detail, now: dt.datetime, categories: dict[str, Category]) -> str:  # type: ignore[no-untyped-def]
        s, d, state = detail.summary, detail.draft, detail.state
        rows: list[tuple[str, str]] = []

        def row(label: str, value: str, *, raw: bool = False) -> None:
            if value:
                rows.append((label, value if raw else html.escape(value)))

        sync = SYNC_LABELS.get(s.sync_state, s.sync_state)
        if s.sync_error:
            sync += f" — {s.sync_error}"
        row(self.tr("Sync"), sync)
        row(self.tr("Nature"), NATURE_LABELS.get(s.nature, s.nature))
        row(self.tr("Category"), s.category_label)
        row(self.tr("Department"), s.department)
        row(self.tr("Channel"), CHANNEL_LABELS.get(d.channel, d.channel))
        row(self.tr("Created"), f"{when(s.created_at)} · {s.created_by}")
        row(self.tr("Assigned to"), state.assigned_to or "")
        c = d.citizen
        phone = (
            format_phone(normalize_phone(c.phone) or "") if normalize_phone(c.phone) else c.phone
        )
        citizen = " · ".join(filter(None, [c.name, phone, c.email, c.address, c.postal_code]))
        row(self.tr("Citizen"), citizen or self.tr("Anonymous"))
        place = s.place
        if s.district_name:
            word = self.tr("district")
            place += f" ({word} {s.district} {s.district_name})"
        row(self.tr("Place"), place)
        row(self.tr("Description"), d.description)
        category = categories.get(s.category)
        for code, value in d.answers.items():
            question = category.question(code) if category else None
            row(question.label if question else code, str(value))
        for label, html_value in self._deadlines(s, state, now):
            row(label, html_value, raw=True)
        if state.meeting:
            meeting = MEETING_STATES.get(state.meeting, state.meeting)
            if state.meeting_at:
                meeting += f" — {when(state.meeting_at)}"
            row(self.tr("Meeting"), meeting)
        if state.merged_into:
            row(self.tr("Merged into"), state.merged_into)
        row(self.tr("Resolution"), state.resolution)
        if state.satisfaction:
            row(self.tr("Satisfaction"), f"{state.satisfaction}/5")
        if detail.aliases:
            row(self.tr("Also known as"), ", ".join(detail.aliases))
        body = "".join(
            f"<tr><td style='color:#555; padding-right:12px' valign='top'>{html.escape(k)}</td>"
            f"<td>{v}</td></tr>"
            for k, v in rows
        )
        return f"<table cellspacing='0' cellpadding='3'>{body}</table>"

    def _deadlines(self, s, state, now: dt.datetime) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
        out = []
        settled = state.status in FINAL_STATUSES
        if s.followup_due_at:
            if state.first_followup_at:
                text = self.tr("done on %1").replace("%1", when(state.first_followup_at))
                out.append((self.tr("First follow-up"), html.escape(text)))
            else:
                out.append(
                    (self.tr("First follow-up due"), self._due(s.followup_due_at, now, settled))
                )
        if s.due_at:
            out.append((self.tr("Category deadline"), self._due(s.due_at, now, settled)))
        return out

    def _due(self, due: dt.datetime, now: dt.datetime, settled: bool) -> str:
        text = html.escape(when(due))
        if settled:
            return text
        left, late = countdown(due, now)
        if late:
            return f"<span style='color:{OVERDUE}; font-weight:bold'>{text} — {html.escape(left)}</span>"
        remaining = self.tr("%1 left").replace("%1", left)
        return f"{text} <span style='color:#555'>({html.escape(remaining)})</span>"


__all__ = ["RequestDetailView", "short_when", "title_of"]
