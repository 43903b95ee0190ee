import pytest
from PySide6.QtCore import QSettings

from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.app import install_translations
from pac_sac_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY


@pytest.fixture()
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture()
def french(qapp):
    translators = install_translations(qapp, "fr")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture()
def ws(home, small_kb_dir, synonyms_file):
    station = Workstation(home, synonyms_path=synonyms_file)
    assert station.kb.import_path(small_kb_dir).ok
    yield station
    station.close()


@pytest.fixture()
def kb(ws):
    return ws.kb


@pytest.fixture()
def window(qtbot, ws, settings, french):
    w = MainWindow(ws, settings, today_fn=lambda: TODAY)
    qtbot.addWidget(w, before_close_func=lambda w: w.capture_page.new_request())
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(
        lambda: "index" in w.status_index.text().lower() and "…" not in w.status_index.text()
    )
    return w


@pytest.fixture(autouse=True)
def shown_errors(monkeypatch):
    """Messages ui/errors.py would show, recorded instead of blocking on a modal box."""
    from pac_sac_desktop.ui import errors

    shown: list[str] = []

    class RecordingBox(errors.QMessageBox):
        def exec(self) -> int:
            shown.append(self.text())
            return 0

    monkeypatch.setattr(errors, "QMessageBox", RecordingBox)
    return shown
