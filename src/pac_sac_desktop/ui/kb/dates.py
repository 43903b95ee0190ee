"""Days and moments in the interface's language: "30 novembre 2026" or "November 30, 2026"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from pac_sac_desktop.core.timefmt import date_en, date_fr, datetime_en, datetime_fr


def _french() -> bool:
    # The catalogue translates this marker to "fr": dates follow the interface's language.
    return QCoreApplication.translate("dates", "en") == "fr"


def day_text(day: dt.date, *, year: bool = True) -> str:
    return date_fr(day, year=year) if _french() else date_en(day, year=year)


def moment_text(moment: dt.datetime) -> str:
    return datetime_fr(moment) if _french() else datetime_en(moment)
