"""Dates and freshness as a counter clerk reads them (America/Montreal, French by default).

Dates and times are rendered by ``core.timefmt`` ("4 décembre 2026 à 8 h 28"), the same
functions the receipt and the CLI use; the interface language picks French or English.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication

from pac_sac_desktop.core import timefmt

_language = "fr"


def set_language(code: str) -> None:
    """Called once at start with the interface language ("fr" or "en")."""
    global _language
    _language = "en" if code == "en" else "fr"


def language() -> str:
    """The interface language chosen at start: "fr" or "en"."""
    return _language


today_local = timefmt.local_today


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
    """'4 décembre 2026'."""
    return timefmt.date_en(day) if _language == "en" else timefmt.date_fr(day)


def when(moment: dt.datetime | None) -> str:
    """'4 décembre 2026 à 8 h 28' on the city's clock; '' for no moment."""
    if moment is None:
        return ""
    return timefmt.datetime_en(moment) if _language == "en" else timefmt.datetime_fr(moment)


def short_when(moment: dt.datetime | None, today: dt.date | None = None) -> str:
    """For lists: '8 h 28' today, '4 déc. à 8 h 28' this year."""
    if moment is None:
        return ""
    if _language == "en":
        return timefmt.datetime_en(moment)
    return timefmt.short_datetime_fr(moment, today=today or today_local())


def clock(moment: dt.datetime) -> str:
    """'8 h 28' (the time alone, city clock)."""
    here = timefmt.local(moment)
    return here.strftime("%H:%M") if _language == "en" else timefmt.time_fr(here)


def countdown(due: dt.datetime, now: dt.datetime) -> tuple[str, bool]:
    """('23 h 12 min', False) before the deadline, ('en retard de 2 h 05 min', True) after."""
    delta = due - now
    text = timefmt.duration_fr(delta)
    if delta.total_seconds() < 0:
        return QCoreApplication.translate("format", "overdue by %1").replace("%1", text), True
    return text, False


def snippet_html(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out += [html.escape(text[pos:start]), "<b>", html.escape(text[start:end]), "</b>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def number(value: int) -> str:
    """'10 000' in French (no-break space between thousands), '10,000' in English."""
    text = f"{value:,}"
    return text if _language == "en" else text.replace(",", "\u00a0")
