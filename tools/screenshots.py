"""Screenshots of the window as a user sees it, for review (run under Xvfb for real fonts).

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tools/screenshots.py [OUT_DIR]

Uses a throw-away data folder and an embedded demo server (with the demo city's requests), as
`pac-sac demo` does. Shots: the capture form at the size the window opens by itself, the
knowledge base, the capture form at 1366 × 768 (filled, errors, receipt, repeat complaint, the
caller's open request on the same subject), the Requêtes page with a detail and its history at
1366 × 768 and 1920 × 1080, the follow-up dialog, and the supervisor's desk.
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
    # The capture form at the size the window opens by itself (no window manager under Xvfb).
    window.show()
    window.go_capture()
    settle(900)
    shot(window, "00-capture-at-opening-size")
    window.go_search()  # the knowledge-base shots below are of the search tab
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
            q = next(q for q in capture.questions.questions if q.code == code)
            if hasattr(widget, "setCurrentIndex") and q.required:
                widget.setCurrentIndex(1)
        capture.first_name.setText("Lucie")
        capture.last_name.setText("Gagnon")
        capture.phone.setText(phone)
        capture.email.setText("lucie.gagnon@exemple")
        capture.location.setText("120, rue Principale")
        capture.description.setPlainText(
            "Le bac noir n'a pas été vidé lundi; c'est la deuxième fois ce mois-ci."
        )
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
    requests_and_desk(window, ws, server)
    window.capture_page.new_request()
    window.close()
    ws.close()
    server.stop()
    return 0


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path, f"{widget.width()}x{widget.height()}")


def requests_and_desk(window, ws, server) -> None:  # type: ignore[no-untyped-def]
    """Realistic requests from several callers, synced (final references), then the
    Requêtes page with a detail and its timeline, and the supervisor's desk."""
    from pac_sac_desktop.core.demo import sample_answers
    from pac_sac_desktop.core.requests import Citizen, Location, RequestDraft

    callers = [
        ("Lucie", "Gagnon", "450 555-0199", "120, rue Principale", "collecte-manquee", "complaint"),
        ("Paul", "Roy", "819 555-0123", "45, rue Saint-Laurent", "nid-de-poule", "complaint"),
        ("Chantal", "Bergeron", "450 555-0142", "8, rue des Érables", "nid-de-poule", "request"),
        (
            "Mathieu",
            "Lévesque",
            "514 555-0177",
            "310, boulevard des Pionniers",
            "collecte-manquee",
            "request",
        ),
        ("Nadia", "Ouellet", "450 555-0110", "22, rue Victoria", "collecte-manquee", "complaint"),
    ]
    categories = {c.code: c for c in ws.requests.categories()}
    for first, last, phone, address, code, nature in callers:
        draft = RequestDraft(
            nature=nature,
            category=code,
            channel="phone",
            description="Signalé par téléphone; le citoyen demande un rappel.",
            citizen=Citizen(first_name=first, last_name=last, phone=phone, contact="phone"),
            location=Location(address=address),
            answers=sample_answers(categories[code].questions),
        )
        ws.requests.save(draft, user="agent")
    ws.sync_once()
    ws.login(server.url, "superviseur", demo_password("superviseur"))
    ws.sync_once()
    window.refresh_account()
    mine = ws.requests.find("Gagnon")
    target = mine[0]
    ws.requests.act(
        target.uuid,
        "assignment",
        {"to": "Travaux publics", "kind": "department"},
        user="superviseur",
        role="supervisor",
    )
    ws.requests.act(
        target.uuid,
        "followup",
        {"outcome": "message", "text": "Message laissé sur le répondeur."},
        user="superviseur",
        role="supervisor",
    )
    ws.requests.act(
        target.uuid,
        "note",
        {"text": "Bac vidé mardi matin selon le contremaître."},
        user="superviseur",
        role="supervisor",
    )
    ws.sync_once()
    page = window.requests_page
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        window.tabs.setCurrentWidget(page)
        page.search.setText("Gagnon")
        page.run_search()
        settle(900)
        page.show_request(target.uuid)
        settle(700)
        shot(window, f"30-requests-detail-{width}")
    page.actions.start("followup")
    settle(300)
    shot(page.actions.dialog, "31-followup-dialog")
    page.actions.dialog.reject()
    desk = window.desk_page
    for width, height in ((1366, 768), (1600, 972)):
        window.resize(width, height)
        window.tabs.setCurrentWidget(desk)
        desk.refresh()
        settle(900)
        shot(window, f"40-desk-first-followup-{width}")
    desk.queues.setCurrentRow(2)
    settle(700)
    shot(window, "41-desk-unassigned")
    window.resize(1366, 768)
    window.go_capture()
    capture = window.capture_page
    capture.new_request()
    capture.nature.setCurrentIndex(capture.nature.findData("request"))
    capture.category.setText("Nid-de-poule")
    capture.first_name.setText("Paul")
    capture.last_name.setText("Roy")
    capture.phone.setText("819 555-0123")
    capture.location.setText("45, rue Saint-Laurent")
    capture.description.setPlainText("Le trou s'est agrandi depuis mon premier appel.")
    settle(1000)
    shot(window, "15-capture-open-same-subject")


if __name__ == "__main__":
    sys.exit(main())
