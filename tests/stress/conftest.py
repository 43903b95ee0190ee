"""The real server of the regression tests (a ``pac-sac-server run`` process on SQLite, one per
test module) and a workstation folder that synced once with it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pac_sac_desktop.services.embedded_server import free_port
from tests.stress import harness
from tests.stress.loops import context
from tests.stress.server_child import ForkedServer


@dataclass
class Stack:
    server: ForkedServer
    token: str


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    folder = tmp_path_factory.mktemp("stress-server")
    url = f"sqlite:///{folder / 'serveur.sqlite3'}"
    harness.prepare_server_db(url)
    server = ForkedServer(context(), folder / "serveur", db_url=url, port=free_port())
    server.start()
    try:
        yield Stack(server, server.login("agent", harness.password("agent")))
    finally:
        server.stop()


@pytest.fixture()
def home(stack: Stack, tmp_path: Path) -> Path:
    folder = tmp_path / "poste"
    harness.open_station(folder, stack.server.url, stack.token)
    return folder
