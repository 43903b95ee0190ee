"""HTTP client of the central server's native API (/api/v1). The only place the workstation
speaks HTTP; errors become NetworkError (try again later) or SyncError(kind) (something to fix).
"""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

import requests

from pac_sac_desktop.core.errors import NetworkError, SyncError

TIMEOUT = (5, 30)  # connect, read
UNREADABLE = "Réponse illisible du serveur central : nouvel essai plus tard."


def _unreadable(details: str) -> NetworkError:
    """A success status whose body is not the server's answer (a captive portal, a cache, a
    cut or garbled line): nothing was confirmed, so nothing may leave the outbox; try again."""
    return NetworkError(UNREADABLE, details=details[:500])


class ServerClient:
    def __init__(
        self, base_url: str, token: str | None = None, *, timeout: tuple[float, float] = TIMEOUT
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "pac-sac-desktop"
        # Server time minus ours, from the last answer's Date header: SLA countdowns run on
        # the server's clock, whatever this workstation's clock says.
        self.clock_offset: dt.timedelta | None = None

    def _read_clock(self, header: str | None) -> None:
        if not header:
            return
        try:
            server = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return
        if server.tzinfo is not None:
            self.clock_offset = server - dt.datetime.now(dt.UTC)

    def _call(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        headers = kwargs.pop("headers", {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self.http.request(
                method,
                f"{self.base_url}/api/v1{path}",
                headers=headers,
                timeout=self.timeout,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise NetworkError("Le serveur central est injoignable.", details=str(exc)) from exc
        self._read_clock(response.headers.get("Date"))
        status = response.status_code
        try:
            body = response.json()
        except ValueError:
            if 200 <= status < 300:
                raise _unreadable(f"{status} {response.text}") from None
            body = {}
        if status >= 500:
            raise NetworkError(
                f"Le serveur central a répondu une erreur ({status}).", details=response.text[:500]
            )
        if status < 400:
            return status, body
        error = (body or {}).get("error", {}) if isinstance(body, dict) else {}
        message = error.get("message") or f"Erreur {status}"
        fields = error.get("fields") or {}
        details = "; ".join(f"{k} : {v}" for k, v in fields.items())
        kind = {
            401: "auth",
            403: "forbidden",
            404: "not_found",
            409: "conflict",
            410: "resync",
            422: "invalid",
            423: "locked",
            429: "throttled",
        }.get(status, "other")
        raise SyncError(message, kind=kind, details=details, data=body)

    def clone(self) -> ServerClient:
        """A client of its own for another thread (a requests.Session is not shared across threads)."""
        return ServerClient(self.base_url, self.token, timeout=self.timeout)

    def health(self) -> dict:
        return self._call("GET", "/health")[1]

    def login(self, username: str, password: str) -> dict:
        _status, body = self._call(
            "POST", "/auth/login", json={"username": username, "password": password}
        )
        self.token = body["token"]
        return body

    def logout(self) -> None:
        self._call("POST", "/auth/logout")

    def changes(self, feed: str, since: int, limit: int = 500) -> dict:
        page = self._call("GET", f"/{feed}/changes", params={"since": since, "limit": limit})[1]
        if not (
            isinstance(page, dict)
            and isinstance(page.get("changes"), list)
            and all(isinstance(c, dict) for c in page["changes"])
            and isinstance(page.get("next"), int)
        ):
            raise _unreadable(f"page of {feed}: {str(page)[:200]}")
        return page

    def put_request(self, uuid: str, payload: dict) -> tuple[int, dict]:
        status, answer = self._call("PUT", f"/requests/{uuid}", json=payload)
        return status, _echo(answer, uuid)

    def put_event(self, request_uuid: str, event_uuid: str, body: dict) -> tuple[int, dict]:
        status, answer = self._call(
            "PUT", f"/requests/{request_uuid}/events/{event_uuid}", json=body
        )
        return status, _echo(answer, event_uuid)

    def put_feedback(self, uuid: str, body: dict) -> dict:
        return _echo(self._call("PUT", f"/kb/feedback/{uuid}", json=body)[1], uuid)

    def post_searches(self, batch: str, events: list) -> dict:
        answer = self.post("/kb/searches", {"batch": batch, "events": events})
        if not isinstance(answer.get("accepted"), int):
            raise _unreadable(f"searches: {str(answer)[:200]}")
        return answer

    def put_article(self, article: dict) -> dict:
        return self._call("PUT", f"/kb/articles/{article['id']}", json=article)[1]

    def delete_article(self, article_id: str) -> dict:
        return self._call("DELETE", f"/kb/articles/{article_id}")[1]

    def get(self, path: str, **params: Any) -> Any:
        """A read for the editor's workspace (history, diff, corrections, gaps)."""
        return self._call("GET", path, params=params or None)[1]

    def post(self, path: str, body: Any = None) -> Any:
        return _object(self._call("POST", path, json=body)[1], path)

    def put(self, path: str, body: Any) -> tuple[int, Any]:
        status, answer = self._call("PUT", path, json=body)
        return status, _object(answer, path)

    def get_report(self, params: dict[str, Any]) -> dict:
        """The supervisors' report of a period (GET /reports; permission requests:manage)."""
        clean = {k: v for k, v in params.items() if v not in (None, "")}
        return self._call("GET", "/reports", params=clean)[1]


def _object(answer: Any, what: str) -> dict:
    if not isinstance(answer, dict):
        raise _unreadable(f"{what}: {str(answer)[:200]}")
    return answer


def _echo(answer: Any, uuid: str) -> dict:
    """An upload's answer names what was stored: without that, the upload is not confirmed."""
    if not isinstance(answer, dict) or answer.get("uuid") != uuid:
        raise _unreadable(f"answer for {uuid}: {str(answer)[:200]}")
    return answer
