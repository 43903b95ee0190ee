"""Publish → banner with the window's default sync period, against a real server process.

The worst case is measured: the notice is published right after the agent's window finished a
pass, so it waits a whole period. The measured time is printed (see docs/sync.md); the test
checks the behaviour with room for a loaded machine."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import replace

from PySide6.QtCore import QSettings

from pac_sac_desktop.core.kb import parse_article
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.app import install_translations
from pac_sac_desktop.ui.main_window import MainWindow
from pac_sac_desktop.ui.sync_status import INTERVAL_MS


def test_a_notice_reaches_another_workstations_banner_within_one_period(
    qtbot, qapp, server, workstation, tmp_path, monkeypatch
):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    editor = Workstation(tmp_path / "redaction")
    try:
        editor.login(server.url, "editeur", "editeur-demo-2026")
        editor.sync_once()
        install_translations(qapp, "fr")
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workstation, settings)  # the default period
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.sync.finished, timeout=60_000):
            pass  # the window's first pass
        notice = replace(
            parse_article(
                '---\nid: avis-tempete\ntitle: "Tempête : collectes du vendredi reportées"\n'
                "service: Environnement\nurgent: true\n---\n"
                "Les collectes du vendredi sont reportées au samedi.\n"
            ),
            expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=6),
        )
        t0 = time.monotonic()  # just after the agent's pass: the worst case
        editor.authoring.save_draft(notice)
        editor.authoring.publish("avis-tempete")
        editor.sync_once()  # what the editor's window does at once after « Publier »
        qtbot.waitUntil(
            lambda: "avis-tempete" in [a.id for a in window.banner.notices],
            timeout=INTERVAL_MS + 20_000,
        )
        elapsed = time.monotonic() - t0
        print(
            f"\npublish → banner (worst case, period {INTERVAL_MS / 1000:.0f} s): {elapsed:.1f} s"
        )
        assert elapsed < INTERVAL_MS / 1000 + 20
        assert "Tempête" in window.banner.label.text()
        window.sync.stop()
    finally:
        editor.close()
