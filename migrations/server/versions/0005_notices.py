"""Citizen notices: an outbox shared by every server process, its scan cursor, and the one-time
satisfaction links; the reports' cache of one narrow row per request (report_facts)

Revision ID: 0005_notices
Revises: 0004_kb_authoring
Create Date: 2026-12-04 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_notices"
down_revision = "0004_kb_authoring"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "request_uuid",
            sa.String(36),
            sa.ForeignKey("requests.uuid", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("recipient", sa.String(200), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("provider_id", sa.String(200), nullable=True),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("request_uuid", "kind", name="uq_notices_request_kind"),
    )
    op.create_index("ix_notices_state_next", "notices", ["state", "next_attempt_at"])
    op.create_index("ix_requests_received_at", "requests", ["received_at"])
    op.create_index("ix_request_events_received_at", "request_events", ["received_at"])
    op.create_table(
        "notice_cursors",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "satisfaction_links",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column(
            "request_uuid",
            sa.String(36),
            sa.ForeignKey("requests.uuid", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_satisfaction_links_request_uuid", "satisfaction_links", ["request_uuid"])
    op.create_table(
        "report_facts",
        sa.Column(
            "request_uuid",
            sa.String(36),
            sa.ForeignKey("requests.uuid", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nature", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("category", sa.String(80), nullable=False),
        sa.Column("department", sa.String(120), nullable=False),
        sa.Column("district", sa.SmallInteger(), nullable=True),
        sa.Column("deadline_hours", sa.Integer(), nullable=False),
        sa.Column("fcr", sa.SmallInteger(), nullable=False),
        sa.Column("followup_s", sa.Float(), nullable=True),
        sa.Column("resolution_s", sa.Float(), nullable=True),
        sa.Column("meeting", sa.SmallInteger(), nullable=False),
        sa.Column("held", sa.SmallInteger(), nullable=False),
        sa.Column("score", sa.SmallInteger(), nullable=True),
    )
    op.create_index("ix_report_facts_created_at", "report_facts", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_report_facts_created_at", table_name="report_facts")
    op.drop_table("report_facts")
    op.drop_index("ix_satisfaction_links_request_uuid", table_name="satisfaction_links")
    op.drop_table("satisfaction_links")
    op.drop_table("notice_cursors")
    op.drop_index("ix_request_events_received_at", table_name="request_events")
    op.drop_index("ix_requests_received_at", table_name="requests")
    op.drop_index("ix_notices_state_next", table_name="notices")
    op.drop_table("notices")
