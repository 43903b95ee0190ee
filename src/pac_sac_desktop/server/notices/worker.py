"""The notices worker: started with the server (a thread per server process) or run once by
``pac-sac-server notices run --once``. Several processes on one PostgreSQL share the outbox."""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.notices import service
from pac_sac_desktop.server.notices.senders import (
    MailSender,
    Outgoing,
    Permanent,
    SmsProvider,
    Temporary,
    mail_from_environment,
    sms_from_environment,
)
from pac_sac_desktop.server.periodic import PeriodicWorker

log = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident() % 100000}"


@dataclass
class Pass:
    stale: int = 0
    written: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    outcomes: dict[str, str] = field(default_factory=dict)


def run_once(
    db: ServerDB,
    mail: MailSender,
    sms: SmsProvider,
    *,
    name: str | None = None,
    batch: int = 20,
    after_send: Callable[[str], None] | None = None,
) -> Pass:
    """One pass: resolve stale claims, write new notices, send everything due."""
    name = name or worker_name()
    result = Pass()
    with db.transaction() as session:
        result.stale = service.resolve_stale(session)
    with db.transaction() as session:
        result.written = service.scan(session)
    with db.transaction() as session:  # keep the reports' cache warm
        from pac_sac_desktop.server.reports import facts

        facts.refresh(session)
    try:
        while True:
            with db.transaction() as session:  # the claim is committed before anything leaves
                claimed = service.claim(session, name, limit=batch)
                items = [
                    (n.id, n.channel, Outgoing(n.id, n.recipient, n.subject, n.body))
                    for n in claimed
                ]
            if not items:
                break
            for notice_id, channel, item in items:
                with db.transaction() as session:
                    if not service.start_sending(session, notice_id, name):
                        continue  # taken over after a timeout: not ours any more
                outcome, error, provider_id = "sent", "", None
                try:
                    provider_id = (mail if channel == "email" else sms).send(item)
                except Temporary as exc:
                    outcome, error = "retry", str(exc)
                except Permanent as exc:
                    outcome, error = "failed", str(exc)
                if after_send is not None:
                    after_send(notice_id)  # tests: a crash between send and record
                with db.transaction() as session:
                    service.finish(
                        session, notice_id, name, outcome=outcome, error=error,
                        provider_id=provider_id,
                    )  # fmt: skip
                result.outcomes[notice_id] = outcome
                if outcome == "sent":
                    result.sent += 1
                elif outcome == "retry":
                    result.retried += 1
                else:
                    result.failed += 1
    finally:
        mail.close()
    return result


def attach(app, db: ServerDB, data_folder: Path) -> None:  # type: ignore[no-untyped-def]
    """A pass every ``PAC_SAC_NOTICES_INTERVAL`` seconds (5) with the app, unless
    PAC_SAC_NOTICES=off."""
    if os.environ.get("PAC_SAC_NOTICES", "on") == "off":
        return
    name = worker_name()
    sms = sms_from_environment()

    def one_pass() -> None:
        run_once(db, mail_from_environment(data_folder), sms, name=name)

    interval = float(os.environ.get("PAC_SAC_NOTICES_INTERVAL", "5"))
    PeriodicWorker("notices", one_pass, interval=interval).attach(app)
