"""Screenshots of the report page at 1366×768 and of the public PDF's first page, for review.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/report_screenshot.py [OUT_DIR]

A throw-away data folder, an embedded demo server with its year of requests, a supervisor's
workstation; the page asks the server for the last twelve months, as a supervisor would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"
os.environ["PAC_SAC_HOME"] = tempfile.mkdtemp(prefix="pac-sac-report-shots-")
os.environ.pop("PAC_SAC_DEMO_YEAR", None)
os.environ["PAC_SAC_NOTICES"] = "off"

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402

from pac_sac_desktop.core import report_export  # noqa: E402
from pac_sac_desktop.core.demo import demo_password  # noqa: E402
from pac_sac_desktop.services.embedded_server import EmbeddedServer  # noqa: E402
from pac_sac_desktop.services.workstation import Workstation  # noqa: E402
from pac_sac_desktop.ui.app import install_translations, make_application  # noqa: E402
from pac_sac_desktop.ui.main_window import MainWindow  # noqa: E402


def settle(ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application([sys.argv[0]])
    home = Path(os.environ["PAC_SAC_HOME"])
    settings = QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat)
    install_translations(app, os.environ.get("PAC_SAC_LANG", "fr"))
    server = EmbeddedServer(home / "server")
    print(server.init(demo=True))
    server.start()
    try:
        ws = Workstation(home)
        ws.login(server.url, "superviseur", demo_password("superviseur"))
        ws.sync_once()
        window = MainWindow(ws, settings, sync_interval_ms=3_600_000)
        window.resize(1366, 768)
        window.show()
        page = window.report_page
        window.tabs.setCurrentWidget(page)
        page.load()
        for _ in range(100):
            settle(200)
            if page.report is not None:
                break
        settle(800)
        window.grab().save(str(OUT / "report-page.png"))
        public = OUT / "public-report.pdf"
        public.write_bytes(report_export.to_pdf(page.report, public=True))
        (OUT / "public-report.html").write_text(report_export.to_html(page.report), "utf-8")
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(public),
             str(OUT / "public-report-page1")],
            check=True,
        )  # fmt: skip
        print(f"Captures : {OUT}")
        window.close()
        ws.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
