"""PDF through Qt's own writer: the export HTML laid out by QTextDocument on A4 pages.

The CLI uses this too, so it brings up an offscreen application when none is running: a
QApplication, not a QGuiApplication, so widgets made later in the same process still work.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.export import Report
from ui.display import display_problem
from ui.qt_messages import route_qt_messages

_application: QApplication | None = None


def _ensure_application() -> None:
    global _application
    if QApplication.instance() is None:
        if display_problem():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        route_qt_messages()
        _application = QApplication(["corroborate"])


def pdf_bytes(report: Report) -> bytes:
    _ensure_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.info["title"])
    writer.setCreator(f"Corroborate {__version__}")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    document.setHtml(report.html)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data)
