"""PDF through Qt's own writer: the export HTML laid out by QTextDocument on A4 pages.

The CLI uses this too, so it brings up an offscreen application when none is running: a
QApplication, not a QGuiApplication, so widgets made later in the same process still work.
"""
from __future__ import annotations

import os
from functools import partial
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (QPageLayout, QPageSize, QPdfWriter, QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextFrame,
                           QTextTable)
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
    points = writer.pageLayout().paintRectPoints().size()
    document.setPageSize(QSizeF(points.width() * 96 / 72, points.height() * 96 / 72))  # laid out at 96 dpi
    keep_together(document)
    document.print_(writer)
    del writer
    buffer.close()
    return bytes(data)


PASSES = 30
"""Each pass moves what it finds split to the next page, which can push later items; a report
settles in a few passes, and this bounds a pathological one."""


def keep_together(document: QTextDocument) -> None:
    """No heading alone at the foot of a page, and no table that fits on one page split over
    two; a longer table repeats its header row on every page it runs to."""
    for table in _tables(document.rootFrame()):
        table_format = table.format()
        table_format.setHeaderRowCount(1)
        table.setFormat(table_format)
    page = document.pageSize().height()
    for _ in range(PASSES):
        moves = _split_tables(document, page) + _stranded_headings(document, page)
        if not moves:
            return
        for move in moves:
            move()


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


def _page_of(y: float, page: float) -> int:
    return int(y // page)


def _starts_a_page(text_format: QTextFormat) -> bool:
    return bool(text_format.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _split_tables(document: QTextDocument, page: float) -> list[Callable[[], None]]:
    """Short tables split over two pages: each starts the next page, with its heading if it has one."""
    layout, moves = document.documentLayout(), []
    for table in _tables(document.rootFrame()):
        box, table_format = layout.frameBoundingRect(table), table.format()
        if box.height() >= page * 0.9 or _page_of(box.top(), page) == _page_of(box.bottom() - 1, page):
            continue
        heading = document.findBlock(table.firstPosition() - 1)
        if heading.isValid() and heading.blockFormat().headingLevel():
            if not _starts_a_page(heading.blockFormat()):
                moves.append(partial(_start_page_at, heading))
        elif not _starts_a_page(table_format):
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            moves.append(partial(table.setFormat, table_format))
    return moves


def _start_page_at(block: QTextBlock) -> None:
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(block_format)


def _stranded_headings(document: QTextDocument, page: float) -> list[Callable[[], None]]:
    """Headings whose next line of text falls on a later page than they do."""
    layout, moves = document.documentLayout(), []
    line = document.defaultFont().pointSizeF() * 96 / 72 * 2
    block = document.begin()
    while block.isValid():
        following, block_format = block.next(), block.blockFormat()
        if block_format.headingLevel() and following.isValid() and not _starts_a_page(block_format):
            heading, after = layout.blockBoundingRect(block), layout.blockBoundingRect(following)
            if _page_of(heading.top(), page) != _page_of(after.top() + min(after.height(), line) - 1, page):
                moves.append(partial(_start_page_at, block))
        block = following
    return moves
