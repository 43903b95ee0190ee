"""Date inputs read as the rest of the window: "1er décembre 2026", typed like any other day."""

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.ui.widgets.date_inputs import date_edit, moment_edit


def form(qtbot, *inputs):
    page = QWidget()
    layout = QVBoxLayout(page)
    elsewhere = QLineEdit()
    layout.addWidget(elsewhere)
    for widget in inputs:
        layout.addWidget(widget)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    elsewhere.setFocus()
    return page, elsewhere


def test_the_first_of_a_month_reads_1er_and_is_typed_as_a_plain_day(qtbot):
    day = date_edit(dt.date(2026, 12, 1))
    moment = moment_edit(dt.datetime(2027, 3, 1, 8, 5, tzinfo=LOCAL_TZ))
    _page, elsewhere = form(qtbot, day, moment)  # the page holds the inputs: keep it
    assert day.text() == "1er décembre 2026"
    assert moment.text() == "1er mars 2027 à 8 h 05"

    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    assert day.text() == "1 décembre 2026"  # typed into as any day
    qtbot.keyClicks(day, "15")
    assert day.date() == QDate(2026, 12, 15)
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not day.hasFocus())
    assert day.text() == "15 décembre 2026"

    day.setDate(QDate(2027, 1, 1))  # set from elsewhere (a saved draft, the calendar)
    assert day.text() == "1er janvier 2027"
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    qtbot.keyClick(day, Qt.Key.Key_Up)
    elsewhere.setFocus()
    qtbot.waitUntil(lambda: not day.hasFocus())
    assert day.date() == QDate(2027, 1, 2) and day.text() == "2 janvier 2027"
