"""Knowledge-base routes: the changes feed for workstations, publishing, history, feedback and
search analytics. Bodies are pydantic models (honest OpenAPI); what they let through is then
checked by the same rules as a Markdown file (core.kb)."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from pac_sac_desktop.core.errors import ArticleRejected, ValidationFailed
from pac_sac_desktop.core.kb import article_from_wire, article_to_wire
from pac_sac_desktop.core.kb_usage import Feedback, SearchEvent
from pac_sac_desktop.core.requests import text_problem
from pac_sac_desktop.core.timefmt import LOCAL_TZ
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.auth.views import db_session, require, run_as
from pac_sac_desktop.server.errors import ApiError, created, error_responses, with_resync
from pac_sac_desktop.server.feed_views import MAX_CURSOR
from pac_sac_desktop.server.kb import service, usage
from pac_sac_desktop.server.types import utcnow

router = APIRouter(prefix="/kb", tags=["kb"])


def _clean(value: str) -> str:
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Text = Annotated[str, AfterValidator(_clean)]


class ArticleIn(BaseModel):
    """An answer sheet as an editor sends it."""

    model_config = ConfigDict(extra="forbid")

    id: Text | None = Field(None, max_length=120)
    title: Text = Field(max_length=200)
    service: Text | None = Field(None, max_length=120)
    tags: list[Annotated[Text, Field(max_length=80)]] = Field(default_factory=list, max_length=50)
    categories: list[Annotated[Text, Field(max_length=80)]] = Field(
        default_factory=list, max_length=20
    )
    summary: Text = Field("", max_length=1000)
    body: Text = Field("", max_length=200_000)
    # Dates as text (AAAA-MM-JJ; moments AAAA-MM-JJ HH:MM on the city's clock or ISO with an
    # offset), read by core.kb so that a wrong one is explained in French like in a file.
    updated: Text | None = Field(None, max_length=40)
    expires: Text | None = Field(None, max_length=40)
    expires_at: Text | None = Field(None, max_length=40)
    review_by: Text | None = Field(None, max_length=40)
    urgent: bool = False
    publish_at: Text | None = Field(None, max_length=40, description="Publish later (scheduled).")
    base_version: int | None = Field(
        None, ge=0, lt=2**31, description="The version edited; 409 when another was published."
    )
    force: bool = Field(False, description="Publish despite consistency findings.")


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article_id: Text = Field(max_length=120)
    version: int = Field(0, ge=0, lt=2**31)
    kind: Literal["useful", "fix"]
    comment: Text = Field("", max_length=2000)
    created_at: dt.datetime


class SearchEventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: Text = Field(max_length=200)
    results: int = Field(ge=0, lt=10_000)
    opened: Text | None = Field(None, max_length=120)
    at: dt.datetime


class SearchBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    batch: uuidlib.UUID
    events: list[SearchEventIn] = Field(max_length=usage.MAX_BATCH)


def _article(article_id: str, body: ArticleIn):  # type: ignore[no-untyped-def]
    if body.id is not None and body.id != article_id:
        raise ApiError(422, "invalid", "L'identifiant du corps diffère de celui de l'adresse.")
    data = body.model_dump(exclude={"base_version", "force"})
    data["id"] = article_id
    try:
        return article_from_wire(data)
    except ArticleRejected as exc:
        raise ApiError(422, "invalid", exc.reason) from None


def _findings(findings) -> list[dict]:  # type: ignore[no-untyped-def]
    return [{"category": f.category, "message": f.message} for f in findings]


@router.get("/changes", responses=error_responses(410))
async def changes(
    request: Request,
    since: int = Query(0, ge=0, le=MAX_CURSOR),
    limit: int = Query(500, ge=1, le=2000),
) -> Response:
    """The feed; a scheduled version whose time came is published first (one write, rarely)."""

    def read(session: Session, _user: Caller) -> bytes | None:
        if service.due_scheduled(session, utcnow()):
            return None
        return with_resync(lambda: service.changes(session, since, limit))

    page = await run_as(request, "kb:read", read, read_only=True)
    if page is None:
        await run_as(request, "kb:read", lambda s, _u: service.release_due(s, utcnow()))
        page = await run_as(
            request,
            "kb:read",
            lambda s, _u: with_resync(lambda: service.changes(s, since, limit)),
            read_only=True,
        )
    return Response(page, media_type="application/json")


@router.get("/urgent")
def urgent_now(
    _user: Caller = Depends(require("kb:read")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    """The urgent notices in force now, on the server's clock."""
    return [article_to_wire(a) for a in service.urgent(session, utcnow())]


@router.get("/articles/{article_id}", responses=error_responses(404))
async def get_article(article_id: str, request: Request) -> JSONResponse:
    """Every workstation opens articles: one thread-pool hop (``run_as``) instead of one per
    dependency, and a read-only transaction."""

    def read(session: Session, _user: Caller) -> dict:
        article = service.get(session, article_id)
        if article is None:
            raise ApiError(404, "not_found", "Article introuvable.")
        return {**article_to_wire(article), "version": service.current_version(session, article_id)}

    return JSONResponse(await run_as(request, "kb:read", read, read_only=True))


@router.get("/articles/{article_id}/versions")
def get_versions(
    article_id: str,
    _user: Caller = Depends(require("kb:read")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    return service.versions(session, article_id)


@router.get("/articles/{article_id}/diff", responses=error_responses(404))
def get_diff(
    article_id: str,
    old: int = Query(alias="from", ge=1, lt=2**31),
    new: int = Query(alias="to", ge=1, lt=2**31),
    _user: Caller = Depends(require("kb:read")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    lines = service.diff(session, article_id, old, new)
    if lines is None:
        raise ApiError(404, "not_found", "Version introuvable.")
    return {"id": article_id, "from": old, "to": new, "lines": [x.to_wire() for x in lines]}


@router.post("/articles/{article_id}/restore/{number}", responses=error_responses(404))
def restore_version(
    article_id: str,
    number: int,
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    if not 0 < number < 2**31:
        raise ApiError(422, "invalid", "Numéro de version invalide.")
    new = service.restore(session, article_id, number, author=user.username)
    if new is None:
        raise ApiError(404, "not_found", "Version introuvable.")
    return {"id": article_id, "restored": number, "version": new}


@router.put("/articles/{article_id}", responses=error_responses(409))
def put_article(
    article_id: str,
    body: ArticleIn,
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
):  # type: ignore[no-untyped-def]
    """Publish now, or at ``publish_at``; 409 with the published version when it moved on."""
    article = _article(article_id, body)
    findings = service.consistency(session, article)
    if findings and not body.force:
        raise ApiError(
            422,
            "inconsistent",
            "La fiche contredit le délai d'une catégorie liée : corrigez-la ou publiez "
            "en connaissance de cause.",
            {f"categories.{f.category}": f.message for f in findings},
        )
    try:
        if article.publish_at is not None and article.publish_at > utcnow():
            outcome = service.schedule(
                session,
                article,
                article.publish_at,
                author=user.username,
                base_version=body.base_version,
            )
        else:
            outcome = service.publish(
                session, article, author=user.username, base_version=body.base_version
            )
    except service.Stale as exc:
        session.rollback()
        return JSONResponse(
            {
                "error": {
                    "code": "conflict",
                    "message": "Une autre version a été publiée entre-temps : comparez-les "
                    "avant de publier.",
                    "fields": {},
                },
                "version": exc.version,
                "current": article_to_wire(exc.current) if exc.current else None,
            },
            status_code=409,
        )
    return {
        "id": article_id,
        "outcome": outcome,
        "version": service.current_version(session, article_id),
        "findings": _findings(findings),
    }


@router.delete("/articles/{article_id}", responses=error_responses(404))
def delete_article(
    article_id: str,
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    if not service.withdraw(session, article_id, author=user.username):
        raise ApiError(404, "not_found", "Article introuvable ou déjà retiré.")
    return {"id": article_id, "outcome": "withdrawn"}


@router.get("/scheduled")
def get_scheduled(
    _user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    return service.scheduled(session)


@router.get("/consistency")
def get_consistency(
    _user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    """The check on demand: every published sheet against its categories' deadlines."""
    return [
        {"id": f.article_id, "category": f.category, "message": f.message}
        for f in service.consistency(session)
    ]


@router.put(
    "/feedback/{feedback_uuid}",
    responses={**created("Avis enregistré."), **error_responses(409)},
)
def put_feedback(
    feedback_uuid: uuidlib.UUID,
    body: FeedbackIn,
    user: Caller = Depends(require("kb:feedback")),
    session: Session = Depends(db_session, scope="function"),
):  # type: ignore[no-untyped-def]
    try:
        feedback = Feedback.from_wire(
            {
                **body.model_dump(),
                "uuid": str(feedback_uuid),
                "created_at": body.created_at.isoformat(),
            },
            author=user.username,
        )
        created = usage.put_feedback(session, feedback)
    except ValidationFailed as exc:
        raise ApiError(422, "invalid", exc.message, exc.fields) from None
    except usage.Conflict:
        raise ApiError(409, "conflict", "Un autre avis porte déjà cet identifiant.") from None
    return JSONResponse({"uuid": feedback.uuid}, status_code=201 if created else 200)


@router.get("/feedback")
def get_corrections(
    state: Literal["open", "all"] = "open",
    _user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> list[dict]:
    """The editors' queue of corrections asked by agents."""
    return usage.corrections(session, open_only=state == "open")


@router.post("/feedback/{feedback_uuid}/close", responses=error_responses(404))
def close_correction(
    feedback_uuid: uuidlib.UUID,
    user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    if not usage.close_correction(session, str(feedback_uuid), editor=user.username):
        raise ApiError(404, "not_found", "Correction introuvable.")
    return {"uuid": str(feedback_uuid), "closed": True}


@router.post("/searches")
def post_searches(
    body: SearchBatchIn,
    _user: Caller = Depends(require("kb:feedback")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    """A workstation's finished searches; refused quietly when the city opted out."""
    if not usage.analytics_enabled():
        return {"accepted": 0, "analytics": False}
    try:
        events = [SearchEvent.from_wire(e.model_dump(mode="json")) for e in body.events]
    except ValidationFailed as exc:
        raise ApiError(422, "invalid", exc.message, exc.fields) from None
    return {"accepted": usage.record_searches(session, str(body.batch), events), "analytics": True}


@router.get("/gaps")
def get_gaps(
    start: dt.date = Query(alias="from"),
    end: dt.date = Query(alias="to"),
    _user: Caller = Depends(require("kb:write")),
    session: Session = Depends(db_session, scope="function"),
) -> dict:
    """Searches with no result or no sheet opened, and the most used sheets, ``from``–``to``
    inclusive (days on the city's clock)."""
    if end < start:
        raise ApiError(422, "invalid", "La fin de la période précède son début.")
    return usage.gaps(session, *day_range(start, end))


def day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    first = dt.datetime.combine(start, dt.time(), LOCAL_TZ).astimezone(dt.UTC)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), LOCAL_TZ)
    return first, last.astimezone(dt.UTC)
