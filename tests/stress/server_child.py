"""The central server as the loops run it: ``pac-sac-server run`` (its own CLI, uvicorn, the
real app) in a process forked from multiprocessing's fork server, which has imported the
server once. Killed with SIGKILL, it starts again in a fraction of a second instead of the
~6 s its imports take on a loaded 2-core machine, so a loop can kill it hundreds of times.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import requests
import uvicorn  # noqa: F401  (imported here, in the fork server, once)

from pac_sac_desktop.server import cli
from pac_sac_desktop.server.app import create_app  # noqa: F401
from pac_sac_desktop.server.notices import worker  # noqa: F401
from pac_sac_desktop.sync.client import ServerClient


def run(db_url: str, port: int, home: str, log_path: str) -> None:
    """The child's body: the server's own ``run`` command."""
    os.environ["PAC_SAC_HOME"] = home
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.dup2(log, 1)
    os.dup2(log, 2)
    sys.exit(cli.main(["run", "--db", db_url, "--port", str(port)]))


class ForkedServer:
    """Start, kill with SIGKILL, start again on the same port and database."""

    def __init__(self, ctx: Any, folder: Path, *, db_url: str, port: int) -> None:
        self.ctx = ctx
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.db_url = db_url
        self.port = port
        self.log_path = folder / "server.log"
        self.process: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0) -> None:
        self.process = self.ctx.Process(
            target=run,
            args=(self.db_url, self.port, str(self.folder), str(self.log_path)),
            daemon=True,
        )
        self.process.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.process.is_alive():
                raise RuntimeError(f"server ended: {self.log_path.read_text()[-2000:]}")
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise RuntimeError("server did not answer")

    def kill(self) -> None:
        self.process.kill()
        self.process.join(30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
            self.process.join(10)
            if self.process.is_alive():
                self.kill()
        self.process = None

    def login(self, username: str, password: str) -> str:
        return str(ServerClient(self.url).login(username, password)["token"])
