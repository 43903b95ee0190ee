"""Connecting the workstation to the central server; errors shown inline, in French."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.tasks import run_task


class LoginDialog(QDialog):
    def __init__(self, ws: Workstation, parent: QWidget | None = None, message: str = "") -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Connect to the central server"))
        self.setMinimumWidth(420)
        account = ws.account()
        self.server = QLineEdit(account["server"] or "http://127.0.0.1:8311")
        self.user = QLineEdit(account["user"] or "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(message)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Work offline"))
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Everything already on this workstation stays usable offline."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if self.user.text() else self.user).setFocus()

    def connect_to_server(self) -> None:
        server, user, password = (
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )
        if not server or not user or not password:
            self.error.setText(self.tr("Fill in the server, the user name and the password."))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Connecting…"))

        def failed(exc: BaseException, _details: str) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(getattr(exc, "message", str(exc)))
            self.password.selectAll()
            self.password.setFocus()

        run_task(
            self, lambda: self.ws.login(server, user, password), lambda _user: self.accept(), failed
        )
