"""Request follow-up on the workstation: state columns, events, search keys, queue indexes.

Revision ID: 0003_request_followup
Revises: 0002_requests_and_sync
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_request_followup"
down_revision = "0002_requests_and_sync"
branch_labels = None
depends_on = None

OPEN = "status IN ('new', 'received', 'assigned', 'in_progress')"
BLOCKED = "sync_state IN ('conflict', 'rejected')"


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("citizen_name", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("place", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("department", sa.String(120), nullable=False, server_default=""))
        batch.add_column(sa.Column("district", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("assigned_to", sa.String(120), nullable=True))
        batch.add_column(sa.Column("first_followup_at", sa.Text(), nullable=True))
        batch.add_column(sa.Column("meeting", sa.String(20), nullable=True))
        batch.add_column(sa.Column("merged_into", sa.String(36), nullable=True))
        batch.add_column(sa.Column("satisfaction", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("resolution", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "request_events",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("request_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("author", sa.String(60), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("received_at", sa.Text(), nullable=True),
    )
    op.create_index("ix_request_events_request_uuid", "request_events", ["request_uuid"])
    op.create_table(
        "request_keys",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("created_at", sa.Text(), primary_key=True),
        sa.Column("uuid", sa.String(36), primary_key=True),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_request_keys_uuid", "request_keys", ["uuid"])
    # The supervisor's queues: each a partial index in the order the queue is read.
    op.create_index(
        "ix_requests_queue_followup",
        "requests",
        ["followup_due_at"],
        sqlite_where=sa.text(f"nature = 'complaint' AND first_followup_at IS NULL AND {OPEN}"),
    )
    op.create_index(
        "ix_requests_queue_unassigned",
        "requests",
        ["created_at"],
        sqlite_where=sa.text(f"assigned_to IS NULL AND {OPEN}"),
    )
    op.create_index(
        "ix_requests_queue_overdue", "requests", ["due_at"], sqlite_where=sa.text(OPEN)
    )
    op.create_index(
        "ix_requests_queue_meeting",
        "requests",
        ["created_at"],
        sqlite_where=sa.text("meeting IN ('to_schedule', 'planned')"),
    )
    op.create_index(
        "ix_requests_queue_blocked", "requests", ["updated_at"], sqlite_where=sa.text(BLOCKED)
    )
    op.create_index("ix_requests_created_by", "requests", ["created_by", "created_at"])
    # The queues' partial indexes serve status filters; a plain status index misled the
    # planner into counting queues through it.
    op.drop_index("ix_requests_status", table_name="requests")


def downgrade() -> None:
    op.create_index("ix_requests_status", "requests", ["status"])
    for name in (
        "ix_requests_queue_blocked",
        "ix_requests_created_by",
        "ix_requests_queue_meeting",
        "ix_requests_queue_overdue",
        "ix_requests_queue_unassigned",
        "ix_requests_queue_followup",
    ):
        op.drop_index(name, table_name="requests")
    op.drop_table("request_keys")
    op.drop_table("request_events")
    with op.batch_alter_table("requests") as batch:
        for column in (
            "resolution",
            "satisfaction",
            "merged_into",
            "meeting",
            "first_followup_at",
            "assigned_to",
            "district",
            "department",
            "place",
            "citizen_name",
        ):
            batch.drop_column(column)
