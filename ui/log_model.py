"""The application log for the in-app log view: the ring buffer's history, then live records."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from reader.logs import LOG_FORMAT, ring_buffer


class _SignalHandler(logging.Handler):
    def __init__(self, model: LogModel) -> None:
        super().__init__()
        self._model = model
        self.setFormatter(logging.Formatter(LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        self._model.appended.emit(self.format(record))


class LogModel(QObject):
    """Records may come from worker threads; the signal queues them onto the UI thread."""

    appended = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = _SignalHandler(self)
        logging.getLogger().addHandler(self._handler)

    def history(self) -> list[str]:
        return list(ring_buffer.records)

    def close(self) -> None:
        logging.getLogger().removeHandler(self._handler)
