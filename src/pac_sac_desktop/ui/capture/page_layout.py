"""How the capture page is arranged: the request form (scrolling) with the save bar under it on
the left, the citizen and what the workstation knows on the right, the draft offer on top.

The form takes three fifths of the width and never less than 470 px, the side panel never less
than 400 px, so the page reads from a 1000 px window to a 1920 px one; each side scrolls by
itself when the screen is short (768 px laptops)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


def scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll


def arrange(page) -> None:  # type: ignore[no-untyped-def]
    """Create the save bar and lay the page's parts out (sets save_button, new_button, status,
    splitter on ``page``)."""
    page.save_button = QPushButton(translate("CapturePage", "Save (Ctrl+Enter)"))
    page.save_button.setObjectName("saveButton")
    page.save_button.setDefault(True)
    page.new_button = QPushButton(translate("CapturePage", "New (Ctrl+N)"))
    page.status = QLabel()
    page.status.setObjectName("captureStatus")
    page.status.setWordWrap(True)
    page.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    buttons = QHBoxLayout()
    buttons.addWidget(page.status, 1)
    buttons.addWidget(page.new_button)
    buttons.addWidget(page.save_button)
    left = QWidget()
    lv = QVBoxLayout(left)
    lv.setContentsMargins(0, 0, 4, 0)
    lv.addWidget(page.request_form)
    lv.addStretch(1)
    form_side = QWidget()
    fv = QVBoxLayout(form_side)
    fv.setContentsMargins(0, 0, 0, 0)
    fv.addWidget(scrolled(left), 1)
    fv.addLayout(buttons)
    side = scrolled(page.side)
    page.splitter = QSplitter(Qt.Orientation.Horizontal)
    page.splitter.setChildrenCollapsible(False)
    page.splitter.addWidget(form_side)
    page.splitter.addWidget(side)
    form_side.setMinimumWidth(470)
    side.setMinimumWidth(400)
    page.splitter.setStretchFactor(0, 3)
    page.splitter.setStretchFactor(1, 2)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(page.draft_box)
    layout.addWidget(page.splitter, 1)
