"""The access log (server migration 0008_access_log)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pac_sac_desktop.server.models import Base


class AccessEntry(Base):
    """Who read, changed or exported a request's personal data, when, and through what.

    ``source`` is ``server`` (a route of this server) or ``workstation`` (a detail opened on a
    workstation, reported at its next sync: ``uuid`` makes that report idempotent and
    ``reported_by`` is the account whose sync delivered it). A page of the requests feed is one
    ``export`` row listing its requests in ``requests`` (space-separated UUIDs) instead of one
    row per request: see docs/privacy.md.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_request_at", "request_uuid", "at"),
        Index("ix_access_log_username_at", "username", "at"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    uuid: Mapped[str | None] = mapped_column(String(36), unique=True, nullable=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    request_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    requests: Mapped[str | None] = mapped_column(Text, nullable=True)
    action: Mapped[str] = mapped_column(String(10))
    route: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(12))
    reported_by: Mapped[str | None] = mapped_column(String(60), nullable=True)
