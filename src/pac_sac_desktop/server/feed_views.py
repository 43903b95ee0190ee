"""The ``GET …/changes`` route every feed serves the same way (cursor, page size, resync)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import run_as
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.errors import with_resync


def add_changes_route(
    router: APIRouter,
    permission: str,
    read: Callable[[Session, int, int], dict],
    *,
    audit: Callable[[ServerDB, Caller, dict], None] | None = None,
) -> None:
    """``audit``: called with each page read, before it is answered (the requests feed writes
    its access-log row there, in a transaction of its own: the page is read in a read-only one).
    """

    @router.get("/changes")
    async def changes(
        request: Request,
        since: int = Query(0, ge=0, le=2**63 - 1),
        limit: int = Query(500, ge=1, le=2000),
    ) -> JSONResponse:
        def work(session: Session, user: Caller) -> dict:
            page = with_resync(lambda: read(session, since, limit))
            if audit is not None:
                audit(request.app.state.db, user, page)
            return page

        page = await run_as(request, permission, work, read_only=True)
        return JSONResponse(page)
