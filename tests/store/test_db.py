import sqlite3
import time

from alembic import command
from sqlalchemy import text

from pac_sac_desktop.core.kb import parse_article
from pac_sac_desktop.store import kb_repo
from pac_sac_desktop.store.db import Database, alembic_config


def test_database_file_uses_wal_and_foreign_keys(home):
    db = Database.in_home(home)
    with db.reading() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.close()
    assert (home / "pac-sac.sqlite3").exists()


def test_a_database_left_at_the_first_revision_is_upgraded_with_its_data(home):
    """Every later migration must carry the rows of an old workstation forward."""
    from sqlalchemy import create_engine

    path = home / "pac-sac.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0001_knowledge_base")
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO kb_articles VALUES ('a','Gardé','S','[]','','corps',NULL,NULL,0,1,'h',1,0,"
            "'2026-01-01T00:00:00+00:00')"
        )
    engine.dispose()
    db = Database(path)
    with db.reading() as s:
        assert kb_repo.get_article(s, "a").title == "Gardé"
        rev = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    from alembic.script import ScriptDirectory

    assert rev == ScriptDirectory.from_config(alembic_config(db.engine)).get_current_head()
    db.close()


def test_reopening_keeps_the_data(home):
    db = Database.in_home(home)
    with db.transaction() as s:
        kb_repo.upsert_article(s, parse_article("---\nid: a\ntitle: Gardé\n---\ncorps"))
    db.close()
    db = Database.in_home(home)
    with db.reading() as s:
        assert kb_repo.get_article(s, "a").title == "Gardé"
    db.close()


def test_versions_are_kept_and_unchanged_imports_do_not_add_one(home):
    db = Database.in_home(home)
    v1 = parse_article("---\nid: a\ntitle: Un\n---\ncorps")
    v2 = parse_article("---\nid: a\ntitle: Deux\n---\ncorps")
    with db.transaction() as s:
        assert kb_repo.upsert_article(s, v1) == "created"
    with db.transaction() as s:
        assert kb_repo.upsert_article(s, v1) == "unchanged"
    with db.transaction() as s:
        assert kb_repo.upsert_article(s, v2) == "updated"
    with db.reading() as s:
        assert [v.title for v in kb_repo.versions(s, "a")] == ["Un", "Deux"]
        assert kb_repo.kb_seq(s) == 2
    db.close()


def test_withdrawn_articles_leave_a_tombstone_in_the_change_list(home):
    db = Database.in_home(home)
    with db.transaction() as s:
        kb_repo.upsert_article(s, parse_article("---\nid: a\ntitle: Un\n---\nx"))
        kb_repo.upsert_article(s, parse_article("---\nid: b\ntitle: Deux\n---\nx"))
    with db.transaction() as s:
        assert kb_repo.withdraw_article(s, "a")
    with db.reading() as s:
        upserts, deletions = kb_repo.changes_since(s, 2)
        assert upserts == [] and deletions == ["a"]
        assert kb_repo.get_article(s, "a") is None
        assert kb_repo.count_articles(s) == 1
    db.close()


def test_a_unit_of_work_reads_under_the_write_lock_it_will_write_with(home):
    """Read-then-insert in two threads at once: the second waits for the first and sees its row
    (before, reads ran outside the transaction and the second insert failed on UNIQUE)."""
    import threading

    from pac_sac_desktop.store.state import get_value, set_value

    db = Database.in_home(home)
    inside = threading.Event()
    outcomes: list[str] = []

    def first() -> None:
        with db.transaction() as s:
            assert get_value(s, "seed") is None
            inside.set()
            time.sleep(0.5)
            set_value(s, "seed", "premier")
        outcomes.append("premier")

    def second() -> None:
        inside.wait(5)
        with db.transaction() as s:
            if get_value(s, "seed") is None:
                set_value(s, "seed", "second")
        outcomes.append("second")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert outcomes == ["premier", "second"]
    with db.reading() as s:
        assert get_value(s, "seed") == "premier"
    db.close()
