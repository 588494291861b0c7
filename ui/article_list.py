"""The article list: outlet, date and title of every article; choosing a row opens it in the reader."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.article_table import ARTICLE_ID_ROLE, ArticleTableModel
from ui.corpus_model import CorpusModel


SIZED_FROM_ROWS = 100
"""Rows whose cells size the date and provenance columns: those in view first. Qt measures every
row of a hidden list when this is 0 ("the rows in view"), which stalled the UI thread when
provenance arrived for 10,000 articles with the Articles pane closed; Qt's default, 1,000,
stalled a load."""


class ArticleList(QTableView):
    def __init__(self, corpus: CorpusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self._corpus = corpus
        self.table_model = ArticleTableModel(corpus, self)
        self.setModel(self.table_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + self.fontMetrics().height() // 2)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        width = self.fontMetrics().averageCharWidth()
        header.resizeSection(0, width * 14)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        self.setSortingEnabled(False)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.table_model.sort)
        self.selectionModel().currentRowChanged.connect(self._open_row)
        corpus.current_changed.connect(self._follow)

    def restore_header(self, state: QByteArray) -> None:
        """The researcher's column widths and order as saved; a saved header also carries the
        precision it was saved with (0 in earlier versions), which must not come back."""
        header = self.horizontalHeader()
        header.restoreState(state)
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)

    def _open_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._corpus.set_current(current.data(ARTICLE_ID_ROLE))

    def _follow(self, article_id: str) -> None:
        row = self.table_model.row_of(article_id)
        if row is None or self.currentIndex().row() == row:
            return
        index = self.table_model.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
