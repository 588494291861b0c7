"""The corpus's articles as rows (outlet, date, title, provenance badge) for the article list."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.articles.model import Article
from ui.corpus_model import CorpusModel

COLUMNS = ("Outlet", "Date", "Title or label", "Provenance")
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def _no_badge(_article_id: str) -> str:
    return ""


def _cell(article: Article, column: int, badge: Callable[[str], str]) -> str:
    if column == 0:
        return article.outlet or "unknown"
    if column == 1:
        return article.date.isoformat() if article.date else ""
    if column == 2:
        return article.title or article.label or article.id
    return badge(article.id)


class ArticleTableModel(QAbstractTableModel):
    """Sorting happens here on plain Python keys: a proxy would call `data()` per comparison,
    which stalls the UI thread for a 10,000-article corpus."""

    def __init__(self, corpus: CorpusModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._articles: list[Article] = []
        self._rows: dict[str, int] = {}
        self._badge: Callable[[str], str] = _no_badge
        corpus.loaded.connect(self._reset)
        corpus.article_changed.connect(self._refresh)

    def _reset(self) -> None:
        self.beginResetModel()
        self._articles = list(self._corpus.corpus.articles)
        self._badge = _no_badge
        self._index_rows()
        self.endResetModel()

    def _index_rows(self) -> None:
        self._rows = {article.id: row for row, article in enumerate(self._articles)}

    def _refresh(self, article_id: str) -> None:
        row = self._rows.get(article_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._articles)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(article, index.column(), self._badge)
        if role == Qt.ItemDataRole.ToolTipRole:
            return article.path
        if role == ARTICLE_ID_ROLE:
            return article.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept_ids = [self._articles[index.row()].id for index in persistent]
        self._articles.sort(key=lambda article: _cell(article, column, self._badge).casefold(),
                            reverse=order == Qt.SortOrder.DescendingOrder)
        self._index_rows()
        moved = [self.index(self._rows[article_id], index.column()) for index, article_id in zip(persistent, kept_ids)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def set_badges(self, badge: Callable[[str], str]) -> None:
        """Provenance notes ("spun copy of …") by article id, once reuse detection has run. Asked
        for each row shown rather than worked out for all 10,000 rows at once."""
        self._badge = badge
        if self._articles:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._articles) - 1, 3))

    def row_of(self, article_id: str) -> int | None:
        return self._rows.get(article_id)
