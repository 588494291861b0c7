"""The quotes panel: every quote of the corpus (outlet, speaker, party, text), filtered by party,
the same quotation as each outlet printed it grouped under one row.

Quotes arrive first as a plain list; the grouping (`reader.record.quote_compare`, worked out on
the task runner) arrives after and folds each quotation printed by several outlets into one
row that says whether it was misquoted or given to different speakers or parties. Opened
(Right), the group lists each outlet's wording word-diffed against the base wording; the diff
of a row is made only when it is painted, so a big corpus's list stays quick.

The party filter is a choice in the model, not a proxy, so switching parties rebuilds the list
once. `[` and `]` step the filter through the parties from the keyboard; Enter opens the chosen
quote in its article (a group's base wording for a group row).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reader.articles.model import Article
from reader.compare.diff import Comparison
from reader.quotes.finder import Quote
from reader.quotes.parties import PartyBook
from reader.record.quote_compare import Misquote, Printed, QuotationGroup, compared
from ui.html_delegate import HtmlDelegate
from ui.quote_style import party_name, quote_tooltip
from ui.record_page import diff_spans
from ui.row_table import row_tree

COLUMNS = ("Outlet", "Speaker", "Party", "Across outlets", "Quote")
QUOTE_COLUMN = COLUMNS.index("Quote")
ACROSS_COLUMN = COLUMNS.index("Across outlets")
ALL_PARTIES = "*"
NO_PARTY = ""
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 2
DIFF_ROLE = Qt.ItemDataRole.UserRole + 3
"""A printing's wording word-diffed against its quotation's base wording, as HTML (None for the base itself)."""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 4
BASE_WORDING = "base wording"
SAME_WORDS = "same words"

Index = QModelIndex | QPersistentModelIndex
_Key = tuple[str, int, int]


def _key(article: Article, quote: Any) -> _Key:
    return article.id, quote.start, quote.end


@dataclass(frozen=True)
class QuoteEntry:
    """One row of the panel's top level: a quote, or a quotation several outlets printed (its base
    wording, and under it the printings the party filter lets through)."""

    article: Article
    quote: Quote
    group: QuotationGroup | None = None
    printings: tuple[Printed, ...] = ()


def group_flags(group: QuotationGroup) -> str:
    """`⚑ misquoted ⚑ different speakers`, or that every printing has the same words."""
    flags = ["⚑ misquoted"] if group.misquotes else []
    flags += [f"⚑ different {conflict.kind}s" for conflict in group.misattributions]
    return " ".join(flags) or SAME_WORDS


def _group_tooltip(group: QuotationGroup) -> str:
    lines = [f"{group.id}: printed by {', '.join(item.article.display_label for item in group.printings)}"]
    for misquote in group.misquotes:
        changes = "; ".join(f"“{a}” → “{b}”" for a, b in misquote.wordings())
        lines.append(f"Misquote: {misquote.other.article.display_label} differs from "
                     f"{misquote.reference.article.display_label}: {changes}")
    for conflict in group.misattributions:
        lines.append(f"Attributed to different {conflict.kind}s: " + "; ".join(
            f"{item.article.display_label}: {item.quote.speaker_name or '-'} ({item.quote.entity or 'no party'})"
            for item in conflict.printings))
    return "\n".join(lines)


class QuoteTreeModel(QAbstractItemModel):
    """Top-level rows are `QuoteEntry`s; a group's printings are its children (an index's
    internal id is 0 at the top level, the parent's row + 1 below it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Article, Quote]] = []
        self._groups: list[QuotationGroup] | None = None
        self._entries: list[QuoteEntry] = []
        self._parties: PartyBook | None = None
        self._diffs: dict[_Key, Comparison] = {}
        self.party = ALL_PARTIES

    @property
    def groups(self) -> list[QuotationGroup] | None:
        """The quotations printed by several outlets, once worked out for these quotes."""
        return self._groups

    def set_quotes(self, quotes: list[tuple[Article, Quote]], parties: PartyBook) -> None:
        """New quotes: shown as a plain list until their grouping arrives (`set_groups`)."""
        self._all = quotes
        self._parties = parties
        self._groups = None
        self._filter()

    def set_groups(self, groups: Sequence[QuotationGroup]) -> None:
        """`compare_quotations` of the quotes set: each quotation's printings fold under one row."""
        self._groups = list(groups)
        self._filter()

    def set_party(self, party: str) -> None:
        """ALL_PARTIES, NO_PARTY (quotes nobody could be tied to) or a party id."""
        self.party = party
        self._filter()

    def _shown(self, quote: Any) -> bool:
        return self.party == ALL_PARTIES or (quote.entity or NO_PARTY) == self.party

    def _filter(self) -> None:
        """A quotation's row goes where its first printing the filter shows would have been."""
        self.beginResetModel()
        self._diffs = {}
        group_of = {_key(item.article, item.quote): group for group in self._groups or () for item in group.printings}
        entries, placed = [], set()
        for article, quote in self._all:
            if not self._shown(quote):
                continue
            group = group_of.get(_key(article, quote))
            if group is None:
                entries.append(QuoteEntry(article, quote))
            elif group.id not in placed:
                placed.add(group.id)
                printings = tuple(item for item in group.printings if self._shown(item.quote))
                entries.append(QuoteEntry(group.reference.article, group.reference.quote, group, printings))
        self._entries = entries
        self.endResetModel()

    # --- the tree --------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._entries)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._entries[parent.row()].printings)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(COLUMNS)

    def entry(self, index: Index) -> tuple[QuoteEntry, Printed | None]:
        """The top-level entry of `index`, and the printing when it is a group's child row."""
        if index.internalId() == 0:
            return self._entries[index.row()], None
        entry = self._entries[index.internalId() - 1]
        return entry, entry.printings[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, printed = self.entry(index)
        if printed is not None:
            return self._printing_data(entry.group, printed, index.column(), role)
        if entry.group is not None:
            value = self._group_data(entry.group, index.column(), role)
            if value is not None:
                return value
        return self._quote_data(entry.article, entry.quote, index.column(), role)

    def _quote_data(self, article: Article, quote: Quote, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (article.display_label, quote.speaker_name or quote.speaker or "",
                    party_name(self._parties, quote.entity), "", " ".join(quote.text.split()))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return quote_tooltip(quote, self._parties)
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and quote.entity:
            try:
                return QColor(self._parties.party(quote.entity).color)
            except KeyError:
                return None
        if role == Qt.ItemDataRole.ForegroundRole and quote.entity is None and column == QUOTE_COLUMN:
            return QBrush(Qt.GlobalColor.gray)
        if role == QUOTE_ROLE:
            return quote
        if role == ARTICLE_ROLE:
            return article
        return None

    def _group_data(self, group: QuotationGroup, column: int, role: int) -> Any:
        """What a quotation's row says beyond its base wording's quote; None to show the quote's."""
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return f"{group.id}: {len({item.article.id for item in group.printings})} articles"
        if role == Qt.ItemDataRole.DisplayRole and column == 1:
            return group.speaker or ""
        if role == Qt.ItemDataRole.DisplayRole and column == ACROSS_COLUMN:
            return group_flags(group)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _group_tooltip(group)
        if role == Qt.ItemDataRole.FontRole and group.flagged:
            font = QFont()
            font.setBold(True)
            return font
        if role == GROUP_ROLE:
            return group
        return None

    def _printing_data(self, group: QuotationGroup, printed: Printed, column: int, role: int) -> Any:
        is_base = _key(printed.article, printed.quote) == _key(group.reference.article, group.reference.quote)
        if role == Qt.ItemDataRole.DisplayRole and column == ACROSS_COLUMN:
            return self._printing_flags(group, printed, is_base)
        if role == DIFF_ROLE and column == QUOTE_COLUMN:
            return None if is_base else diff_spans(self._comparison(group, printed))
        if role == GROUP_ROLE:
            return group
        return self._quote_data(printed.article, printed.quote, column, role)

    def _printing_flags(self, group: QuotationGroup, printed: Printed, is_base: bool) -> str:
        """The words it changed (`⚑ “know” → “knew”`), and the speaker or party it credits when
        the outlets disagree on them and this one differs from the base wording's."""
        misquote = self._misquote(group, printed)
        flags = ["⚑ " + "; ".join(f"“{a}” → “{b}”" for a, b in misquote.wordings())] if misquote else []
        kinds = {conflict.kind for conflict in group.misattributions}
        quote, base = printed.quote, group.reference.quote
        if "speaker" in kinds and quote.speaker_name and quote.speaker_name != (group.speaker or base.speaker_name):
            flags.append(f"⚑ credited to {quote.speaker_name}")
        if "party" in kinds and quote.entity != base.entity:
            flags.append(f"⚑ credited to {party_name(self._parties, quote.entity) or 'no party'}")
        return " ".join(flags) or (BASE_WORDING if is_base else SAME_WORDS)

    def _misquote(self, group: QuotationGroup, printed: Printed) -> Misquote | None:
        key = _key(printed.article, printed.quote)
        return next((item for item in group.misquotes if _key(item.other.article, item.other.quote) == key), None)

    def _comparison(self, group: QuotationGroup, printed: Printed) -> Comparison:
        """The misquote's own diff when there is one, else worked out the first time it is painted."""
        key = _key(printed.article, printed.quote)
        if key not in self._diffs:
            misquote = self._misquote(group, printed)
            self._diffs[key] = misquote.comparison if misquote else compared(group.reference, printed)
        return self._diffs[key]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def quotes(self) -> list[tuple[Article, Quote]]:
        """The quotes shown (the filter applied, each printing of a group), for export."""
        return [(item.article, item.quote) for entry in self._entries
                for item in (entry.printings or (Printed(entry.article, entry.quote),))]

    def quote_count(self) -> int:
        return sum(len(entry.printings) or 1 for entry in self._entries)


class QuotesPanel(QWidget):
    quoteChosen = Signal(object, object)
    """(article, quote) the researcher asked to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotesPanel")
        self.model = QuoteTreeModel(self)
        self.party_filter = QComboBox()
        self.party_filter.setObjectName("partyFilter")
        self.party_filter.currentIndexChanged.connect(
            lambda _: self.model.set_party(self.party_filter.currentData()))
        self.count = QLabel()
        self.table = row_tree(self.model, "quoteTable", (20, 18, 14, 26))
        self.table.setItemDelegateForColumn(QUOTE_COLUMN, HtmlDelegate(self.table, DIFF_ROLE, wrap=False))
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

    def set_groups(self, groups: Sequence[QuotationGroup]) -> None:
        """The quotations several outlets printed (for the quotes set last), grouped in place;
        the chosen quote stays chosen (as its group's row when it joined one)."""
        current = self.table.currentIndex()
        chosen = (current.data(ARTICLE_ROLE), current.data(QUOTE_ROLE)) if current.isValid() else None
        self.model.set_groups(groups)
        if chosen is not None:
            self._choose(*chosen)

    def _choose(self, article: Article, quote: Quote) -> None:
        key = _key(article, quote)
        for row in range(self.model.rowCount()):
            entry, _ = self.model.entry(self.model.index(row, 0))
            if _key(entry.article, entry.quote) == key or any(_key(p.article, p.quote) == key for p in entry.printings):
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

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
        text = f"{self.model.quote_count():,} quotes"
        groups = self.model.groups
        if groups:
            text += (f"; {len(groups):,} printed by several outlets, "
                     f"{sum(group.flagged for group in groups):,} flagged")
        self.count.setText(text)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
