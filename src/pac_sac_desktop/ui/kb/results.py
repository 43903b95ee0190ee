"""The result list: title, badges, service and freshness, highlighted extract; painted as rich text."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from pac_sac_desktop.ui.format import freshness, snippet_html

ROLE_ENTRY = Qt.ItemDataRole.UserRole + 1
URGENT_COLOR = "#b3261e"
EXPIRED_COLOR = "#6b6b6b"
LIFTED_COLOR = "#1e6b34"
REVIEW_COLOR = "#8a5a00"


@dataclass(frozen=True)
class ResultEntry:
    """What one row shows; built on the GUI thread from a search result or an article."""

    id: str
    title: str
    service: str
    updated: dt.date | None
    snippet_html: str
    urgent: bool = False
    expired: bool = False
    lifted: bool = False  # an urgent notice that ended: shown as lifted, never as current
    review: bool = False  # overdue for its review: « à vérifier »


def entry_from_result(result) -> ResultEntry:  # type: ignore[no-untyped-def]
    hit = result.hit
    lifted = result.lifted_on is not None
    return ResultEntry(
        id=hit.id,
        title=hit.title,
        service=hit.service,
        updated=hit.updated,
        snippet_html=snippet_html(result.snippet.text, result.snippet.spans),
        urgent=hit.urgent and not hit.expired and not lifted,
        expired=hit.expired and not lifted,
        lifted=lifted,
        review=result.needs_review,
    )


def entry_from_article(article, today: dt.date, now: dt.datetime | None = None) -> ResultEntry:  # type: ignore[no-untyped-def]
    lifted = now is not None and article.lifted_on(now) is not None
    urgent = article.in_force(now) if now is not None else article.is_current_urgent(today)
    return ResultEntry(
        id=article.id,
        title=article.title,
        service=article.service,
        updated=article.updated,
        snippet_html=html.escape(article.summary),
        urgent=urgent,
        expired=article.is_expired(today) and not lifted,
        lifted=lifted,
        review=article.needs_review(today),
    )


def badge(text: str, color: str) -> str:
    return (
        f'<span style="color:white; background-color:{color}; font-size:small;'
        f' font-weight:bold;">&nbsp;{html.escape(text)}&nbsp;</span>'
    )


class ResultDelegate(QStyledItemDelegate):
    """Paints an entry as a small HTML document; the height follows the text."""

    def __init__(self, parent, today_fn, labels) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._today = today_fn
        self._labels = labels  # (urgent, expired, lifted, to check) translated badge texts

    def _document(self, entry: ResultEntry, width: int, selected: bool) -> QTextDocument:
        urgent_label, expired_label, lifted_label, review_label = self._labels
        muted = "#d8e2f0" if selected else "#5a5a5a"
        badges = ""
        if entry.urgent:
            badges += " " + badge(urgent_label, URGENT_COLOR)
        if entry.expired:
            badges += " " + badge(expired_label, EXPIRED_COLOR)
        if entry.lifted:
            badges += " " + badge(lifted_label, LIFTED_COLOR)
        if entry.review:
            badges += " " + badge(review_label, REVIEW_COLOR)
        gone = entry.expired or entry.lifted
        title_color = EXPIRED_COLOR if gone and not selected else "inherit"
        meta = " · ".join(x for x in (entry.service, freshness(entry.updated, self._today())) if x)
        doc = QTextDocument()
        doc.setDocumentMargin(8)
        doc.setHtml(
            f'<div style="font-weight:bold; font-size:large; color:{title_color}">'
            f"{html.escape(entry.title)}{badges}</div>"
            f'<div style="color:{muted}; font-size:small">{html.escape(meta)}</div>'
            f"<div>{entry.snippet_html}</div>"
        )
        doc.setTextWidth(max(width, 100))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
        entry: ResultEntry = index.data(ROLE_ENTRY)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(entry, opt.rect.width(), selected)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(opt.rect.bottomLeft(), opt.rect.bottomRight())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        entry: ResultEntry = index.data(ROLE_ENTRY)
        width = option.rect.width() or (option.widget.viewport().width() if option.widget else 400)
        doc = self._document(entry, width, False)
        return QSize(width, int(doc.size().height()) + 2)


class ResultList(QListWidget):
    """A list of entries; the owner keeps keyboard focus in the search field and drives it."""

    def __init__(self, parent, today_fn, labels) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setItemDelegate(ResultDelegate(self, today_fn, labels))
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_entries(self, entries: list[ResultEntry], select: str | None = None) -> None:
        """Show ``entries``; the cursor goes on ``select`` when it is listed (the sheet on
        screen stays on screen when the list refreshes), else on the first.

        The refill itself is silent: emptying the list must not blank the sheet on screen (and
        its "thank you" note) only to show it again a moment later.
        """
        self.blockSignals(True)
        self.clear()
        for entry in entries:
            item = QListWidgetItem()
            item.setData(ROLE_ENTRY, entry)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry.title)
            item.setToolTip(entry.title)
            self.addItem(item)
        self.blockSignals(False)
        if entries:
            ids = [e.id for e in entries]
            self.setCurrentRow(ids.index(select) if select in ids else 0)
        self.currentRowChanged.emit(self.currentRow())  # an empty list empties the pane

    def entry(self, row: int | None = None) -> ResultEntry | None:
        item = self.item(self.currentRow() if row is None else row)
        return item.data(ROLE_ENTRY) if item is not None else None

    def ids(self) -> list[str]:
        return [self.item(i).data(ROLE_ENTRY).id for i in range(self.count())]

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.doItemsLayout()  # heights depend on the width
