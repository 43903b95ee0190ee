"""Named values in ``app_state``: counters and cursors that must move with the data they describe."""

from __future__ import annotations

from sqlalchemy.orm import Session

from pac_sac_desktop.store.models import StateRow


def get_value(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(StateRow, key)
    return row.value if row is not None else default


def set_value(session: Session, key: str, value: str) -> None:
    row = session.get(StateRow, key)
    if row is None:
        session.add(StateRow(key=key, value=value))
    else:
        row.value = value


def get_int(session: Session, key: str, default: int = 0) -> int:
    value = get_value(session, key)
    return int(value) if value is not None else default


def next_int(session: Session, key: str) -> int:
    """Increment a counter inside the caller's transaction and return the new value."""
    value = get_int(session, key) + 1
    set_value(session, key, str(value))
    return value
