"""Workstation tables. The SQLite file is the truth; the search index is derived from it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pac_sac_desktop.store.types import JSONText, UTCDateTime


class Base(DeclarativeBase):
    pass


# The SQL of the supervisor's queues, shared by their partial indexes and their queries.
OPEN_SQL = "status IN ('new', 'received', 'assigned', 'in_progress')"
COMPLAINT_SQL = "nature = 'complaint'"
MEETING_SQL = "meeting IN ('to_schedule', 'planned')"
BLOCKED_SQL = "sync_state IN ('conflict', 'rejected')"


class ArticleRow(Base):
    """The current version of an answer sheet. Withdrawn ones stay as tombstones (``deleted``)."""

    __tablename__ = "kb_articles"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    service: Mapped[str] = mapped_column(String(120), index=True)
    tags: Mapped[list[str]] = mapped_column(JSONText, default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    updated: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    expires: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    categories: Mapped[list[str]] = mapped_column(JSONText, default=list)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    review_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    #: The server's version number of what this row holds (None: imported locally).
    server_version: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DraftRow(Base):
    """An editor's sheet not yet on the server: a draft, queued to publish, or in conflict.

    ``base_version`` is the server version it was edited from (0 for a new sheet); when the
    server has moved on, ``server_copy`` keeps the published version to show side by side."""

    __tablename__ = "kb_drafts"

    article_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    data: Mapped[dict] = mapped_column(JSONText)  # the article on the wire, plus publish_at
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    action: Mapped[str] = mapped_column(String(20), default="publish")
    force: Mapped[bool] = mapped_column(Boolean, default=False)
    server_copy: Mapped[dict | None] = mapped_column(JSONText, nullable=True)
    server_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class FeedbackOutboxRow(Base):
    """« Utile » / « à corriger » marks waiting for the next sync."""

    __tablename__ = "kb_feedback_outbox"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    data: Mapped[dict] = mapped_column(JSONText)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    error: Mapped[str] = mapped_column(Text, default="")


class SearchLogRow(Base):
    """Finished searches waiting for the next sync (query text only)."""

    __tablename__ = "kb_search_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    data: Mapped[dict] = mapped_column(JSONText)


class ArticleVersionRow(Base):
    """Every version an article ever had, so an editor can see what changed and when."""

    __tablename__ = "kb_article_versions"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    meta: Mapped[dict] = mapped_column(JSONText)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class StateRow(Base):
    """Small named values: KB change counter, sync cursors, remembered UI state."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RecentViewRow(Base):
    """Articles the agent opened lately, newest first in the window's side list."""

    __tablename__ = "kb_recent_views"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="CASCADE"), primary_key=True
    )
    viewed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)


class CategoryRow(Base):
    """The request taxonomy as last received from the server (or the shipped demo set)."""

    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    label: Mapped[str] = mapped_column(String(160))
    department: Mapped[str] = mapped_column(String(120))
    deadline_hours: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict] = mapped_column(JSONText)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RequestRow(Base):
    """A citizen request captured here (or received from the server's feed).

    ``payload`` is exactly what is uploaded; the server's answer (reference, status, due dates)
    is kept beside it. ``sync_state``: pending, sent, conflict, rejected, remote.
    """

    __tablename__ = "requests"
    __table_args__ = (
        Index("ix_requests_citizen_address", "citizen_key", "address_key"),
        Index("ix_requests_category_street", "category", "street_key", "created_at"),
        Index("ix_requests_category_address", "category", "address_key", "created_at"),
        Index("ix_requests_created_by", "created_by", "created_at"),
        # The supervisor's queues, each a partial index in the order the queue is read.
        Index(
            "ix_requests_queue_followup",
            "followup_due_at",
            sqlite_where=text(f"{COMPLAINT_SQL} AND first_followup_at IS NULL AND {OPEN_SQL}"),
        ),
        Index(
            "ix_requests_queue_unassigned",
            "created_at",
            sqlite_where=text(f"assigned_to IS NULL AND {OPEN_SQL}"),
        ),
        Index("ix_requests_queue_overdue", "due_at", sqlite_where=text(OPEN_SQL)),
        Index(
            "ix_requests_queue_meeting",
            "created_at",
            sqlite_where=text(MEETING_SQL),
        ),
        Index("ix_requests_queue_blocked", "updated_at", sqlite_where=text(BLOCKED_SQL)),
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    reference: Mapped[str | None] = mapped_column(String(20), nullable=True, index=True)
    nature: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(80), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    # No index on status alone: the queues' partial indexes serve every status filter, and a
    # status index made SQLite count a queue through it (65 ms against 4 ms at 100,000).
    status: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict] = mapped_column(JSONText)
    flags: Mapped[list] = mapped_column(JSONText, default=list)
    citizen_phone: Mapped[str] = mapped_column(String(40), default="", index=True)
    citizen_email: Mapped[str] = mapped_column(String(200), default="", index=True)
    citizen_key: Mapped[str] = mapped_column(String(300), default="", index=True)
    address_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    street_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    created_by: Mapped[str] = mapped_column(String(60))
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    followup_due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sync_state: Mapped[str] = mapped_column(String(20), index=True)
    sync_error: Mapped[str] = mapped_column(Text, default="")
    server: Mapped[dict | None] = mapped_column(JSONText, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    # For lists and the supervisor's queues (migration 0003): shown without reading the payload,
    # and kept equal to the fold of the request's events (core.events.fold).
    citizen_name: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    department: Mapped[str] = mapped_column(String(120), default="")
    district: Mapped[int | None] = mapped_column(Integer, nullable=True)
    assigned_to: Mapped[str | None] = mapped_column(String(120), nullable=True)
    first_followup_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    meeting: Mapped[str | None] = mapped_column(String(20), nullable=True)
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    #: When the citizen's data left this copy (core/privacy.py, migration 0005); None before.
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RequestEventRow(Base):
    """A request's history: events from the server's feed (``received_at`` set, server order)
    and this workstation's own, waiting in the outbox (``received_at`` empty)."""

    __tablename__ = "request_events"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict] = mapped_column(JSONText)
    author: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RequestKeyRow(Base):
    """Words a clerk may type to find a request (reference, number, name, phone, e-mail, street),
    one row each, so that a prefix is a range scan of one index at any size. The request's
    capture time is copied here so the newest matches are picked inside that index: reading
    ten thousand requests to sort them (a common name typed halfway) cost 200 ms."""

    __tablename__ = "request_keys"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class OutboxRow(Base):
    """Work waiting for the server, written in the same transaction as what it carries."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))  # request | event
    entity_uuid: Mapped[str] = mapped_column(String(36), index=True)
    parent_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    payload: Mapped[dict] = mapped_column(JSONText)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(
        String(20), default="pending", index=True
    )  # pending | blocked
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AccessOutboxRow(Base):
    """A request's detail opened here (Quebec Law 25), waiting for the next sync to reach the
    server's access log; its UUID makes a resent batch count once. Kept apart from the request's
    events: a consultation is not part of the request's history (docs/privacy.md)."""

    __tablename__ = "access_outbox"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_uuid: Mapped[str] = mapped_column(String(36))
    username: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(10))
    route: Mapped[str] = mapped_column(String(120))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
