"""The ``GET …/changes`` route every feed serves the same way (cursor, page size, resync)."""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import run_as
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.errors import error_responses, with_resync
from pac_sac_desktop.server.feed_cache import EncodedPage

# A cursor is a PostgreSQL bigint: past it, the query itself failed with a 500.
MAX_CURSOR = 2**63 - 1


def encoded(page: dict | EncodedPage) -> EncodedPage:
    """A page as the bytes of its JSON answer (what JSONResponse would send), unless the feed
    built them itself (the requests feed, see requests.feed_page)."""
    if isinstance(page, EncodedPage):
        return page
    body = json.dumps(page, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
    return EncodedPage(body, ())


def add_changes_route(
    router: APIRouter,
    permission: str,
    read: Callable[[Session, int, int], dict | EncodedPage],
    *,
    audit: Callable[[ServerDB, Session, Caller, EncodedPage], None] | None = None,
) -> None:
    """``audit``: called with each encoded page read and the read-only unit that read it, before
    the page is answered (the requests feed writes its access-log row there)."""

    @router.get("/changes", responses=error_responses(410))
    async def changes(
        request: Request,
        since: int = Query(0, ge=0, le=MAX_CURSOR),
        limit: int = Query(500, ge=1, le=2000),
    ) -> Response:
        # Encoded on the worker thread: a page of hundreds of items no longer holds the event
        # loop (and every other caller's answer) while it becomes JSON.
        def work(session: Session, user: Caller) -> bytes:
            page = encoded(with_resync(lambda: read(session, since, limit)))
            if audit is not None:
                audit(request.app.state.db, session, user, page)
            return page.body

        body = await run_as(request, permission, work, read_only=True)
        return Response(body, media_type="application/json")
