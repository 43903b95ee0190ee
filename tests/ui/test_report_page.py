"""The report page against a stub workstation: figures in French, charts, exports, refusals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from pac_sac_desktop.core.errors import SyncError
from pac_sac_desktop.ui.reports.report_page import ReportPage
from tests.conftest import TODAY

SAMPLE = json.loads((Path(__file__).parent / "report_sample.json").read_text(encoding="utf-8"))


class Client:
    def __init__(self, answer):
        self.answer = answer
        self.asked = []

    def get_report(self, params):
        self.asked.append(params)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def stub(answer):
    client = Client(answer)
    requests = SimpleNamespace(
        departments=lambda: ["Environnement", "Travaux publics"],
        districts=lambda: [(1, "District du Vieux-Moulin")],
        categories=lambda: [SimpleNamespace(code="nid-de-poule", label="Nid-de-poule")],
    )
    return SimpleNamespace(client=lambda: client, requests=requests), client


@pytest.fixture()
def page(qtbot, french):
    ws, client = stub(SAMPLE)
    p = ReportPage(ws, today_fn=lambda: TODAY)
    qtbot.addWidget(p)
    p.resize(1366, 700)
    p.show()
    p.client = client
    return p


def test_figures_and_charts(page, qtbot):
    page.department.setCurrentIndex(page.department.findData("Travaux publics"))
    page.district.setCurrentIndex(page.district.findData(1))
    page.load()
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)
    asked = page.client.asked[0]
    assert asked["from"] == "2025-11-01" and asked["to"] == "2026-10-31"  # the last 12 months
    assert asked["department"] == "Travaux publics" and asked["district"] == 1
    c = SAMPLE["complaints"]
    assert page.figures["total"].value.text() == f"{SAMPLE['counts']['total']:,}".replace(
        ",", "\u00a0"
    )
    rate = f"{c['followed_up_within_24h_rate'] * 100:.1f}".replace(".", ",") + "\u00a0%"
    assert page.figures["within_24h"].value.text() == rate
    assert "90e centile" in page.figures["followup"].detail.text()
    assert len(page.months.items) == 12 and len(page.scores.items) == 5
    assert page.months.grab().width() > 100  # paints without error
    assert "Rapport du" in page.status.text()


def test_exports(page, qtbot, tmp_path):
    page.load()
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)
    for fmt in ("csv", "xlsx", "pdf"):
        target = tmp_path / f"rapport.{fmt}"
        page.export(fmt, target)
        qtbot.waitUntil(target.exists, timeout=10000)
    rows = list(csv.reader(io.StringIO((tmp_path / "rapport.csv").read_text("utf-8-sig"))))
    assert rows[0] == ["Section", "Indicateur", "Valeur"]
    assert load_workbook(tmp_path / "rapport.xlsx").sheetnames[0] == "Indicateurs"
    text = PdfReader(tmp_path / "rapport.pdf").pages[0].extract_text()
    assert "Rapport des requêtes citoyennes" in text


def test_refused_for_agents(qtbot, french):
    ws, _client = stub(SyncError("Votre rôle ne permet pas cette action.", kind="forbidden"))
    p = ReportPage(ws, today_fn=lambda: TODAY)
    qtbot.addWidget(p)
    p.load()
    qtbot.waitUntil(lambda: p.show_button.isEnabled(), timeout=5000)
    assert p.status.text() == "Les rapports sont réservés aux superviseurs."
    assert not any(b.isEnabled() for b in p.export_buttons)
