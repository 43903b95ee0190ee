"""The notices outbox: which steps of a request tell the citizen, and the claims that make several
server processes share the work without sending anything twice.

Writing notices (``scan``): the request history since the cursor (minus an overlap, so that a
transaction committed late is still seen) gives the steps to announce: received (with the final
reference), a complaint's first follow-up, resolved, closed. Each (request, step) is written once
(unique key, INSERT … ON CONFLICT DO NOTHING), rendered at once from the city's templates, to the
citizen's preferred channel: e-mail or SMS. A citizen who chose no follow-up (``none``), or the
phone (a clerk calls), or who gave no address or number, gets nothing.

Sending (``claim`` / ``finish``): a process claims a batch of due rows (state ``sending``, its
name, the time) with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (SQLite: one writer at a time), and
commits the claim before sending; then marks each row sent, or pending again with exponential
backoff and jitter, or failed. See docs/reports.md for at-least-once against exactly-once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import os
import random
import secrets
import string
import uuid as uuidlib
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import bindparam, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pac_sac_desktop.core.paths import resources_dir
from pac_sac_desktop.core.timefmt import datetime_en, datetime_fr
from pac_sac_desktop.server.models import Category, Request
from pac_sac_desktop.server.notices.models import Notice, NoticeCursor, SatisfactionLink
from pac_sac_desktop.server.types import UTCDateTime, utcnow

KINDS = ("received", "followup", "resolved", "closed")
SCAN_OVERLAP = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 8
BACKOFF_BASE = dt.timedelta(seconds=30)
BACKOFF_MAX = dt.timedelta(hours=6)
CLAIM_TIMEOUT = dt.timedelta(minutes=5)
LINK_TTL = dt.timedelta(days=60)
SMS_MAX = 300
CURSOR = "history"


@dataclasses.dataclass(frozen=True)
class Template:
    subject: str
    email: str
    sms: str


@functools.lru_cache(maxsize=4)
def templates(language: str) -> tuple[dict[str, str], dict[str, Template]]:
    """(constants, templates by kind) of a language; the folder is PAC_SAC_NOTICE_TEMPLATES or
    resources/notices (fr.yaml, en.yaml)."""
    folder = Path(os.environ.get("PAC_SAC_NOTICE_TEMPLATES") or resources_dir() / "notices")
    path = folder / f"{language}.yaml"
    if not path.is_file():
        path = folder / "fr.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    constants = {"city": str(data.get("city", "")), "phone": str(data.get("phone", ""))}
    out = {
        kind: Template(str(data[kind]["subject"]), str(data[kind]["email"]), str(data[kind]["sms"]))
        for kind in KINDS
        if isinstance(data.get(kind), dict)
    }
    return constants, out


def public_url() -> str:
    return os.environ.get("PAC_SAC_PUBLIC_URL", "http://127.0.0.1:8311").rstrip("/")


def render(kind: str, language: str, values: dict[str, str]) -> tuple[str, str, str]:
    """(subject, e-mail body, SMS) of a step; unknown $names are left as written."""
    constants, table = templates(language)
    template = table[kind]
    merged = {**constants, **values}

    def fill(source: str) -> str:
        return string.Template(source).safe_substitute(merged).strip()

    sms = fill(template.sms)
    if len(sms) > SMS_MAX:
        sms = sms[: SMS_MAX - 1] + "…"
    return fill(template.subject), fill(template.email) + "\n", sms


def destination(payload: dict[str, Any]) -> tuple[str, str] | None:
    """(channel, recipient) by the citizen's choice, or None: nothing is sent."""
    citizen = payload.get("citizen") if isinstance(payload, dict) else None
    if not isinstance(citizen, dict) or citizen.get("consent") is False:
        return None
    contact = citizen.get("contact")
    if contact == "email" and isinstance(citizen.get("email"), str) and citizen["email"]:
        return "email", citizen["email"]
    if contact == "sms" and isinstance(citizen.get("phone"), str) and citizen["phone"]:
        return "sms", citizen["phone"]
    return None


def new_link(session: Session, request_uuid: str, now: dt.datetime) -> str:
    token = secrets.token_urlsafe(24)
    session.add(
        SatisfactionLink(
            digest=hashlib.sha256(token.encode()).hexdigest(),
            request_uuid=request_uuid,
            created_at=now,
            expires_at=now + LINK_TTL,
        )
    )
    return f"{public_url()}/satisfaction/{token}"


def _insert(session: Session, values: dict[str, Any]) -> bool:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    result = session.execute(
        insert(Notice)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["request_uuid", "kind"])
    )
    return bool(result.rowcount)


def _exists(session: Session, request_uuid: str, kind: str) -> bool:
    found = session.scalar(
        select(Notice.id).where(Notice.request_uuid == request_uuid, Notice.kind == kind)
    )
    return found is not None


def enqueue(
    session: Session, request: Request, kind: str, *, resolution: str = "", now: dt.datetime
) -> bool:
    """Write the notice of one step (once); False when nothing is to be sent or it exists."""
    target = destination(request.payload)
    if target is None or _exists(session, request.uuid, kind):
        return False
    citizen = request.payload.get("citizen") or {}
    language = "en" if citizen.get("language") == "en" else "fr"
    category = session.get(Category, request.category)
    values = {
        "reference": request.reference,
        "category": category.label if category else request.category,
        "date": (datetime_en if language == "en" else datetime_fr)(request.created_at),
        "resolution": resolution,
        "link": new_link(session, request.uuid, now) if kind == "closed" else "",
    }
    subject, body, sms = render(kind, language, values)
    channel, recipient = target
    return _insert(
        session,
        {
            "id": str(uuidlib.uuid4()),
            "request_uuid": request.uuid,
            "kind": kind,
            "channel": channel,
            "recipient": recipient,
            "language": language,
            "subject": subject,
            "body": body if channel == "email" else sms,
            "state": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
        },
    )


def start_from(session: Session, moment: dt.datetime) -> None:
    """Announce nothing that happened before ``moment`` (a new server, demo data just loaded)."""
    row = session.get(NoticeCursor, CURSOR, with_for_update=True)
    if row is None:
        session.add(NoticeCursor(name=CURSOR, value=moment))
    else:
        row.value = moment


def scan(session: Session, *, now: dt.datetime | None = None) -> int:
    """Write the notices of the history since the cursor; returns how many were written."""
    now = now or utcnow()
    cursor = session.get(NoticeCursor, CURSOR, with_for_update=True)
    if cursor is None:  # first start: the past is not announced
        session.add(NoticeCursor(name=CURSOR, value=now))
        return 0
    low = cursor.value - SCAN_OVERLAP
    written = 0
    requests = session.scalars(select(Request).where(Request.received_at >= low)).all()
    for request in requests:
        written += enqueue(session, request, "received", now=now)
    dialect = session.get_bind().dialect.name
    status = (
        "(e.data ->> 'status')" if dialect == "postgresql" else "json_extract(e.data, '$.status')"
    )
    resolution = (
        "(e.data ->> 'resolution')"
        if dialect == "postgresql"
        else "json_extract(e.data, '$.resolution')"
    )
    steps = session.execute(
        text(
            f"""SELECT e.request_uuid, e.kind, {status}, {resolution}
            FROM request_events e
            WHERE e.received_at >= :low
              AND (e.kind IN ('followup', 'close')
                   OR (e.kind = 'status' AND {status} IN ('resolved', 'closed')))
            ORDER BY e.received_at"""
        ).bindparams(bindparam("low", type_=UTCDateTime())),
        {"low": low},
    ).all()
    for request_uuid, kind, new_status, resolved_how in steps:
        request = session.get(Request, request_uuid)
        if request is None:
            continue
        if kind == "followup":
            if request.nature != "complaint":
                continue
            step = "followup"
        elif kind == "close" or new_status == "closed":
            step = "closed"
        else:
            step = "resolved"
        written += enqueue(session, request, step, resolution=resolved_how or "", now=now)
    cursor.value = now
    return written


def claim(
    session: Session, worker: str, *, limit: int = 20, now: dt.datetime | None = None
) -> list[Notice]:
    """Take up to ``limit`` due notices for this worker (state 'claimed'); commit before sending."""
    now = now or utcnow()
    due = (
        select(Notice.id)
        .where(Notice.state == "pending", Notice.next_attempt_at <= now)
        .order_by(Notice.next_attempt_at, Notice.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    ids = list(session.scalars(due))
    if not ids:
        return []
    session.execute(
        update(Notice)
        .where(Notice.id.in_(ids), Notice.state == "pending")
        .values(state="claimed", claimed_by=worker, claimed_at=now, attempts=Notice.attempts + 1)
    )
    return list(
        session.scalars(
            select(Notice)
            .where(Notice.id.in_(ids), Notice.claimed_by == worker)
            .execution_options(populate_existing=True)
        )
    )


def start_sending(
    session: Session, notice_id: str, worker: str, *, now: dt.datetime | None = None
) -> bool:
    """'claimed' -> 'sending', committed just before this one notice leaves: after a crash, only
    the notice that was leaving is uncertain, the rest of the batch is simply claimed again."""
    result = session.execute(
        update(Notice)
        .where(Notice.id == notice_id, Notice.state == "claimed", Notice.claimed_by == worker)
        .values(state="sending", claimed_at=now or utcnow())
    )
    return bool(result.rowcount)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min… up to 6 h, with ±20 % jitter so that retries do not march together."""
    delay = min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)
    return delay * random.uniform(0.8, 1.2)


def finish(
    session: Session,
    notice_id: str,
    worker: str,
    *,
    outcome: str,
    error: str = "",
    provider_id: str | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record a send: outcome 'sent', 'retry' (temporary failure) or 'failed' (permanent).

    Only the claim's owner may record it (a claim taken over after a timeout is not overwritten).
    """
    now = now or utcnow()
    row = session.get(Notice, notice_id, with_for_update=True)
    if row is None or row.state != "sending" or row.claimed_by != worker:
        return
    row.last_error = error[:500] or None
    if outcome == "sent":
        row.state, row.sent_at, row.provider_id = "sent", now, provider_id
    elif outcome == "retry" and row.attempts < MAX_ATTEMPTS:
        row.state, row.next_attempt_at = "pending", now + backoff(row.attempts)
    else:
        row.state = "failed"
    row.claimed_by = None


def resolve_stale(
    session: Session, *, now: dt.datetime | None = None, timeout: dt.timedelta | None = None
) -> int:
    """Claims left by a process that died. A notice still 'claimed' never left: pending again.
    A notice 'sending' died between sending and recording:

    An e-mail may have left before the crash and SMTP cannot be asked: it becomes 'uncertain' and
    is never sent again by itself (an administrator may requeue it). An SMS goes back to
    'pending': the provider receives the same idempotency key (the notice id) and drops a
    duplicate.
    """
    now = now or utcnow()
    timeout = CLAIM_TIMEOUT if timeout is None else timeout
    stale = list(
        session.scalars(
            select(Notice)
            .where(Notice.state.in_(("claimed", "sending")), Notice.claimed_at <= now - timeout)
            .with_for_update()
        )
    )
    for row in stale:
        if row.state == "claimed" or row.channel == "sms":
            row.state, row.next_attempt_at = "pending", now
        else:
            row.state = "uncertain"
            row.last_error = "interrompu pendant l'envoi : envoi incertain, non répété"
        row.claimed_by = None
    return len(stale)


def requeue(session: Session, notice_id: str, *, now: dt.datetime | None = None) -> bool:
    """An administrator's decision: send an uncertain or failed notice again."""
    row = session.get(Notice, notice_id, with_for_update=True)
    if row is None or row.state not in ("uncertain", "failed"):
        return False
    row.state, row.next_attempt_at, row.attempts = "pending", now or utcnow(), 0
    return True


def counts(session: Session) -> dict[str, int]:
    from sqlalchemy import func

    return dict(session.execute(select(Notice.state, func.count()).group_by(Notice.state)).all())  # type: ignore[arg-type]
