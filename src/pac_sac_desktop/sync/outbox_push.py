"""The outbox's part of a sync pass: requests and their events, as far as the network lets them.

A bad line fails one upload here and there. Before, the first failure ended the push: events
waited until every request of their batch of 64 had gone through in the same pass, then went one
at a time until the next failure; under a faulty network a pass cleared about three items. Now:

- the outbox is walked once, in the order items were made, up to what was queued when the pass
  began (new saves wait for the next pass: the pulls are never starved);
- items go by request, a *chain*: the request's upload, then its events in the order they were
  made (the server orders a request's history by arrival, so an event never overtakes an
  earlier one of the same request). Up to ``PUSH_WORKERS`` chains go side by side;
- a network failure stops only its chain: what follows it in that request waits for the next
  pass, every other request goes on. The pass gives up once failures are at least
  ``GIVE_UP_AFTER`` and outnumber the answers (a server down or stalling, not a bad line), and
  raises the first failure at its end, so the caller still backs off;
- every answer is recorded as it arrives, in groups (``RECORD_EVERY`` answers or
  ``RECORD_WAIT`` seconds, and before the pass ends or raises): one SQLite transaction per
  answer cost 2-4 ms each (docs/benchmarks-sync.md), and a crash loses at most a group of
  answers, which are sent again and answered the same (idempotent PUTs): never twice, never lost.

A refusal for good (409, 422, 404) blocks the item for a supervisor and the chain goes on, as
before; auth, forbidden, locked and throttled end the pass at once.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from pac_sac_desktop.core.errors import NetworkError, SyncError
from pac_sac_desktop.store import requests_repo as repo
from pac_sac_desktop.store.db import Database
from pac_sac_desktop.store.models import OutboxRow
from pac_sac_desktop.sync.client import ServerClient

PUSH_BATCH = 64
PUSH_WORKERS = 4
GIVE_UP_AFTER = 4
RECORD_EVERY = 64
RECORD_WAIT = 0.2  # seconds an answer may wait before it is recorded
STOPPING = ("auth", "forbidden", "locked", "throttled")

Record = Callable[[list[tuple[OutboxRow, dict]]], None]
Block = Callable[[OutboxRow, SyncError], None]


@dataclass
class PushResult:
    pushed: int = 0
    blocked: int = 0
    failures: int = 0  # network failures met (each held back its request's later items)
    held: int = 0  # items left waiting because an earlier item of their request failed


def key(item: OutboxRow) -> str:
    """The request an item belongs to: itself for an upload, the parent for an event."""
    return item.parent_uuid or item.entity_uuid


def send(client: ServerClient, item: OutboxRow) -> dict:
    if item.kind == "request":
        return client.put_request(item.entity_uuid, item.payload)[1]
    return client.put_event(item.parent_uuid or "", item.entity_uuid, item.payload)[1]


class _Pass:
    def __init__(
        self,
        db: Database,
        client: ServerClient,
        record: Record,
        block: Block,
        result: PushResult,
    ) -> None:
        self.db, self.client, self.record, self.block = db, client, record, block
        self.result = result
        self.held: set[str] = set()  # requests with an item left waiting in this pass
        self.stop = threading.Event()
        self.failure: Exception | None = None  # the first network failure
        self.fatal: SyncError | None = None  # auth, forbidden, locked, throttled
        self.answers: queue.Queue[tuple[str, OutboxRow | None, object]] = queue.Queue()
        self.unrecorded: list[tuple[OutboxRow, dict]] = []
        self.oldest = 0.0
        self.local = threading.local()
        # Network failures and answers, counted by the workers as they come (``_tally``).
        self.tally = threading.Lock()
        self.failed = self.answered = 0

    # ---------------------------------------------------------------- worker threads
    def _client(self) -> ServerClient:
        """A client per thread: a requests.Session is not shared across threads."""
        client = getattr(self.local, "client", None)
        if client is None:
            client = self.local.client = self.client.clone()
        return client

    def chain(self, items: list[OutboxRow]) -> None:
        """One request's items in order; stops at its first network failure."""
        try:
            for n, item in enumerate(items):
                if self.stop.is_set():
                    self.answers.put(("held", None, len(items) - n))
                    return
                try:
                    answer = send(self._client(), item)
                except NetworkError as exc:
                    self._tally(failed=True)
                    self.answers.put(("failed", item, exc))
                    self.answers.put(("held", None, len(items) - n - 1))
                    return
                except SyncError as exc:
                    if exc.kind in STOPPING:
                        self.answers.put(("fatal", item, exc))
                        self.answers.put(("held", None, len(items) - n))
                        return
                    self._tally(failed=False)
                    self.answers.put(("refused", item, exc))
                    continue
                self._tally(failed=False)
                self.answers.put(("sent", item, answer))
        except BaseException as exc:  # a bug: the main thread raises it
            self.answers.put(("bug", None, exc))
        finally:
            self.answers.put(("end", None, None))

    def _tally(self, *, failed: bool) -> None:
        """Give up once the network fails more than it answers (a server down or stalling, not
        a bad line): going on would only spend a timeout per request. Decided here, in the
        worker, as each answer comes: the main thread reads the answers later, and meanwhile
        every free worker would start another request."""
        with self.tally:
            if not failed:
                self.answered += 1
                return
            self.failed += 1
            if self.failed >= GIVE_UP_AFTER and self.failed > self.answered:
                self.stop.set()

    # ---------------------------------------------------------------- main thread
    def run(self, pool: ThreadPoolExecutor) -> PushResult:
        with self.db.reading() as s:
            upto = repo.last_outbox_id(s)
        after = 0
        try:
            while not self.stop.is_set():
                with self.db.reading() as s:
                    batch = repo.pending_outbox(s, PUSH_BATCH, after=after, upto=upto)
                if not batch:
                    break
                after = batch[-1].id
                self._batch(pool, batch)
        finally:
            self._flush()
        if self.fatal is not None:
            raise self.fatal
        if self.failure is not None:
            raise self.failure
        return self.result

    def _batch(self, pool: ThreadPoolExecutor, batch: list[OutboxRow]) -> None:
        chains: dict[str, list[OutboxRow]] = {}
        for item in batch:
            if key(item) in self.held:
                self.result.held += 1
            else:
                chains.setdefault(key(item), []).append(item)
        for items in chains.values():
            pool.submit(self.chain, items)
        running = len(chains)
        while running:
            try:
                what, item, value = self.answers.get(timeout=RECORD_WAIT)
            except queue.Empty:
                self._flush_if_due()
                continue
            if what == "end":
                running -= 1
            elif what == "sent":
                assert item is not None and isinstance(value, dict)
                if not self.unrecorded:
                    self.oldest = time.monotonic()
                self.unrecorded.append((item, value))
            elif what == "refused":
                assert item is not None and isinstance(value, SyncError)
                self.block(item, value)
                self.result.blocked += 1
            elif what == "held":
                assert isinstance(value, int)
                self.result.held += value
            elif what == "bug":
                self.stop.set()
                assert isinstance(value, BaseException)
                raise value
            else:  # failed, fatal: this request's later items wait for the next pass
                assert item is not None and isinstance(value, Exception)
                self.held.add(key(item))
                if what == "fatal":
                    assert isinstance(value, SyncError)
                    self.fatal = self.fatal or value
                    self.stop.set()
                else:
                    self.result.failures += 1
                    self.failure = self.failure or value
            self._flush_if_due()

    def _flush_if_due(self) -> None:
        if self.unrecorded and (
            len(self.unrecorded) >= RECORD_EVERY or time.monotonic() - self.oldest >= RECORD_WAIT
        ):
            self._flush()

    def _flush(self) -> None:
        if not self.unrecorded:
            return
        done, self.unrecorded = self.unrecorded, []
        self.record(done)
        self.result.pushed += len(done)


def push_outbox(
    db: Database,
    client: ServerClient,
    record: Record,
    block: Block,
    *,
    result: PushResult | None = None,
) -> PushResult:
    """Send what the outbox held when the pass began; ``record`` stores acknowledged items
    (and removes them from the outbox), ``block`` keeps a refused one aside. Raises the first
    network failure (or an auth/permission/throttle refusal) after recording every answer;
    ``result`` then holds what was done before."""
    push = _Pass(db, client, record, block, result or PushResult())
    pool = ThreadPoolExecutor(max_workers=PUSH_WORKERS, thread_name_prefix="push")
    try:
        return push.run(pool)
    finally:
        push.stop.set()
        pool.shutdown(wait=True)
