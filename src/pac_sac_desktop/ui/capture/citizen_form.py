"""The citizen half of the capture form. Phone, e-mail and postal code are checked when the
clerk leaves them (the core's rules and messages), shown in their usual form (450 555-0199,
J7X 1A1), and an error goes away as soon as the field is right."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.requests import (
    Citizen,
    Contact,
    format_phone,
    normalize_phone,
    normalize_postal_code,
)
from pac_sac_desktop.ui.capture.fields import FocusOut, citizen_problem, error_label, show_message
from pac_sac_desktop.ui.capture.request_form import form_layout

# Domain vocabulary: French labels come from core (the taxonomy and the data are French).
CONTACT_LABELS = {
    Contact.PHONE: "Téléphone",
    Contact.SMS: "Texto",
    Contact.EMAIL: "Courriel",
    Contact.NONE: "Aucun suivi",
}


class CitizenForm(QGroupBox):
    changed = Signal()

    def __init__(self, errors: dict[str, QLabel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Citizen"))
        self.errors = errors
        self.anonymous = QCheckBox(self.tr("Anonymous citizen"))
        self.first_name, self.last_name = QLineEdit(), QLineEdit()
        self.first_name.setPlaceholderText(self.tr("First name"))
        self.last_name.setPlaceholderText(self.tr("Last name"))
        self.phone, self.email = QLineEdit(), QLineEdit()
        self.phone.setObjectName("phoneField")
        self.email.setObjectName("emailField")
        self.phone.setPlaceholderText("450 555-0123, poste 12")
        self.email.setPlaceholderText("nom@exemple.ca")
        self.address, self.postal_code = QLineEdit(), QLineEdit()
        self.address.setPlaceholderText(self.tr("Civic address"))
        self.postal_code.setObjectName("postalCodeField")
        self.postal_code.setPlaceholderText("J7X 1A1")
        self.postal_code.setMaximumWidth(110)
        self.contact = QComboBox()
        for code, label in CONTACT_LABELS.items():
            self.contact.addItem(label, code.value)
        self.contact.setCurrentIndex(self.contact.findData(Contact.PHONE.value))
        self.checked = {
            "citizen.phone": self.phone,
            "citizen.email": self.email,
            "citizen.postal_code": self.postal_code,
        }
        self.text_fields = (
            self.first_name,
            self.last_name,
            self.phone,
            self.email,
            self.address,
            self.postal_code,
        )
        self._layout()
        self.focus = FocusOut(self)
        self.focus.left.connect(self._left)
        for key, line in self.checked.items():
            self.focus.watch(line)
            line.textChanged.connect(lambda _t, k=key: self._recheck(k))
        for line in self.text_fields:
            line.textChanged.connect(lambda _t: self.changed.emit())
        self.contact.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.anonymous.toggled.connect(self._anonymous)

    def _layout(self) -> None:
        form = form_layout(self)
        form.addRow("", self.anonymous)
        names = QHBoxLayout()
        names.addWidget(self.first_name)
        names.addWidget(self.last_name)
        form.addRow(self.tr("Name:"), names)
        for title, key in (
            (self.tr("Phone:"), "citizen.phone"),
            (self.tr("E-mail:"), "citizen.email"),
        ):
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(self.checked[key])
            box.addWidget(self._error(key))
            form.addRow(title, box)
        address_row = QHBoxLayout()
        address_row.addWidget(self.address, 1)
        address_row.addWidget(self.postal_code)
        form.addRow(self.tr("Address:"), address_row)
        form.addRow("", self._error("citizen.postal_code"))
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(self.contact)
        box.addWidget(self._error("citizen.contact"))
        form.addRow(self.tr("Follow-up by:"), box)

    def _error(self, key: str) -> QLabel:
        self.errors[key] = label = error_label(key)
        return label

    # ------------------------------------------------------------------ checks
    def citizen(self) -> Citizen:
        if self.anonymous.isChecked():
            return Citizen()
        return Citizen(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            address=self.address.text().strip(),
            postal_code=self.postal_code.text().strip(),
            contact=self.contact.currentData(),
        )

    def check(self, key: str) -> str:
        message = citizen_problem(key, self.citizen())
        show_message(self.errors[key], message)
        return message

    def _left(self, widget: QWidget) -> None:
        key = next((k for k, w in self.checked.items() if w is widget), None)
        if key is None or self.check(key):
            return
        # Right: show it the usual way (the stored form is the core's normalised one).
        if key == "citizen.phone" and self.phone.text().strip():
            self.phone.setText(format_phone(normalize_phone(self.phone.text()) or ""))
        elif key == "citizen.postal_code" and self.postal_code.text().strip():
            self.postal_code.setText(normalize_postal_code(self.postal_code.text()) or "")

    def _recheck(self, key: str) -> None:
        """While an error shows, check at each keystroke: it disappears once the field is right."""
        if self.errors[key].isVisible():
            self.check(key)

    def _anonymous(self, on: bool) -> None:
        for widget in (*self.text_fields, self.contact):
            widget.setEnabled(not on)
        if on:
            self.contact.setCurrentIndex(self.contact.findData(Contact.NONE.value))
        self.changed.emit()

    # ------------------------------------------------------------------ state
    def set_citizen(self, citizen: dict, anonymous: bool) -> None:
        for widget, key in (
            (self.first_name, "first_name"),
            (self.last_name, "last_name"),
            (self.phone, "phone"),
            (self.email, "email"),
            (self.address, "address"),
            (self.postal_code, "postal_code"),
        ):
            widget.setText(citizen.get(key, ""))
        self.contact.setCurrentIndex(max(self.contact.findData(citizen.get("contact", "none")), 0))
        self.anonymous.setChecked(anonymous)

    def clear(self) -> None:
        for line in self.text_fields:
            line.clear()
        self.anonymous.setChecked(False)
        self.contact.setCurrentIndex(self.contact.findData(Contact.PHONE.value))
