"""The citizen's survey page (no account: the one-time link is the key) and the clerk's route."""

from __future__ import annotations

import html
import uuid as uuidlib
from typing import Literal

from fastapi import APIRouter, Body, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field, ValidationError, field_validator

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.privacy import Action
from pac_sac_desktop.server.auth.views import run_as
from pac_sac_desktop.server.errors import ApiError, created, error_responses
from pac_sac_desktop.server.privacy import access
from pac_sac_desktop.server.requests import service as requests
from pac_sac_desktop.server.satisfaction import service

page_router = APIRouter(tags=["satisfaction"])
api_router = APIRouter(prefix="/satisfaction", tags=["satisfaction"])


def _text(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("texte attendu")
    if "\x00" in value:
        raise ValueError("caractère nul interdit")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("caractère invalide") from None
    return value.strip()


class SatisfactionIn(BaseModel):
    score: int = Field(ge=1, le=5, strict=True)
    comment: str = Field(default="", max_length=2000)
    source: Literal["phone", "counter"] = "phone"

    _clean = field_validator("comment", mode="before")(lambda v: _text(v))


class SatisfactionForm(BaseModel):
    score: int = Field(ge=1, le=5)
    comment: str = Field(default="", max_length=2000)

    _clean = field_validator("comment", mode="before")(lambda v: _text(v))


_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f8fa;color:#1b2631}
main{max-width:520px;margin:auto;padding:20px}
h1{font-size:1.35em} .scores{display:flex;gap:8px;margin:16px 0}
.scores label{flex:1} .scores input{position:absolute;opacity:0}
.scores span{display:block;text-align:center;padding:14px 0;border:2px solid #1f5f99;border-radius:10px;font-size:1.3em;font-weight:700;color:#1f5f99;background:#fff}
.scores input:checked+span{background:#1f5f99;color:#fff}
.scores input:focus-visible+span{outline:3px solid #f39c12}
.ends{display:flex;justify-content:space-between;font-size:.85em;color:#566573}
textarea{width:100%;box-sizing:border-box;min-height:110px;font:inherit;padding:8px;border-radius:8px;border:1px solid #aab7b8}
button{width:100%;margin-top:14px;padding:14px;font-size:1.1em;border:0;border-radius:10px;background:#1f5f99;color:#fff}
.err{color:#a93226;font-weight:600}
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(
        f"""<!DOCTYPE html><html lang="fr-CA"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{html.escape(title)}</title><style>{_STYLE}</style></head>
<body><main><h1>{html.escape(title)}</h1>{body}</main></body></html>""",
        status_code=status,
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


_GONE = {
    "unknown": (
        "Lien introuvable",
        "Ce lien de sondage n'existe pas. Vérifiez l'adresse reçue.",
        404,
    ),
    "used": (
        "Merci !",
        "Votre réponse a déjà été reçue. Merci de nous aider à améliorer nos services.",
        200,
    ),
    "expired": (
        "Lien expiré",
        "Ce lien de sondage a expiré. Vous pouvez nous joindre par téléphone.",
        410,
    ),
}


def _gone(reason: str) -> HTMLResponse:
    title, text, status = _GONE[reason]
    return _page(title, f"<p>{html.escape(text)}</p>", status)


def _form(error: str = "") -> str:
    scores = "".join(
        f'<label><input type="radio" name="score" value="{n}" required><span>{n}</span></label>'
        for n in range(1, 6)
    )
    err = f'<p class="err">{html.escape(error)}</p>' if error else ""
    return f"""<p>Êtes-vous satisfait du traitement de votre requête ?</p>{err}
<form method="post"><div class="scores" role="radiogroup" aria-label="Note de 1 à 5">{scores}</div>
<div class="ends"><span>1 : pas du tout satisfait</span><span>5 : très satisfait</span></div>
<p><label for="comment">Un commentaire ? (facultatif)</label></p>
<textarea id="comment" name="comment" maxlength="2000"></textarea>
<button type="submit">Envoyer ma réponse</button></form>
<p><small>Aucun compte n'est nécessaire. Ce lien ne sert qu'une fois.</small></p>"""


async def _with_link(request: Request, work):  # type: ignore[no-untyped-def]
    import anyio.to_thread

    db = request.app.state.db

    def unit():  # type: ignore[no-untyped-def]
        with db.transaction() as session:
            return work(session)

    return await anyio.to_thread.run_sync(unit)


def _html(why: str) -> dict:
    return {"description": f"{why} (page HTML)", "content": {"text/html": {}}}


_LINK_GONE = {404: _html("Lien introuvable"), 410: _html("Lien expiré")}


@page_router.get("/satisfaction/{token}", response_class=HTMLResponse, responses=_LINK_GONE)
async def survey(token: str, request: Request) -> HTMLResponse:
    try:
        await _with_link(request, lambda session: service.link_of(session, token))
    except service.LinkGone as exc:
        return _gone(exc.reason)
    return _page("Votre avis compte", _form())


@page_router.post(
    "/satisfaction/{token}",
    response_class=HTMLResponse,
    responses={**_LINK_GONE, 422: _html("Note manquante ou invalide, formulaire réaffiché")},
)
async def answer(token: str, request: Request) -> HTMLResponse:
    form = await request.form()
    try:
        values = SatisfactionForm.model_validate(
            {"score": form.get("score"), "comment": form.get("comment") or ""}
        )
    except ValidationError:
        return _page("Votre avis compte", _form("Choisissez une note de 1 à 5."), 422)
    try:
        reference = await _with_link(
            request,
            lambda session: service.answer_by_link(session, token, values.score, values.comment),
        )
    except service.LinkGone as exc:
        return _gone(exc.reason)
    except (ValidationFailed, requests.Conflict):
        return _gone("used")
    return _page(
        "Merci !",
        f"<p>Votre réponse au sujet de la requête {html.escape(reference)} a bien été reçue. "
        "Merci de nous aider à améliorer nos services.</p>",
    )


@api_router.put(
    "/{request_uuid}/{event_uuid}",
    responses={**created("Réponse enregistrée."), **error_responses(404, 409)},
)
async def clerk_answer(
    request_uuid: str, event_uuid: str, request: Request, body: dict = Body(...)
) -> JSONResponse:
    try:
        keys = str(uuidlib.UUID(request_uuid)), str(uuidlib.UUID(event_uuid))
    except ValueError:
        raise ApiError(422, "invalid", "Identifiant invalide (UUID attendu).") from None
    try:
        values = SatisfactionIn.model_validate(body)
    except ValidationError as exc:
        fields = {
            ".".join(str(p) for p in e["loc"])
            or "body": "note de 1 à 5, commentaire de 2000 caractères au plus"
            for e in exc.errors()
        }
        raise ApiError(422, "invalid", "Réponse de satisfaction invalide.", fields) from None

    def work(session, user):  # type: ignore[no-untyped-def]
        try:
            created, event = service.answer_by_clerk(
                session, *keys, score=values.score, comment=values.comment,
                source=values.source, user=user,
            )  # fmt: skip
            if created:
                route = "PUT /api/v1/satisfaction/{request_uuid}/{event_uuid}"
                access.record(session, user, keys[0], Action.CHANGE, route)
            return created, event
        except requests.NotFound:
            raise ApiError(404, "not_found", "Requête introuvable.") from None
        except service.NotSettled:
            raise ApiError(
                409, "not_settled", "La satisfaction se note une fois la requête résolue ou fermée."
            ) from None
        except requests.Conflict:
            raise ApiError(
                409, "conflict", "Un autre événement porte déjà cet identifiant."
            ) from None
        except ValidationFailed as exc:
            raise ApiError(422, "invalid", exc.message, exc.fields) from None

    created, event = await run_as(request, "requests:create", work)
    return JSONResponse(event, status_code=201 if created else 200)
