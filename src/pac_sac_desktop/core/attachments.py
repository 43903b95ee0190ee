"""Attachments a citizen gives (photos of a pothole, a PDF): type checked by content, size capped.

The type is read from the file's first bytes, never from its name: a renamed executable is not
a photo. Files are stored once by their SHA-256, so the same photo sent twice takes no space.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pac_sac_desktop.core.errors import ValidationFailed

MAX_SIZE = 10 * 1024 * 1024
MAX_PER_REQUEST = 5
TYPES = {
    "image/jpeg": "photo JPEG",
    "image/png": "image PNG",
    "image/heic": "photo HEIC",
    "application/pdf": "document PDF",
}


def sniff(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "image/heic"
    return None


@dataclass(frozen=True)
class Attachment:
    sha256: str
    name: str
    type: str
    size: int

    def to_wire(self) -> dict:
        return {"sha256": self.sha256, "name": self.name, "type": self.type, "size": self.size}


def check(name: str, data: bytes) -> Attachment:
    """Refuse what is too big or not a photo/PDF, with a French message naming the file."""
    if len(data) > MAX_SIZE:
        raise ValidationFailed(
            {"attachments": f"« {name} » dépasse {MAX_SIZE // (1024 * 1024)} Mo"},
            "Pièce jointe refusée.",
        )
    if not data:
        raise ValidationFailed({"attachments": f"« {name} » est vide"}, "Pièce jointe refusée.")
    kind = sniff(data)
    if kind is None:
        allowed = ", ".join(TYPES.values())
        raise ValidationFailed(
            {"attachments": f"« {name} » n'est pas un type accepté ({allowed})"},
            "Pièce jointe refusée.",
        )
    return Attachment(hashlib.sha256(data).hexdigest(), name[:200], kind, len(data))
