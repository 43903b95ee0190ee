from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.feed_views import add_changes_route
from pac_sac_desktop.server.taxonomy import service

router = APIRouter(prefix="/taxonomy", tags=["taxonomy"])


add_changes_route(router, "taxonomy:read", service.changes)


@router.get("/categories")
def categories(
    _user: Caller = Depends(require("taxonomy:read")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    return [service.to_wire(c) for c in service.all_categories(session)]
