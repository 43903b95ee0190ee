"""Several server processes on one PostgreSQL database (``pac-sac-server run --workers 2``):
two workstations pushing at the same time get every request stored once, with distinct
references, whichever process took each upload."""

from __future__ import annotations

import threading

import psutil
import requests

from pac_sac_desktop.services.workstation import Workstation
from tests.conftest import fresh_pg_database
from tests.e2e.conftest import ServerProcess
from tests.e2e.test_sync_e2e import draft

PER_WORKSTATION = 30


def test_two_workstations_pushing_to_two_server_processes_store_each_request_once(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    with fresh_pg_database() as url:
        server = ServerProcess(tmp_path / "srv", db_url=url, workers=2)
        server.init()
        server.start()
        stations = [Workstation(tmp_path / f"poste{n}") for n in (1, 2)]
        try:
            workers = [
                c
                for c in psutil.Process(server.proc.pid).children()
                if "resource_tracker" not in " ".join(c.cmdline())
            ]
            assert len(workers) == 2
            for ws in stations:
                ws.login(server.url, "agent", "agent-demo-2026")
                ws.sync_once()
            saved = {
                n: [
                    ws.requests.save(draft(ws, f"Trou no {i} signalé au poste {n}."), user="agent")
                    for i in range(PER_WORKSTATION)
                ]
                for n, ws in enumerate(stations)
            }
            errors: list[BaseException] = []

            def push(ws: Workstation) -> None:
                try:
                    ws.sync_once()
                except BaseException as exc:  # reported below
                    errors.append(exc)

            threads = [threading.Thread(target=push, args=(ws,)) for ws in stations]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)
            assert not errors

            headers = server.token("superviseur", "superviseur-demo-2026")
            changes = requests.get(
                f"{server.url}/api/v1/requests/changes?limit=2000", headers=headers, timeout=10
            ).json()["changes"]
            on_server = {c["id"]: c["request"]["reference"] for c in changes}
            ours = {s.uuid for batch in saved.values() for s in batch}
            # The demo server also holds the demo city's requests: count ours.
            assert ours <= set(on_server) and len(ours) == 2 * PER_WORKSTATION
            assert len(set(on_server.values())) == len(on_server)
            for ws in stations:
                assert ws.requests.waiting() == 0
                for row in ws.requests.list():
                    if row.uuid in ours:
                        assert row.reference == on_server[row.uuid]
        finally:
            for ws in stations:
                ws.close()
            server.stop()
