"""Rich text in a list or table cell: search hits with their matches bold, a quote's wording
word-diffed against another outlet's."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    """Paints the HTML an item holds in `role`, wrapped to the view's width, or on one line (rows
    of one height keep a long list quick and show as many rows as fit); an item without HTML in
    `role` is painted as usual."""

    def __init__(self, parent: QObject | None = None, role: int = Qt.ItemDataRole.DisplayRole,
                 wrap: bool = True) -> None:
        super().__init__(parent)
        self._role = role
        self._wrap = wrap

    def _document(self, option: QStyleOptionViewItem, html: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(html)
        if self._wrap:
            document.setTextWidth(max(option.rect.width(), 200))
        else:
            document.setDocumentMargin(0)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        html = index.data(self._role)
        if html is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        document = self._document(option, html)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.setClipRect(option.rect)
        top = 0 if self._wrap else max(0, (option.rect.height() - int(document.size().height())) // 2)
        painter.translate(option.rect.left() + (0 if self._wrap else 3), option.rect.top() + top)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        html = index.data(self._role)
        if html is None or not self._wrap:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, html)
        return QSize(int(document.idealWidth()), int(document.size().height()))
