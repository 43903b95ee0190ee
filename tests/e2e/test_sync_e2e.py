"""Publishing, capture offline, exactly-once delivery, withdrawal: against a real server process."""

from __future__ import annotations

import socket
import threading
from dataclasses import replace

import pytest
import requests

from pac_sac_desktop.core.errors import NetworkError
from pac_sac_desktop.core.requests import Citizen, RequestDraft
from pac_sac_desktop.services.workstation import Workstation
from tests.e2e.conftest import ServerProcess, fill_answers, free_port


def draft(
    ws: Workstation, description: str = "Trou profond devant le 120, voie de droite."
) -> RequestDraft:
    return RequestDraft.from_wire(
        {
            "nature": "request",
            "category": "nid-de-poule",
            "channel": "counter",
            "citizen": {
                "first_name": "Lucie",
                "last_name": "Gagnon",
                "phone": "450 555-0199",
                "contact": "phone",
            },
            "location": {"address": "120, rue Principale"},
            "description": description,
            "answers": fill_answers(ws, "nid-de-poule"),
        }
    )


def server_requests(server: ServerProcess) -> list[dict]:
    headers = server.token("superviseur", "superviseur-demo-2026")
    return requests.get(
        f"{server.url}/api/v1/requests/changes?limit=2000", headers=headers, timeout=10
    ).json()["changes"]


def test_published_article_is_found_after_sync_and_withdrawn_one_disappears(server, workstation):
    workstation.sync_once()
    assert workstation.kb.count() >= 150
    editor = server.token("editeur", "editeur-demo-2026")
    article = {
        "title": "Collecte des citrouilles après l'Halloween",
        "service": "Environnement",
        "tags": ["citrouilles", "halloween"],
        "body": "Les citrouilles vont dans le bac brun, sans bougie ni décoration.",
    }
    r = requests.put(
        f"{server.url}/api/v1/kb/articles/citrouilles-collecte",
        json=article,
        headers=editor,
        timeout=10,
    )
    assert r.status_code == 200
    assert workstation.sync_once().kb_upserts == 1
    assert workstation.kb.search("citrouille", limit=1)[0].hit.id == "citrouilles-collecte"
    requests.delete(
        f"{server.url}/api/v1/kb/articles/citrouilles-collecte", headers=editor, timeout=10
    )
    assert workstation.sync_once().kb_deletions == 1
    assert "citrouilles-collecte" not in [
        r.hit.id for r in workstation.kb.search("citrouille", limit=5)
    ]


def test_request_captured_while_the_server_is_down_arrives_exactly_once(tmp_path, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    server = ServerProcess(tmp_path / "srv")
    server.init()
    server.start()
    ws = Workstation(tmp_path / "poste")
    try:
        ws.login(server.url, "agent", "agent-demo-2026")
        ws.sync_once()
        server.stop()
        saved = ws.requests.save(draft(ws), user="agent")
        with pytest.raises(NetworkError):
            ws.sync_once()
        with pytest.raises(NetworkError):
            ws.sync_once()  # retries while down change nothing
        assert ws.requests.waiting() == 1
        server.start()
        ws.sync_once()
        ws.sync_once()  # nothing left to send, nothing sent twice
        assert ws.requests.waiting() == 0
        mine = [c for c in server_requests(server) if c["id"] == saved.uuid]
        assert len(mine) == 1
        local = ws.requests.list()[0]
        assert local.reference == mine[0]["request"]["reference"] and local.sync_state == "sent"
    finally:
        ws.close()
        server.stop()


class DropFirstAnswers:
    """A TCP proxy that forwards every call but loses the server's answer to the first ``n`` uploads.

    The server has committed the request; the workstation never hears it: the flapping-network
    case where a naive retry would create a duplicate.
    """

    def __init__(self, target_port: int, n: int) -> None:
        self.target_port, self.remaining = target_port, n
        self.port = free_port()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", self.port))
        self.sock.listen(16)
        self.lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        client.settimeout(10)
        upstream.settimeout(10)
        try:
            while True:
                data = client.recv(65536)
                if not data:
                    return
                request_line = data.split(b"\r\n", 1)[0]
                # read the whole request (headers + body) before forwarding
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                while len(body) < length:
                    body += client.recv(65536)
                upstream.sendall(head + b"\r\n\r\n" + body)
                answer = self._read_response(upstream)
                drop = False
                if request_line.startswith(b"PUT /api/v1/requests/"):
                    with self.lock:
                        if self.remaining > 0:
                            self.remaining -= 1
                            drop = True
                if drop:
                    return  # close without answering
                client.sendall(answer)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    @staticmethod
    def _read_response(upstream: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            data += upstream.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        while len(body) < length:
            body += upstream.recv(65536)
        return head + b"\r\n\r\n" + body

    def close(self) -> None:
        self.sock.close()


def test_lost_answers_on_a_flapping_network_never_create_duplicates(server, tmp_path, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    proxy = DropFirstAnswers(server.port, n=2)
    ws = Workstation(tmp_path / "poste-instable")
    try:
        ws.login(f"http://127.0.0.1:{proxy.port}", "agent", "agent-demo-2026")
        ws.sync_once()
        saved = [ws.requests.save(draft(ws, f"Trou numéro {i}"), user="agent") for i in range(3)]
        for _ in range(4):
            try:
                ws.sync_once()
                break
            except NetworkError:
                continue
        assert ws.requests.waiting() == 0
        on_server = [c for c in server_requests(server) if c["id"] in {s.uuid for s in saved}]
        assert len(on_server) == 3
        references = {c["request"]["reference"] for c in on_server}
        assert len(references) == 3
        uuids = {s.uuid for s in saved}
        assert {r.reference for r in ws.requests.list() if r.uuid in uuids} == references
    finally:
        ws.close()
        proxy.close()


def test_repeat_complaint_meeting_reaches_the_server(server, workstation):
    workstation.sync_once()
    citizen = Citizen(
        first_name="Réjean", last_name="Bouchard", email="rejean.b@exemple.ca", contact="email"
    )
    base = replace(draft(workstation), nature="complaint", citizen=citizen)
    workstation.requests.save(base, user="agent")
    second = workstation.requests.save(
        replace(base, description="Toujours pas réparé."), user="agent"
    )
    assert "meeting_required" in second.flags
    workstation.sync_once()
    headers = server.token("superviseur", "superviseur-demo-2026")
    stored = requests.get(
        f"{server.url}/api/v1/requests/{second.uuid}", headers=headers, timeout=10
    ).json()
    meetings = [e for e in stored["events"] if e["kind"] == "meeting"]
    assert len(meetings) == 1 and meetings[0]["data"]["councillor"]
    assert "meeting_required" in stored["payload"]["flags"]
