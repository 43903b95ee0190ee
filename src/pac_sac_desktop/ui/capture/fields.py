"""Small pieces shared by the capture form's parts: the red line under a field, and the checks
run when the clerk leaves a field (the core's own rules and French messages, nothing re-typed)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.requests import Citizen, Contact, RequestDraft

ERROR_STYLE = "color: #b3261e;"


def error_label(key: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{key}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


def citizen_problem(key: str, citizen: Citizen) -> str:
    """The core's French message for one citizen field ('citizen.phone'…), '' when fine.

    The check is the one ``RequestDraft.validated`` runs at save time (normalize_phone,
    valid_email, normalize_postal_code), on a draft that holds only this citizen, so a field
    is judged alone: the follow-up mode's needs are checked at save time.
    """
    probe = RequestDraft(
        nature="information",
        channel="phone",
        category="-",
        citizen=replace(citizen, contact=Contact.NONE),
    )
    try:
        probe.validated()
    except ValidationFailed as exc:
        return exc.fields.get(key, "")
    return ""


class FocusOut(QObject):
    """Emits ``left(widget)`` when a watched widget loses the keyboard focus."""

    left = Signal(QWidget)

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(obj, QWidget)
            and event.reason() != Qt.FocusReason.PopupFocusReason  # a combo's list opening
        ):
            self.left.emit(obj)
        return False
