"""Alembic environment of the workstation database (SQLite, batch mode for ALTERs)."""

from pac_sac_desktop.core.migrations import run_env
from pac_sac_desktop.store.models import Base

run_env(Base.metadata)
