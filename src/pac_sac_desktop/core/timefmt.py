"""Dates and times as Quebec French writes them: "4 décembre 2026 à 8 h 28".

The Office québécois de la langue française writes the hour with "h" between spaces, minutes
always on two digits, no leading zero on the hour, the day before the month in letters, and
"1er" for the first day of a month. Every screen, the receipt and the CLI render through these
functions, so a clerk never reads "2026-12-04 08:28" in one place and words in another.
All stored times are UTC; they are shown in America/Montreal.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("America/Montreal")


def local_today() -> dt.date:
    """Today on the city's clock. Never ``date.today()``: a machine kept on UTC (a server, a CI
    runner) is already tomorrow from 19 h in Quebec, and a notice ending tonight would rank as
    expired there."""
    return dt.datetime.now(LOCAL_TZ).date()


_MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def local(moment: dt.datetime) -> dt.datetime:
    """The moment on the city's clock (naive times are taken as UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(LOCAL_TZ)


def date_fr(day: dt.date, *, year: bool = True) -> str:
    """'4 décembre 2026', '1er mars 2027'."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {_MONTHS_FR[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def time_fr(moment: dt.datetime) -> str:
    """'8 h 28', '14 h 05', '0 h 00'."""
    return f"{moment.hour} h {moment.minute:02d}"


def datetime_fr(moment: dt.datetime) -> str:
    """'4 décembre 2026 à 8 h 28' on the city's clock."""
    here = local(moment)
    return f"{date_fr(here.date())} à {time_fr(here)}"


def date_en(day: dt.date, *, year: bool = True) -> str:
    text = f"{_MONTHS_EN[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if year else text


def datetime_en(moment: dt.datetime) -> str:
    here = local(moment)
    return f"{date_en(here.date())} at {here.strftime('%I:%M %p').lstrip('0')}"


# The OQLF's abbreviations of the months (mai, juin, août and mars are not abbreviated).
_MONTHS_FR_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juill.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def short_datetime_fr(moment: dt.datetime, *, today: dt.date | None = None) -> str:
    """For lists: '8 h 28' today, '4 déc. à 8 h 28' this year, the full date otherwise."""
    here = local(moment)
    today = today or local_today()
    if here.date() == today:
        return time_fr(here)
    if here.year == today.year:
        number = "1er" if here.day == 1 else str(here.day)
        return f"{number} {_MONTHS_FR_SHORT[here.month - 1]} à {time_fr(here)}"
    return datetime_fr(moment)


def duration_fr(delta: dt.timedelta) -> str:
    """A countdown or a delay: '23 h 12 min', '2 j 4 h', '12 min'. Sign is the caller's."""
    seconds = abs(int(delta.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    if days:
        return f"{days} j {hours} h" if hours else f"{days} j"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"
