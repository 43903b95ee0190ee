"""Login, logout, and the dependencies every route uses to know who asks and what they may do."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, TypeVar

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, Header, Request
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy.orm import Session

from pac_sac_desktop.server.auth import service
from pac_sac_desktop.server.auth.service import Caller
from pac_sac_desktop.server.errors import ApiError, error_responses, storable_text

router = APIRouter(prefix="/auth", tags=["auth"])
T = TypeVar("T")
DB_WORKERS = int(os.environ.get("PAC_SAC_SERVER_DB_WORKERS", "4"))


def db_session(request: Request):  # type: ignore[no-untyped-def]
    """One transaction per request: committed when the route returns, rolled back on error."""
    session: Session = request.app.state.db.session()
    try:
        with session.begin():
            yield session
    finally:
        session.close()


async def bearer(authorization: str | None = Header(default=None)) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "unauthenticated", "Authentification requise.")
    return authorization[7:].strip()


def _user_of(session: Session, token: str) -> Caller:
    user = service.user_for_token(session, token)
    if user is None:
        raise ApiError(401, "unauthenticated", "Session expirée ou invalide : reconnectez-vous.")
    return user


def _check(user: Caller, permission: str) -> Caller:
    if not service.allowed(user, permission):
        raise ApiError(403, "forbidden", "Votre rôle ne permet pas cette action.")
    return user


def current_user(
    token: str = Depends(bearer), session: Session = Depends(db_session, scope="function")
) -> Caller:
    return _user_of(session, token)


def require(permission: str) -> Callable[..., Caller]:
    async def check(user: Caller = Depends(current_user)) -> Caller:  # no I/O: no thread-pool hop
        return _check(user, permission)

    return check


def _db_workers(request: Request) -> anyio.CapacityLimiter:
    """At most a few units of work at once per process; more callers wait in the event loop.

    Forty threads (the default pool) contending for the GIL spend the process's CPU on switching:
    measured interleaved on PostgreSQL, 4 threads gave 610-673 uploads/s with 8 clients against
    514-558 for 40, and 478-531 against 403-489 with two processes (docs/benchmarks-sync.md).
    """
    state = request.app.state
    if getattr(state, "db_workers", None) is None:
        state.db_workers = anyio.CapacityLimiter(DB_WORKERS)
    return state.db_workers


async def run_as(
    request: Request,
    permission: str,
    work: Callable[[Session, Caller], T],
    *,
    read_only: bool = False,
) -> T:
    """Check the caller's token and permission, then do ``work``: one transaction, committed on
    the same worker thread, in a single thread-pool hop.

    The busy routes (uploads, change feeds) use it instead of the dependency chain above, which
    costs a hop per dependency and commits on yet another. ``read_only`` work is plain reads:
    on PostgreSQL it runs without BEGIN and COMMIT (``ServerDB.transaction(statements=True)``).
    """
    token = await bearer(request.headers.get("authorization"))
    db = request.app.state.db

    def unit() -> T:
        with db.transaction(read_only=read_only, statements=read_only) as session:
            return work(session, _check(_user_of(session, token), permission))

    return await anyio.to_thread.run_sync(unit, limiter=_db_workers(request))


class LoginIn(BaseModel):
    username: Annotated[str, AfterValidator(storable_text)] = Field(max_length=200)
    password: Annotated[str, AfterValidator(storable_text)] = Field(max_length=1024)


@router.post("/login", responses=error_responses(401, 422, 429))
def login(body: LoginIn, request: Request) -> dict:
    refused: service.AuthError | None = None
    address = request.client.host if request.client else "inconnue"
    # Own transaction: a refused login must still commit its failure (throttle and audit).
    with request.app.state.db.transaction() as session:
        try:
            token, user = service.login(session, body.username, body.password, address=address)
            answer = {
                "token": token,
                "expires_in": int(service.TOKEN_TTL.total_seconds()),
                "user": {
                    "id": user.id,
                    "username": user.username,
                    "display_name": user.display_name,
                    "role": user.role,
                },
            }
        except service.AuthError as exc:
            refused = exc
    if refused is not None:
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after else None
        code = "throttled" if refused.status == 429 else "login_refused"
        raise ApiError(refused.status, code, refused.message, headers=headers)
    return answer


@router.post("/logout", responses=error_responses(401))
def logout(
    token: str = Depends(bearer), session: Session = Depends(db_session, scope="function")
) -> dict:
    return {"revoked": service.logout(session, token)}


@router.get("/me", responses=error_responses(401))
def me(user: Caller = Depends(current_user)) -> dict:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
    }
