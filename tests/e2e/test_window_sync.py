"""The window synchronises in the background and says so: online, offline, items waiting."""

from PySide6.QtCore import QSettings

from pac_sac_desktop.services.embedded_server import free_port
from pac_sac_desktop.store.state import set_value
from pac_sac_desktop.ui.app import install_translations
from pac_sac_desktop.ui.main_window import MainWindow
from tests.e2e.test_sync_e2e import draft


def make_window(qtbot, qapp, ws, tmp_path):
    install_translations(qapp, "fr")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ws, settings, sync_interval_ms=600_000)
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_sync_fills_the_window_and_reports_online(qtbot, qapp, workstation, tmp_path):
    window = make_window(qtbot, qapp, workstation, tmp_path)
    qtbot.waitUntil(lambda: "En ligne" in window.sync_status.label.text(), timeout=30_000)
    assert "dernière synchro" in window.sync_status.label.text()
    assert "0 élément en attente" in window.sync_status.label.text()
    qtbot.waitUntil(lambda: window.kb_page.service.count() > 5, timeout=10_000)
    assert workstation.kb.count() >= 150


def test_server_unreachable_shows_offline_and_keeps_the_request_waiting(
    qtbot, qapp, workstation, tmp_path
):
    dead = f"http://127.0.0.1:{free_port()}"
    with workstation.db.transaction() as s:
        set_value(s, "server:url", dead)
    workstation.tokens.save(f"agent@{dead}", "jeton-conserve")
    workstation.requests.ensure_taxonomy()
    workstation.requests.save(draft(workstation), user="agent")
    window = make_window(qtbot, qapp, workstation, tmp_path)
    qtbot.waitUntil(lambda: "Hors ligne" in window.sync_status.label.text(), timeout=30_000)
    assert "1 élément en attente" in window.sync_status.label.text()
    assert window.kb_page.field.isEnabled()  # the KB stays usable offline


def test_an_expired_session_asks_to_reconnect_without_blocking(qtbot, qapp, workstation, tmp_path):
    workstation.tokens.save(f"agent@{workstation.account()['server']}", "jeton-invalide")
    window = make_window(qtbot, qapp, workstation, tmp_path)
    qtbot.waitUntil(
        lambda: getattr(window, "_login", None) is not None and window._login.isVisible(),
        timeout=30_000,
    )
    assert "reconnectez-vous" in window._login.error.text()
    window._login.password.setText("agent-demo-2026")
    window._login.connect_to_server()
    qtbot.waitUntil(lambda: "En ligne" in window.sync_status.label.text(), timeout=30_000)
