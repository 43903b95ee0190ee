"""The embedded demo server: ``pac-sac-server`` started in a separate process on 127.0.0.1.

Used by ``pac-sac demo`` (the README's run command) and by the end-to-end tests. The desktop
never imports the server package; it only runs it as a program.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from pac_sac_desktop.core.errors import NetworkError


def free_port() -> int:
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedServer:
    def __init__(
        self,
        folder: Path,
        *,
        db_url: str | None = None,
        port: int | None = None,
        workers: int = 1,
    ) -> None:
        self.folder = folder
        self.workers = workers
        folder.mkdir(parents=True, exist_ok=True)
        self.db_url = db_url or f"sqlite:///{folder / 'pac-sac-server.sqlite3'}"
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None
        self.env = dict(os.environ, PAC_SAC_HOME=str(folder))
        self.log_path = folder / "server.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pac_sac_desktop.server.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=self.env,
            timeout=300,
            check=True,
        )

    def init(self, *, demo: bool = True) -> str:
        return self.cli("init", "--db", self.db_url, *(["--demo"] if demo else [])).stdout

    def start(self, timeout: float = 30.0) -> None:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pac_sac_desktop.server.cli",
                "run",
                "--db",
                self.db_url,
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            env=self.env,
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise NetworkError(
                    "Le serveur de démonstration n'a pas démarré.",
                    details=self.log_path.read_text()[-2000:],
                )
            try:
                if requests.get(f"{self.url}/api/v1/health", timeout=0.5).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise NetworkError("Le serveur de démonstration ne répond pas.")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
