"""Alembic environment of the central server database (PostgreSQL or SQLite)."""

from pac_sac_desktop.core.migrations import run_env
from pac_sac_desktop.server.db import metadata

run_env(metadata())
