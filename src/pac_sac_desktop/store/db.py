"""Opening the workstation database: one SQLite file, WAL, foreign keys, migrations at start.

An old database is always upgraded in place by Alembic, never recreated: requests saved by an
older version of the app must survive an upgrade.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pac_sac_desktop.core import migrations
from pac_sac_desktop.core.errors import StoreError
from pac_sac_desktop.store import safety

log = logging.getLogger(__name__)

DB_FILENAME = "pac-sac.sqlite3"


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk when it returns; a saved request survives a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _begin(conn: Any) -> None:
    """Transactions begin where we say, not at the driver's first INSERT.

    Python's sqlite3 opens a transaction only before a write, so the reads of a unit of work
    ran outside it: a category looked up as missing could be inserted by another thread before
    this one inserted it too (UNIQUE failure in a sync racing the first start). A unit of work
    that writes takes the write lock first (BEGIN IMMEDIATE, waiting up to busy_timeout); a
    read-only session gets one consistent snapshot (BEGIN).
    """
    immediate = conn.get_execution_options().get("write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "connect", lambda dbapi, _rec: setattr(dbapi, "isolation_level", None))
    event.listen(engine, "begin", _begin)
    return engine


def alembic_config(engine: Engine) -> Config:
    return migrations.alembic_config(engine, "workstation")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision; does nothing when already there."""
    migrations.upgrade_to_head(engine, "workstation")


CREATING = ".creation"


def create(path: Path) -> None:
    """A new database appears whole or not at all.

    It is built and migrated under a temporary name, then renamed into place. Created at its
    own name, a workstation killed during its first start (kill -9, a power cut) left an empty
    or half-migrated file there, which the check at the next start rightly refused as damaged:
    the workstation could no longer start. A temporary file left by such a start is only a
    start that did not finish, and is thrown away.
    """
    partial = path.with_name(path.name + CREATING)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    # Citizens' personal data: readable by this user only (Quebec Law 25). Created before
    # SQLite opens it, so the WAL and shared-memory files get the same mode.
    partial.touch(mode=0o600)
    engine = make_engine(partial)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    conn = sqlite3.connect(partial)  # the last connection to close folds the WAL in, removes it
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


class Database:
    """The workstation's SQLite file and a session factory; sessions never outlive a unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        safety.check(path)  # a vanished, empty or damaged file is never silently replaced
        if not path.exists():
            create(path)
        self.engine = make_engine(path)
        try:
            upgrade(self.engine)
        except OperationalError as exc:
            raise StoreError(
                f"Impossible d'ouvrir la base de données locale {path}.", details=str(exc)
            ) from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, future=True)

    @classmethod
    def in_home(cls, home: Path) -> Database:
        return cls(home / DB_FILENAME)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        session = self._sessions()
        try:
            with session.begin():
                session.connection(execution_options={"write": True})
                yield session
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
