"""The main window: a list of the corpus's articles beside the selected article's text."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QPlainTextEdit, QSplitter

from reader.corpus import Corpus
from reader.model import Article


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Corroborate")
        self.resize(1100, 720)
        self.article_list = QListWidget()
        self.article_list.setObjectName("articleList")
        self.article_view = QPlainTextEdit()
        self.article_view.setObjectName("articleView")
        self.article_view.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.article_list)
        splitter.addWidget(self.article_view)
        splitter.setSizes([300, 800])
        self.setCentralWidget(splitter)
        self.article_list.currentRowChanged.connect(self._show_article)
        self._articles: list[Article] = []

    def show_corpus(self, corpus: Corpus) -> None:
        self._articles = corpus.articles
        self.article_list.clear()
        for article in corpus.articles:
            date = article.date.isoformat() if article.date else "date unknown"
            item = QListWidgetItem(f"{article.display_label}\n{date}")
            item.setToolTip(article.path)
            self.article_list.addItem(item)
        message = f"{len(corpus.articles)} articles"
        if corpus.errors:
            message += f", {len(corpus.errors)} files could not be read"
        self.statusBar().showMessage(message)
        if corpus.articles:
            self.article_list.setCurrentRow(0)

    def _show_article(self, row: int) -> None:
        if not 0 <= row < len(self._articles):
            return
        article = self._articles[row]
        self.article_view.setPlainText(article.text)
        dimmed = QTextCharFormat()
        dimmed.setForeground(QColor(128, 128, 128))
        dimmed.setFontItalic(True)
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        spans = [(item.start, item.end, dimmed) for item in article.boilerplate]
        spans += [(start, end, bold) for start, end in article.headings]
        for start, end, char_format in spans:
            cursor = QTextCursor(self.article_view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(char_format)
