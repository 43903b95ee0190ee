"""Photos and files the citizen gives: checked by content and stored off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pac_sac_desktop.core.attachments import Attachment
from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.services.attachments import AttachmentStore
from pac_sac_desktop.ui.capture.fields import error_label, show_message
from pac_sac_desktop.ui.operations import ReadOp


class AttachmentsBox(QWidget):
    changed = Signal()

    def __init__(self, store: AttachmentStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.items: list[Attachment] = []
        self.button = QPushButton(self.tr("Attach a photo or a file…"))
        self.button.clicked.connect(self.choose)
        self.listing = QLabel()
        self.listing.setWordWrap(True)
        self.error = error_label("attachments")
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.listing)
        layout.addWidget(self.error)

    def choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr("Photos and PDF (*.jpg *.jpeg *.png *.heic *.pdf)"),
        )
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Check and store the files off the GUI thread; refusals are shown under the button."""
        store = self.store

        def work():  # type: ignore[no-untyped-def]
            stored, refused = [], {}
            for path in paths:
                try:
                    stored.append(store.add_file(path))
                except ValidationFailed as exc:
                    refused.update(exc.fields)
                except OSError as exc:
                    refused["attachments"] = f"« {path.name} » illisible ({exc.strerror})"
            return stored, refused

        def done(payload) -> None:  # type: ignore[no-untyped-def]
            stored, refused = payload
            known = {a.sha256 for a in self.items}
            self.items += [a for a in stored if a.sha256 not in known]
            self._show()
            show_message(self.error, refused.get("attachments", ""))
            self.changed.emit()

        ReadOp(self, work).success(done).run_in_background()

    def set_items(self, items: list[Attachment]) -> None:
        self.items = list(items)
        self._show()

    def _show(self) -> None:
        self.listing.setText(
            "\n".join(f"📎 {a.name} ({a.size // 1024 + 1} Ko)" for a in self.items)
        )
