"""Open311 GeoReport v2 routes under /open311/v2, each in ``.json`` and ``.xml``.

The routes only read HTTP and render; ``service`` does the work. Errors follow the
specification (a list of ``{code, description}``, ``<errors>`` in XML) rather than the native
``{"error": …}`` shape: ``Open311Route`` turns every ``Open311Error`` into that answer, in the
format the URL asked for. Parameters are read by hand, not declared, so that a bad value is
answered in that shape too and never as FastAPI's 422.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile
from starlette.routing import Match

from pac_sac_desktop.core.requests import text_problem
from pac_sac_desktop.server.auth.views import db_session
from pac_sac_desktop.server.errors import created
from pac_sac_desktop.server.open311 import service, xml
from pac_sac_desktop.server.open311.service import Open311Error

XML_MEDIA_TYPE = "text/xml; charset=utf-8"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def render(fmt: str, root: str, data: dict[str, Any] | list[Any], status: int = 200) -> Response:
    """The same data as JSON, or as XML under the specification's root element."""
    if fmt == "xml":
        return Response(xml.document(root, data), status_code=status, media_type=XML_MEDIA_TYPE)
    return JSONResponse(data, status_code=status)


def storable(name: str, value: str) -> None:
    """Open311's one check of text: a NUL byte or a lone surrogate in a path segment, a query
    parameter or a form field is refused in the specification's shape (PostgreSQL answered a
    NUL in ``service_code`` with a 500)."""
    for text in (name, value):
        problem = text_problem(text)
        if problem:
            raise Open311Error(400, f"{name!r} : {problem}.")


def render_error(exc: Open311Error, fmt: str) -> Response:
    errors = [{"code": exc.status, "description": d} for d in exc.descriptions]
    return render(fmt if fmt == "xml" else "json", "errors", errors, exc.status)


class Open311Route(APIRoute):
    """A route whose ``Open311Error`` becomes the specification's error answer."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                for name, value in (*request.path_params.items(), *request.query_params.items()):
                    storable(name, value)
                return await handler(request)
            except Open311Error as exc:
                return render_error(exc, str(request.path_params.get("fmt", "json")))

        return guarded


class Open311Problem(BaseModel):
    """One error of the specification's list (``<errors><error>`` in XML)."""

    code: int
    description: str


def _problems(why: str) -> dict[str, Any]:
    return {"model": list[Open311Problem], "description": f"{why} (liste d'erreurs GeoReport v2)"}


OPEN311_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _problems("Paramètre, format ou champ refusé"),
    403: _problems("api_key manquante, invalide, expirée ou sans droit de créer"),
    404: _problems("Service, requête, jeton ou ressource introuvable"),
}
router = APIRouter(
    prefix="/open311/v2", tags=["open311"], route_class=Open311Route, responses=OPEN311_ERRORS
)
# Committed before the answer leaves: a client that POSTs then GETs at once finds its request.
Db = Depends(db_session, scope="function")


def _params(request: Request) -> dict[str, str]:
    """Query parameters; a repeated one counts as a comma-separated list, as the spec allows."""
    query = request.query_params
    return {key: ",".join(query.getlist(key)) for key in query}


async def form_fields(request: Request) -> dict[str, list[str]]:
    """The POST body as lists of values; JSON bodies and file uploads are refused in French."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in FORM_TYPES:
        raise Open311Error(400, "Le corps doit être encodé en application/x-www-form-urlencoded.")
    fields: dict[str, list[str]] = {}
    async with request.form() as form:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                raise Open311Error(
                    400,
                    f"{key} : fichier refusé, donnez plutôt l'adresse web de la photo "
                    "dans media_url.",
                )
            storable(key, value)
            fields.setdefault(key, []).append(value)
    return fields


@router.get("/discovery.{fmt}")
def discovery(fmt: str, request: Request, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    url = f"{str(request.base_url).rstrip('/')}{router.prefix}"
    return render(fmt, "discovery", service.discovery(session, url=url))


@router.get("/services.{fmt}")
def services(fmt: str, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    return render(fmt, "services", service.list_services(session))


@router.get("/services/{service_code}.{fmt}")
def service_definition(fmt: str, service_code: str, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    return render(
        fmt, "service_definition", service.service_definition(session, service_code=service_code)
    )


@router.post("/requests.{fmt}", responses=created("Requête créée, numéro attribué."))
def create_request(
    fmt: str,
    request: Request,
    fields: dict[str, list[str]] = Depends(form_fields),
    session: Session = Db,
) -> Response:
    fmt = service.check_format(fmt)
    api_key = (fields.get("api_key") or [""])[0] or request.query_params.get("api_key")
    created = service.create_request(session, api_key=api_key, fields=fields)
    return render(fmt, "service_requests", [created], 201)


@router.get("/requests.{fmt}")
def find_requests(fmt: str, request: Request, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    return render(fmt, "service_requests", service.find_requests(session, params=_params(request)))


@router.get("/requests/{service_request_id}.{fmt}")
def get_request(fmt: str, service_request_id: str, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    found = service.get_request(session, service_request_id=service_request_id)
    return render(fmt, "service_requests", found)


@router.get("/tokens/{token_id}.{fmt}")
def token(fmt: str, token_id: str, session: Session = Db) -> Response:
    fmt = service.check_format(fmt)
    return render(fmt, "service_requests", service.token_lookup(session, token=token_id))


def unknown(path: str, request: Request) -> Response:
    """Anything else under /open311/v2 still answers in the specification's error shape."""
    fmt = "xml" if path.endswith(".xml") else "json"
    for route in router.routes:
        if not isinstance(route, APIRoute) or route.endpoint is unknown:
            continue  # the catch-all's own routes for the other methods
        if route.matches(request.scope)[0] is Match.PARTIAL:
            exc = Open311Error(405, f"Méthode {request.method} non permise ici.")
            return render_error(exc, fmt)
    return render_error(Open311Error(404, f"Ressource Open311 inconnue : /{path}."), fmt)


# One route per method, registered last: each operation gets its own id in the OpenAPI schema
# (one route for five methods gave five operations one id, which schema clients refuse).
for _method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
    router.add_api_route(
        "/{path:path}",
        unknown,
        methods=[_method],
        responses={405: _problems("Méthode non permise à cette adresse")},
        operation_id=f"open311_unknown_{_method.lower()}",
    )
