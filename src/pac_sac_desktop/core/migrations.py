"""Alembic driven from code, for both databases (the workstation's and the server's).

An old database is always upgraded in place, never recreated; both callers ask the same three
questions: which configuration, is it at head, bring it to head.
"""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from pac_sac_desktop.core.paths import migrations_dir

log = logging.getLogger(__name__)


def alembic_config(engine: Engine, tree: str) -> Config:
    """``tree`` is the folder under migrations/: 'workstation' or 'server'."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir() / tree))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def revisions(engine: Engine, tree: str) -> tuple[str | None, str | None]:
    """(current revision of the database, head of the scripts)."""
    cfg = alembic_config(engine, tree)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision(), head


def upgrade_to_head(engine: Engine, tree: str) -> bool:
    """Create or upgrade the schema; True when something was migrated."""
    current, head = revisions(engine, tree)
    if current == head:
        return False
    log.info("migrating %s database %s -> %s", tree, current, head)
    command.upgrade(alembic_config(engine, tree), "head")
    return True


def run_env(target_metadata) -> None:  # type: ignore[no-untyped-def]
    """The body of both ``env.py`` files: online with the caller's engine, batch mode for SQLite."""
    from alembic import context
    from sqlalchemy import create_engine

    config = context.config
    if context.is_offline_mode():
        context.configure(
            url=config.get_main_option("sqlalchemy.url"),
            target_metadata=target_metadata,
            literal_binds=True,
            render_as_batch=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = config.attributes.get("engine") or create_engine(
        config.get_main_option("sqlalchemy.url")
    )
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
