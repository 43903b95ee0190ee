"""The main window's menus and what they open: import of articles, connection, language, about.

A mixin of ``MainWindow`` (it uses the window's ``ws``, ``kb``, ``sync``, ``settings``), kept
apart so the window's own file reads at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from pac_sac_desktop import __version__
from pac_sac_desktop.ui.tasks import run_task


class WindowMenus:
    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        act = QAction(self.tr("&Import articles…"), self)
        act.triggered.connect(self.import_articles)
        file_menu.addAction(act)
        file_menu.addSeparator()
        login = QAction(self.tr("&Connect to the server…"), self)
        login.triggered.connect(lambda: self.ask_login(""))
        file_menu.addAction(login)
        sync_now = QAction(self.tr("S&ynchronise now"), self)
        sync_now.setShortcut(QKeySequence("F5"))
        sync_now.triggered.connect(self.sync.sync_now)
        file_menu.addAction(sync_now)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        search = QAction(self.tr("&Search"), self)
        search.setShortcuts([QKeySequence("Ctrl+K"), QKeySequence("F3")])
        search.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the window's shortcuts act
        search.triggered.connect(self.go_search)
        view.addAction(search)
        lang = view.addMenu(self.tr("&Language"))
        for code, label in (("fr", "Français"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.value("ui/language", "fr") == code)
            action.triggered.connect(lambda _c=False, c=code: self._set_language(c))
            lang.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About PAC SAC"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def import_articles(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of Markdown articles"))
        if folder:
            self.run_import(Path(folder))

    def run_import(self, path: Path) -> None:
        self.status_index.setText(self.tr("Importing…"))

        def done(report) -> None:  # type: ignore[no-untyped-def]
            self.status_index.setText(self.tr("Search index up to date"))
            self.refresh_kb_state()
            text = self.tr("%1 created, %2 updated, %3 unchanged, %4 rejected.")
            for i, n in enumerate(
                (report.created, report.updated, report.unchanged, report.rejected), 1
            ):
                text = text.replace(f"%{i}", str(len(n)))
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Import finished"), text, parent=self
            )
            if report.rejected:
                box.setIcon(QMessageBox.Icon.Warning)
                box.setDetailedText("\n".join(f"{r.path} : {r.reason}" for r in report.rejected))
            box.open()

        run_task(self, lambda: self.kb.import_path(path), done)

    def _set_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language will be used at the next start.")
        )

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About PAC SAC"),
            self.tr(
                "PAC SAC Desktop %1\nKnowledge base and citizen requests for frontline staff."
            ).replace("%1", __version__),
        )
