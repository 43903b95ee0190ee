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
    ws = open_workstation(home)
    if ws is None:
        return 1
    window = MainWindow(ws, settings)
    window.show()
    try:
        return app.exec()
    finally:
        ws.close()


def open_workstation(home: Path) -> Workstation | None:
    """The workstation, or None when the user chose to quit: a missing, empty or damaged
    database is explained, and the user restores the newest backup or, by an explicit choice,
    starts with an empty one (the damaged file is kept aside either way)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from pac_sac_desktop.core.errors import StoreDamaged
    from pac_sac_desktop.core.timefmt import datetime_fr

    while True:
        try:
            return Workstation(home)
        except StoreDamaged as exc:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("StartupCheck", "Local database"),
                exc.message,
            )
            info = []
            if exc.set_aside:
                info.append(
                    QCoreApplication.translate(
                        "StartupCheck", "The damaged file was kept aside: %1"
                    ).replace("%1", exc.set_aside)
                )
            restore = None
            if exc.backups:
                when = datetime_fr(Workstation.backup_time(exc.backups[0]))
                info.append(
                    QCoreApplication.translate("StartupCheck", "Newest backup: %1.").replace(
                        "%1", when
                    )
                )
                restore = box.addButton(
                    QCoreApplication.translate("StartupCheck", "Restore the backup"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            fresh = box.addButton(
                QCoreApplication.translate("StartupCheck", "Start with an empty database"),
                QMessageBox.ButtonRole.DestructiveRole,
            )
            box.addButton(
                QCoreApplication.translate("StartupCheck", "Quit"),
                QMessageBox.ButtonRole.RejectRole,
            )
            box.setInformativeText("\n".join(info))
            box.setDetailedText(exc.details or exc.path)
            box.exec()
            if restore is not None and box.clickedButton() is restore:
                done = Workstation.restore_latest(home)
                QMessageBox.information(
                    None,
                    QCoreApplication.translate("StartupCheck", "Local database"),
                    done.summary_fr(),
                )
            elif box.clickedButton() is fresh:
                Workstation.start_fresh(home)
            else:
                return None
