"""Knowledge-base routes: the changes feed for workstations, publishing for editors."""

from __future__ import annotations

from fastapi import APIRouter, Body, Depends
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ArticleRejected
from pac_sac_desktop.core.kb import article_from_wire, article_to_wire
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import db_session, require
from pac_sac_desktop.server.errors import ApiError
from pac_sac_desktop.server.feed_views import add_changes_route
from pac_sac_desktop.server.kb import service

router = APIRouter(prefix="/kb", tags=["kb"])


add_changes_route(router, "kb:read", service.changes)


@router.get("/articles/{article_id}")
def get_article(
    article_id: str,
    _user: Caller = Depends(require("kb:read")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    article = service.get(session, article_id)
    if article is None:
        raise ApiError(404, "not_found", "Article introuvable.")
    return article_to_wire(article)


@router.get("/articles/{article_id}/versions")
def get_versions(
    article_id: str,
    _user: Caller = Depends(require("kb:read")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    return service.versions(session, article_id)


@router.put("/articles/{article_id}")
def put_article(
    article_id: str,
    body: dict = Body(...),
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    if body.get("id", article_id) != article_id:
        raise ApiError(422, "invalid", "L'identifiant du corps diffère de celui de l'adresse.")
    try:
        article = article_from_wire({**body, "id": article_id})
    except ArticleRejected as exc:
        raise ApiError(422, "invalid", exc.reason) from None
    return {"id": article_id, "outcome": service.publish(session, article, author=user.username)}


@router.delete("/articles/{article_id}")
def delete_article(
    article_id: str,
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    if not service.withdraw(session, article_id, author=user.username):
        raise ApiError(404, "not_found", "Article introuvable ou déjà retiré.")
    return {"id": article_id, "outcome": "withdrawn"}
