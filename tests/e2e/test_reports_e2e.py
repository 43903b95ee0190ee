"""A real server process: the notices worker starts with it and tells the citizen; a supervisor's
workstation gets the report through ServerClient.get_report and services.reports."""

from __future__ import annotations

import datetime as dt
import time
import uuid as uuidlib

import pytest
import requests
import yaml

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.core.errors import SyncError
from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.services import reports
from pac_sac_desktop.services.workstation import Workstation
from tests.e2e.conftest import ServerProcess


def _questions(code: str) -> list:
    data = yaml.safe_load((resources_dir() / "taxonomy.yaml").read_text(encoding="utf-8"))
    return next(c for c in data["categories"] if c["code"] == code).get("questions", [])


@pytest.fixture()
def noticing_server(tmp_path):
    srv = ServerProcess(tmp_path / "srv")
    srv.env.update(
        PAC_SAC_NOTICES="on",
        PAC_SAC_NOTICES_INTERVAL="0.3",
        PAC_SAC_MAIL_FOLDER=str(tmp_path / "mail"),
        PAC_SAC_DEMO_YEAR="0",
    )
    srv.init()
    srv.start()
    yield srv
    srv.stop()


def test_worker_started_with_the_server_and_report_through_the_client(
    noticing_server, tmp_path, monkeypatch
):
    srv = noticing_server
    headers = srv.token("agent", "agent-demo-2026")
    payload = {
        "nature": "complaint",
        "category": "collecte-manquee",
        "channel": "phone",
        "description": "Le bac de recyclage n'a pas été vidé ce matin.",
        "citizen": {"first_name": "Josée", "email": "josee@exemple.ca", "contact": "email"},
        "location": {"address": "250, rue Principale"},
        "answers": sample_answers(_questions("collecte-manquee")),
    }
    today = dt.date.today()
    before = requests.get(
        f"{srv.url}/api/v1/reports",
        params={
            "from": (today - dt.timedelta(days=2)).isoformat(),
            "to": (today + dt.timedelta(days=1)).isoformat(),
        },
        headers=srv.token("superviseur", "superviseur-demo-2026"),
        timeout=30,
    ).json()
    r = requests.put(
        f"{srv.url}/api/v1/requests/{uuidlib.uuid4()}", json=payload, headers=headers, timeout=10
    )
    assert r.status_code == 201, r.text
    reference = r.json()["reference"]
    folder = tmp_path / "mail"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not list(folder.glob("*.eml")):
        time.sleep(0.2)
    mails = [p.read_text() for p in folder.glob("*.eml")]
    assert len(mails) == 1 and reference in mails[0] and "josee@exemple.ca" in mails[0]

    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    ws = Workstation(tmp_path / "poste")
    try:
        ws.login(srv.url, "superviseur", "superviseur-demo-2026")
        today = dt.date.today()
        period = reports.ReportRequest(today - dt.timedelta(days=2), today + dt.timedelta(days=1))
        report = reports.fetch(ws, period)
        # The demo city's recent requests are in the period too: ours is one more of each.
        assert report["counts"]["total"] == before["counts"]["total"] + 1
        assert report["complaints"]["total"] == before["complaints"]["total"] + 1
        saved = reports.save(report, tmp_path / "rapport.xlsx")
        assert saved.stat().st_size > 1000
        ws.login(srv.url, "agent", "agent-demo-2026")
        with pytest.raises(SyncError) as refused:
            reports.fetch(ws, reports.ReportRequest(today, today))
        assert refused.value.kind == "forbidden"
    finally:
        ws.close()
