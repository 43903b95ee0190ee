"""How a notice leaves: e-mail over SMTP, SMS through a provider.

Configuration (environment):
- ``PAC_SAC_SMTP_HOST`` (when absent, e-mails are written as .eml files in
  ``PAC_SAC_MAIL_FOLDER``, default <data>/server/mail-outbox, for the demo), ``PAC_SAC_SMTP_PORT``
  (587), ``PAC_SAC_SMTP_STARTTLS`` (1/0, default 1), ``PAC_SAC_SMTP_USER`` and
  ``PAC_SAC_SMTP_PASSWORD`` (authentication when set), ``PAC_SAC_MAIL_FROM``;
- ``PAC_SAC_SMS_PROVIDER``: ``console`` (default: logged), ``file:PATH`` (one JSON line per
  message) or ``http`` with ``PAC_SAC_SMS_URL`` and ``PAC_SAC_SMS_TOKEN``.

Every sender raises ``Temporary`` (try again later) or ``Permanent`` (give up) on failure, and
receives the notice id as idempotency key: the e-mail's Message-ID, the SMS provider's
``Idempotency-Key`` header.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import smtplib
import ssl
import threading
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from typing import Protocol

import requests as http

log = logging.getLogger(__name__)


class Temporary(Exception):
    pass


class Permanent(Exception):
    pass


@dataclass(frozen=True)
class Outgoing:
    key: str  # the notice id: idempotency key
    recipient: str
    subject: str
    body: str


def message_id(key: str, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1].strip(">") or "pac-sac.local"
    return f"<notice-{key}@{domain}>"


class MailSender(Protocol):
    def send(self, item: Outgoing) -> str: ...
    def close(self) -> None: ...


@dataclass
class SmtpConfig:
    host: str
    port: int = 587
    starttls: bool = True
    user: str = ""
    password: str = ""
    sender: str = "Service aux citoyens <ne-pas-repondre@riviere-des-cedres.example>"
    timeout: float = 20.0

    @classmethod
    def from_environment(cls) -> SmtpConfig | None:
        host = os.environ.get("PAC_SAC_SMTP_HOST")
        if not host:
            return None
        return cls(
            host=host,
            port=int(os.environ.get("PAC_SAC_SMTP_PORT", "587")),
            starttls=os.environ.get("PAC_SAC_SMTP_STARTTLS", "1") not in ("0", "false", "non"),
            user=os.environ.get("PAC_SAC_SMTP_USER", ""),
            password=os.environ.get("PAC_SAC_SMTP_PASSWORD", ""),
            sender=os.environ.get("PAC_SAC_MAIL_FROM", cls.sender),
        )


def build_email(item: Outgoing, sender: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = item.recipient
    msg["Subject"] = item.subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id(item.key, sender)
    msg["Content-Language"] = "fr-CA"
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(item.body)
    return msg


class SmtpSender:
    """One SMTP session per batch; STARTTLS and authentication as configured."""

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        c = self.config
        try:
            smtp = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
            smtp.ehlo()
            if c.starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if c.user:
                smtp.login(c.user, c.password)
        except smtplib.SMTPAuthenticationError as exc:
            raise Temporary(f"authentification SMTP refusée : {exc}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise Temporary(f"serveur SMTP injoignable : {exc}") from exc
        self._smtp = smtp
        return smtp

    def send(self, item: Outgoing) -> str:
        msg = build_email(item, self.config.sender)
        smtp = self._connect()
        try:
            refused = smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            raise Permanent(f"adresse refusée : {exc.recipients}") from exc
        except smtplib.SMTPResponseException as exc:
            self.close()
            if 500 <= exc.smtp_code < 600:
                raise Permanent(f"refus SMTP {exc.smtp_code}") from exc
            raise Temporary(f"erreur SMTP {exc.smtp_code}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise Temporary(f"envoi interrompu : {exc}") from exc
        if refused:
            raise Permanent(f"adresse refusée : {refused}")
        return str(msg["Message-ID"])

    def close(self) -> None:
        if self._smtp is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self._smtp.quit()
            self._smtp = None


class FolderMailSender:
    """The demo's mail: one .eml file per notice (named by its key: written once)."""

    def __init__(self, folder: Path, sender: str = SmtpConfig.sender) -> None:
        self.folder = folder
        self.sender = sender

    def send(self, item: Outgoing) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        msg = build_email(item, self.sender)
        path = self.folder / f"{item.key}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(bytes(msg))
        os.replace(tmp, path)
        return str(msg["Message-ID"])

    def close(self) -> None:
        pass


class SmsProvider(Protocol):
    def send(self, item: Outgoing) -> str: ...


class ConsoleSms:
    def send(self, item: Outgoing) -> str:
        log.info("Texto à %s : %s", item.recipient, item.body)
        return f"console-{item.key}"


class FileSms:
    """One JSON line per message (the demo, tests)."""

    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, item: Outgoing) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(
            {"key": item.key, "to": item.recipient, "body": item.body}, ensure_ascii=False
        )
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
        return f"file-{item.key}"


class HttpSms:
    """A generic HTTP SMS gateway: POST JSON {to, body} with a bearer token and the notice id
    as ``Idempotency-Key``; answers {"id": …}. 2xx sent, 4xx permanent, 5xx/network temporary."""

    def __init__(self, url: str, token: str = "", *, timeout: float = 15.0) -> None:
        self.url = url
        self.token = token
        self.timeout = timeout
        self.session = http.Session()

    def send(self, item: Outgoing) -> str:
        headers = {"Idempotency-Key": item.key, "User-Agent": "pac-sac-server"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.session.post(
                self.url,
                json={"to": item.recipient, "body": item.body},
                headers=headers,
                timeout=self.timeout,
            )
        except (OSError, http.RequestException) as exc:
            raise Temporary(f"passerelle SMS injoignable : {exc}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise Temporary(f"passerelle SMS : erreur {response.status_code}")
        if response.status_code >= 400:
            raise Permanent(f"passerelle SMS : refus {response.status_code} {response.text[:200]}")
        try:
            return str(response.json().get("id") or item.key)
        except ValueError:
            return item.key


def mail_from_environment(data_folder: Path) -> MailSender:
    config = SmtpConfig.from_environment()
    if config is not None:
        return SmtpSender(config)
    folder = os.environ.get("PAC_SAC_MAIL_FOLDER")
    return FolderMailSender(Path(folder) if folder else data_folder / "mail-outbox")


def sms_from_environment() -> SmsProvider:
    kind = os.environ.get("PAC_SAC_SMS_PROVIDER", "console")
    if kind.startswith("file:"):
        return FileSms(Path(kind[5:]))
    if kind == "http":
        return HttpSms(os.environ["PAC_SAC_SMS_URL"], os.environ.get("PAC_SAC_SMS_TOKEN", ""))
    return ConsoleSms()
