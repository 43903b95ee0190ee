"""One error shape for the native API: ``{"error": {"code", "message", "fields"}}`` in French.

Also what the OpenAPI schema says about it: ``ErrorBody`` is that shape as a pydantic model and
``error_responses`` the declaration routes and routers use, so that the schema lists every status
a route can answer (issue 6/6; tests/server/test_fuzz_schema.py holds it to that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from pac_sac_desktop.core.requests import text_problem


class ErrorDetail(BaseModel):
    code: str = Field(description="invalid, unauthenticated, forbidden, not_found, conflict…")
    message: str = Field(description="Le refus, en français, à montrer tel quel.")
    fields: dict[str, str] = Field(
        default_factory=dict, description="Champ refusé → raison, en français."
    )


class ErrorBody(BaseModel):
    """Every refusal of the native API."""

    error: ErrorDetail


_MEANING = {
    401: "Authentification requise, ou session expirée ou révoquée.",
    403: "Le rôle de l'utilisateur ne permet pas cette action.",
    404: "Introuvable.",
    409: "Conflit : un autre contenu porte déjà cet identifiant, ou l'état ne le permet pas.",
    410: "Curseur trop ancien : le poste doit tout retélécharger (resync_required).",
    413: "Corps de requête trop volumineux.",
    422: "Requête invalide : chaque champ refusé et sa raison, en français.",
    429: "Trop de tentatives : réessayer après le délai de l'en-tête Retry-After.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route or router for these refusal statuses, in the one shape."""
    return {status: {"model": ErrorBody, "description": _MEANING[status]} for status in statuses}


# What every route behind a token may answer besides its own statuses.
PROTECTED = error_responses(401, 403, 422)


def created(description: str) -> dict[int | str, dict[str, Any]]:
    """An idempotent PUT's 201 (stored now) beside its 200 (the same thing came again)."""
    return {201: {"description": description}}


def error_response(
    status: int,
    code: str,
    message: str,
    fields: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "fields": fields or {}}}
    return JSONResponse(body, status_code=status, headers=headers)


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, str] | None = None,
        *,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields or {}
        self.headers = headers


async def api_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.fields, exc.headers)


_HTTP_FR = {
    404: ("not_found", "Adresse inconnue de l'API."),
    405: ("method_not_allowed", "Méthode non permise à cette adresse."),
}


async def http_error_handler(_request: Request, exc: Exception) -> JSONResponse:
    """Starlette's and FastAPI's own refusals in the API's French shape (they answered
    ``{"detail": "Not Found"}`` in English).

    FastAPI's only 400 is a body it could not read at all (bytes that are not UTF-8, JSON nested
    past Python's recursion limit): the same refusal as malformed JSON, hence 422 like it.
    """
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400:
        return error_response(
            422,
            "invalid",
            "Corps de requête illisible : JSON en UTF-8 attendu.",
            {"body": "JSON illisible"},
        )
    code, message = _HTTP_FR.get(exc.status_code, ("refused", "Requête refusée."))
    return error_response(exc.status_code, code, message, headers=exc.headers)


def storable_text(value: str) -> str:
    """A pydantic check for text PostgreSQL can store: no NUL byte, no lone surrogate."""
    problem = text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


T = TypeVar("T")


def with_resync(read: Callable[[], T]) -> T:
    """Turn a feed's ResyncRequired into 410 Gone with ``resync_required``."""
    from pac_sac_desktop.server.feed import ResyncRequired

    try:
        return read()
    except ResyncRequired as exc:
        raise ApiError(
            410,
            "resync_required",
            "Le poste doit retélécharger les données (curseur trop ancien).",
            {"horizon": str(exc.horizon)},
        ) from None
