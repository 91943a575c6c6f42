"""The log file: one rotating file in the data folder, named in the crash dialog."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.store.location import log_dir

LOG_NAME = "stationdesk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the app's log records to a rotating file (1 MB × 5) and return its path."""
    path = log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        # A second start in the same process (tests) must not write every line twice.
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path.resolve()
        ):
            return path
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
