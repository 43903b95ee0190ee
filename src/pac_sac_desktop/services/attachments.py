"""The workstation's attachment store: files by content hash under the data folder.

Photos and letters of citizens are personal data (Quebec Law 25): the folders are created
readable by this user only (0700) and the files 0600, whatever the umask; ``secure`` tightens
what an older version left more open.
"""

from __future__ import annotations

import os
from pathlib import Path

from pac_sac_desktop.core.attachments import Attachment, check

DIR_MODE = 0o700
FILE_MODE = 0o600


class AttachmentStore:
    def __init__(self, home: Path) -> None:
        self.root = home / "attachments"

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def _folder(self, folder: Path) -> None:
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask

    def add_file(self, source: Path) -> Attachment:
        """Check and store a file (atomically, fsynced); the same content is stored once."""
        data = source.read_bytes()
        attachment = check(source.name, data)
        target = self.path(attachment.sha256)
        if not target.exists():
            self._folder(self.root)
            self._folder(target.parent)
            tmp = target.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with os.fdopen(fd, "wb") as f:
                os.fchmod(f.fileno(), FILE_MODE)  # a leftover .tmp may have had another mode
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        return attachment

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def remove(self, sha256: str) -> bool:
        """Delete a file no request uses any more (after anonymisation); False if absent."""
        try:
            self.path(sha256).unlink()
        except FileNotFoundError:
            return False
        return True

    def secure(self) -> int:
        """Bring the folders to 0700 and the files to 0600; returns how many were changed."""
        if not self.root.exists():
            return 0
        changed = 0
        for path in [self.root, *self.root.rglob("*")]:
            mode = DIR_MODE if path.is_dir() else FILE_MODE
            if path.stat().st_mode & 0o777 != mode:
                os.chmod(path, mode)
                changed += 1
        return changed
