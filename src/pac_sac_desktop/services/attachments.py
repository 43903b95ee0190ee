"""The workstation's attachment store: files by content hash under the data folder."""

from __future__ import annotations

import os
from pathlib import Path

from pac_sac_desktop.core.attachments import Attachment, check


class AttachmentStore:
    def __init__(self, home: Path) -> None:
        self.root = home / "attachments"

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def add_file(self, source: Path) -> Attachment:
        """Check and store a file (atomically, fsynced); the same content is stored once."""
        data = source.read_bytes()
        attachment = check(source.name, data)
        target = self.path(attachment.sha256)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        return attachment

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()
