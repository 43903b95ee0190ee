"""The words of the trade, one enum each, with their French labels.

They are ``StrEnum``s so that what is stored and sent stays the plain string ("complaint") and
old rows, JSON payloads and SQL filters keep working, while code names the member.
"""

from __future__ import annotations

from enum import StrEnum


class Nature(StrEnum):
    REQUEST = "request"
    COMPLAINT = "complaint"
    INFORMATION = "information"
    COMMENT = "comment"

    @property
    def label(self) -> str:
        return NATURE_LABELS[self]


class Channel(StrEnum):
    COUNTER = "counter"
    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    MOBILE = "mobile"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


class Status(StrEnum):
    NEW = "new"
    RECEIVED = "received"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def open(self) -> bool:
        return self in OPEN_STATUSES


class Contact(StrEnum):
    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"
    NONE = "none"


class SyncState(StrEnum):
    """Where a request stands between this workstation and the server."""

    PENDING = "pending"  # saved here, waiting in the outbox
    SENT = "sent"  # stored on the server, reference received
    CONFLICT = "conflict"  # the server holds another payload under this UUID
    REJECTED = "rejected"  # the server refused it (its French reason is kept)
    REMOTE = "remote"  # captured elsewhere, received through the requests feed

    @property
    def label(self) -> str:
        return SYNC_LABELS[self]

    @property
    def blocked(self) -> bool:
        return self in (SyncState.CONFLICT, SyncState.REJECTED)


NATURES = tuple(n.value for n in Nature)
CHANNELS = tuple(c.value for c in Channel)
STATUSES = tuple(s.value for s in Status)
OPEN_STATUSES = ("new", "received", "assigned", "in_progress")
FINAL_STATUSES = ("resolved", "closed", "cancelled")
CONTACTS = tuple(c.value for c in Contact)

NATURE_LABELS = {
    "request": "Requête",
    "complaint": "Plainte",
    "information": "Information",
    "comment": "Commentaire",
}
CHANNEL_LABELS = {
    "counter": "Comptoir",
    "phone": "Téléphone",
    "email": "Courriel",
    "web": "Web",
    "mobile": "Application mobile",
}
STATUS_LABELS = {
    "new": "Nouvelle",
    "received": "Reçue",
    "assigned": "Assignée",
    "in_progress": "En traitement",
    "resolved": "Résolue",
    "closed": "Fermée",
    "cancelled": "Annulée",
}
SYNC_LABELS = {
    "pending": "En attente d'envoi",
    "sent": "Transmise",
    "conflict": "Conflit à régler",
    "rejected": "Refusée par le serveur",
    "remote": "Reçue du serveur",
}
