"""The Alembic migrations create exactly what the models describe (workstation and server)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pac_sac_desktop.server import db as server_db
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import Base as StationBase


def _differences(engine, metadata):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # SQLite reflects JSON/timestamp columns stored as text as another type: compare structure.
    return [d for d in diff if d[0] not in ("modify_type",) and not (isinstance(d, list))]


def test_workstation_migrations_match_the_models(tmp_path):
    db = Database(tmp_path / "poste.sqlite3")
    assert _differences(db.engine, StationBase.metadata) == []
    db.close()


def test_server_migrations_match_the_models_on_postgresql(pg_engine_ready):
    db = server_db.ServerDB(pg_engine_ready)
    assert _differences(db.engine, server_db.metadata()) == []
    db.dispose()


def test_migration_0003_fills_the_state_of_requests_stored_before(tmp_path):
    """Requests and events stored by the previous version get their department, district and
    the state their history gives (closed with its resolution, merged, satisfaction)."""
    import datetime as dt
    import json

    from alembic import command
    from sqlalchemy import text

    from pac_sac_desktop.core import migrations

    db = server_db.ServerDB(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    command.upgrade(migrations.alembic_config(db.engine, "server"), "0002_feed_numbers_at_commit")
    t0 = dt.datetime(2026, 11, 20, 14, 0, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO categories (code, label, field, department, deadline_hours, data, "
                "active) VALUES ('nid-de-poule', 'Nid-de-poule', 'voirie', 'Travaux publics', "
                "72, '{}', 1)"
            )
        )
        for key, address in (("a" * 8, "120, rue Principale"), ("b" * 8, "")):
            payload = json.dumps({"location": {"address": address}} if address else {})
            conn.execute(
                text(
                    "INSERT INTO requests (uuid, reference, payload, payload_hash, nature, "
                    "category, channel, status, address_key, created_at, received_at, "
                    "updated_at, created_by) VALUES (:u, :r, :p, 'x', 'request', "
                    "'nid-de-poule', 'phone', 'received', '', :t, :t, :t, 'agent')"
                ),
                {"u": key, "r": f"2026-{key[:1]}", "p": payload, "t": t0},
            )
        history = [
            ("a" * 8, "assignment", {"to": "Travaux publics"}),
            ("a" * 8, "close", {"resolution": "Colmaté."}),
            ("a" * 8, "satisfaction", {"score": 5}),
            ("b" * 8, "status", {"status": "in_progress"}),
            ("b" * 8, "merge", {"into": "a" * 8}),
        ]
        for n, (key, kind, data) in enumerate(history):
            at = t0 + dt.timedelta(hours=n + 1)
            conn.execute(
                text(
                    "INSERT INTO request_events (uuid, request_uuid, kind, data, data_hash, "
                    "author, created_at, received_at) VALUES (:u, :r, :k, :d, 'x', 'sup', :t, :t)"
                ),
                {"u": f"e{n}", "r": key, "k": kind, "d": json.dumps(data), "t": at},
            )
    server_db.upgrade(db.engine)
    with db.transaction() as session:
        from pac_sac_desktop.server.models import Request

        closed, merged = session.get(Request, "a" * 8), session.get(Request, "b" * 8)
        assert closed.department == merged.department == "Travaux publics"
        assert closed.district == 1 and merged.district is None
        assert closed.status == "closed" and closed.resolution == "Colmaté."
        assert closed.satisfaction == 5 and closed.assigned_to == "Travaux publics"
        assert closed.closed_at == t0 + dt.timedelta(hours=2)
        assert merged.status == "closed" and merged.merged_into == "a" * 8
    db.dispose()
