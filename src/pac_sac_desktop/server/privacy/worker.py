"""The retention job inside the server: a daemon thread per server process runs
``retention.run`` a minute after start, then every ``PAC_SAC_RETENTION_INTERVAL`` seconds
(6 hours by default). Several processes may run it at once: rows are shared with
``FOR UPDATE SKIP LOCKED`` on PostgreSQL, and what is already anonymised is skipped.
``PAC_SAC_RETENTION=off`` leaves it to ``pac-sac-server privacy anonymise`` (a cron job)."""

from __future__ import annotations

import logging
import os

from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.periodic import PeriodicWorker
from pac_sac_desktop.server.privacy import retention

log = logging.getLogger(__name__)


def one_pass(db: ServerDB) -> None:
    outcome = retention.run(db)
    if outcome.requests or outcome.log_rows:
        log.info("retention: %s", outcome.to_wire())


def worker(db: ServerDB, *, interval: float, first: float) -> PeriodicWorker:
    return PeriodicWorker("retention", lambda: one_pass(db), interval=interval, first=first)


def attach(app, db: ServerDB) -> None:  # type: ignore[no-untyped-def]
    """Start the worker with the app (unless PAC_SAC_RETENTION=off), stop it at shutdown."""
    if os.environ.get("PAC_SAC_RETENTION", "on") == "off":
        return
    worker(
        db,
        interval=float(os.environ.get("PAC_SAC_RETENTION_INTERVAL", "21600")),
        first=float(os.environ.get("PAC_SAC_RETENTION_FIRST", "60")),
    ).attach(app)
