"""A read-only text pane showing one article, addressed by character offsets into its text.

Qt counts positions in UTF-16 units while every result in Corroborate is an offset into the
Python string, so the pane converts between the two (they differ after any emoji or other
character outside the Basic Multilingual Plane).
"""
from __future__ import annotations

import bisect
import re
from typing import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.articles.model import Span

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class ArticlePane(QTextEdit):
    """Plain article text, word-wrapped, with spans painted in character formats.

    `offsetHovered` reports the character under the mouse; `describe` (set by the owner)
    gives the tooltip for an offset, so the pane needs no knowledge of quotes.
    """

    offsetHovered = Signal(int)
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.describe: Callable[[int], str | None] = lambda offset: None
        self.viewport().setMouseTracking(True)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._text = ""
        self._astral: list[int] = []
        self._astral_ends: list[int] = []

    def set_article_text(self, text: str) -> None:
        self._text = text
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_ends = [index + count + 2 for count, index in enumerate(self._astral)]
        self.setPlainText(text)

    def article_text(self) -> str:
        return self._text

    def position(self, offset: int) -> int:
        """Qt document position of a character offset."""
        return offset + bisect.bisect_left(self._astral, offset)

    def offset(self, position: int) -> int:
        """Character offset of a Qt document position."""
        return position - bisect.bisect_right(self._astral_ends, position)

    def cursor_for(self, span: Span) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.position(span[0]))
        cursor.setPosition(self.position(span[1]), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def paint(self, painting: list[tuple[Span, QTextCharFormat]]) -> None:
        """Merge each format into its span, all in one edit block so large articles stay quick."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for span, char_format in painting:
            if span[0] < span[1]:
                cursor.setPosition(self.position(span[0]))
                cursor.setPosition(self.position(span[1]), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(char_format)
        cursor.endEditBlock()

    def line_top(self, offset: int) -> float:
        """Document y of the laid-out line holding `offset` (depends on the current wrap)."""
        position = self.position(min(offset, len(self._text)))
        block = self.document().findBlock(position)
        top = self.document().documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return top
        line = layout.lineForTextPosition(position - block.position())
        return top + (line.y() if line.isValid() else 0.0)

    def top_offset(self) -> tuple[int, float]:
        """The offset shown at the top of the viewport, and how far its line sits above the top."""
        position = self.cursorForPosition(QPoint(0, 0)).position()
        block = self.document().findBlock(position)
        if block.length() == 1 and block.next().isValid():
            position = block.next().position()  # blank lines between paragraphs anchor nothing
        offset = self.offset(position)
        return offset, self.verticalScrollBar().value() - self.line_top(offset)

    def scroll_to_offset(self, offset: int, above: float = 0.0) -> None:
        """Scroll so the line holding `offset` starts `above` pixels above the viewport top."""
        self.verticalScrollBar().setValue(round(self.line_top(offset) + above))

    def document_fraction(self, offset: int) -> float:
        height = self.document().size().height()
        return self.line_top(offset) / height if height > 0 else 0.0

    def offset_at(self, point: QPoint) -> int:
        return self.offset(self.cursorForPosition(point).position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.offsetHovered.emit(self.offset_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.describe(self.offset_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
