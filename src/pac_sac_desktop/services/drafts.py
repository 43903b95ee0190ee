"""The capture form's draft, saved continuously so a crash loses at most the last seconds.

One JSON file in the data folder, replaced atomically (write, fsync, rename): a crash mid-write
leaves the previous draft, never a torn one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FILE_NAME = "capture-draft.json"


class DraftStore:
    def __init__(self, home: Path) -> None:
        self.path = home / FILE_NAME

    def save(self, draft: dict[str, Any]) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def load(self) -> dict[str, Any] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
