"""The workstation's share of Quebec Law 25: its local copies of requests closed long ago lose
their citizen's data (the same rule as the server's retention job, core/privacy.py), and the
attachment files only such requests used are deleted. Run after a sync, at most once a day."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from pac_sac_desktop.core.privacy import Choices, anonymised_payload, retention_days
from pac_sac_desktop.core.streets import StreetIndex
from pac_sac_desktop.core.taxonomy import Category
from pac_sac_desktop.services.attachments import AttachmentStore
from pac_sac_desktop.store import privacy_repo
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.state import get_value, set_value
from pac_sac_desktop.store.types import utcnow

log = logging.getLogger(__name__)

LAST_PURGE = "privacy:last_purge"
EVERY = dt.timedelta(days=1)
BATCH = 200


@dataclass(frozen=True)
class Purged:
    requests: int
    files: int


def purge(
    db: Database,
    streets: StreetIndex,
    attachments: AttachmentStore | None = None,
    *,
    days: int | None = None,
    now: dt.datetime | None = None,
) -> Purged:
    """Anonymise every synced local copy closed more than ``days`` ago (default
    ``PAC_SAC_RETENTION_DAYS``, two years), in batches of one transaction each."""
    now = now or utcnow()
    cutoff = now - dt.timedelta(days=days or retention_days())
    count, files = 0, set()
    while True:
        with db.transaction() as session:
            rows = privacy_repo.due_for_purge(session, cutoff, BATCH)
            for row in rows:
                category = repo.get_category(session, row.category)
                choices = Choices.of(Category.from_row(category) if category else None)
                for item in (row.payload or {}).get("attachments") or ():
                    if isinstance(item, dict) and isinstance(item.get("sha256"), str):
                        files.add(item["sha256"])
                payload = anonymised_payload(row.payload or {}, choices)
                privacy_repo.anonymise_row(session, row, payload, streets, now)
            set_value(session, LAST_PURGE, now.isoformat())
        count += len(rows)
        if len(rows) < BATCH:
            break
    removed = _remove_unused(db, attachments, files)
    return Purged(count, removed)


def _remove_unused(db: Database, store: AttachmentStore | None, hashes: set[str]) -> int:
    """Files of anonymised requests that no other request of this workstation still lists."""
    if store is None or not hashes:
        return 0
    removed = 0
    with db.reading() as session:
        used = {h for h in hashes if repo.payload_mentions(session, h)}
    for sha in hashes - used:
        if store.remove(sha):
            removed += 1
    return removed


def purge_if_due(
    db: Database, streets: StreetIndex, attachments: AttachmentStore | None = None
) -> Purged | None:
    """The daily purge, after a sync (never on the window's thread)."""
    with db.reading() as session:
        last = get_value(session, LAST_PURGE)
    if last and utcnow() - dt.datetime.fromisoformat(last) < EVERY:
        return None
    purged = purge(db, streets, attachments)
    if purged.requests:
        log.info("privacy: %s local request(s) anonymised", purged.requests)
    return purged
