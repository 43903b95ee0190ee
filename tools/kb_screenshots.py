"""Screenshots of the authoring screens at 1366×768 (offline: history, diff and gaps are fed
locally). Run: xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/kb_screenshots.py OUT_DIR"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ["PAC_SAC_NO_KEYRING"] = "1"
from dataclasses import replace

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from pac_sac_desktop.core.kb import article_to_wire
from pac_sac_desktop.core.kb_history import diff_articles
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.store.state import set_value
from pac_sac_desktop.ui.app import install_translations, make_application
from pac_sac_desktop.ui.editor.history_dialog import HistoryDialog
from pac_sac_desktop.ui.main_window import MainWindow

OUT = Path(sys.argv[1])
app = make_application(["shots"])
install_translations(app, "fr")
home = Path(tempfile.mkdtemp())
ws = Workstation(home)
ws.kb.import_path(resources_dir() / "kb")
ws.requests.ensure_taxonomy()
with ws.db.transaction() as s:
    set_value(s, "server:role", "editor")
TODAY = dt.date(2026, 12, 4)
settings = QSettings(str(home / "s.ini"), QSettings.Format.IniFormat)
w = MainWindow(ws, settings, today_fn=lambda: TODAY)
w.resize(1366, 768)
w.show()


def spin(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


spin(2500)
# 1. lifted notice in the KB window and the banner
w.kb_page.field.setText("avis d'ébullition")
spin(1500)
w.kb_page.open_article("avis-ebullition-preventive-plateau")
spin(500)
w.grab().save(str(OUT / "lifted.png"))
# 1b. empty field
w.kb_page.field.setText("")
spin(1200)
w.grab().save(str(OUT / "empty.png"))
# 2. editor with preview
page = w.editor_page
w.tabs.setCurrentWidget(page)
page.open_sheet("nid-de-poule-signaler")
spin(800)
w.grab().save(str(OUT / "editor.png"))
page.tabs.setCurrentIndex(1)
spin(400)
w.grab().save(str(OUT / "all-sheets.png"))
page.tabs.setCurrentIndex(0)
# 3. a diff: two versions of the pothole sheet (the old one with the contradiction)
new = ws.kb.article("nid-de-poule-signaler")
old = replace(
    new,
    body=new.body.replace(
        "Le délai visé est de **72 heures** (3 jours), la date inscrite sur l'accusé de réception. Les artères, les parcours d'autobus et les voies cyclables passent en priorité et sont souvent colmatés avant.",
        "Les délais visés sont :\n- **48 heures** sur les artères, parcours d'autobus et voies cyclables;\n- **5 jours ouvrables** sur les rues résidentielles.",
    ),
    categories=(),
)
versions = [
    {
        "version": 1,
        "author": "import",
        "created_at": "2026-04-08T13:00:00+00:00",
        "article": article_to_wire(old),
    },
    {
        "version": 2,
        "author": "editeur",
        "created_at": "2026-12-04T13:28:00+00:00",
        "article": article_to_wire(new),
    },
]
ws.authoring.history = lambda _id: versions
ws.authoring.diff = lambda _id, a, b: diff_articles(old, new)
dialog = HistoryDialog(ws.authoring, "nid-de-poule-signaler", w)
dialog.resize(1100, 640)
dialog.show()
spin(1200)
dialog.grab().save(str(OUT / "diff.png"))
dialog.close()
# 4. gaps view
ws.authoring.gaps = lambda a, b: {
    "searches": 412,
    "no_result": [
        {"query": "compost gratuit", "count": 14},
        {"query": "borne recharge électrique", "count": 9},
        {"query": "permis poule urbaine", "count": 7},
        {"query": "piscine hors terre clôture", "count": 5},
        {"query": "[nombre] rue des lilas", "count": 2},
    ],
    "not_opened": [
        {"query": "bac brun", "count": 11},
        {"query": "stationnement hiver", "count": 6},
    ],
    "most_used": [
        {
            "id": "nid-de-poule-signaler",
            "title": "Nid-de-poule : signaler un trou dans la chaussée",
            "count": 38,
        },
        {"id": "x", "title": "Collecte des ordures ménagères : horaire et consignes", "count": 31},
    ],
}
page.tabs.setCurrentIndex(3)
spin(1200)
w.grab().save(str(OUT / "gaps.png"))
print("ok")
