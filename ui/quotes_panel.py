"""The quotes panel: every quote of the corpus (outlet, speaker, party, text), filtered by party,
the same quotation as each outlet printed it grouped under one row.

Quotes arrive first as a plain list; the grouping (`reader.record.quote_compare`, worked out on
the task runner) arrives after and folds each quotation printed by several outlets into one
row that says whether it was misquoted or given to different speakers or parties. Opened
(Right; Left closes it), the quotation lists each outlet's wording under it, word-diffed against
the base wording; the diff of a row is made only when it is painted, and rows are one line
high, so a big corpus's list stays quick.

The party filter is a choice in the model, not a proxy, so switching parties rebuilds the list
once. `[` and `]` step the filter through the parties from the keyboard; Enter opens the chosen
quote in its article (a group's base wording for a group row).
"""
from __future__ import annotations

from typing import Any, NamedTuple, Sequence

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
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
from ui.row_table import row_table

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
PRINTING_INDENT = "\u2003"
"""An em space before the outlet of a printing listed under its quotation."""
BASE_WORDING = "base wording"
SAME_WORDS = "same words"

Index = QModelIndex | QPersistentModelIndex
_Key = tuple[str, int, int]


def _key(article: Article, quote: Any) -> _Key:
    return article.id, quote.start, quote.end


class Quotation(NamedTuple):
    """A quotation several outlets printed: its row shows the base wording; the printings the
    party filter lets through are listed under it while it is open."""

    group: QuotationGroup
    printings: tuple[Printed, ...]


class Printing(NamedTuple):
    """One outlet's printing, listed under its open quotation."""

    quotation: Quotation
    printed: Printed


Row = tuple[Article, Quote] | Quotation | Printing
"""A plain quote is the analysis's own (article, quote) pair, so a list without quotations to
fold is a copy of the analysis's list, made at C speed (30-150 ms for 13,000 quotes otherwise)."""


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
        lines.append(f"Attributed to different {conflict.kind}s: " + "; ".join(conflict.credits()))
    return "\n".join(lines)


class QuoteTableModel(QAbstractTableModel):
    """A flat table, not a tree: a tree lays out every row (calling back into Python for each)
    when it is reset, 0.2 s for 13,000 quotes, where a table asks only for the rows on screen."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Article, Quote]] = []
        self._groups: list[QuotationGroup] | None = None
        self._rows: list[Row] = []
        self._open: set[str] = set()
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
        self._open = set()
        self._filter()

    def set_groups(self, groups: Sequence[QuotationGroup]) -> None:
        """`compare_quotations` of the quotes set: each quotation's printings fold under one row
        (none to fold leaves the rows as they are)."""
        self._groups = list(groups)
        if self._groups:
            self._filter()

    def set_party(self, party: str) -> None:
        """ALL_PARTIES, NO_PARTY (quotes nobody could be tied to) or a party id."""
        self.party = party
        self._filter()

    def _shown(self, quote: Any) -> bool:
        return self.party == ALL_PARTIES or (quote.entity or NO_PARTY) == self.party

    def _filter(self) -> None:
        self.beginResetModel()
        self._diffs = {}
        shown = self._all if self.party == ALL_PARTIES else [pair for pair in self._all if self._shown(pair[1])]
        self._rows = self._folded(shown) if self._groups else list(shown)
        self.endResetModel()

    def _folded(self, shown: list[tuple[Article, Quote]]) -> list[Row]:
        """A quotation's row goes where its first printing the filter shows would have been."""
        group_of = {_key(item.article, item.quote): group for group in self._groups for item in group.printings}
        rows: list[Row] = []
        placed = set()
        for pair in shown:
            group = group_of.get(_key(*pair))
            if group is None:
                rows.append(pair)
            elif group.id not in placed:
                placed.add(group.id)
                quotation = Quotation(group, tuple(item for item in group.printings if self._shown(item.quote)))
                rows.append(quotation)
                if group.id in self._open:
                    rows += [Printing(quotation, item) for item in quotation.printings]
        return rows

    # --- opening and closing a quotation ------------------------------------------------------

    def printing(self, row: int) -> Printed | None:
        """The printing on `row` when it is one listed under an open quotation."""
        item = self._rows[row]
        return item.printed if isinstance(item, Printing) else None

    def find(self, article: Article, quote: Quote) -> int | None:
        """The row of a plain quote, or of the quotation that holds it."""
        key = _key(article, quote)
        for row, item in enumerate(self._rows):
            if isinstance(item, Quotation):
                if any(_key(printed.article, printed.quote) == key for printed in item.printings):
                    return row
            elif not isinstance(item, Printing) and _key(*item) == key:
                return row
        return None

    def group_row(self, row: int) -> int:
        """The quotation's own row for a printing listed under it (else `row` itself)."""
        while isinstance(self._rows[row], Printing):
            row -= 1
        return row

    def is_open(self, row: int) -> bool:
        item = self._rows[row]
        return isinstance(item, Quotation) and item.group.id in self._open

    def open_group(self, row: int) -> bool:
        """List the printings under quotation row `row`; False when it is no closed quotation."""
        item = self._rows[row]
        if not isinstance(item, Quotation) or item.group.id in self._open or not item.printings:
            return False
        self._open.add(item.group.id)
        self.beginInsertRows(QModelIndex(), row + 1, row + len(item.printings))
        self._rows[row + 1:row + 1] = [Printing(item, printed) for printed in item.printings]
        self.endInsertRows()
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return True

    def close_group(self, row: int) -> int:
        """Fold the printings back under their quotation (`row` is it or one of them); its row."""
        row = self.group_row(row)
        if not self.is_open(row):
            return row
        item = self._rows[row]
        self._open.discard(item.group.id)
        self.beginRemoveRows(QModelIndex(), row + 1, row + len(item.printings))
        del self._rows[row + 1:row + 1 + len(item.printings)]
        self.endRemoveRows()
        self.dataChanged.emit(self.index(row, 0), self.index(row, 0))
        return row

    # --- the table -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if isinstance(item, Printing):
            return self._printing_data(item.quotation.group, item.printed, index.column(), role)
        if isinstance(item, Quotation):
            value = self._group_data(item.group, index.row(), index.column(), role)
            base = item.group.reference
            return value if value is not None else self._quote_data(base.article, base.quote, index.column(), role)
        return self._quote_data(*item, index.column(), role)

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

    def _group_data(self, group: QuotationGroup, row: int, column: int, role: int) -> Any:
        """What a quotation's row says beyond its base wording's quote (▸ closed, ▾ open); None
        to show the quote's."""
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return (f"{'▾' if self.is_open(row) else '▸'} {group.id}: "
                    f"{len({item.article.id for item in group.printings})} articles")
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
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return PRINTING_INDENT + printed.article.display_label
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
        """The quotes shown (the filter applied, every printing of a quotation, open or not), for export."""
        shown: list[tuple[Article, Quote]] = []
        for item in self._rows:
            if isinstance(item, Quotation):
                shown += [(printed.article, printed.quote) for printed in item.printings]
            elif not isinstance(item, Printing):
                shown.append(item)
        return shown

    def quote_count(self) -> int:
        """Every quote shown, each printing of a quotation counted (listed under it or not)."""
        return sum(len(item.printings) if isinstance(item, Quotation) else 0 if isinstance(item, Printing) else 1
                   for item in self._rows)


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
        self.table = row_table(self.model, "quoteTable", (20, 18, 14, 26))
        self.table.setItemDelegateForColumn(QUOTE_COLUMN, HtmlDelegate(self.table, DIFF_ROLE, wrap=False))
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._toggle(index.row()))
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
        row = self.model.find(*chosen) if chosen is not None else None
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Right opens the quotation chosen, Left closes it (from any of its printings)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self.table.currentIndex().isValid():
            row, plain = self.table.currentIndex().row(), event.modifiers() == Qt.KeyboardModifier.NoModifier
            if event.key() == Qt.Key.Key_Right and plain:
                return self.model.open_group(row)
            if event.key() == Qt.Key.Key_Left and plain:
                self.table.setCurrentIndex(self.model.index(self.model.close_group(row), 0))
                return True
        return super().eventFilter(watched, event)

    def _toggle(self, row: int) -> None:
        if not self.model.open_group(row):
            self.table.setCurrentIndex(self.model.index(self.model.close_group(row), 0))

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
