"""A thin bar beside a text pane's scrollbar that shows where every change lies in the article.

Marks are placed by each change's vertical position in the laid-out document, so they stay
right when word wrap changes; a click asks to show the nearest change.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class OverviewBar(QWidget):
    """Change marks as fractions (0..1) of the document height, plus the visible window."""

    changeClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedWidth(14)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setToolTip("Where the changes are: click to go to one")
        self._marks: list[tuple[float, float, QColor]] = []
        self._window = (0.0, 1.0)

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def set_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        """(top, bottom, colour) for each change, in change order."""
        self._marks = marks
        self.update()

    def marks(self) -> list[tuple[float, float, QColor]]:
        return list(self._marks)

    def set_visible_window(self, top: float, bottom: float) -> None:
        self._window = (top, bottom)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        height = self.height()
        painter.fillRect(self.rect(), self.palette().window().color().darker(105))
        top, bottom = self._window
        painter.fillRect(QRectF(0, top * height, self.width(), max((bottom - top) * height, 2)),
                         self.palette().mid().color())
        for start, end, colour in self._marks:
            painter.fillRect(QRectF(2, start * height, self.width() - 4, max((end - start) * height, 3)), colour)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._marks or self.height() <= 0:
            return
        fraction = event.position().y() / self.height()
        nearest = min(range(len(self._marks)),
                      key=lambda index: abs((self._marks[index][0] + self._marks[index][1]) / 2 - fraction))
        self.changeClicked.emit(nearest)
