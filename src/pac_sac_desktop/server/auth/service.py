"""Accounts, passwords (argon2id), bearer tokens, lockout and permissions.

Functions never commit; the route owns the transaction. ``now`` is a parameter so that the
lockout and expiry rules are tested without waiting.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.auth import throttle
from pac_sac_desktop.server.models import Token, User
from pac_sac_desktop.server.types import utcnow

ROLES = ("agent", "supervisor", "editor", "admin")
TOKEN_TTL = dt.timedelta(hours=12)

_AGENT = {
    "kb:read",
    "kb:feedback",  # « utile » / « à corriger » on a sheet, search analytics
    "taxonomy:read",
    "users:read",
    "requests:create",
    "requests:read",
    "requests:note",
}
PERMISSIONS: dict[str, frozenset[str]] = {
    "agent": frozenset(_AGENT),
    # privacy:audit: the access log of personal data (names accounts and requests, no citizen).
    "supervisor": frozenset(_AGENT | {"requests:manage", "privacy:audit"}),
    "editor": frozenset({"kb:read", "kb:write", "kb:feedback", "taxonomy:read", "users:read"}),
    "admin": frozenset(
        {
            "kb:read",
            "taxonomy:read",
            "taxonomy:write",
            "users:read",
            "users:manage",
            "privacy:audit",
        }
    ),
}


def _make_hasher() -> PasswordHasher:
    """argon2id with the library's recommended parameters; test runs may ask for a cheaper
    (still argon2id) profile with PAC_SAC_FAST_HASH=1, since hundreds of accounts are created."""
    if os.environ.get("PAC_SAC_FAST_HASH") == "1":
        return PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    return PasswordHasher()


_hasher = _make_hasher()


class AuthError(Exception):
    """Login refused; ``message`` is French and never says which of name or password was wrong."""

    def __init__(self, message: str, *, status: int = 401, retry_after: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _digest(raw_token: str) -> str:
    return hashlib.sha256(raw_token.encode()).hexdigest()


def create_user(
    session: Session, *, username: str, password: str, role: str, display_name: str | None = None
) -> User:
    if role not in ROLES:
        raise ValueError(f"rôle inconnu : {role}")
    if len(password) < 8:
        raise ValueError("le mot de passe doit compter au moins 8 caractères")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ValueError(f"l'utilisateur {username} existe déjà")
    user = User(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
        active=True,
        failed_logins=0,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    feed.record(session, "users", str(user.id))
    return user


def login(
    session: Session,
    username: str,
    password: str,
    *,
    address: str = "local",
    now: dt.datetime | None = None,
) -> tuple[str, User]:
    """Check the password; return a new raw token (shown once) and the user.

    Throttled by account, address and both (``throttle``); never a hard lockout, and the same
    answer in the same time whether the name exists or not.
    """
    now = now or utcnow()
    waiting = throttle.wait(session, username, address, now)
    if waiting > dt.timedelta(0):
        seconds = max(1, int(waiting.total_seconds() + 0.999))
        raise AuthError(
            f"Trop de tentatives de connexion. Réessayez dans {seconds} s.",
            status=429,
            retry_after=seconds,
        )
    user = session.scalar(select(User).where(User.username == username))
    refused = AuthError("Nom d'utilisateur ou mot de passe incorrect.")
    if user is None or not user.active:
        _hasher.hash(password)  # same cost either way: no timing hint that the name exists
        throttle.failed(session, username, address, now, "unknown" if user is None else "inactive")
        raise refused
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        throttle.failed(session, username, address, now, "password")
        raise refused from None
    throttle.succeeded(session, username, address)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    raw = secrets.token_urlsafe(32)
    session.add(
        Token(digest=_digest(raw), user_id=user.id, created_at=now, expires_at=now + TOKEN_TTL)
    )
    return raw, user


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is asking: the few fields of an account that routes need, read without the ORM
    because every call of every workstation looks its token up."""

    id: int
    username: str
    display_name: str
    role: str


_users, _tokens = User.__table__.c, Token.__table__.c
_CALLER_BY_TOKEN = (
    select(_users.id, _users.username, _users.display_name, _users.role)
    .select_from(User.__table__.join(Token.__table__, _tokens.user_id == _users.id))
    .where(
        _tokens.digest == bindparam("digest"),
        _tokens.revoked_at.is_(None),
        _tokens.expires_at > bindparam("now", type_=_tokens.expires_at.type),
        _users.active.is_(True),
    )
)


def user_for_token(
    session: Session, raw_token: str, *, now: dt.datetime | None = None
) -> Caller | None:
    row = (
        session.connection()
        .execute(_CALLER_BY_TOKEN, {"digest": _digest(raw_token), "now": now or utcnow()})
        .first()
    )
    return Caller(*row) if row is not None else None


def logout(session: Session, raw_token: str) -> bool:
    token = session.get(Token, _digest(raw_token))
    if token is None or token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    return True


def allowed(user: Caller | User, permission: str) -> bool:
    return permission in PERMISSIONS.get(user.role, frozenset())
