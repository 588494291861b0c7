"""Qt's own diagnostics go to Corroborate's log, not onto the researcher's terminal.

Qt writes warnings such as "This plugin does not support propagateSizeHints()" (the offscreen
platform, every self-test) straight to stderr, where they read like faults in a check that
passed. Routed through `logging`, they land in the log file and the in-app log view like the
app's own messages, and on stderr with `--verbose`. Critical and fatal messages still reach
stderr as well: a platform plugin that cannot load is fatal, and the researcher must see why.
"""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    log.log(level, "%s", message)
    if level >= logging.ERROR and sys.stderr is not None and not _logged_to_stderr():
        print(message, file=sys.stderr)


def _logged_to_stderr() -> bool:
    """Whether logging already shows messages on stderr (`--verbose`), so they are not shown twice."""
    return any(getattr(handler, "stream", None) is sys.stderr for handler in logging.getLogger().handlers)


def route_qt_messages() -> None:
    qInstallMessageHandler(log_qt_message)
