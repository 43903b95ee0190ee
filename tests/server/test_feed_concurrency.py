"""Two writers committing out of order must never make a reader skip a change (PostgreSQL)."""

import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import select, text

from pac_sac_desktop.server import feed
from pac_sac_desktop.server.db import ServerDB, metadata
from pac_sac_desktop.server.models import Change


@pytest.fixture()
def pg(pg_engine_ready):
    """PostgreSQL only: SQLite has a single writer, so commits cannot overtake each other."""
    db = ServerDB(pg_engine_ready)
    with db.engine.begin() as conn:
        conn.execute(
            text(f"TRUNCATE {', '.join(t.name for t in metadata().sorted_tables)} CASCADE")
        )
    with db.transaction() as s:
        feed.ensure_counters(s)
    yield db
    db.dispose()


def start_writers(url: str, *writes: Callable[[ServerDB], None]):
    """Each write on its own thread with its own engine; their exceptions, for the test to check."""
    errors: list[BaseException] = []

    def run(write: Callable[[ServerDB], None]) -> None:
        db = ServerDB(url)
        try:
            write(db)
        except BaseException as exc:  # pragma: no cover - reported by the test
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=run, args=(write,)) for write in writes]
    for t in threads:
        t.start()
    return threads, errors


def test_slow_first_writer_does_not_let_a_reader_skip_its_change(pg):
    url = pg.url
    first_has_number = threading.Event()

    def slow_writer(db: ServerDB) -> None:
        with db.transaction() as s:
            feed.record(s, "kb", "slow")
            first_has_number.set()
            time.sleep(1.0)  # commit late: a naive sequence would let 'fast' be read first

    def fast_writer(db: ServerDB) -> None:
        first_has_number.wait(5)
        with db.transaction() as s:
            feed.record(s, "kb", "fast")

    reader_db = ServerDB(url)
    threads, errors = start_writers(url, slow_writer, fast_writer)
    seen: list[str] = []
    cursor = 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len(seen) < 2:
        with reader_db.transaction() as s:
            page = feed.read(s, "kb", cursor, 100)
        seen += [c.entity_id for c in page.changes]
        cursor = page.next_cursor
        time.sleep(0.02)
    for t in threads:
        t.join()
    with reader_db.transaction() as s:
        all_ids = {c.entity_id for c in s.scalars(select(Change).where(Change.feed == "kb"))}
    reader_db.dispose()
    assert not errors
    assert all_ids == {"slow", "fast"}
    assert sorted(seen) == ["fast", "slow"], f"the reader following its cursor saw only {seen}"
    assert seen == ["fast", "slow"]  # numbered as they committed: the fast one first


def test_an_open_transaction_does_not_hold_up_other_writers(pg):
    """A publication still in progress (its changes recorded, not yet committed) must not make
    uploads wait: the feed's number is taken at commit, not when the change is recorded."""
    url = pg.url
    recorded, other_done = threading.Event(), threading.Event()
    in_time: list[bool] = []

    def long_writer(db: ServerDB) -> None:
        with db.transaction() as s:
            for n in range(50):
                feed.record(s, "kb", f"long-{n}")
            recorded.set()
            # Commits only once the other writer has committed, or after 10 s, which fails
            # the test: with the number taken at record time, the other one would be
            # waiting for this transaction's lock.
            in_time.append(other_done.wait(10))

    def other_writer(db: ServerDB) -> None:
        recorded.wait(10)
        with db.transaction() as s:
            feed.record(s, "requests", "upload")
        other_done.set()

    threads, errors = start_writers(url, long_writer, other_writer)
    for t in threads:
        t.join(30)
    assert not errors
    assert in_time == [True], "the second writer waited for the open transaction"
    db = ServerDB(url)
    with db.transaction() as s:
        rows = list(s.scalars(select(Change).order_by(Change.seq)))
    db.dispose()
    assert [c.entity_id for c in rows] == ["upload", *(f"long-{n}" for n in range(50))]
    assert all(c.seq > 0 for c in rows)  # no provisional number left behind


def test_recording_the_same_entity_twice_in_a_transaction_keeps_one_numbered_change(pg):
    db = ServerDB(pg.url)
    with db.transaction() as s:
        feed.record(s, "kb", "twice")
        feed.record(s, "kb", "twice", op="delete")
    with db.transaction() as s:
        rows = list(s.scalars(select(Change).where(Change.entity_id == "twice")))
    db.dispose()
    assert [(r.op, r.seq > 0) for r in rows] == [("delete", True)]


def test_many_concurrent_writers_give_unique_gapless_numbers(pg):
    url = pg.url
    ids = [f"doc-{i}" for i in range(40)]

    def write(chunk: list[str]) -> None:
        db = ServerDB(url)
        for entity in chunk:
            with db.transaction() as s:
                feed.record(s, "kb", entity)
        db.dispose()

    threads = [threading.Thread(target=write, args=(ids[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    db = ServerDB(url)
    with db.transaction() as s:
        seqs = sorted(s.scalars(select(Change.seq).where(Change.feed == "kb")))
    db.dispose()
    assert len(seqs) == 40 and seqs == list(range(seqs[0], seqs[0] + 40))
