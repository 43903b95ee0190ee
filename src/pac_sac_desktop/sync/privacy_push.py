"""Consultations recorded on this workstation go to the server's access log (Quebec Law 25).

A batch is deleted here only after the server answered; a batch whose answer was lost is sent
again and the server skips the entries it already has (by UUID): never lost, never twice.
"""

from __future__ import annotations

from pac_sac_desktop.store import privacy_repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.sync.client import ServerClient

BATCH = 200


def push_accesses(db: Database, client: ServerClient) -> int:
    """Send every waiting consultation; returns how many the server had not seen yet."""
    stored = 0
    while True:
        with db.reading() as s:
            rows = privacy_repo.pending_accesses(s, BATCH)
        if not rows:
            return stored
        entries = [
            {
                "uuid": r.uuid,
                "request_uuid": r.request_uuid,
                "at": r.at.isoformat(),
                "username": r.username,
                "role": r.role,
                "action": r.action,
                "route": r.route,
            }
            for r in rows
        ]
        answer = client.post("/privacy/accesses", {"entries": entries})
        with db.transaction() as s:
            privacy_repo.remove_accesses(s, [r.uuid for r in rows])
        stored += int(answer.get("stored") or 0)
