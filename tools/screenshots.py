"""Screenshots of the window as a user sees it, for review (run under Xvfb for real fonts).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py [OUT_DIR]

Uses a throw-away data folder and an embedded demo server, as `pac-sac demo` does.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
os.environ["PAC_SAC_HOME"] = tempfile.mkdtemp(prefix="pac-sac-shots-")

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from pac_sac_desktop.core.demo import demo_password  # noqa: E402
from pac_sac_desktop.services.embedded_server import EmbeddedServer  # noqa: E402
from pac_sac_desktop.services.workstation import Workstation  # noqa: E402
from pac_sac_desktop.ui.app import install_translations, make_application  # noqa: E402
from pac_sac_desktop.ui.main_window import MainWindow  # noqa: E402


def settle(ms: int = 600) -> None:
    """Let the window work (debounce, background search, paint) for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application([sys.argv[0]])
    settings = QSettings(
        str(Path(os.environ["PAC_SAC_HOME"]) / "settings.ini"), QSettings.Format.IniFormat
    )
    install_translations(app, os.environ.get("PAC_SAC_LANG", "fr"))
    home = Path(os.environ["PAC_SAC_HOME"])
    server = EmbeddedServer(home / "server")
    server.init(demo=True)
    server.start()
    ws = Workstation(home)
    ws.login(server.url, "agent", demo_password("agent"))
    ws.sync_once()
    window = MainWindow(ws, settings)
    page = window.kb_page
    shots = [
        ("01-start", 1366, 768, None, None),
        ("02-typing-typo-and-prefix", 1366, 768, "deneigment stationn", None),
        ("03-article-open", 1366, 768, "bac brun", "open"),
        ("04-english-caller", 1920, 1080, "towed car", "open"),
        ("05-expired-notice", 1366, 768, "detour boulevard des pionniers", None),
        ("06-colloquial-question", 1920, 1080, "ma charrue a brisé ma boite aux lettres", "open"),
        ("07-no-result", 1366, 768, "xylophone quantique", None),
    ]
    window.show()
    for name, width, height, query, action in shots:
        window.resize(width, height)
        if query is not None:
            page.field.setText(query)
        settle(900)
        if action == "open":
            page.open_current()
            settle(300)
        window.grab().save(str(OUT / f"{name}.png"))
        print(OUT / f"{name}.png")
    # The capture form: empty, filled, with errors, with the repeat-complaint warning.
    capture = window.capture_page
    window.resize(1366, 768)
    window.go_capture()
    settle(600)
    window.grab().save(str(OUT / "10-capture-empty.png"))
    print(OUT / "10-capture-empty.png")

    def fill(phone: str, nature: str = "complaint") -> None:
        capture.nature.setCurrentIndex(capture.nature.findData(nature))
        capture.category.setText("Collecte manquée")
        settle(300)
        for code, widget in capture.questions.widgets.items():
            q = next(q for q in capture.questions.questions if q["code"] == code)
            if hasattr(widget, "setCurrentIndex") and q.get("required"):
                widget.setCurrentIndex(1)
        capture.first_name.setText("Lucie")
        capture.last_name.setText("Gagnon")
        capture.phone.setText(phone)
        capture.email.setText("lucie.gagnon@exemple")
        capture.location.setText("120, rue Principale")
        capture.description.setPlainText("Le bac noir n'a pas été vidé lundi; c'est la deuxième fois ce mois-ci.")
        settle(800)

    fill("450 555-01")
    window.grab().save(str(OUT / "11-capture-filled.png"))
    print(OUT / "11-capture-filled.png")
    capture.save_request()
    settle(800)
    window.grab().save(str(OUT / "12-capture-errors.png"))
    print(OUT / "12-capture-errors.png")
    capture.phone.setText("450 555-0199")
    capture.email.setText("lucie.gagnon@exemple.ca")
    capture.save_request()
    settle(1000)
    capture.receipt.grab().save(str(OUT / "13-receipt.png"))
    print(OUT / "13-receipt.png")
    capture.receipt.close()
    fill("450 555-0199")
    capture.email.setText("lucie.gagnon@exemple.ca")
    settle(800)
    window.grab().save(str(OUT / "14-capture-repeat-complaint.png"))
    print(OUT / "14-capture-repeat-complaint.png")
    window.close()
    ws.close()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
