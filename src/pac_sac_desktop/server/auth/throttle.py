"""Login throttling that cannot be turned against users (OWASP authentication guidance).

The old rule locked an account for 15 minutes after five wrong passwords, from anywhere: anyone
who knew the name ``admin`` could keep the administrator out, and the lock answered only for
names that exist, and faster, which told which accounts exist. Now:

- every failure counts against three keys: the account typed *from this address*, the address
  (whatever the account: password spraying) and the account (whatever the address: a
  distributed guess);
- past a few free failures, each key imposes a growing delay (1, 2, 4 … seconds) before its
  next try: 3 free and up to 15 minutes for account+address, 20 free and 15 minutes for an
  address, 10 free and at most 60 seconds for an account, so a stranger elsewhere can slow the
  real user by a minute at most, never lock them out;
- keys are the typed name, whether or not the account exists, and a throttled try is answered
  before any password check: the same answer, in the same time, for every name;
- every failure is written to ``login_failures`` (audit); an admin clears an account's delays
  (``POST /users/{name}/unlock``, ``pac-sac-server user unlock``); a success clears the account's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pac_sac_desktop.server.models import LoginFailure, LoginThrottle

FORGET_AFTER = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Rule:
    prefix: str
    free: int
    cap: dt.timedelta

    def delay(self, failures: int) -> dt.timedelta:
        if failures <= self.free:
            return dt.timedelta(0)
        return min(self.cap, dt.timedelta(seconds=2 ** min(failures - self.free - 1, 20)))


PAIR = Rule("pair", 3, dt.timedelta(minutes=15))
ADDRESS = Rule("address", 20, dt.timedelta(minutes=15))
ACCOUNT = Rule("account", 10, dt.timedelta(seconds=60))


def _name(username: str) -> str:
    return username.strip().casefold()[:200]


def keys(username: str, address: str) -> dict[str, Rule]:
    name = _name(username)
    return {
        f"pair:{name}|{address}": PAIR,
        f"address:{address}": ADDRESS,
        f"account:{name}": ACCOUNT,
    }


def wait(session: Session, username: str, address: str, now: dt.datetime) -> dt.timedelta:
    """How long this try must wait (zero when it may go on)."""
    rows = session.scalars(
        select(LoginThrottle).where(LoginThrottle.key.in_(list(keys(username, address))))
    )
    return max((row.next_allowed - now for row in rows), default=dt.timedelta(0))


def failed(session: Session, username: str, address: str, now: dt.datetime, reason: str) -> None:
    session.add(LoginFailure(at=now, username=username[:200], address=address[:64], reason=reason))
    for key, rule in keys(username, address).items():
        row = session.get(LoginThrottle, key, with_for_update=True)
        failures = 1
        if row is not None and now - row.last_failure < FORGET_AFTER:
            failures = row.failures + 1
        values = {
            "key": key,
            "failures": failures,
            "last_failure": now,
            "next_allowed": now + rule.delay(failures),
        }
        # Concurrent failures on a new key: the second insert updates instead of failing.
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        stmt = insert(LoginThrottle).values(**values)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["key"],
                set_={k: stmt.excluded[k] for k in ("failures", "last_failure", "next_allowed")},
            )
        )
        if row is not None:
            session.expire(row)


def succeeded(session: Session, username: str, address: str) -> None:
    name = _name(username)
    session.execute(
        delete(LoginThrottle).where(
            LoginThrottle.key.in_([f"pair:{name}|{address}", f"account:{name}"])
        )
    )


def unlock(session: Session, username: str) -> int:
    """An admin clears every delay on an account (all addresses)."""
    name = _name(username)
    result = session.execute(
        delete(LoginThrottle).where(
            or_(
                LoginThrottle.key == f"account:{name}",
                LoginThrottle.key.startswith(f"pair:{name}|", autoescape=True),
            )
        )
    )
    return int(result.rowcount or 0)
