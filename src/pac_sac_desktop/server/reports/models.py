"""The reports' cache table (migration 0005_notices): one narrow row per request."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Float, ForeignKey, Index, Integer, SmallInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from pac_sac_desktop.server.models import Base


class ReportFact(Base):
    """What the report needs of a request, folded from its history (see reports/facts.py)."""

    __tablename__ = "report_facts"
    __table_args__ = (Index("ix_report_facts_created_at", "created_at"),)

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
