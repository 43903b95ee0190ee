"""The ``GET …/changes`` route every feed serves the same way (cursor, page size, resync)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.errors import with_resync
from pac_sac_desktop.server.models import User


def add_changes_route(
    router: APIRouter, permission: str, read: Callable[[Session, int, int], dict]
) -> None:
    @router.get("/changes")
    def changes(
        since: int = Query(0, ge=0),
        limit: int = Query(500, ge=1, le=2000),
        _user: User = Depends(require(permission)),
        session: Session = Depends(db_session, scope="function"),
    ) -> dict:
        return with_resync(lambda: read(session, since, limit))
