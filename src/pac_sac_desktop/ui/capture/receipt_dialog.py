"""The receipt after saving: read it out, copy it into an e-mail, print it or save it as PDF."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from pac_sac_desktop.core.receipt import CITY, FOLLOW_UP, Receipt
from pac_sac_desktop.core.timefmt import datetime_fr


def receipt_lines(receipt: Receipt) -> list[tuple[str, str]]:
    """The receipt's lines with Quebec French dates ("4 décembre 2026 à 8 h 28") and, once
    synced, the final reference with the provisional number kept beside it."""
    moments = {
        "Reçue le": receipt.created_at,
        "Premier suivi au plus tard": receipt.followup_due_at,
        "Délai prévu de traitement": receipt.due_at,
    }
    out = []
    for key, value in receipt.lines():
        if moments.get(key) is not None:
            value = datetime_fr(moments[key])  # type: ignore[arg-type]
        elif key == "Numéro" and receipt.reference and receipt.reference != receipt.number:
            value = f"{receipt.reference} (provisoire {receipt.number})"
        out.append((key, value))
    return out


def receipt_text(receipt: Receipt) -> str:
    lines = receipt_lines(receipt)
    width = max(len(k) for k, _ in lines)
    body = "\n".join(f"{k.ljust(width)} : {v}" for k, v in lines)
    return f"{CITY} — accusé de réception\n\n{body}\n\n{FOLLOW_UP}\n"


def receipt_html(receipt: Receipt) -> str:
    rows = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
        for k, v in receipt_lines(receipt)
    )
    return (
        f"<h2>{html.escape(CITY)}</h2><h3>Accusé de réception</h3>"
        f'<table cellpadding="4">{rows}</table><p>{html.escape(FOLLOW_UP)}</p>'
    )


def write_pdf(receipt: Receipt, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setResolution(300)
    writer.setTitle(f"Accusé de réception {receipt.reference or receipt.number}")
    document = QTextDocument()
    document.setHtml(receipt_html(receipt))
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    document.print_(writer)


class ReceiptDialog(QDialog):
    def __init__(self, receipt: Receipt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setMinimumSize(560, 320)
        self.set_receipt(receipt)
        copy = QPushButton(self.tr("Copy the text"))
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(receipt_text(self.receipt))
        )
        pdf = QPushButton(self.tr("Save as PDF…"))
        pdf.clicked.connect(self._pdf)
        printer = QPushButton(self.tr("Print…"))
        printer.clicked.connect(self._print)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addWidget(pdf)
        buttons.addWidget(printer)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def set_receipt(self, receipt: Receipt) -> None:
        """Shown again when the final reference arrives (after a sync)."""
        self.receipt = receipt
        self.setWindowTitle(
            self.tr("Receipt %1").replace("%1", receipt.reference or receipt.number)
        )
        self.view.setHtml(receipt_html(receipt))

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            document = QTextDocument()
            document.setHtml(receipt_html(self.receipt))
            document.print_(printer)

    def _pdf(self) -> None:
        name = f"recu-{self.receipt.reference or self.receipt.number}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the receipt"), name, "PDF (*.pdf)"
        )
        if path:
            write_pdf(self.receipt, Path(path))
