"""Who is working at this station, always visible at the top right: "Marie Tremblay · Agent(e)"."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def role_label(role: str | None) -> str:
    translate = QCoreApplication.translate
    labels = {
        "agent": translate("roles", "Agent"),
        "supervisor": translate("roles", "Supervisor"),
        "editor": translate("roles", "Editor"),
        "admin": translate("roles", "Administrator"),
    }
    return labels.get(role or "", role or "")


class AccountBadge(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountBadge")
        self.setContentsMargins(8, 0, 8, 0)

    def set_account(self, account: dict) -> None:
        name = account.get("display_name") or account.get("user")
        if not name:
            nobody = html.escape(self.tr("Not signed in"))
            self.setText(f"<span style='color:#6b6b6b'>{nobody}</span>")
            self.setToolTip("")
            return
        role = role_label(account.get("role"))
        text = f"<b>{html.escape(name)}</b>" + (f" · {html.escape(role)}" if role else "")
        self.setText(text)
        self.setToolTip(
            self.tr("Signed in as %1 on %2")
            .replace("%1", account.get("user") or "")
            .replace("%2", account.get("server") or "")
        )
