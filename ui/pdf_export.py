"""PDF through Qt's own writer: the export HTML laid out by QTextDocument on A4 pages.

The CLI uses this too, so it brings up an offscreen QGuiApplication when none is running.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader import __version__
from reader.export import Report
from ui.display import display_problem

_application: QGuiApplication | None = None


def _ensure_application() -> None:
    global _application
    if QGuiApplication.instance() is None:
        if display_problem():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _application = QGuiApplication(["corroborate"])


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
