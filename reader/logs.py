"""Logging set-up shared by the CLI and the GUI.

Tracebacks go to a log file in the user's log dir (and to an in-memory ring buffer
the GUI shows), never onto the researcher's screen. Windowed Windows builds have
`sys.stdout = None`, so no handler writes to a stream that may not exist.
"""
from __future__ import annotations

import collections
import logging
import logging.handlers
import sys

from reader import paths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RingBufferHandler(logging.Handler):
    """Keeps the last records in memory for an in-app log view."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.records: collections.deque[str] = collections.deque(maxlen=capacity)

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))


ring_buffer = RingBufferHandler()


def setup_logging(verbose: bool = False) -> None:
    """Install the file and ring-buffer handlers once per process."""
    root = logging.getLogger()
    if ring_buffer in root.handlers:
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(LOG_FORMAT)
    ring_buffer.setFormatter(formatter)
    root.addHandler(ring_buffer)
    try:
        file_handler = logging.handlers.RotatingFileHandler(
            paths.log_dir() / "corroborate.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        file_handler = None
    if file_handler is not None:
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    if verbose and sys.stderr is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(formatter)
        root.addHandler(stream)
