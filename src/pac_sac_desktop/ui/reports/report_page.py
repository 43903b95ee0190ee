"""The supervisors' report page: a period and filters in, the figures and simple bar charts out
(drawn with QPainter: QtCharts is not in PySide6-Essentials), exports to CSV, XLSX and PDF.

The figures come from the server (GET /api/v1/reports) through ``services.reports``; the call
runs off the GUI thread through ``run_task``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.report_export import hours_fr, month_fr, number_fr, percent_fr
from pac_sac_desktop.core.timefmt import date_fr
from pac_sac_desktop.core.vocabulary import CHANNEL_LABELS, NATURE_LABELS
from pac_sac_desktop.services import reports
from pac_sac_desktop.ui.format import today_local
from pac_sac_desktop.ui.tasks import run_task
from pac_sac_desktop.ui.widgets.date_inputs import date_edit

BLUE = QColor("#1f5f99")
GREEN = QColor("#2e8b57")
ORANGE = QColor("#c0762b")


class BarChart(QWidget):
    """Vertical bars with their value on top and their label below; nothing else."""

    def __init__(self, title: str, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.color = color
        self.items: list[tuple[str, float]] = []
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_items(self, items: list[tuple[str, float]]) -> None:
        self.items = items
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(8, 4, -8, -4)
        p.fillRect(self.rect(), QColor("#ffffff"))
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(QColor("#1b2631"))
        p.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), 20),
            Qt.AlignmentFlag.AlignLeft,
            self.title,
        )
        if not self.items:
            p.setFont(self.font())
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No data for this period"))
            return
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() - 1.5))
        p.setFont(small)
        top = rect.top() + 40
        bottom = rect.bottom() - 22
        height = max(bottom - top, 10)
        peak = max(v for _l, v in self.items) or 1
        slot = rect.width() / len(self.items)
        bar = max(4.0, slot * 0.62)
        p.setPen(QPen(QColor("#d5d8dc")))
        p.drawLine(rect.left(), bottom, rect.right(), bottom)
        for i, (label, value) in enumerate(self.items):
            x = rect.left() + i * slot + (slot - bar) / 2
            h = height * value / peak
            p.fillRect(QRectF(x, bottom - h, bar, h), self.color)
            p.setPen(QColor("#1b2631"))
            p.drawText(
                QRectF(x - slot * 0.2, bottom - h - 16, bar + slot * 0.4, 14),
                Qt.AlignmentFlag.AlignCenter,
                number_fr(value),
            )
            p.setPen(QColor("#566573"))
            p.drawText(
                QRectF(rect.left() + i * slot, bottom + 3, slot, 16),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        p.end()


class Figure(QFrame):
    """One big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setStyleSheet("#figure{background:#ffffff;border:1px solid #d5d8dc;border-radius:6px}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet("color:#1f5f99")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel("")
        self.detail.setStyleSheet("color:#566573")
        self.detail.setWordWrap(True)
        for w in (self.value, self.caption, self.detail):
            layout.addWidget(w)

    def show_value(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class ReportPage(QWidget):
    def __init__(self, ws: Any, parent: QWidget | None = None, *, today_fn=today_local) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ws = ws
        self.report: dict | None = None
        start, end = reports.last_months(today_fn())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)

        # Two rows: the period with the status and exports, then the filters and the button.
        # One row cut every filter's text at 1366 pixels.
        self.start = date_edit(start)
        self.end = date_edit(end)
        self.department = QComboBox()
        self.district = QComboBox()
        self.category = QComboBox()
        self.channel = QComboBox()
        self.nature = QComboBox()
        self._fill_filters()
        self.show_button = QPushButton(self.tr("Show report"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)

        period = QHBoxLayout()
        period.addWidget(QLabel(self.tr("From")))
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        period.addSpacing(12)
        self.status = QLabel(self.tr("Choose a period, then show the report."))
        self.status.setStyleSheet("color:#566573")
        period.addWidget(self.status, 1)
        self.export_buttons = []
        for fmt, label in (
            ("csv", self.tr("Export CSV")),
            ("xlsx", self.tr("Export Excel")),
            ("pdf", self.tr("Export PDF")),
        ):
            button = QPushButton(label)
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, f=fmt: self.export(f))
            period.addWidget(button)
            self.export_buttons.append(button)
        outer.addLayout(period)

        filters = QHBoxLayout()
        for combo in (self.department, self.district, self.category, self.channel, self.nature):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            filters.addWidget(combo, 1)
        filters.addWidget(self.show_button)
        outer.addLayout(filters)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.figures = {
            "total": Figure(self.tr("Requests received")),
            "within_24h": Figure(self.tr("Complaints followed up within 24 hours")),
            "followup": Figure(self.tr("Time to first follow-up (median)")),
            "deadline": Figure(self.tr("Resolved within the category deadline")),
            "first_contact": Figure(self.tr("Resolved at the first contact")),
            "repeat": Figure(self.tr("Repeat complaints (meeting required)")),
            "meetings": Figure(self.tr("Meetings held")),
            "satisfaction": Figure(self.tr("Satisfaction (out of 5)")),
        }
        for i, figure in enumerate(self.figures.values()):
            grid.addWidget(figure, i // 4, i % 4)
        self.months = BarChart(self.tr("Requests per month"), BLUE)
        self.scores = BarChart(self.tr("Satisfaction answers per score"), GREEN)
        self.natures = BarChart(self.tr("Requests per nature"), ORANGE)
        self.channels = BarChart(self.tr("Requests per channel"), BLUE)
        grid.addWidget(self.months, 2, 0, 1, 2)
        grid.addWidget(self.scores, 2, 2, 1, 2)
        grid.addWidget(self.natures, 3, 0, 1, 2)
        grid.addWidget(self.channels, 3, 2, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setRowStretch(3, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    def _fill_filters(self) -> None:
        self.department.addItem(self.tr("All departments"), None)
        for name in self._safe(lambda: self.ws.requests.departments(), []):
            self.department.addItem(name, name)
        self.district.addItem(self.tr("All districts"), None)
        for number, name in self._safe(lambda: self.ws.requests.districts(), []):
            self.district.addItem(name, number)
        self.category.addItem(self.tr("All categories"), None)
        for cat in self._safe(lambda: self.ws.requests.categories(), []):
            self.category.addItem(cat.label, cat.code)
        self.channel.addItem(self.tr("All channels"), None)
        for code, label in CHANNEL_LABELS.items():
            self.channel.addItem(label, code)
        self.nature.addItem(self.tr("All natures"), None)
        for code, label in NATURE_LABELS.items():
            self.nature.addItem(label, code)

    @staticmethod
    def _safe(fn, default):  # type: ignore[no-untyped-def]
        try:
            return fn()
        except Exception:
            return default

    def request(self) -> reports.ReportRequest:
        def day(edit: QDateEdit) -> dt.date:
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        return reports.ReportRequest(
            start=day(self.start),
            end=day(self.end),
            department=self.department.currentData(),
            district=self.district.currentData(),
            category=self.category.currentData(),
            channel=self.channel.currentData(),
            nature=self.nature.currentData(),
        )

    def load(self) -> None:
        try:
            request = self.request()
            request.params()
        except Exception as exc:
            self.status.setText(str(getattr(exc, "message", exc)))
            return
        self.show_button.setEnabled(False)
        self.status.setText(self.tr("Computing the report on the server…"))
        run_task(self, lambda: reports.fetch(self.ws, request), self.show_report, self._failed)

    def _failed(self, exc: BaseException, _details: str) -> None:
        self.show_button.setEnabled(True)
        message = getattr(exc, "message", "") or str(exc)
        if getattr(exc, "kind", "") == "forbidden":
            message = self.tr("Reports are reserved for supervisors.")
        self.status.setText(message)

    def show_report(self, report: dict) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        for button in self.export_buttons:
            button.setEnabled(True)
        c, k, d = report["counts"], report["complaints"], report["deadlines"]
        f, r, s = report["first_contact"], report["repeat_complaints"], report["satisfaction"]
        self.figures["total"].show_value(
            number_fr(c["total"]), self.tr("%1 complaints").replace("%1", number_fr(k["total"]))
        )
        self.figures["within_24h"].show_value(
            percent_fr(k["followed_up_within_24h_rate"]),
            self.tr("%1 of %2 complaints")
            .replace("%1", number_fr(k["followed_up_within_24h"]))
            .replace("%2", number_fr(k["total"])),
        )
        self.figures["followup"].show_value(
            hours_fr(k["first_followup_hours"]["median"]),
            self.tr("90th percentile: %1").replace(
                "%1", hours_fr(k["first_followup_hours"]["p90"])
            ),
        )
        self.figures["deadline"].show_value(
            percent_fr(d["resolved_within_deadline_rate"]),
            self.tr("Median time to resolve: %1").replace(
                "%1", hours_fr(d["resolution_hours"]["median"])
            ),
        )
        self.figures["first_contact"].show_value(
            percent_fr(f["rate"]), self.tr("%1 requests").replace("%1", number_fr(f["resolved"]))
        )
        self.figures["repeat"].show_value(number_fr(r["total"]))
        self.figures["meetings"].show_value(number_fr(r["meetings_held"]))
        mean = s["mean"]
        self.figures["satisfaction"].show_value(
            "—" if mean is None else number_fr(mean, 2),
            self.tr("%1 answers, response rate %2")
            .replace("%1", number_fr(s["responses"]))
            .replace("%2", percent_fr(s["response_rate"])),
        )
        self.months.set_items(
            [(month_fr(m["month"]).split(" ")[0], m["total"]) for m in c["by_month"]]
        )
        self.scores.set_items([(n, v) for n, v in s["distribution"].items()])
        self.natures.set_items([(NATURE_LABELS[n], v) for n, v in c["by_nature"].items()])
        self.channels.set_items([(CHANNEL_LABELS[n], v) for n, v in c["by_channel"].items()])
        start = dt.date.fromisoformat(report["period"]["from"])
        end = dt.date.fromisoformat(report["period"]["to"])
        self.status.setText(
            self.tr("Report from %1 to %2.")
            .replace("%1", date_fr(start))
            .replace("%2", date_fr(end))
        )

    def export(self, fmt: str, path: Path | None = None) -> None:
        if self.report is None:
            return
        if path is None:
            filters = {
                "csv": self.tr("CSV file (*.csv)"),
                "xlsx": self.tr("Excel workbook (*.xlsx)"),
                "pdf": self.tr("PDF document (*.pdf)"),
            }
            name = f"rapport-{self.report['period']['from']}-{self.report['period']['to']}.{fmt}"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the report"), name, filters[fmt]
            )
            if not chosen:
                return
            path = Path(chosen)
        report = self.report
        run_task(
            self,
            lambda: reports.save(report, path, fmt),
            lambda saved: self.status.setText(
                self.tr("Report saved: %1").replace("%1", str(saved))
            ),
            self._failed,
        )
