"""A first sync makes the knowledge base searchable page by page, against a real server."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from pac_sac_desktop.services.knowledge import IndexProgress
from pac_sac_desktop.sync import engine

PAGE = 40


@dataclass
class FirstPage:
    stored: list[tuple[str, str]]  # (id, title) on this workstation when page 1 was stored
    remaining: int
    found: list[str]
    found_from_titles: bool
    later_found: list[str]
    progress: IndexProgress


def server_titles(server) -> dict[str, str]:  # type: ignore[no-untyped-def]
    headers = server.token("agent", "agent-demo-2026")
    changes = requests.get(
        f"{server.url}/api/v1/kb/changes?since=0&limit=1000", headers=headers, timeout=10
    ).json()["changes"]
    return {c["id"]: c["article"]["title"] for c in changes if c["op"] != "delete"}


def test_articles_of_the_first_page_are_found_before_the_next_page_downloads(
    server, workstation, monkeypatch
):
    monkeypatch.setattr(engine, "PAGE", PAGE)
    kb = workstation.kb
    on_server = server_titles(server)
    seen: list[FirstPage] = []

    def progress(feed: str, _done: int, remaining: int) -> None:
        if feed != "kb" or seen:
            return
        # Called on the sync thread after page 1 was stored: page 2 is not downloaded yet.
        stored = [(a.id, a.title) for a in kb.source.iter_articles()]
        assert kb.wait_for_index(timeout=120)
        article_id, title = stored[len(stored) // 2]
        outcome = kb.lookup(title)
        later_id = next(i for i in on_server if i not in dict(stored))
        seen.append(
            FirstPage(
                stored,
                remaining,
                [r.hit.id for r in outcome.results[:3]],
                outcome.titles_only,
                [r.hit.id for r in kb.lookup(on_server[later_id]).results],
                kb.index_progress(),
            )
        )
        assert article_id in seen[0].found, (title, seen[0].found)
        assert later_id not in seen[0].later_found

    workstation.sync_once(progress=progress)
    (first,) = seen
    assert len(first.stored) == PAGE and first.remaining > 0
    assert not first.found_from_titles  # the index itself answered
    assert first.progress.building
    assert (first.progress.indexed, first.progress.total) == (PAGE, PAGE + first.remaining)
    # After the sync: everything searchable, and the progress is over.
    assert kb.count() == len(on_server)
    last_id, last_title = list(on_server.items())[-1]
    assert last_id in [r.hit.id for r in kb.lookup(last_title).results[:3]]
    done = kb.index_progress()
    assert not done.building and done.indexed == done.total == len(on_server)
