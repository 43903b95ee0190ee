"""Logging to a rotating file in the data folder, so support can read what happened."""

from __future__ import annotations

import logging
import logging.handlers
import os

from pac_sac_desktop.core.paths import data_home

LOG_FILE = "pac-sac.log"


def setup_logging(*, verbose: bool = False) -> None:
    root = logging.getLogger()
    if getattr(root, "_pac_sac_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            data_home() / LOG_FILE, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if verbose or os.environ.get("PAC_SAC_DEBUG"):
        stream = logging.StreamHandler()
        stream.setLevel(logging.DEBUG)
        root.addHandler(stream)
    root._pac_sac_configured = True  # type: ignore[attr-defined]
