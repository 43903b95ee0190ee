"""ServerDB units of work: read-only units without a transaction of their own on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

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
