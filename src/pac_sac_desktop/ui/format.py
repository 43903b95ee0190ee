"""Dates and freshness as a counter clerk reads them (America/Montreal, French by default)."""

from __future__ import annotations

import datetime as dt
import html
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

LOCAL_TZ = ZoneInfo("America/Montreal")


def today_local() -> dt.date:
    return dt.datetime.now(LOCAL_TZ).date()


def freshness(updated: dt.date | None, today: dt.date) -> str:
    """'Updated 3 days ago' in the interface language."""
    if updated is None:
        return ""
    days = (today - updated).days
    translate = QCoreApplication.translate
    if days <= 0:
        return translate("format", "updated today")
    if days == 1:
        return translate("format", "updated yesterday")
    if days < 45:
        return translate("format", "updated %n day(s) ago", None, days)
    months = round(days / 30.4)
    if months < 12:
        return translate("format", "updated %n month(s) ago", None, months)
    return translate("format", "updated %n year(s) ago", None, max(1, round(days / 365)))


def long_date(day: dt.date) -> str:
    return day.isoformat()


def snippet_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [html.escape(text[pos:start]), "<b>", html.escape(text[start:end]), "</b>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)
