"""Where the workstation keeps its server token: the OS keyring when one works, else a file only
the user can read. The server address and user name are not secret and live in the database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)
SERVICE = "pac-sac-desktop"
FILE_NAME = "credentials.json"


def _keyring():  # type: ignore[no-untyped-def]
    if os.environ.get("PAC_SAC_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring) or (
        "chainer" in type(backend).__name__.lower() and not list(getattr(backend, "backends", []))
    ):
        return None
    return keyring


class TokenStore:
    def __init__(self, home: Path) -> None:
        self.path = home / FILE_NAME

    def save(self, account: str, token: str) -> str:
        """Store the token; returns where ('keyring' or 'file')."""
        ring = _keyring()
        if ring is not None:
            try:
                ring.set_password(SERVICE, account, token)
                self.path.unlink(missing_ok=True)
                return "keyring"
            except Exception as exc:
                log.warning("keyring unavailable, using a private file: %r", exc)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"account": account, "token": token}, f)
        os.chmod(self.path, stat.S_IRUSR | stat.S_IWUSR)
        return "file"

    def load(self, account: str) -> str | None:
        ring = _keyring()
        if ring is not None:
            try:
                token = ring.get_password(SERVICE, account)
                if token:
                    return token
            except Exception:
                pass
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data.get("token") if data.get("account") == account else None

    def clear(self, account: str) -> None:
        ring = _keyring()
        if ring is not None:
            with contextlib.suppress(Exception):  # nothing stored there: nothing to clear
                ring.delete_password(SERVICE, account)
        self.path.unlink(missing_ok=True)
