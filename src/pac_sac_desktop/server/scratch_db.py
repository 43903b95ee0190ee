"""A throw-away PostgreSQL database on a local server: the tests' and the benchmarks' (never
the application's). Created empty, dropped on exit even with sessions still open (``FORCE``),
named ``<prefix>_<pid>_<random>`` so that parallel test workers and benchmark runs on one
PostgreSQL never meet."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

ADMIN_URL = os.environ.get("PAC_SAC_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@contextlib.contextmanager
def scratch_database(prefix: str, admin_url: str = ADMIN_URL) -> Iterator[str]:
    """Yield the SQLAlchemy URL of a new database; drop it afterwards."""
    import psycopg

    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
