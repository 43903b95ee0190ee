"""The reports' cache tables (migrations 0005_notices and 0007_report_rollup).

- ``report_facts``: one narrow row per request (reports/facts.py);
- ``report_rollup``: the facts summed per local month and per value of every filter and
  breakdown (category, department, district, channel, nature, status): a year's report sums
  about a hundred thousand of these instead of scanning a million facts;
- ``report_blocks``: the open-data CSV already written, one block per local day and bucket of
  requests (PostgreSQL only; reports/opendata.py);
- ``report_cursors``: the last taxonomy change the cache has followed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.server.models import Base

# Percentiles walk these in value order and stop at the rank they need (index-only scans: the
# filters are in the index). Partial: only the values a percentile reads.
_FILTERS = ["created_at", "category", "department", "district", "channel"]
FOLLOWUP_WHERE = "nature = 'complaint' AND followup_s IS NOT NULL"
RESOLUTION_WHERE = "fcr = 0 AND resolution_s IS NOT NULL"


def block_day(alias: str = "") -> str:
    """The open-data block of a request (PostgreSQL), first part: its local day of creation."""
    return f"CAST(timezone('{LOCAL_TZ.key}', {alias}created_at) AS DATE)"


def block_bucket(alias: str = "") -> str:
    """Second part: one of 64 buckets drawn from the last characters of its UUID, so that a
    change rewrites some forty lines, not a day's."""
    return (
        f"mod(ascii(substr({alias}request_uuid, 36, 1)) * 7 "
        f"+ ascii(substr({alias}request_uuid, 35, 1)), 64)"
    )


class ReportFact(Base):
    """What the report needs of a request, folded from its history (see reports/facts.py)."""

    __tablename__ = "report_facts"
    __table_args__ = (
        Index("ix_report_facts_created_at", "created_at"),
        Index(
            "ix_report_facts_followup",
            "followup_s",
            postgresql_include=_FILTERS,
            postgresql_where=text(FOLLOWUP_WHERE),
            sqlite_where=text(FOLLOWUP_WHERE),
        ),
        Index(
            "ix_report_facts_resolution",
            "resolution_s",
            postgresql_include=[*_FILTERS, "nature"],
            postgresql_where=text(RESOLUTION_WHERE),
            sqlite_where=text(RESOLUTION_WHERE),
        ),
        # A stale open-data block finds its requests by index (migration 0009).
        Index("ix_report_facts_block", text(block_day()), text(block_bucket())).ddl_if(
            dialect="postgresql"
        ),
    )

    request_uuid: Mapped[str] = mapped_column(
        ForeignKey("requests.uuid", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[dt.datetime]
    nature: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(80))
    department: Mapped[str] = mapped_column(String(120))
    district: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)
    deadline_hours: Mapped[int] = mapped_column(Integer)
    fcr: Mapped[int] = mapped_column(SmallInteger)
    followup_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    resolution_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    meeting: Mapped[int] = mapped_column(SmallInteger)
    held: Mapped[int] = mapped_column(SmallInteger)
    score: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)


class ReportRollup(Base):
    """The facts of one local month with the same category, district, channel, nature and status,
    summed. Every column after ``status`` is a count of requests (see facts.MEASURES)."""

    __tablename__ = "report_rollup"

    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # 202603: March 2026, local
    category: Mapped[str] = mapped_column(String(80), primary_key=True)
    department: Mapped[str] = mapped_column(String(120), primary_key=True)
    district: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # 0: unknown
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    nature: Mapped[str] = mapped_column(String(20), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    total: Mapped[int] = mapped_column(Integer)
    followed: Mapped[int] = mapped_column(Integer)
    within_24h: Mapped[int] = mapped_column(Integer)
    with_deadline: Mapped[int] = mapped_column(Integer)
    within_deadline: Mapped[int] = mapped_column(Integer)
    settled: Mapped[int] = mapped_column(Integer)
    fcr: Mapped[int] = mapped_column(Integer)
    timed: Mapped[int] = mapped_column(Integer)
    meeting: Mapped[int] = mapped_column(Integer)
    held: Mapped[int] = mapped_column(Integer)
    score_1: Mapped[int] = mapped_column(Integer)
    score_2: Mapped[int] = mapped_column(Integer)
    score_3: Mapped[int] = mapped_column(Integer)
    score_4: Mapped[int] = mapped_column(Integer)
    score_5: Mapped[int] = mapped_column(Integer)


class ReportBlock(Base):
    """Open-data CSV lines of the requests created on one local day whose bucket (from their
    UUID) is ``bucket``, in creation order; marked stale when one of them changes or is added,
    written again by the next export."""

    __tablename__ = "report_blocks"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    bucket: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    stale: Mapped[bool] = mapped_column(Boolean)
    rows: Mapped[int] = mapped_column(Integer)
    csv: Mapped[str] = mapped_column(Text)


class ReportCursor(Base):
    """How far the cache has followed a feed: ``taxonomy`` is the last change number of the
    taxonomy feed whose categories' requests were recomputed (a new department or deadline)."""

    __tablename__ = "report_cursors"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
