"""Tables of the citizen notices (migration 0005_notices)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pac_sac_desktop.server.models import Base, Request, RequestEvent


class Notice(Base):
    """One message to one citizen about one step of one request (sent at most once per kind).

    state: pending -> claimed (by one process, in a batch) -> sending (this one is leaving) ->
    sent | pending (retry later) | failed;
    a claim left 'sending' by a crashed process becomes 'uncertain' (e-mail: never sent twice)
    or 'pending' again (SMS: the provider deduplicates on the notice id).
    """

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("request_uuid", "kind", name="uq_notices_request_kind"),
        Index("ix_notices_state_next", "state", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_uuid: Mapped[str] = mapped_column(ForeignKey("requests.uuid", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(5))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[dt.datetime]
    claimed_by: Mapped[str | None] = mapped_column(String(100), nullable=True)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    provider_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[dt.datetime]


class NoticeCursor(Base):
    """How far the history has been scanned for notices to write."""

    __tablename__ = "notice_cursors"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[dt.datetime]


class SatisfactionLink(Base):
    """A one-time survey link: only the SHA-256 of its token is stored."""

    __tablename__ = "satisfaction_links"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_uuid: Mapped[str] = mapped_column(
        ForeignKey("requests.uuid", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


# The notices scan reads the history since its cursor every few seconds: index the server times.
Index("ix_requests_received_at", Request.received_at)
Index("ix_request_events_received_at", RequestEvent.received_at)
