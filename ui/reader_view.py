"""The reader: one article's text with its structure, and any spans other features paint on it.

Features never reach into this widget's document. They hand it `Highlight`s — character
offsets into `Article.text` with a role or format and a tooltip — on a named layer
(`set_highlights("quotes", …)`, `set_highlights("search", …)`); each layer replaces only its
own spans, later layers paint over earlier ones. The text is never changed: boilerplate is
dimmed, and collapsing hides whole boilerplate lines, so offsets always mean the same place.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from reader.articles.model import Article, Span
from ui.theme import is_dark

ROLES = ("match", "current-match", "quote", "fact", "target")
"""Named looks a feature may ask for instead of building its own `QTextCharFormat`."""


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    style: str | QTextCharFormat
    tooltip: str = ""


def tinted(colour: str, underline: QTextCharFormat.UnderlineStyle | None = None) -> QTextCharFormat:
    """A soft background in `colour` (e.g. a party's), readable in light and dark themes.

    Pass an underline style to tell spans apart by more than colour (colour-blind readers).
    """
    char_format = QTextCharFormat()
    background = QColor(colour)
    background.setAlphaF(0.30)
    char_format.setBackground(background)
    if underline is not None:
        char_format.setUnderlineStyle(underline)
        char_format.setUnderlineColor(QColor(colour))
    return char_format


class _Utf16Offsets:
    """Python counts code points, Qt counts UTF-16 units: characters beyond U+FFFF differ by one."""

    def __init__(self, text: str) -> None:
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF] if not text.isascii() else []
        self._astral_doc = [index + number for number, index in enumerate(self._astral)]

    def to_document(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._astral, offset)

    def to_article(self, position: int) -> int:
        return position - bisect.bisect_left(self._astral_doc, position)


class ReaderView(QTextEdit):
    """A rich-text edit (not a plain one) so paragraphs get spacing even where the source
    separates them by a single line break; the document still holds exactly the article's text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptRichText(False)
        self.article: Article | None = None
        self.boilerplate_visible = True
        self._layers: dict[str, list[Highlight]] = {}
        self._offsets = _Utf16Offsets("")
        self._document: QTextDocument | None = None

    def show_article(self, article: Article | None) -> None:
        """Show `article` (None: an empty reader); every highlight layer is cleared."""
        self.article = article
        self._layers.clear()
        self._render()

    def _render(self) -> None:
        """Build and format a detached document, then show it: one layout pass, not one per format."""
        article = self.article
        text = article.text if article else ""
        self._offsets = _Utf16Offsets(text)
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(self.fontMetrics().averageCharWidth() * 2)
        document.setPlainText(text)
        if article is not None:
            self._format_structure(document, article)
            self._apply_boilerplate_visibility(document)
        previous, self._document = self._document, document
        self.setDocument(document)
        if previous is not None:
            previous.deleteLater()  # ours; the editor frees only the document it started with
        self._paint_highlights()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _format_structure(self, document: QTextDocument, article: Article) -> None:
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        dimmed = QTextCharFormat()
        dimmed.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        dimmed.setFontItalic(True)
        for start, end in article.headings:
            self._cursor(start, end, document).mergeCharFormat(heading)
        for item in article.boilerplate:
            self._cursor(item.start, item.end, document).mergeCharFormat(dimmed)
        spaced = QTextBlockFormat()
        spaced.setBottomMargin(self.fontMetrics().lineSpacing() * 0.6)
        block = document.begin()
        while block.isValid():
            following = block.next()
            if block.length() > 1 and following.isValid() and following.length() > 1:
                QTextCursor(block).mergeBlockFormat(spaced)
            block = following

    def _cursor(self, start: int, end: int, document: QTextDocument | None = None) -> QTextCursor:
        cursor = QTextCursor(document or self.document())
        cursor.setPosition(self._offsets.to_document(start))
        cursor.setPosition(self._offsets.to_document(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def set_boilerplate_visible(self, visible: bool) -> None:
        """Collapsing hides lines that are wholly boilerplate; boilerplate inside a line stays, dimmed."""
        if visible == self.boilerplate_visible:
            return
        self.boilerplate_visible = visible
        self._apply_boilerplate_visibility(self.document())
        self.viewport().update()

    def _apply_boilerplate_visibility(self, document: QTextDocument) -> None:
        hidden_spans = [] if self.boilerplate_visible or self.article is None else [
            (self._offsets.to_document(item.start), self._offsets.to_document(item.end))
            for item in self.article.boilerplate
        ]
        previous_visible_empty = True
        block = document.begin()
        while block.isValid():
            start, end = block.position(), block.position() + block.length() - 1
            empty = block.length() <= 1
            inside = any(s <= start and end <= e for s, e in hidden_spans) and not empty
            visible = not inside and not (hidden_spans and empty and previous_visible_empty)
            block.setVisible(visible)
            if visible:
                previous_visible_empty = empty
            block = block.next()
        document.markContentsDirty(0, document.characterCount())

    def set_highlights(self, layer: str, highlights: list[Highlight]) -> None:
        """Replace the spans of one layer (e.g. "quotes", "search", "facts")."""
        self._layers[layer] = list(highlights)
        self._paint_highlights()

    def clear_highlights(self, layer: str) -> None:
        self._layers.pop(layer, None)
        self._paint_highlights()

    def highlights_at(self, offset: int) -> list[Highlight]:
        return [h for spans in self._layers.values() for h in spans if h.start <= offset < h.end]

    def _paint_highlights(self) -> None:
        selections = []
        for spans in self._layers.values():
            for highlight in spans:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = self._cursor(highlight.start, highlight.end)
                selection.format = self._format(highlight.style)
                selections.append(selection)
        self.setExtraSelections(selections)

    def _format(self, style: str | QTextCharFormat) -> QTextCharFormat:
        if isinstance(style, QTextCharFormat):
            return style
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        char_format = QTextCharFormat()
        if style == "current-match":
            char_format.setBackground(accent)
            char_format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        elif style == "match":
            soft = QColor(accent)
            soft.setAlphaF(0.35)
            char_format.setBackground(soft)
        elif style == "target":
            char_format.setBackground(QColor("#5a4a00" if is_dark(palette) else "#fff2a8"))
        elif style == "fact":
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            char_format.setUnderlineColor(palette.color(QPalette.ColorRole.Link))
        elif style == "quote":
            char_format.setFontItalic(True)
        else:
            raise ValueError(f"unknown highlight role {style!r}; roles: {', '.join(ROLES)}")
        return char_format

    def reveal(self, start: int, end: int | None = None) -> None:
        """Scroll to a span and select it (search hits, fact cells, quotes all open this way)."""
        cursor = self._cursor(start, start if end is None else end)
        block = cursor.block()
        if not block.isVisible():
            self.set_boilerplate_visible(True)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_span(self) -> Span | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self._offsets.to_article(cursor.selectionStart()), self._offsets.to_article(cursor.selectionEnd()))

    def cursor_offset(self) -> int:
        """Where the text cursor is, as an offset into the article."""
        return self._offsets.to_article(self.textCursor().position())

    def offset_at(self, point: QPoint) -> int:
        return self._offsets.to_article(self.cursorForPosition(point).position())

    def step_heading(self, direction: int) -> None:
        """Move to the next (1) or previous (-1) heading after/before the cursor."""
        if self.article is None or not self.article.headings:
            return
        here = self._offsets.to_article(self.textCursor().selectionStart())
        starts = [start for start, _ in self.article.headings]
        if direction > 0:
            later = [start for start in starts if start > here]
            target = later[0] if later else None
        else:
            earlier = [start for start in starts if start < here]
            target = earlier[-1] if earlier else None
        if target is not None:
            self.reveal(target)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tips = [h.tooltip for h in self.highlights_at(self.offset_at(event.pos())) if h.tooltip]
            if tips:
                QToolTip.showText(event.globalPos(), "\n".join(dict.fromkeys(tips)), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            scroll = self.verticalScrollBar().value()
            self._render()
            self.verticalScrollBar().setValue(scroll)
