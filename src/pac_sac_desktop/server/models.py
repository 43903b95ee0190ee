"""Server tables (SQLite and PostgreSQL alike). Times are UTC with a timezone."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from pac_sac_desktop.server.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[dt.datetime]


class Token(Base):
    """Opaque bearer tokens, stored as SHA-256 digests (a database leak reveals no usable token)."""

    __tablename__ = "tokens"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class Counter(Base):
    """Named counters: the change-feed sequence (its row lock orders commits) and feed horizons."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class Change(Base):
    """The change feeds: one row per entity and feed, the latest change; tombstones have op=delete."""

    __tablename__ = "changes"
    __table_args__ = (
        UniqueConstraint("feed", "entity_id", name="uq_changes_feed_entity"),
        Index("ix_changes_feed_seq", "feed", "seq"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    feed: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(120))
    op: Mapped[str] = mapped_column(String(10))
    changed_at: Mapped[dt.datetime]


class Article(Base):
    __tablename__ = "kb_articles"

    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    service: Mapped[str] = mapped_column(String(120))
    tags: Mapped[list[str]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    updated: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    expires: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    changed_by: Mapped[str] = mapped_column(String(60))
    changed_at: Mapped[dt.datetime]
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    expires_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    review_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True)


class ScheduledArticle(Base):
    """A version an editor scheduled: published by the first feed read after ``publish_at``."""

    __tablename__ = "kb_scheduled"

    article_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    publish_at: Mapped[dt.datetime] = mapped_column(index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime]


class ArticleFeedback(Base):
    """An agent's « utile » / « à corriger » on a sheet; corrections wait for an editor."""

    __tablename__ = "kb_feedback"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(120), index=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    closed_by: Mapped[str | None] = mapped_column(String(60), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(nullable=True, index=True)


class SearchLog(Base):
    """One finished search on a workstation: query text only, no user, no workstation."""

    __tablename__ = "kb_search_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    query: Mapped[str] = mapped_column(String(200))
    results: Mapped[int] = mapped_column(Integer)
    opened: Mapped[str | None] = mapped_column(String(120), nullable=True)


class SearchBatch(Base):
    """Batches of search events already received: a batch sent twice is counted once."""

    __tablename__ = "kb_search_batches"

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    received_at: Mapped[dt.datetime]


class ArticleVersion(Base):
    __tablename__ = "kb_article_versions"

    article_id: Mapped[str] = mapped_column(
        ForeignKey("kb_articles.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime]


class Category(Base):
    """A service type of the request taxonomy."""

    __tablename__ = "categories"

    code: Mapped[str] = mapped_column(String(80), primary_key=True)
    label: Mapped[str] = mapped_column(String(160))
    field: Mapped[str] = mapped_column(String(80))
    department: Mapped[str] = mapped_column(String(120))
    deadline_hours: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # natures, keywords, description, questions
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ReferenceCounter(Base):
    """Yearly sequence of public reference numbers (2026-004213)."""

    __tablename__ = "reference_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Request(Base):
    """A request as captured (payload) plus the state its history gives it.

    The state columns (status … resolution) are the fold of the request's events in server order
    (core.events.fold); they are kept so that supervisor queues and Open311 read one row.
    """

    __tablename__ = "requests"
    __table_args__ = (
        # Supervisor queues: a department's open requests, the overdue ones, complaints still
        # waiting for their first follow-up, V.I.P. meetings to plan, requests of a district.
        Index("ix_requests_department_status", "department", "status"),
        Index("ix_requests_status_due_at", "status", "due_at"),
        Index("ix_requests_followup_due", "followup_due_at", "first_followup_at"),
        Index("ix_requests_meeting", "meeting"),
        Index("ix_requests_district", "district"),
        Index("ix_requests_assigned_to", "assigned_to"),
        Index("ix_requests_closed_at", "closed_at"),  # the retention job (server/privacy)
    )

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    payload_hash: Mapped[str] = mapped_column(String(64))
    nature: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(80), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    address_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    created_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    due_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    followup_due_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    created_by: Mapped[str] = mapped_column(String(60))
    assigned_to: Mapped[str | None] = mapped_column(String(120), nullable=True)
    department: Mapped[str] = mapped_column(String(120), default="", server_default="")
    district: Mapped[int | None] = mapped_column(Integer, nullable=True)
    first_followup_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    meeting: Mapped[str | None] = mapped_column(String(20), nullable=True)
    meeting_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)
    satisfaction: Mapped[int | None] = mapped_column(Integer, nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    resolution: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: When the retention job removed the citizen's data (core/privacy.py); None before.
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)


class RequestEvent(Base):
    """History of a request: status, assignment, notes, follow-ups, meetings, merges.

    Server order is ``received_at`` then ``uuid`` (the index below serves it per request).
    """

    __tablename__ = "request_events"
    __table_args__ = (Index("ix_request_events_order", "request_uuid", "received_at", "uuid"),)

    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    request_uuid: Mapped[str] = mapped_column(ForeignKey("requests.uuid", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    data_hash: Mapped[str] = mapped_column(String(64))
    author: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime]
    received_at: Mapped[dt.datetime]


class LoginThrottle(Base):
    """Failed logins by key (account+address, address, account) and when the next try is due."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure: Mapped[dt.datetime]
    next_allowed: Mapped[dt.datetime]


class LoginFailure(Base):
    """Audit of refused logins: when, which name was typed, from which address."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(20))
