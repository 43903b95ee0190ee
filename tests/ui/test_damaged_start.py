"""Starting on a damaged database: the window explains it in French and restores the backup
when asked; it never opens on an empty database by itself."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.store import safety
from pac_sac_desktop.ui.app import open_workstation


def click_when_shown(qtbot, label_part: str, seen: list[str]) -> None:
    """Answer the next message boxes by the button whose text contains ``label_part``."""

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text() + "\n" + widget.informativeText())
                buttons = [b for b in widget.buttons() if label_part in b.text()]
                (buttons[0] if buttons else widget.buttons()[0]).click()
                return
        QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)


def test_a_truncated_database_offers_the_backup_in_french(qtbot, home, french):
    ws = Workstation(home)
    safety.make_backup(ws.db.path)
    ws.close()
    (home / "pac-sac.sqlite3").write_bytes(b"")
    seen: list[str] = []
    click_when_shown(qtbot, "Restaurer", seen)
    for _ in range(3):  # the restore's own confirmation box too
        QTimer.singleShot(400, lambda: click_when_shown(qtbot, "OK", seen))
    restored = open_workstation(home)
    assert restored is not None
    restored.close()
    assert ("tronqué" in seen[0] and "Copie la plus récente" in seen[0]) or "copie" in seen[0]
    assert any("restaurée" in text for text in seen)


def test_quitting_leaves_the_damaged_file_aside_and_nothing_new(qtbot, home, french):
    Workstation(home).close()
    (home / "pac-sac.sqlite3").write_bytes(b"")
    seen: list[str] = []
    click_when_shown(qtbot, "Quitter", seen)
    assert open_workstation(home) is None
    assert not (home / "pac-sac.sqlite3").exists()
    assert safety.damaged_files(home / "pac-sac.sqlite3")
