"""Dates as Quebec French writes them, on the city's clock."""

import datetime as dt

from pac_sac_desktop.core.receipt import Receipt
from pac_sac_desktop.core.timefmt import datetime_fr, duration_fr, short_datetime_fr

UTC = dt.UTC


def test_full_dates_and_times():
    assert datetime_fr(dt.datetime(2026, 12, 4, 13, 28, tzinfo=UTC)) == "4 décembre 2026 à 8 h 28"
    assert datetime_fr(dt.datetime(2027, 3, 1, 5, 5, tzinfo=UTC)) == "1er mars 2027 à 0 h 05"
    summer = dt.datetime(2026, 7, 14, 16, 0, tzinfo=UTC)  # daylight time: UTC-4
    assert datetime_fr(summer) == "14 juillet 2026 à 12 h 00"


def test_short_dates_in_lists_use_the_oqlf_abbreviations():
    today = dt.date(2026, 12, 4)
    assert short_datetime_fr(dt.datetime(2026, 12, 4, 13, 28, tzinfo=UTC), today=today) == "8 h 28"
    assert (
        short_datetime_fr(dt.datetime(2026, 12, 1, 13, 28, tzinfo=UTC), today=today)
        == "1er déc. à 8 h 28"
    )
    months = [
        short_datetime_fr(dt.datetime(2026, m, 15, 17, 0, tzinfo=UTC), today=today).split()[1]
        for m in range(1, 12)
    ]
    assert months == [
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
    ]
    assert short_datetime_fr(dt.datetime(2025, 5, 2, 12, tzinfo=UTC), today=today) == (
        "2 mai 2025 à 8 h 00"
    )


def test_durations():
    assert duration_fr(dt.timedelta(hours=23, minutes=12)) == "23 h 12 min"
    assert duration_fr(dt.timedelta(days=2, hours=4)) == "2 j 4 h"
    assert duration_fr(dt.timedelta(minutes=-12)) == "12 min"


def test_the_receipt_speaks_quebec_french():
    receipt = Receipt(
        number="P-7F3A-000042",
        reference=None,
        nature="complaint",
        category_label="Collecte manquée",
        department="Environnement",
        created_at=dt.datetime(2026, 12, 4, 13, 28, tzinfo=UTC),
        due_at=dt.datetime(2026, 12, 6, 13, 28, tzinfo=UTC),
        followup_due_at=dt.datetime(2026, 12, 5, 13, 28, tzinfo=UTC),
        address="120, rue Principale",
        resolved_first_contact=False,
    )
    text = receipt.text()
    assert "Reçue le" in text and "4 décembre 2026 à 8 h 28" in text
    assert "5 décembre 2026 à 8 h 28" in text and "2026-12" not in text
