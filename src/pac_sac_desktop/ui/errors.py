"""The only place that shows errors to a person: plain French, details one click away."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pac_sac_desktop.core.errors import Interrupted, PacError, ValidationFailed

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """The French message; for a refused input, each field's own message under it."""
    if isinstance(exc, ValidationFailed):
        extra = [m for m in dict.fromkeys(exc.fields.values()) if m and m != exc.message]
        return "\n".join([exc.message, *(f"• {m}" for m in extra)])
    if isinstance(exc, PacError):
        return exc.message
    return QCoreApplication.translate(
        "errors", "An unexpected error occurred. The details were written to the log."
    )


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    if isinstance(exc, Interrupted):
        return
    log.error("shown to user: %r", exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "PAC SAC"))
    box.setText(describe(exc))
    more = details or (exc.details if isinstance(exc, PacError) else "") or repr(exc)
    box.setDetailedText(more)
    copy = box.addButton(
        QCoreApplication.translate("errors", "Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(f"{describe(exc)}\n\n{more}")
