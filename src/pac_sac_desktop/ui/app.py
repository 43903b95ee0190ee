"""Starting the window: application object, translations, services, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.gui_thread_gc import collect_on_gui_thread

log = logging.getLogger(__name__)

ORGANIZATION = "PAC SAC"
APPLICATION = "PAC SAC Desktop"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """French is the default; English is the source language and needs no file."""
    from pac_sac_desktop.ui.format import set_language

    set_language(language)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"pac_sac_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation %s not found", language)
    qt = QTranslator(app)
    if qt.load(
        QLocale(language),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    collect_on_gui_thread(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def run_app(home: Path) -> int:
    from pac_sac_desktop.ui.main_window import MainWindow

    app = make_application()
    settings = QSettings()
    install_translations(app, str(settings.value("ui/language", "fr")))
    ws = Workstation(home)
    window = MainWindow(ws, settings)
    window.show()
    try:
        return app.exec()
    finally:
        ws.close()
