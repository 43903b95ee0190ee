"""The Alembic migrations create exactly what the models describe (workstation and server)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pac_sac_desktop.server import db as server_db
from pac_sac_desktop.server.models import Base as ServerBase
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
    assert _differences(db.engine, ServerBase.metadata) == []
    db.dispose()
