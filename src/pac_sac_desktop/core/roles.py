"""What each server role may read and do, as the workstation needs to know it.

The server is the authority (it answers 403); the workstation only avoids asking for what the
role cannot have, so that a sync pass never fails for it. An unknown role (a workstation logged
in before roles were stored) asks for every feed, as before.
"""

from __future__ import annotations

ALL_FEEDS = ("taxonomy", "kb", "users", "requests")
_FEEDS = {
    "agent": ALL_FEEDS,
    "supervisor": ALL_FEEDS,
    "editor": ("taxonomy", "kb", "users"),
    "admin": ("taxonomy", "kb", "users"),
}


def readable_feeds(role: str | None) -> tuple[str, ...]:
    return _FEEDS.get(role or "", ALL_FEEDS)


def can_author(role: str | None) -> bool:
    """Editors write and publish answer sheets."""
    return role == "editor"


def can_give_feedback(role: str | None) -> bool:
    return role in ("agent", "supervisor", "editor")
