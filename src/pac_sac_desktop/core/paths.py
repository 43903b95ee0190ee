"""Where the application keeps its data and finds its shipped resources.

Nothing is hard-coded: ``PAC_SAC_HOME`` overrides the data folder (tests and the demo use it),
``PAC_SAC_RESOURCES`` overrides the resources folder (the PyInstaller bundle sets it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "pac-sac-desktop"


def data_home() -> Path:
    """The folder holding the database, the index, logs and drafts; created on demand."""
    env = os.environ.get("PAC_SAC_HOME")
    home = Path(env).expanduser() if env else Path(platformdirs.user_data_dir(APP_NAME, False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (synonyms, demo KB, translations, icons)."""
    env = os.environ.get("PAC_SAC_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    # Source checkout or editable install: src/pac_sac_desktop/core/paths.py -> repo root.
    return Path(__file__).resolve().parents[3] / "resources"


def migrations_dir() -> Path:
    """The Alembic ``migrations/`` folder of the workstation database."""
    env = os.environ.get("PAC_SAC_MIGRATIONS")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "migrations"
    return Path(__file__).resolve().parents[3] / "migrations"
