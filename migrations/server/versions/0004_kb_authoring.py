"""KB authoring: categories, precise end and review date on articles; scheduled versions;
agents' feedback; search analytics (query text only).

Revision ID: 0004_kb_authoring
Revises: 0003_request_state_columns
Create Date: 2026-12-04

"""

import sqlalchemy as sa
from alembic import op

revision = "0004_kb_authoring"
down_revision = "0003_request_state_columns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kb_articles") as batch:
        batch.add_column(sa.Column("categories", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("review_by", sa.Date(), nullable=True))
    with op.batch_alter_table("kb_articles") as batch:
        batch.alter_column("categories", server_default=None)
    op.create_table(
        "kb_scheduled",
        sa.Column("article_id", sa.String(length=120), nullable=False),
        sa.Column("publish_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_index("ix_kb_scheduled_publish_at", "kb_scheduled", ["publish_at"])
    op.create_table(
        "kb_feedback",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("article_id", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=60), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_kb_feedback_article_id", "kb_feedback", ["article_id"])
    op.create_index("ix_kb_feedback_closed_at", "kb_feedback", ["closed_at"])
    op.create_table(
        "kb_search_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query", sa.String(length=200), nullable=False),
        sa.Column("results", sa.Integer(), nullable=False),
        sa.Column("opened", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_kb_search_log_at", "kb_search_log", ["at"])
    op.create_table(
        "kb_search_batches",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )


def downgrade() -> None:
    op.drop_table("kb_search_batches")
    op.drop_index("ix_kb_search_log_at", table_name="kb_search_log")
    op.drop_table("kb_search_log")
    op.drop_index("ix_kb_feedback_closed_at", table_name="kb_feedback")
    op.drop_index("ix_kb_feedback_article_id", table_name="kb_feedback")
    op.drop_table("kb_feedback")
    op.drop_index("ix_kb_scheduled_publish_at", table_name="kb_scheduled")
    op.drop_table("kb_scheduled")
    with op.batch_alter_table("kb_articles") as batch:
        batch.drop_column("review_by")
        batch.drop_column("expires_at")
        batch.drop_column("categories")
