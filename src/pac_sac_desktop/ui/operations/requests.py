"""One function per thing a person does with requests; each returns a ReadOp or a WriteOp.

The work functions call ``ws.requests`` (services.requests.RequestService) and nothing else;
the user and role come from the workstation's account at the moment of the call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from pac_sac_desktop.core.events import EventKind
from pac_sac_desktop.core.requests import RequestDraft
from pac_sac_desktop.services.workstation import Workstation
from pac_sac_desktop.ui.operations import Changes, ReadOp, WriteOp


def _who(ws: Workstation) -> tuple[str, str | None]:
    """The signed-in user and role; no role (never signed in) is refused by the service."""
    account = ws.account()
    return account.get("user") or "local", account.get("role")


# ------------------------------------------------------------------ capture
def save_request(*, parent: QObject, ws: Workstation, draft: RequestDraft) -> WriteOp:
    """Save the request; the result is (SavedRequest, Receipt) for the receipt dialog."""

    def op():  # type: ignore[no-untyped-def]
        saved = ws.requests.save(draft, user=ws.user_name())
        return saved, ws.requests.receipt(saved.uuid)

    return WriteOp(parent, op, lambda result: Changes(requests=True, request_uuid=result[0].uuid))


def attach_caller(
    *, parent: QObject, ws: Workstation, request_uuid: str, draft: RequestDraft
) -> WriteOp:
    """The caller reports a problem already known: a note on that request, no new request."""

    def op() -> str:
        return ws.requests.attach_to(request_uuid, draft, user=ws.user_name())

    return WriteOp(parent, op, Changes(requests=True, request_uuid=request_uuid))


def assess_request(*, parent: QObject, ws: Workstation, draft: RequestDraft) -> ReadOp:
    return ReadOp(parent, lambda: ws.requests.assess(draft))


def load_categories(*, parent: QObject, ws: Workstation) -> ReadOp:
    def op():  # type: ignore[no-untyped-def]
        ws.requests.ensure_taxonomy()
        return ws.requests.categories()

    return ReadOp(parent, op)


def load_receipt(*, parent: QObject, ws: Workstation, uuid: str) -> ReadOp:
    return ReadOp(parent, lambda: ws.requests.receipt(uuid))


# ------------------------------------------------------------------ after capture: reads
def find_requests(*, parent: QObject, ws: Workstation, text: str) -> ReadOp:
    return ReadOp(parent, lambda: ws.requests.find(text, limit=50))


def my_requests(*, parent: QObject, ws: Workstation) -> ReadOp:
    return ReadOp(parent, lambda: ws.requests.mine(ws.user_name(), limit=200))


def station_requests(*, parent: QObject, ws: Workstation) -> ReadOp:
    return ReadOp(parent, lambda: ws.requests.station(limit=200))


def request_detail(*, parent: QObject, ws: Workstation, ref: str, opened: bool = True) -> ReadOp:
    """The detail and the server's clock, read together (deadlines are judged on server time).

    ``opened``: the agent opens it (recorded for the access log when it shows a citizen's
    data); a refresh of the pane already open is not a new consultation."""
    viewer = ws.viewer() if opened else None
    return ReadOp(parent, lambda: (ws.requests.detail(ref, viewer=viewer), ws.server_now()))


def queue_page(
    *,
    parent: QObject,
    ws: Workstation,
    name: str,
    department: str | None,
    district: int | None,
    sort: str,
    descending: bool,
    offset: int,
    limit: int,
) -> ReadOp:
    def op():  # type: ignore[no-untyped-def]
        return ws.requests.queue(
            name,
            department=department,
            district=district,
            sort=sort,
            descending=descending,
            offset=offset,
            limit=limit,
            now=ws.server_now(),
        )

    return ReadOp(parent, op)


def queue_counts(
    *, parent: QObject, ws: Workstation, department: str | None, district: int | None
) -> ReadOp:
    def op():  # type: ignore[no-untyped-def]
        now = ws.server_now()
        counts = ws.requests.queue_counts(department=department, district=district, now=now)
        return counts, now

    return ReadOp(parent, op)


def desk_filters(*, parent: QObject, ws: Workstation) -> ReadOp:
    return ReadOp(parent, lambda: (ws.requests.departments(), ws.requests.districts()))


# ------------------------------------------------------------------ after capture: actions
def act(
    *, parent: QObject, ws: Workstation, refs: list[str], kind: EventKind, data: dict[str, Any]
) -> WriteOp:
    """Add one action to one or several requests (bulk assignment); stops at the first refusal."""

    def op():  # type: ignore[no-untyped-def]
        user, role = _who(ws)
        return [ws.requests.act(ref, kind, data, user=user, role=role) for ref in refs]

    only = refs[0] if len(refs) == 1 else None
    return WriteOp(parent, op, Changes(requests=True, request_uuid=only))


def assign(*, parent: QObject, ws: Workstation, refs: list[str], to: str, kind: str) -> WriteOp:
    return act(
        parent=parent, ws=ws, refs=refs, kind=EventKind.ASSIGNMENT, data={"to": to, "kind": kind}
    )


def change_status(*, parent: QObject, ws: Workstation, ref: str, status: str, text: str) -> WriteOp:
    data = {"status": status, "text": text}
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.STATUS, data=data)


def log_followup(
    *, parent: QObject, ws: Workstation, ref: str, at: str, outcome: str, text: str
) -> WriteOp:
    data = {"at": at, "outcome": outcome, "text": text}
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.FOLLOWUP, data=data)


def record_meeting(*, parent: QObject, ws: Workstation, ref: str, data: dict[str, Any]) -> WriteOp:
    """Plan, hold or cancel the meeting (date, councillor, official, outcome)."""
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.MEETING, data=data)


def close_request(*, parent: QObject, ws: Workstation, ref: str, resolution: str) -> WriteOp:
    data = {"resolution": resolution}
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.CLOSE, data=data)


def record_satisfaction(
    *, parent: QObject, ws: Workstation, ref: str, score: int, comment: str
) -> WriteOp:
    data = {"score": score, "comment": comment}
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.SATISFACTION, data=data)


def merge_into(*, parent: QObject, ws: Workstation, ref: str, into: str) -> WriteOp:
    """Merge this request into another, picked by its reference or provisional number."""
    data = {"into": into.strip()}
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.MERGE, data=data)


def undo_merge(*, parent: QObject, ws: Workstation, ref: str, text: str) -> WriteOp:
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.UNMERGE, data={"text": text})


def add_note(*, parent: QObject, ws: Workstation, ref: str, text: str) -> WriteOp:
    return act(parent=parent, ws=ws, refs=[ref], kind=EventKind.NOTE, data={"text": text})
