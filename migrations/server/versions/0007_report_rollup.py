"""Reports: the facts summed per local month (report_rollup), the open-data CSV written ahead
(report_blocks), the last taxonomy change followed (report_cursors), and partial covering
indexes for the percentiles on report_facts

Revision ID: 0007_report_rollup
Revises: 0006_login_throttle
Create Date: 2026-12-04 19:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_report_rollup"
down_revision = "0006_login_throttle"
branch_labels = None
depends_on = None

FILTERS = ["created_at", "category", "department", "district", "channel"]
FOLLOWUP_WHERE = "nature = 'complaint' AND followup_s IS NOT NULL"
RESOLUTION_WHERE = "fcr = 0 AND resolution_s IS NOT NULL"
MEASURES = (
    "total", "followed", "within_24h", "with_deadline", "within_deadline", "settled", "fcr",
    "timed", "meeting", "held", "score_1", "score_2", "score_3", "score_4", "score_5",
)  # fmt: skip


def upgrade() -> None:
    op.create_index(
        "ix_report_facts_followup",
        "report_facts",
        ["followup_s"],
        postgresql_include=FILTERS,
        postgresql_where=sa.text(FOLLOWUP_WHERE),
        sqlite_where=sa.text(FOLLOWUP_WHERE),
    )
    op.create_index(
        "ix_report_facts_resolution",
        "report_facts",
        ["resolution_s"],
        postgresql_include=[*FILTERS, "nature"],
        postgresql_where=sa.text(RESOLUTION_WHERE),
        sqlite_where=sa.text(RESOLUTION_WHERE),
    )
    op.create_table(
        "report_rollup",
        sa.Column("month", sa.Integer(), primary_key=True),
        sa.Column("category", sa.String(80), primary_key=True),
        sa.Column("department", sa.String(120), primary_key=True),
        sa.Column("district", sa.SmallInteger(), primary_key=True),
        sa.Column("channel", sa.String(20), primary_key=True),
        sa.Column("nature", sa.String(20), primary_key=True),
        sa.Column("status", sa.String(20), primary_key=True),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in MEASURES),
    )
    op.create_table(
        "report_blocks",
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("bucket", sa.SmallInteger(), primary_key=True),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("csv", sa.Text(), nullable=False),
    )
    op.create_table(
        "report_cursors",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("seq", sa.BigInteger(), nullable=False),
    )
    # The new tables start empty: the next refresh rebuilds the whole cache.
    op.execute("DELETE FROM notice_cursors WHERE name = 'report_facts'")


def downgrade() -> None:
    op.drop_table("report_cursors")
    op.drop_table("report_blocks")
    op.drop_table("report_rollup")
    op.drop_index("ix_report_facts_resolution", table_name="report_facts")
    op.drop_index("ix_report_facts_followup", table_name="report_facts")
