"""Request routes: idempotent upload, follow-up events, the changes feed.

Uploads and events are the busy routes of every workstation's push: they run through ``run_as``
(one thread-pool hop, commit on the same thread) and answer with a ready JSONResponse.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.privacy import Action
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import db_session, require, run_as
from pac_sac_desktop.server.db import ServerDB
from pac_sac_desktop.server.errors import ApiError, created, error_responses
from pac_sac_desktop.server.feed_cache import EncodedPage
from pac_sac_desktop.server.feed_views import add_changes_route
from pac_sac_desktop.server.privacy import access
from pac_sac_desktop.server.requests import feed_page, service

router = APIRouter(prefix="/requests", tags=["requests"])


def _uuid(value: str) -> str:
    try:
        return str(uuidlib.UUID(value))
    except ValueError:
        raise ApiError(422, "invalid", "Identifiant de requête invalide (UUID attendu).") from None


async def _idempotent_put(
    request: Request,
    permission: str,
    store: Callable[[Session, Caller], tuple[bool, dict]],
    conflict: str,
) -> JSONResponse:
    """Both uploads: 201 when stored, 200 when the same thing came again, French refusals."""

    def work(session: Session, user: Caller) -> tuple[bool, dict]:
        try:
            return store(session, user)
        except service.NotFound:
            raise ApiError(404, "not_found", "Requête introuvable.") from None
        except service.Conflict:
            raise ApiError(409, "conflict", conflict) from None
        except service.Refused as exc:
            code = "forbidden" if exc.status == 403 else "refused"
            raise ApiError(exc.status, code, exc.message) from None
        except ValidationFailed as exc:
            raise ApiError(422, "invalid", exc.message, exc.fields) from None

    created, answer = await run_as(request, permission, work)
    return JSONResponse(answer, status_code=201 if created else 200)


# The routes an access-log row names.
PUT_REQUEST = "PUT /api/v1/requests/{request_uuid}"
GET_REQUEST = "GET /api/v1/requests/{request_uuid}"
PUT_EVENT = "PUT /api/v1/requests/{request_uuid}/events/{event_uuid}"
FEED = "GET /api/v1/requests/changes"


@router.put(
    "/{request_uuid}",
    responses={**created("Requête enregistrée, numéro attribué."), **error_responses(409)},
)
async def put_request(
    request_uuid: str, request: Request, payload: dict = Body(...)
) -> JSONResponse:
    key = _uuid(request_uuid)

    def store(session: Session, user: Caller) -> tuple[bool, dict]:
        # The access-log row is written with the request (a replay writes nothing and shows
        # only what its sender sent).
        return service.put_request(session, key, payload, user=user, route=PUT_REQUEST)

    return await _idempotent_put(
        request, "requests:create", store, "Une autre requête porte déjà cet identifiant."
    )


def _audit_feed(db: ServerDB, reader: Session, user: Caller, page: EncodedPage) -> None:
    """A page of the requests feed copies personal data to a workstation: one export row naming
    the requests it carried (the page says which, see feed_cache.EncodedPage), written before
    the page is answered. On PostgreSQL the page's unit commits each statement (no BEGIN, no
    COMMIT): the row's insert is one more statement there. SQLite read the page in a read-only
    transaction: the row gets a writing one of its own."""
    if not page.carried:
        return
    if db.statements_commit:
        access.record_export(reader, user, page.carried, FEED)
        return
    with db.transaction() as session:
        access.record_export(session, user, page.carried, FEED)


add_changes_route(router, "requests:read", feed_page.changes, audit=_audit_feed)


@router.get("/{request_uuid}", responses=error_responses(404))
def get_request(
    request_uuid: str,
    user: Caller = Depends(require("requests:read")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    row = service.get_request(session, _uuid(request_uuid))
    if row is None:
        raise ApiError(404, "not_found", "Requête introuvable.")
    access.record(session, user, row.uuid, Action.READ, GET_REQUEST)
    return service.to_wire(row, service.events_of(session, row.uuid))


class EventIn(BaseModel):
    """An event as a workstation sends it. ``data`` depends on ``kind`` (docs/sync.md); it is
    checked by core.events.clean_data, the rule the workstation already applied offline."""

    kind: str = Field(
        description="status, assignment, note, caller, followup, meeting, close, "
        "satisfaction, merge ou unmerge"
    )
    data: dict[str, Any] = Field(default_factory=dict)
    created_at: str | None = Field(
        default=None, description="Moment de l'action sur le poste (ISO 8601 avec fuseau)"
    )


@router.put(
    "/{request_uuid}/events/{event_uuid}",
    responses={**created("Événement enregistré."), **error_responses(404, 409)},
)
async def put_event(
    request_uuid: str, event_uuid: str, request: Request, body: EventIn
) -> JSONResponse:
    """201 with the stored event; 200 with the same event when it came already; 409 for another
    body under that UUID or an action the request's state refuses; 403 when the caller's role
    may not add it; 422 (French, per field) when its data is invalid."""
    keys = _uuid(request_uuid), _uuid(event_uuid)
    wire = {"kind": body.kind, "data": body.data, "created_at": body.created_at}

    def store(session: Session, user: Caller) -> tuple[bool, dict]:
        created, event = service.put_event(session, *keys, wire, user=user)
        if created:
            access.record(session, user, keys[0], Action.CHANGE, PUT_EVENT)
        return created, service.event_to_wire(event)

    return await _idempotent_put(
        request, "requests:read", store, "Un autre événement porte déjà cet identifiant."
    )
