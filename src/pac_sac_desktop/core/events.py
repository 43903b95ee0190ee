"""What happens to a request after capture: typed events, who may add them, and their effect.

Every action (assign, change status, log a follow-up call, plan or hold the V.I.P. meeting,
close, record satisfaction, merge a duplicate and undo it) is an event with its own UUID,
appended to the request's history. Two supervisors acting offline on the same request both keep
their events; the state is the fold of the history in server order (``received_at``), so every
workstation and the server compute the same status from the same events.

The same rules run on the workstation (an action refused offline is refused at once, in French)
and on the server (the authority): :func:`refusal` and :func:`fold` are the only definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from pac_sac_desktop.core.errors import ValidationFailed
from pac_sac_desktop.core.vocabulary import FINAL_STATUSES, STATUSES, Status

MAX_TEXT = 2000


class EventKind(StrEnum):
    STATUS = "status"
    ASSIGNMENT = "assignment"
    NOTE = "note"
    CALLER = "caller"  # another citizen reports the same problem (attached duplicate)
    FOLLOWUP = "followup"
    MEETING = "meeting"
    CLOSE = "close"
    SATISFACTION = "satisfaction"
    MERGE = "merge"
    UNMERGE = "unmerge"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    "status": "Changement de statut",
    "assignment": "Assignation",
    "note": "Note",
    "caller": "Autre signalement",
    "followup": "Suivi auprès du citoyen",
    "meeting": "Rencontre V.I.P.",
    "close": "Fermeture",
    "satisfaction": "Satisfaction du citoyen",
    "merge": "Fusion",
    "unmerge": "Fusion annulée",
}

FOLLOWUP_OUTCOMES = {
    "reached": "Citoyen joint",
    "message": "Message laissé",
    "no_answer": "Aucune réponse",
    "written": "Réponse écrite envoyée",
}
MEETING_STATES = {
    "to_schedule": "À planifier",
    "planned": "Planifiée",
    "held": "Tenue",
    "cancelled": "Annulée",
}
ASSIGNEE_KINDS = ("department", "person")


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    EDITOR = "editor"
    ADMIN = "admin"


def _text(data: Mapping[str, Any], key: str, errors: dict[str, str], *, required: bool) -> str:
    from pac_sac_desktop.core.requests import text_problem

    value = data.get(key)
    if value is None or value == "":
        if required:
            errors[f"data.{key}"] = "ce champ est obligatoire"
        return ""
    if not isinstance(value, str):
        errors[f"data.{key}"] = "texte attendu"
        return ""
    problem = text_problem(value)
    if problem:
        errors[f"data.{key}"] = problem
        return ""
    value = value.strip()
    if required and not value:
        errors[f"data.{key}"] = "ce champ est obligatoire"
    if len(value) > MAX_TEXT:
        errors[f"data.{key}"] = f"{MAX_TEXT} caractères au plus"
    return value


def _one_of(value: Any, allowed: Collection[str]) -> bool:
    """A code from a fixed list; a list or an object sent instead is refused like any other
    unknown code (``[] in {...}`` raised TypeError, a 500 found by the fuzz tests)."""
    return isinstance(value, str) and value in allowed


def _moment(data: Mapping[str, Any], key: str, errors: dict[str, str], *, required: bool) -> str:
    value = data.get(key)
    if value in (None, ""):
        if required:
            errors[f"data.{key}"] = "date obligatoire"
        return ""
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        errors[f"data.{key}"] = "date invalide (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM)"
        return ""
    if not 2000 <= parsed.year <= 2100:
        errors[f"data.{key}"] = "date hors limites"
        return ""
    if parsed.tzinfo is None:
        from pac_sac_desktop.core.timefmt import LOCAL_TZ

        parsed = parsed.replace(tzinfo=LOCAL_TZ)
    return parsed.astimezone(dt.UTC).isoformat()


def clean_data(kind: str, data: Any) -> dict[str, Any]:
    """An event's data checked and normalised, or ValidationFailed with French messages."""
    if kind not in EventKind.__members__.values():
        raise ValidationFailed({"kind": "type d'événement inconnu"}, "Action invalide.")
    if not isinstance(data, Mapping):
        raise ValidationFailed({"data": "objet attendu"}, "Action invalide.")
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}
    if kind == EventKind.STATUS:
        status = data.get("status")
        if not _one_of(status, STATUSES):
            errors["data.status"] = "statut inconnu"
        out["status"] = status
        out["text"] = _text(data, "text", errors, required=False)
    elif kind == EventKind.ASSIGNMENT:
        out["to"] = _text(data, "to", errors, required=True)
        if not out["to"] and "data.to" in errors:
            errors["data.to"] = "indiquez à qui la requête est assignée"
        kind_of = data.get("kind", "department")
        if not _one_of(kind_of, ASSIGNEE_KINDS):
            errors["data.kind"] = "service ou personne"
        out["kind"] = kind_of
    elif kind in (EventKind.NOTE, EventKind.CALLER):
        out["text"] = _text(data, "text", errors, required=True)
        if "citizen" in data:
            if isinstance(data["citizen"], Mapping):
                out["citizen"] = {
                    str(k): _text(data["citizen"], k, errors, required=False)
                    for k in data["citizen"]
                    if isinstance(k, str)
                }
            else:
                errors["data.citizen"] = "objet attendu"
    elif kind == EventKind.FOLLOWUP:
        out["text"] = _text(data, "text", errors, required=False)
        out["at"] = _moment(data, "at", errors, required=False)
        outcome = data.get("outcome", "reached")
        if not _one_of(outcome, FOLLOWUP_OUTCOMES):
            errors["data.outcome"] = "résultat inconnu (joint, message, aucune réponse, écrit)"
        out["outcome"] = outcome
    elif kind == EventKind.MEETING:
        state = data.get("status", "to_schedule")
        if not _one_of(state, MEETING_STATES):
            errors["data.status"] = "état de rencontre inconnu"
        out["status"] = state
        out["date"] = _moment(data, "date", errors, required=state in ("planned", "held"))
        for key in ("councillor", "official", "outcome", "reason", "district_name"):
            out[key] = _text(data, key, errors, required=False)
        if state == "held" and not out["outcome"]:
            errors["data.outcome"] = "résumez ce qui a été convenu"
        for key in ("earlier", "district"):
            if data.get(key) is not None:
                out[key] = data[key] if isinstance(data[key], int | str) else None
    elif kind == EventKind.CLOSE:
        out["resolution"] = _text(data, "resolution", errors, required=True)
        if not out["resolution"] and "data.resolution" in errors:
            errors["data.resolution"] = "indiquez comment la requête a été réglée"
    elif kind == EventKind.SATISFACTION:
        score = data.get("score")
        if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
            errors["data.score"] = "note de 1 à 5"
        out["score"] = score
        out["comment"] = _text(data, "comment", errors, required=False)
        source = data.get("source", "phone")
        out["source"] = source if source in ("phone", "counter", "link") else "phone"
    elif kind == EventKind.MERGE:
        out["into"] = _text(data, "into", errors, required=True)
        if not out["into"] and "data.into" in errors:
            errors["data.into"] = "indiquez la requête qui la remplace"
        out["into_label"] = _text(data, "into_label", errors, required=False)
    elif kind == EventKind.UNMERGE:
        out["text"] = _text(data, "text", errors, required=False)
    if errors:
        raise ValidationFailed(errors, "Action invalide.")
    return out


@dataclass(frozen=True)
class Event:
    uuid: str
    request_uuid: str
    kind: EventKind
    data: Mapping[str, Any]
    author: str
    created_at: dt.datetime
    received_at: dt.datetime | None = None  # None until the server has it

    @property
    def synced(self) -> bool:
        return self.received_at is not None

    @classmethod
    def from_row(cls, row: Any) -> Event:
        """From a stored event of either database (same column names on both sides)."""
        return cls(
            uuid=row.uuid,
            request_uuid=row.request_uuid,
            kind=EventKind(row.kind),
            data=row.data or {},
            author=row.author,
            created_at=row.created_at,
            received_at=row.received_at,
        )

    @classmethod
    def from_wire(cls, item: Mapping[str, Any], request_uuid: str) -> Event:
        received = item.get("received_at")
        return cls(
            uuid=str(item["uuid"]),
            request_uuid=request_uuid,
            kind=EventKind(item["kind"]),
            data=dict(item.get("data") or {}),
            author=str(item.get("author") or ""),
            created_at=dt.datetime.fromisoformat(item["created_at"]),
            received_at=dt.datetime.fromisoformat(received) if received else None,
        )

    def summary(self) -> str:
        """One line in French for the timeline."""
        d = self.data
        from pac_sac_desktop.core.timefmt import datetime_fr
        from pac_sac_desktop.core.vocabulary import STATUS_LABELS

        def when(key: str) -> str:
            return datetime_fr(dt.datetime.fromisoformat(d[key])) if d.get(key) else ""

        match self.kind:
            case EventKind.STATUS:
                text = f"Statut : {STATUS_LABELS.get(d.get('status', ''), d.get('status'))}"
                return f"{text} — {d['text']}" if d.get("text") else text
            case EventKind.ASSIGNMENT:
                return f"Assignée à {d.get('to', '?')}"
            case EventKind.NOTE | EventKind.CALLER:
                return str(d.get("text", ""))
            case EventKind.FOLLOWUP:
                parts = [FOLLOWUP_OUTCOMES.get(d.get("outcome", ""), "Suivi")]
                if d.get("at"):
                    parts.append(f"le {when('at')}")
                text = " ".join(parts)
                return f"{text} — {d['text']}" if d.get("text") else text
            case EventKind.MEETING:
                text = f"Rencontre {MEETING_STATES.get(d.get('status', ''), '').lower()}"
                if d.get("date"):
                    text += f" le {when('date')}"
                who = ", ".join(filter(None, [d.get("councillor"), d.get("official")]))
                if who:
                    text += f" ({who})"
                if d.get("outcome"):
                    text += f" — {d['outcome']}"
                elif d.get("reason"):
                    text += f" — {d['reason']}"
                return text
            case EventKind.CLOSE:
                return f"Fermée : {d.get('resolution', '')}"
            case EventKind.SATISFACTION:
                text = f"Satisfaction : {d.get('score')}/5"
                return f"{text} — « {d['comment']} »" if d.get("comment") else text
            case EventKind.MERGE:
                return f"Fusionnée dans {d.get('into_label') or d.get('into')}"
            case EventKind.UNMERGE:
                return "Fusion annulée" + (f" — {d['text']}" if d.get("text") else "")
        return self.kind.label


def server_order(events: Iterable[Event]) -> list[Event]:
    """Synced events in the server's order, then this workstation's pending ones as created."""
    far = dt.datetime.max.replace(tzinfo=dt.UTC)
    return sorted(events, key=lambda e: (e.received_at or far, e.created_at, e.uuid))


@dataclass(frozen=True)
class RequestState:
    """What the history says now; the server keeps it in columns, workstations alike."""

    status: str = Status.RECEIVED
    assigned_to: str | None = None
    first_followup_at: dt.datetime | None = None
    meeting: str | None = None  # a MEETING_STATES key
    meeting_at: dt.datetime | None = None
    merged_into: str | None = None
    satisfaction: int | None = None
    closed_at: dt.datetime | None = None
    resolution: str = ""
    status_before_merge: str = field(default=Status.RECEIVED, repr=False)

    def store_on(self, row: Any, *, meeting_at: bool = True) -> None:
        """Write the state into a request row's columns (the server's and the workstation's
        carry the same names; the workstation keeps no meeting time column)."""
        row.status = self.status
        row.assigned_to = self.assigned_to
        row.first_followup_at = self.first_followup_at
        row.meeting = self.meeting
        row.merged_into = self.merged_into
        row.satisfaction = self.satisfaction
        row.closed_at = self.closed_at
        row.resolution = self.resolution
        if meeting_at:
            row.meeting_at = self.meeting_at


def apply(state: RequestState, event: Event) -> RequestState:
    """The state after one event. Pure: the server and workstations fold the same history."""
    d = event.data
    at = event.received_at or event.created_at
    match event.kind:
        case EventKind.STATUS:
            status = d["status"]
            closed = (state.closed_at or at) if status in FINAL_STATUSES else None
            return replace(state, status=status, closed_at=closed)
        case EventKind.ASSIGNMENT:
            status = (
                Status.ASSIGNED if state.status in (Status.NEW, Status.RECEIVED) else state.status
            )
            return replace(state, assigned_to=d["to"], status=status)
        case EventKind.FOLLOWUP:
            when = dt.datetime.fromisoformat(d["at"]) if d.get("at") else event.created_at
            first = min(state.first_followup_at, when) if state.first_followup_at else when
            return replace(state, first_followup_at=first)
        case EventKind.MEETING:
            moment = dt.datetime.fromisoformat(d["date"]) if d.get("date") else state.meeting_at
            return replace(state, meeting=d.get("status", "to_schedule"), meeting_at=moment)
        case EventKind.CLOSE:
            return replace(
                state,
                status=Status.CLOSED,
                closed_at=state.closed_at or at,
                resolution=d.get("resolution", ""),
            )
        case EventKind.SATISFACTION:
            return replace(state, satisfaction=d.get("score"))
        case EventKind.MERGE:
            return replace(
                state,
                merged_into=d["into"],
                status_before_merge=state.status,
                status=Status.CLOSED,
                closed_at=state.closed_at or at,
            )
        case EventKind.UNMERGE:
            if state.merged_into is None:
                return state
            status = state.status_before_merge
            return replace(
                state,
                merged_into=None,
                status=status,
                closed_at=state.closed_at if status in FINAL_STATUSES else None,
            )
    return state


def fold(events: Iterable[Event], start: RequestState | None = None) -> RequestState:
    state = start or RequestState()
    for event in server_order(events):
        state = apply(state, event)
    return state


def refusal(
    kind: str,
    *,
    role: str,
    own: bool,
    state: RequestState,
    data: Mapping[str, Any] | None = None,
) -> str | None:
    """Why this role may not add this event to this request now (French), or None.

    Agents add notes to their own requests, attach another caller to any request (a duplicate),
    queue the V.I.P. meeting of a repeat complaint they captured, and record a citizen's
    satisfaction on a settled request; everything else is a supervisor's.
    """
    data = data or {}
    if role not in (Role.AGENT, Role.SUPERVISOR):
        return "Votre rôle ne permet pas d'agir sur les requêtes."
    final = state.status in FINAL_STATUSES
    if role == Role.AGENT:
        if kind == EventKind.NOTE and not own:
            return "Un agent ne peut annoter que ses propres requêtes."
        allowed_for_agent = (EventKind.NOTE, EventKind.CALLER, EventKind.SATISFACTION)
        own_meeting = kind == EventKind.MEETING and own and data.get("status") == "to_schedule"
        if kind not in allowed_for_agent and not own_meeting:
            return "Cette action est réservée aux superviseurs."
    if kind == EventKind.SATISFACTION and not final:
        return "La satisfaction se note une fois la requête résolue ou fermée."
    if kind == EventKind.UNMERGE and state.merged_into is None:
        return "Cette requête n'a pas été fusionnée."
    if kind == EventKind.MERGE:
        if state.merged_into is not None:
            return "Cette requête est déjà fusionnée dans une autre."
        if final:
            return "Une requête fermée ne peut pas être fusionnée."
    # A resolved request (work done) may still get its follow-up call and be closed; a closed
    # or cancelled one is reopened first, by a change of status.
    ended = state.status in (Status.CLOSED, Status.CANCELLED)
    if (kind == EventKind.ASSIGNMENT and final) or (
        kind in (EventKind.CLOSE, EventKind.FOLLOWUP) and ended
    ):
        return "Cette requête est déjà réglée : rouvrez-la d'abord (changement de statut)."
    if kind == EventKind.STATUS and data.get("status") == state.status:
        return "La requête a déjà ce statut."
    return None
