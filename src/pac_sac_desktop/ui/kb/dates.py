"""Days and moments in the interface's language: "30 novembre 2026" or "November 30, 2026"."""

from __future__ import annotations

import datetime as dt

from pac_sac_desktop.core.timefmt import date_en, date_fr, datetime_en, datetime_fr
from pac_sac_desktop.ui import format as fmt


def _french() -> bool:
    return fmt.language() == "fr"


def day_text(day: dt.date, *, year: bool = True) -> str:
    return date_fr(day, year=year) if _french() else date_en(day, year=year)


def moment_text(moment: dt.datetime) -> str:
    return datetime_fr(moment) if _french() else datetime_en(moment)
