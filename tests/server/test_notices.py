"""Citizen notices through a real local SMTP server (aiosmtpd) and a fake HTTP SMS gateway; a
crash between send and record sends nothing twice; two processes share the outbox."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import os
import re
import socket
import subprocess
import sys
import threading
import uuid as uuidlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from sqlalchemy import select

from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.notices import service
from pac_sac_desktop.server.notices.models import Notice
from pac_sac_desktop.server.notices.senders import FileSms, HttpSms, SmtpConfig, SmtpSender
from pac_sac_desktop.server.notices.worker import run_once
from pac_sac_desktop.server.requests import service as requests

SUPERVISOR = Caller(id=1, username="superviseur", display_name="S", role="supervisor")
AGENT = Caller(id=2, username="agent", display_name="A", role="agent")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(
                email.message_from_bytes(envelope.content, policy=email.policy.default)
            )
        return "250 OK"


@pytest.fixture()
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture()
def smtp_auth():
    inbox = Inbox()
    logins = []

    def authenticator(server, session, envelope, mechanism, data):
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"ville",
            b"s3cret",
        )
        logins.append(ok)
        return AuthResult(success=ok)

    controller = Controller(
        inbox, hostname="127.0.0.1", port=free_port(),
        authenticator=authenticator, auth_require_tls=False,
    )  # fmt: skip
    controller.start()
    inbox.port, inbox.logins = controller.port, logins
    yield inbox
    controller.stop()


def mailer(port: int, **kw) -> SmtpSender:
    return SmtpSender(SmtpConfig(host="127.0.0.1", port=port, starttls=False, timeout=3, **kw))


def payload(n: int, *, contact="email", nature="complaint", language=None) -> dict:
    citizen = {
        "first_name": "Hélène",
        "last_name": f"Tremblay{n}",
        "email": f"helene{n}@exemple.ca",
        "phone": "450 555-0199",
        "contact": contact,
    }
    if language:
        citizen["language"] = language
    return {
        "nature": nature,
        "category": "nid-de-poule",
        "channel": "phone",
        "description": "Un nid-de-poule profond devant le 120, rue Principale.",
        "answers": {"taille": "Grand"},
        "citizen": citizen,
    }


def new_request(session, n: int, **kw) -> str:
    key = str(uuidlib.UUID(int=n))
    requests.put_request(session, key, payload(n, **kw), user=AGENT)
    return key


def add_event(session, request_uuid: str, kind: str, data: dict) -> None:
    requests.put_event(
        session, request_uuid, str(uuidlib.uuid4()), {"kind": kind, "data": data},
        user=SUPERVISOR,
    )  # fmt: skip


def opened(server_db) -> None:
    with server_db.transaction() as session:
        service.start_from(session, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))


def states(server_db) -> dict[str, str]:
    with server_db.transaction(read_only=True) as session:
        return {
            n.kind + ":" + n.request_uuid[-2:]: n.state for n in session.scalars(select(Notice))
        }


def test_steps_channels_and_consent(server_db, smtp, tmp_path):
    opened(server_db)
    with server_db.transaction() as session:
        a = new_request(session, 1)  # e-mail
        new_request(session, 2, contact="none")
        new_request(session, 3, contact="phone")  # a clerk calls: nothing automatic
        new_request(session, 4, contact="sms", language="en")
    sms = FileSms(tmp_path / "sms.jsonl")
    first = run_once(server_db, mailer(smtp.port), sms)
    assert (first.written, first.sent) == (2, 2)
    assert len(smtp.messages) == 1
    msg = smtp.messages[0]
    assert msg["To"] == "helene1@exemple.ca"
    assert msg["Subject"].startswith("Votre requête 20") and "a bien été reçue" in msg["Subject"]
    assert re.match(r"<notice-[0-9a-f-]{36}@", msg["Message-ID"].strip())
    body = msg.get_content()
    assert "Nid-de-poule" in body and " h " in body  # Quebec French date: "à 8 h 28"
    texts = [json.loads(line) for line in (tmp_path / "sms.jsonl").read_text().splitlines()]
    assert len(texts) == 1 and texts[0]["body"].endswith(
        "We will keep you informed. Info: 450 555-0311"
    )

    with server_db.transaction() as session:
        add_event(session, a, "followup", {"outcome": "reached", "text": "Citoyenne jointe."})
        add_event(session, a, "followup", {"outcome": "reached", "text": "Deuxième appel."})
        add_event(session, a, "status", {"status": "resolved"})
        add_event(session, a, "close", {"resolution": "Le nid-de-poule a été colmaté."})
    second = run_once(server_db, mailer(smtp.port), sms)
    assert second.sent == 3  # first follow-up (once), resolved, closed
    subjects = [m["Subject"] for m in smtp.messages]
    assert sum("Suivi de votre plainte" in s for s in subjects) == 1
    closing = next(m for m in smtp.messages if "Fermeture" in m["Subject"])
    text = closing.get_content()
    assert "Le nid-de-poule a été colmaté." in text and "de 1 à 5" in text
    assert re.search(r"http://127\.0\.0\.1:8311/satisfaction/[\w-]{20,}", text)
    assert run_once(server_db, mailer(smtp.port), sms).sent == 0  # nothing twice


def test_past_is_not_announced(server_db, smtp):
    with server_db.transaction() as session:
        new_request(session, 1)
    assert run_once(server_db, mailer(smtp.port), FileSms(os.devnull)).written == 0
    assert smtp.messages == []


def test_smtp_authentication(server_db, smtp_auth):
    opened(server_db)
    with server_db.transaction() as session:
        new_request(session, 1)
    result = run_once(
        server_db, mailer(smtp_auth.port, user="ville", password="s3cret"), FileSms(os.devnull)
    )
    assert result.sent == 1 and smtp_auth.logins == [True] and len(smtp_auth.messages) == 1
    with server_db.transaction() as session:
        new_request(session, 2)
    refused = run_once(
        server_db, mailer(smtp_auth.port, user="ville", password="faux"), FileSms(os.devnull)
    )
    assert refused.retried == 1 and len(smtp_auth.messages) == 1
    with server_db.transaction(read_only=True) as session:
        row = session.scalar(select(Notice).where(Notice.state == "pending"))
        assert row.attempts == 1 and row.next_attempt_at > dt.datetime.now(dt.UTC)
        assert "SMTP" in row.last_error  # refused login: retried later, nothing sent


def test_smtp_down_then_backoff(server_db):
    opened(server_db)
    with server_db.transaction() as session:
        new_request(session, 1)
    result = run_once(server_db, mailer(free_port()), FileSms(os.devnull))
    assert result.retried == 1
    assert list(states(server_db).values()) == ["pending"]
    assert service.backoff(1) <= dt.timedelta(seconds=36) < service.backoff(8)


class Crash(Exception):
    pass


def test_crash_between_send_and_record_sends_no_second_email(server_db, smtp, monkeypatch):
    opened(server_db)
    with server_db.transaction() as session:
        for n in range(1, 4):
            new_request(session, n)

    def crash(_notice_id):
        raise Crash  # the process dies after the e-mail left, before it is recorded

    with pytest.raises(Crash):
        run_once(server_db, mailer(smtp.port), FileSms(os.devnull), after_send=crash)
    assert len(smtp.messages) == 1
    assert sorted(states(server_db).values()) == ["claimed", "claimed", "sending"]
    # Restart before the claims time out: they are left alone (their owner may be alive).
    assert run_once(server_db, mailer(smtp.port), FileSms(os.devnull)).sent == 0
    monkeypatch.setattr(service, "CLAIM_TIMEOUT", dt.timedelta(0))
    result = run_once(server_db, mailer(smtp.port), FileSms(os.devnull))
    assert result.stale == 3 and result.sent == 2  # the two that never left go now
    assert sorted(states(server_db).values()) == ["sent", "sent", "uncertain"]
    ids = [m["Message-ID"].strip() for m in smtp.messages]
    assert len(ids) == len(set(ids)) == 3  # one e-mail per notice, never two


def test_cli_retry_uncertain_sends_it_again(server_db, smtp, monkeypatch, capsys):
    from pac_sac_desktop.server.cli import main as server_main

    opened(server_db)
    with server_db.transaction() as session:
        new_request(session, 1)

    def crash(_notice_id):
        raise Crash

    with pytest.raises(Crash):
        run_once(server_db, mailer(smtp.port), FileSms(os.devnull), after_send=crash)
    monkeypatch.setattr(service, "CLAIM_TIMEOUT", dt.timedelta(0))
    run_once(server_db, mailer(smtp.port), FileSms(os.devnull))
    assert list(states(server_db).values()) == ["uncertain"] and len(smtp.messages) == 1
    base = ["notices", "retry", "--db", server_db.url]
    assert server_main(base) == 2  # nothing chosen
    assert "précisez" in capsys.readouterr().err
    assert server_main([*base, "--uncertain"]) == 0
    assert "remis en file d'attente : 1" in capsys.readouterr().out
    assert list(states(server_db).values()) == ["pending"]
    assert run_once(server_db, mailer(smtp.port), FileSms(os.devnull)).sent == 1
    assert list(states(server_db).values()) == ["sent"] and len(smtp.messages) == 2
    # The administrator's resend is the same message for mail clients.
    assert smtp.messages[0]["Message-ID"] == smtp.messages[1]["Message-ID"]
    # A sent notice, or an unknown id, is left alone and said so.
    with server_db.transaction(read_only=True) as session:
        sent_id = session.scalars(select(Notice.id)).one()
    assert server_main([*base, sent_id, "inconnu"]) == 1
    err = capsys.readouterr().err
    assert sent_id in err and "inconnu" in err
    assert list(states(server_db).values()) == ["sent"]


class Gateway(BaseHTTPRequestHandler):
    received: ClassVar[list] = []
    keys: ClassVar[set] = set()
    fail_next = 0

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        cls = type(self)
        if self.headers.get("Authorization") != "Bearer jeton":
            self.send_response(401)
            self.end_headers()
            return
        if cls.fail_next:
            cls.fail_next -= 1
            self.send_response(503)
            self.end_headers()
            return
        key = self.headers["Idempotency-Key"]
        if key not in cls.keys:  # a real gateway drops a repeated key
            cls.keys.add(key)
            cls.received.append(body)
        answer = json.dumps({"id": f"sms-{key[:8]}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture()
def gateway():
    Gateway.received, Gateway.keys, Gateway.fail_next = [], set(), 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/messages"
    server.shutdown()


@pytest.mark.parametrize("server_db", ["sqlite"], indirect=True)
def test_http_sms_provider_retries_and_deduplicates(server_db, smtp, gateway, monkeypatch):
    opened(server_db)
    with server_db.transaction() as session:
        new_request(session, 1, contact="sms")
    Gateway.fail_next = 1
    sms = HttpSms(gateway, "jeton")
    assert run_once(server_db, mailer(smtp.port), sms).retried == 1
    with server_db.transaction() as session:
        session.execute(
            Notice.__table__.update().values(next_attempt_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        )

    def crash(_notice_id):
        raise Crash

    with pytest.raises(Crash):
        run_once(server_db, mailer(smtp.port), sms, after_send=crash)
    monkeypatch.setattr(service, "CLAIM_TIMEOUT", dt.timedelta(0))
    result = run_once(server_db, mailer(smtp.port), sms)
    assert result.stale == 1 and result.sent == 1  # sent again with the same key…
    assert len(Gateway.received) == 1  # …and the gateway kept one
    assert Gateway.received[0]["to"] == "450 555-0199"
    assert list(states(server_db).values()) == ["sent"]
    with server_db.transaction(read_only=True) as session:
        assert session.scalar(select(Notice.provider_id)).startswith("sms-")
    bad = HttpSms(gateway, "mauvais")
    with server_db.transaction() as session:
        new_request(session, 2, contact="sms")
    assert run_once(server_db, mailer(smtp.port), bad).failed == 1


@pytest.mark.parametrize("server_db", ["postgresql"], indirect=True)
def test_two_processes_share_the_outbox(server_db, smtp, tmp_path):
    opened(server_db)
    with server_db.transaction() as session:
        for n in range(1, 41):
            new_request(session, n)
        service.scan(session)
    env = {
        **os.environ,
        "PAC_SAC_SMTP_HOST": "127.0.0.1",
        "PAC_SAC_SMTP_PORT": str(smtp.port),
        "PAC_SAC_SMTP_STARTTLS": "0",
        "PAC_SAC_HOME": str(tmp_path),
    }
    command = [sys.executable, "-m", "pac_sac_desktop.server.cli", "notices", "run", "--once",
               "--batch", "2", "--db", server_db.url]  # fmt: skip
    procs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    sent = [int(re.search(r"(\d+) envoyé", out).group(1)) for out in outputs]
    assert sum(sent) == 40
    ids = [m["Message-ID"].strip() for m in smtp.messages]
    assert len(ids) == len(set(ids)) == 40
    assert set(states(server_db).values()) == {"sent"}
