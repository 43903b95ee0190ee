"""Server database: engine, migrations at start, one transaction per unit of work.

SQLite (the embedded demo) begins every writing transaction with BEGIN IMMEDIATE so that
concurrent writers queue instead of failing mid-transaction (read-only ones with a plain BEGIN);
PostgreSQL runs at READ COMMITTED and the change-feed counter's row lock orders commits (see
feed.py).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from alembic.config import Config
from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from pac_sac_desktop.core import migrations

READ_ONLY = "pac_sac_read_only"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            read_only = conn.get_execution_options().get(READ_ONLY, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    engine = create_engine(url, pool_size=10, max_overflow=20)
    _ping_when_idle(engine)
    return engine


PING_AFTER_IDLE_S = 5.0


def _ping_when_idle(engine: Engine) -> None:
    """Check a pooled connection before use when it sat idle in the pool: a connection the
    database dropped meanwhile (a restart, an idle timeout) is replaced instead of failing a
    call. ``pool_pre_ping`` did it at every checkout: a round trip per call, one in five of a
    new request's, for connections a busy server had used milliseconds before. A connection
    dropped while in use fails its call, with or without the ping."""

    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is not None and time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError(str(exc)) from exc  # the pool connects again


def alembic_config(engine: Engine) -> Config:
    return migrations.alembic_config(engine, "server")


def upgrade(engine: Engine) -> bool:
    """Create or upgrade the schema; True when something was migrated."""
    return migrations.upgrade_to_head(engine, "server")


def is_current(engine: Engine) -> bool:
    current, head = migrations.revisions(engine, "server")
    return current == head


class ServerDB:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        readers = self.engine.execution_options(**{READ_ONLY: True})
        self._readers = sessionmaker(readers, expire_on_commit=False)
        # True when a ``statements`` unit commits each statement as it runs (PostgreSQL).
        self.statements_commit = self.engine.dialect.name == "postgresql"
        if self.statements_commit:
            readers = readers.execution_options(isolation_level="AUTOCOMMIT")
        self._statements = sessionmaker(readers, expire_on_commit=False)

    @contextmanager
    def transaction(
        self, *, read_only: bool = False, statements: bool = False
    ) -> Iterator[Session]:
        """``read_only``: on SQLite, a plain BEGIN, so that the change feeds every workstation
        polls read beside uploads (WAL) instead of queueing for the write lock.

        ``statements`` (with ``read_only``): plain reads that need no transaction of their own.
        On PostgreSQL each statement then runs alone (autocommit): at READ COMMITTED every
        statement of a transaction sees what was committed when it starts anyway, so the reads
        see the same rows, without the BEGIN and COMMIT round trips (two of the five or six of a
        feed page). Not for work whose writes must stand or fall together, sets anything LOCAL or
        streams with a cursor; a single insert that stands alone (the export row of a feed page,
        requests/views.py) commits by itself there."""
        if statements and read_only:
            session = self._statements()
        else:
            session = (self._readers if read_only else self._sessions)()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    def session(self) -> Session:
        return self._sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def metadata() -> MetaData:
    """Every server table: the models of the notices, privacy and reports packages register on
    the shared ``Base`` only once imported, and a comparison with the migrations or a TRUNCATE
    of every table must not depend on what else was imported before."""
    from pac_sac_desktop.server.models import Base
    from pac_sac_desktop.server.notices import models as _notices  # noqa: F401
    from pac_sac_desktop.server.privacy import models as _privacy  # noqa: F401
    from pac_sac_desktop.server.reports import models as _reports  # noqa: F401

    return Base.metadata
