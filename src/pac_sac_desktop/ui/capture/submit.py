"""What happens when the clerk commits the form: save it (receipt, errors beside their
fields), attach the caller to a request already open, and show the final reference once a
sync brings it. Everything goes through ``ui.operations.requests``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidgetItem

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.ui.capture import form_state
from pac_sac_desktop.ui.capture.receipt_dialog import ReceiptDialog
from pac_sac_desktop.ui.operations import requests as ops


def save(page) -> None:  # type: ignore[no-untyped-def]
    page.save_button.setEnabled(False)
    page.status.setText(QCoreApplication.translate("CapturePage", "Saving…"))

    def done(payload) -> None:  # type: ignore[no-untyped-def]
        saved, receipt = payload
        page.save_button.setEnabled(True)
        page.draft_timer.stop()
        page.ws.drafts.clear()
        page.last_saved = saved.uuid
        page.new_request()
        text = QCoreApplication.translate("CapturePage", "Saved: %1")
        page.status.setText(text.replace("%1", saved.number))
        page.saved.emit(saved.uuid)
        page.receipt = ReceiptDialog(receipt, page)
        page.receipt.open()

    def failed(exc: BaseException, details: str) -> None:
        page.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            page.show_errors(exc.fields)
            page.status.setText(
                QCoreApplication.translate(
                    "CapturePage", "The request has errors: correct the fields shown in red."
                )
            )
            form_state.focus_first_error(page, exc.fields)
        else:
            from pac_sac_desktop.ui.errors import show_error

            page.status.setText(QCoreApplication.translate("CapturePage", "Not saved."))
            show_error(page, exc, details)

    ops.save_request(parent=page, ws=page.ws, draft=page.draft()).success(done).failure(
        failed
    ).run_in_background()


def attach(page, item: QListWidgetItem) -> None:  # type: ignore[no-untyped-def]
    """The problem is already reported: add this caller to it instead of a new request."""
    existing = item.data(Qt.ItemDataRole.UserRole)

    def done(label: str) -> None:
        page.new_request()
        text = QCoreApplication.translate("CapturePage", "Caller attached to request %1.")
        page.status.setText(text.replace("%1", label))
        page.ws.drafts.clear()
        page.saved.emit(existing)

    def failed(exc: BaseException, _details: str) -> None:
        if isinstance(exc, ValidationFailed):
            page.show_errors(exc.fields)
        page.status.setText(getattr(exc, "message", str(exc)))

    ops.attach_caller(parent=page, ws=page.ws, request_uuid=existing, draft=page.draft()).success(
        done
    ).failure(failed).run_in_background()


def refresh_saved(page) -> None:  # type: ignore[no-untyped-def]
    """After a sync: the last request's final reference replaces the provisional number."""
    if page.last_saved is None:
        return

    def done(receipt) -> None:  # type: ignore[no-untyped-def]
        if not receipt.reference:
            return
        text = QCoreApplication.translate("CapturePage", "Saved: %1 (provisional %2)")
        page.status.setText(text.replace("%1", receipt.reference).replace("%2", receipt.number))
        if page.receipt is not None:
            page.receipt.set_receipt(receipt)

    ops.load_receipt(parent=page, ws=page.ws, uuid=page.last_saved).success(done).failure(
        lambda *_a: None
    ).run_in_background()
