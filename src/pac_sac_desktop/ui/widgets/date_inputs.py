"""Date and moment inputs written the way the interface's language writes them.

A Quebec clerk reads "4 décembre 2026 à 8 h 28", not "2026-12-04 08:28"; an English interface
reads "December 4, 2026 8:28 AM". Every date input of the window comes from here so the two
never drift apart from one screen to the next. Values stay ``QDate``/``QDateTime``: only what is
shown changes.

The first of a month reads "1er décembre", as everywhere else in the window (core/timefmt.py).
Qt's format has no ordinal, so the suffix is a quoted literal in a second format shown while
the agent is elsewhere; while the field has the focus the plain format serves, because Qt types
into sections under the cursor and a suffix appearing and vanishing as the day goes from 1 to
15 would move them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.ui import format as fmt

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.Canada)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.Canada)


def _locale_and_formats() -> tuple[QLocale, str, str]:
    if fmt.language() == "en":
        return ENGLISH, "MMMM d, yyyy", "MMMM d, yyyy h:mm AP"
    return FRENCH, "d MMMM yyyy", "d MMMM yyyy 'à' H 'h' mm"


class _FirstOfMonth:
    """A date input that writes the first of a month "1er" when it is not being typed in
    (a plain mixin: PySide6 crashes on a Qt class inherited twice)."""

    def _use_formats(self, plain: str) -> None:
        self._plain = plain
        self._first = plain.replace("d ", "d'er' ", 1) if plain.startswith("d ") else plain
        self.dateChanged.connect(self._show)
        self._show()

    def _show(self) -> None:
        first = self.date().day() == 1 and not self.hasFocus()
        wanted = self._first if first else self._plain
        if self.displayFormat() != wanted:
            self.setDisplayFormat(wanted)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.displayFormat() != self._plain:
            self.setDisplayFormat(self._plain)
        super().focusInEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[misc]
        self._show()


class DayEdit(_FirstOfMonth, QDateEdit):
    pass


class MomentEdit(_FirstOfMonth, QDateTimeEdit):
    pass


def date_edit(day: dt.date | None = None) -> QDateEdit:
    """A day with a calendar, '4 décembre 2026', '1er mars 2027'."""
    locale, day_format, _ = _locale_and_formats()
    edit = DayEdit()
    edit.setLocale(locale)
    edit._use_formats(day_format)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(locale)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def moment_edit(value: dt.datetime | None = None) -> QDateTimeEdit:
    """A date and time on the city's clock, '4 décembre 2026 à 8 h 28'."""
    locale, _, moment_format = _locale_and_formats()
    here = (value or dt.datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).replace(tzinfo=None)
    edit = MomentEdit(QDateTime(here))
    edit.setLocale(locale)
    edit._use_formats(moment_format)
    edit.setCalendarPopup(True)
    edit.calendarWidget().setLocale(locale)
    return edit
