"""End-to-end fixtures: a real ``pac-sac-server`` process on 127.0.0.1 with a free port, and
workstations driven through the same ``Workstation`` object the window and the CLI use.
"""

from __future__ import annotations

import pytest
import requests

from pac_sac_desktop.core.demo import sample_answers
from pac_sac_desktop.services.embedded_server import EmbeddedServer, free_port
from pac_sac_desktop.services.workstation import Workstation

__all__ = ["ServerProcess", "fill_answers", "free_port"]


class ServerProcess(EmbeddedServer):
    """The embedded server plus what tests need: tokens for the demo accounts."""

    def token(self, user: str, password: str) -> dict:
        r = requests.post(
            f"{self.url}/api/v1/auth/login",
            json={"username": user, "password": password},
            timeout=10,
        )
        r.raise_for_status()
        return {"Authorization": f"Bearer {r.json()['token']}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = ServerProcess(tmp_path_factory.mktemp("server"))
    srv.init()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture()
def workstation(tmp_path, server, monkeypatch):
    monkeypatch.setenv("PAC_SAC_NO_KEYRING", "1")
    ws = Workstation(tmp_path / "poste")
    ws.login(server.url, "agent", "agent-demo-2026")
    yield ws
    ws.close()


def fill_answers(ws: Workstation, code: str) -> dict:
    """Answers to a category's required questions, as an agent would give them."""
    return sample_answers(ws.requests.category(code).questions)
