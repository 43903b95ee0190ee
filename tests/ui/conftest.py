import pytest
from PySide6.QtCore import QSettings

from pac_sac_desktop.services.knowledge import KnowledgeBase
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
def kb(home, small_kb_dir, synonyms_file):
    base = KnowledgeBase.open(home, synonyms_path=synonyms_file)
    assert base.import_path(small_kb_dir).ok
    yield base
    base.close()


@pytest.fixture()
def window(qtbot, kb, settings, french):
    w = MainWindow(kb, settings, today_fn=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(
        lambda: "index" in w.status_index.text().lower() and "…" not in w.status_index.text()
    )
    return w
