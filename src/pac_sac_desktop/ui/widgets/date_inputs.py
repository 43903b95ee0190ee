"""Date and moment inputs written the way the interface's language writes them.

A Quebec clerk reads "4 décembre 2026 à 8 h 28", not "2026-12-04 08:28"; an English interface
reads "December 4, 2026 8:28 AM". Every date input of the window comes from here so the two
never drift apart from one screen to the next. Values stay ``QDate``/``QDateTime``: only what is
shown changes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.ui import format as fmt

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.Canada)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.Canada)


def _locale_and_formats() -> tuple[QLocale, str, str]:
    if fmt.language() == "en":
        return ENGLISH, "MMMM d, yyyy", "MMMM d, yyyy h:mm AP"
    return FRENCH, "d MMMM yyyy", "d MMMM yyyy 'à' H 'h' mm"


def date_edit(day: dt.date | None = None) -> QDateEdit:
    """A day with a calendar, '4 décembre 2026'."""
    locale, day_format, _ = _locale_and_formats()
    edit = QDateEdit()
    edit.setLocale(locale)
    edit.setDisplayFormat(day_format)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(locale)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def moment_edit(value: dt.datetime | None = None) -> QDateTimeEdit:
    """A date and time on the city's clock, '4 décembre 2026 à 8 h 28'."""
    locale, _, moment_format = _locale_and_formats()
    here = (value or dt.datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).replace(tzinfo=None)
    edit = QDateTimeEdit(QDateTime(here))
    edit.setLocale(locale)
    edit.setDisplayFormat(moment_format)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(locale)
    return edit
