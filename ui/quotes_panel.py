"""The quotes panel: every quote of the corpus (outlet, speaker, party, text), filtered by party.

The party filter is a choice in the model, not a proxy, so switching parties rebuilds a plain
list once. `[` and `]` step the filter through the parties from the keyboard; Enter opens
the chosen quote in its article.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reader.articles.model import Article
from reader.quotes.finder import Quote
from reader.quotes.parties import PartyBook
from ui.quote_style import party_name, quote_tooltip
from ui.row_table import row_table

COLUMNS = ("Outlet", "Speaker", "Party", "Quote")
ALL_PARTIES = "*"
NO_PARTY = ""
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class QuoteTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Article, Quote]] = []
        self._rows: list[tuple[Article, Quote]] = []
        self._parties: PartyBook | None = None
        self.party = ALL_PARTIES

    def set_quotes(self, quotes: list[tuple[Article, Quote]], parties: PartyBook) -> None:
        self._all = quotes
        self._parties = parties
        self._filter()

    def set_party(self, party: str) -> None:
        """ALL_PARTIES, NO_PARTY (quotes nobody could be tied to) or a party id."""
        self.party = party
        self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        if self.party == ALL_PARTIES:
            self._rows = list(self._all)
        else:
            self._rows = [(a, q) for a, q in self._all if (q.entity or NO_PARTY) == self.party]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article, quote = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (article.display_label, quote.speaker_name or quote.speaker or "",
                    party_name(self._parties, quote.entity), " ".join(quote.text.split()))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return quote_tooltip(quote, self._parties)
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and quote.entity:
            try:
                return QColor(self._parties.party(quote.entity).color)
            except KeyError:
                return None
        if role == Qt.ItemDataRole.ForegroundRole and quote.entity is None and column == 3:
            return QBrush(Qt.GlobalColor.gray)
        if role == QUOTE_ROLE:
            return quote
        if role == ARTICLE_ROLE:
            return article
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def quotes(self) -> list[tuple[Article, Quote]]:
        """The quotes shown (the filter applied), for export."""
        return list(self._rows)


class QuotesPanel(QWidget):
    quoteChosen = Signal(object, object)
    """(article, quote) the researcher asked to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotesPanel")
        self.model = QuoteTableModel(self)
        self.party_filter = QComboBox()
        self.party_filter.setObjectName("partyFilter")
        self.party_filter.currentIndexChanged.connect(
            lambda _: self.model.set_party(self.party_filter.currentData()))
        self.count = QLabel()
        self.table = row_table(self.model, "quoteTable", (16, 18, 14))
        self.model.modelReset.connect(self._update_count)
        row = QHBoxLayout()
        row.addWidget(QLabel("&Party:", buddy=self.party_filter))
        row.addWidget(self.party_filter, 1)
        row.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def set_quotes(self, quotes: list[tuple[Article, Quote]], parties: PartyBook) -> None:
        """The corpus's quotes; the Party filter lists the parties quoted in it, and no others."""
        chosen = self.party_filter.currentData() or ALL_PARTIES
        self.party_filter.blockSignals(True)
        self.party_filter.clear()
        self.party_filter.addItem("All parties", ALL_PARTIES)
        for party in parties.parties:
            self.party_filter.addItem(_swatch(party.color), party.name, party.id)
        self.party_filter.addItem("No party", NO_PARTY)
        found = self.party_filter.findData(chosen)
        self.party_filter.setCurrentIndex(max(found, 0))
        self.party_filter.blockSignals(False)
        self.model.party = self.party_filter.currentData()
        self.model.set_quotes(quotes, parties)

    def show_party(self, party_id: str) -> None:
        """Show only this party's quotes (all of them if the party is not in the list)."""
        self.party_filter.setCurrentIndex(max(self.party_filter.findData(party_id), 0))

    def step_party(self, step: int) -> None:
        """Show the next (1) or previous (-1) party's quotes; wraps round through "All"."""
        count = self.party_filter.count()
        if count:
            self.party_filter.setCurrentIndex((self.party_filter.currentIndex() + step) % count)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.quoteChosen.emit(index.data(ARTICLE_ROLE), index.data(QUOTE_ROLE))

    def _update_count(self) -> None:
        self.count.setText(f"{self.model.rowCount():,} quotes")
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
