"""The fact matrix: facts as rows, outlets (articles) as columns, discrepancies shaded and explained.

A cell holds the outlet's own sentence for the fact, or nothing when the outlet does not state
it. Cells caught in a discrepancy are shaded (and marked with "≠", so colour is not the only
cue); hovering says what disagrees. Enter on the fact's label compares that fact across the
outlets; Enter on a cell opens the sentence in its article.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.facts.finder import Fact, Member
from reader.articles.model import Article

DISCREPANCY_COLOUR = "#E69F00"
"""Okabe–Ito orange, at low opacity, for cells whose values disagree with another outlet's."""
FACT_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def _short(text: str, limit: int = 90) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[:limit - 1] + "…"


class FactMatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.facts: list[Fact] = []
        self.articles: list[Article] = []
        self._rows: dict[int, tuple[dict[str, Member], dict[str, list[str]]]] = {}

    def set_facts(self, facts: list[Fact], articles: list[Article]) -> None:
        """Columns are the articles that state at least one fact, in corpus order. A row's cells
        are worked out when it is first shown, so thousands of facts arrive without a stall."""
        self.beginResetModel()
        self.facts = list(facts)
        stating = {member.article_id for fact in facts for member in fact.members}
        self.articles = [article for article in articles if article.id in stating]
        self._rows = {}
        self.endResetModel()

    def _row(self, row: int) -> tuple[dict[str, Member], dict[str, list[str]]]:
        """The fact's sentence per article id, and what each article's sentence disputes."""
        if row not in self._rows:
            fact = self.facts[row]
            disputes: dict[str, list[str]] = {}
            for item in fact.discrepancies:
                for article_id, value in item.values.items():
                    disputes.setdefault(article_id, []).append(f"{item.kind}: this outlet says {value}; {item.detail}")
            self._rows[row] = ({member.article_id: member for member in fact.members}, disputes)
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.facts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.facts else len(self.articles) + 1

    def member(self, index: Index) -> Member | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self._row(index.row())[0].get(self.articles[index.column() - 1].id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        fact = self.facts[index.row()]
        if role == FACT_ROLE:
            return fact
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{'≠ ' if fact.discrepancies else ''}{fact.label}"
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [f"{fact.id}: {fact.label}", f"stated by {len(fact.members)} articles"]
                lines += [f"{item.kind}: {item.detail}" for item in fact.discrepancies]
                return "\n".join(lines)
            return None
        member = self.member(index)
        if role == MEMBER_ROLE:
            return member
        if member is None:
            return None
        disputes = self._row(index.row())[1].get(member.article_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return ("≠ " if disputes else "") + _short(member.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = " ".join(member.text.split())
            return "\n".join([*(disputes or []), text]) if disputes else text
        if role == Qt.ItemDataRole.BackgroundRole and disputes:
            colour = QColor(DISCREPANCY_COLOUR)
            colour.setAlphaF(0.35)
            return colour
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section <= len(self.articles):
            if role == Qt.ItemDataRole.DisplayRole:
                return "Fact" if section == 0 else self.articles[section - 1].display_label
            if role == Qt.ItemDataRole.ToolTipRole and section > 0:
                return self.articles[section - 1].path
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.facts):
            return self.facts[section].id
        return None


class FactMatrixView(QTableView):
    factChosen = Signal(object)
    """A fact to compare across the outlets that state it."""
    memberChosen = Signal(object)
    """One outlet's sentence for a fact, to read in its article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factMatrix")
        self.matrix = FactMatrixModel(self)
        self.setModel(self.matrix)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.horizontalHeader().setDefaultSectionSize(self.fontMetrics().averageCharWidth() * 34)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # measuring every row stalls on big corpora
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + self.fontMetrics().height() // 2)
        self.matrix.modelReset.connect(self._reset)

    def _reset(self) -> None:
        if self.matrix.rowCount():
            self.setCurrentIndex(self.matrix.index(0, 0))

    def open_current(self) -> None:
        """Enter: an outlet's cell opens its sentence; the fact's label (or an empty cell, an
        outlet silent on the fact) compares the fact across the outlets that state it."""
        index = self.currentIndex()
        if not index.isValid():
            return
        member = self.matrix.member(index)
        if member is not None:
            self.memberChosen.emit(member)
        else:
            self.factChosen.emit(index.data(FACT_ROLE))

    def compare_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.factChosen.emit(index.data(FACT_ROLE))
