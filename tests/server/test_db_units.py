"""ServerDB units of work: read-only units without a transaction of their own on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool

from pac_sac_desktop.server import db as dbmod
from pac_sac_desktop.server.models import Category


@pytest.mark.parametrize("server_db", ["postgresql"], indirect=True)
def test_read_only_statements_run_each_alone_on_postgresql(server_db):
    """No BEGIN nor COMMIT for the feeds' plain reads: each statement is its own transaction;
    a read-only unit without ``statements`` and a writing unit stay one transaction."""
    xid = text("SELECT txid_current()")
    with server_db.transaction(read_only=True, statements=True) as s:
        assert s.execute(xid).scalar() != s.execute(xid).scalar()
    with server_db.transaction(read_only=True) as s:
        assert s.execute(xid).scalar() == s.execute(xid).scalar()
    with server_db.transaction() as s:
        assert s.execute(xid).scalar() == s.execute(xid).scalar()
    with server_db.transaction() as s:  # the pool's connections went back to transactions
        assert s.execute(xid).scalar() == s.execute(xid).scalar()


def test_read_only_statements_see_what_was_committed(server_db):
    with server_db.transaction(read_only=True, statements=True) as s:
        before = set(s.scalars(select(Category.code)))
    with server_db.transaction() as s:
        s.add(Category(code="neige", label="Neige", field="voirie", department="TP",
                       deadline_hours=24, data={}, active=True))  # fmt: skip
    with server_db.transaction(read_only=True, statements=True) as s:
        assert set(s.scalars(select(Category.code))) == before | {"neige"}


@pytest.mark.parametrize("server_db", ["postgresql"], indirect=True)
def test_a_pooled_connection_dropped_while_idle_is_replaced(server_db, monkeypatch):
    """The ping at checkout (for connections idle longer than ``PING_AFTER_IDLE_S``) replaces a
    connection the database closed meanwhile: the next call works on a new one."""
    pid_sql = text("SELECT pg_backend_pid()")
    with server_db.transaction() as s:
        pid = s.execute(pid_sql).scalar()
    admin = create_engine(server_db.url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # outside the server's pool
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    admin.dispose()
    monkeypatch.setattr(dbmod, "PING_AFTER_IDLE_S", 0.0)
    for _ in range(3):  # whichever pooled connection comes out, every call works
        with server_db.transaction() as s:
            assert s.execute(pid_sql).scalar() != pid
