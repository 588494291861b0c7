"""Qt's own diagnostics go to Corroborate's log, not onto the researcher's terminal.

Qt writes warnings such as "This plugin does not support propagateSizeHints()" (the offscreen
platform, every self-test) straight to stderr, where they read like faults in a check that
passed. Routed through `logging`, they land in the log file and the in-app log view like the
app's own messages, and on stderr with `--verbose`.
"""
from __future__ import annotations

import logging

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
    log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)


def route_qt_messages() -> None:
    qInstallMessageHandler(log_qt_message)
