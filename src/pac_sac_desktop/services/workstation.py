"""The workstation as one object: its data folder, knowledge base, requests, server session and sync.

The window and the CLI both build one ``Workstation``; nothing else opens the database.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from pac_sac_desktop.core.errors import StoreError, SyncError
from pac_sac_desktop.core.privacy import Viewer
from pac_sac_desktop.services import privacy
from pac_sac_desktop.services.attachments import AttachmentStore
from pac_sac_desktop.services.authoring import Authoring
from pac_sac_desktop.services.drafts import DraftStore
from pac_sac_desktop.services.kb_usage import Usage
from pac_sac_desktop.services.knowledge import KnowledgeBase
from pac_sac_desktop.services.requests import RequestService
from pac_sac_desktop.store import safety
from pac_sac_desktop.store.db import DB_FILENAME
from pac_sac_desktop.store.state import get_value, set_value
from pac_sac_desktop.sync.client import ServerClient
from pac_sac_desktop.sync.credentials import TokenStore
from pac_sac_desktop.sync.engine import Progress, SyncEngine, SyncReport, server_now, sync_status

log = logging.getLogger(__name__)

SERVER_URL = "server:url"
SERVER_USER = "server:user"
SERVER_ROLE = "server:role"
SERVER_NAME = "server:display_name"
BACKUP_EVERY = dt.timedelta(hours=1)


class Workstation:
    def __init__(self, home: Path, *, synonyms_path: Path | None = None) -> None:
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        os.chmod(home, 0o700)  # requests hold citizens' personal data: this user only
        self.kb = KnowledgeBase.open(home, synonyms_path=synonyms_path)
        self.db = self.kb.db
        self.attachments = AttachmentStore(home)
        self.attachments.secure()  # files an older version wrote with the umask's mode
        self.requests = RequestService(self.db, attachments=self.attachments)
        self.tokens = TokenStore(home)
        self.drafts = DraftStore(home)
        self.authoring = Authoring(self)
        self.usage = Usage(self.db)

    def close(self) -> None:
        self.kb.close()

    # ------------------------------------------------------------ session
    def account(self) -> dict[str, str | None]:
        with self.db.reading() as s:
            return {
                "server": get_value(s, SERVER_URL),
                "user": get_value(s, SERVER_USER),
                "role": get_value(s, SERVER_ROLE),
                "display_name": get_value(s, SERVER_NAME),
            }

    def login(self, server: str, username: str, password: str) -> dict:
        client = ServerClient(server)
        answer = client.login(username, password)
        where = self.tokens.save(f"{username}@{server}", answer["token"])
        with self.db.transaction() as s:
            previous = get_value(s, SERVER_URL)
            if previous and previous.rstrip("/") != server.rstrip("/"):
                # Another server: its cursors mean nothing here; start the feeds over.
                for feed in ("kb", "taxonomy", "users", "requests"):
                    set_value(s, f"cursor:{feed}", "0")
            set_value(s, SERVER_URL, server.rstrip("/"))
            set_value(s, SERVER_USER, username)
            set_value(s, SERVER_ROLE, answer["user"]["role"])
            set_value(s, SERVER_NAME, answer["user"]["display_name"])
        log.info("logged in as %s on %s (token in %s)", username, server, where)
        return answer["user"]

    def logout(self) -> None:
        account = self.account()
        if account["server"] and account["user"]:
            key = f"{account['user']}@{account['server']}"
            token = self.tokens.load(key)
            if token:
                try:
                    ServerClient(account["server"], token).logout()
                except Exception as exc:
                    log.info("logout while offline: %r", exc)
            self.tokens.clear(key)

    def client(self) -> ServerClient:
        account = self.account()
        if not account["server"] or not account["user"]:
            raise SyncError(
                "Ce poste n'est connecté à aucun serveur : connectez-vous d'abord.", kind="auth"
            )
        token = self.tokens.load(f"{account['user']}@{account['server']}")
        if not token:
            raise SyncError("Session absente ou expirée : reconnectez-vous.", kind="auth")
        return ServerClient(account["server"], token)

    def user_name(self) -> str:
        return self.account()["user"] or "local"

    # ------------------------------------------------------------ sync
    def sync_engine(self, progress: Progress | None = None) -> SyncEngine:
        return SyncEngine(
            self.db,
            self.client(),
            on_kb_changed=self.kb.sync_pulled,
            on_kb_page=self.kb.page_stored,
            progress=progress,
            role=self.role(),
        )

    def sync_once(self, progress: Progress | None = None) -> SyncReport:
        report = self.sync_engine(progress).sync_once()
        self.backup_if_due()
        privacy.purge_if_due(self.db, self.requests.streets, self.attachments)
        return report

    def viewer(self) -> Viewer:
        """Who opens a request's detail here, for the access log (docs/privacy.md)."""
        return Viewer(self.user_name(), self.role() or "")

    # ------------------------------------------------------------ backups
    def backup_if_due(self, every: dt.timedelta = BACKUP_EVERY) -> Path | None:
        """An hourly copy of the database, taken on the sync thread (never the window's)."""
        if not safety.backup_due(self.db.path, every):
            return None
        try:
            return safety.make_backup(self.db.path)
        except OSError as exc:  # a full disk must not fail the sync that just succeeded
            log.warning("backup failed: %s", exc)
            return None

    @staticmethod
    def backup_time(path: str | Path) -> dt.datetime:
        return safety.backup_time(Path(path))

    @staticmethod
    def start_fresh(home: Path) -> None:
        """The user's explicit choice after a damaged start: archive the damaged file."""
        safety.start_fresh(home / DB_FILENAME)

    @staticmethod
    def restore_latest(home: Path) -> safety.Restored:
        """Replace a missing or damaged database by its newest backup, salvaging what the
        damaged file (set aside at the failed start) still holds."""
        db_path = home / DB_FILENAME
        copies = safety.backups(db_path)
        if not copies:
            raise StoreError("Aucune copie de sauvegarde n'est disponible sur ce poste.")
        aside = safety.damaged_files(db_path)
        return safety.restore(db_path, copies[0], aside[0] if aside else None)

    def server_now(self) -> dt.datetime:
        """UTC on the server's clock: SLA countdowns never trust this workstation's clock."""
        return server_now(self.db)

    def role(self) -> str | None:
        return self.account()["role"]

    def sync_status(self) -> dict:
        return {**sync_status(self.db), **self.account()}
