"""Knowledge base: articles with their versions, app state, recently viewed articles.

Revision ID: 0001_knowledge_base
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_knowledge_base"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.String(120), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("service", sa.String(120), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated", sa.Date(), nullable=True),
        sa.Column("expires", sa.Date(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.Text(), nullable=False),
    )
    op.create_index("ix_kb_articles_service", "kb_articles", ["service"])
    op.create_index("ix_kb_articles_seq", "kb_articles", ["seq"])
    op.create_table(
        "kb_article_versions",
        sa.Column(
            "article_id",
            sa.String(120),
            sa.ForeignKey("kb_articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
    )
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "kb_recent_views",
        sa.Column(
            "article_id",
            sa.String(120),
            sa.ForeignKey("kb_articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("viewed_at", sa.Text(), nullable=False),
    )
    op.create_index("ix_kb_recent_views_viewed_at", "kb_recent_views", ["viewed_at"])


def downgrade() -> None:
    op.drop_table("kb_recent_views")
    op.drop_table("app_state")
    op.drop_table("kb_article_versions")
    op.drop_index("ix_kb_articles_seq", "kb_articles")
    op.drop_index("ix_kb_articles_service", "kb_articles")
    op.drop_table("kb_articles")
