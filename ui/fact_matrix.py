"""The fact matrix: facts as rows, outlets (articles) as columns, each cell what the outlet says.

A cell holds the figures the outlet's sentence states for the fact (`reader.facts.values`), or a
few words of it when it states none, or nothing when the outlet does not state the fact. Cells
caught in a discrepancy are shaded (orange for a conflict, paler for an imprecision) and marked
"≠", so colour is not the only cue; the chosen cell's whole sentence shows below the table, and
hovering says what disagrees. Above the table, the facts' summary says how much was compared.
Enter on the fact's label compares that fact across the outlets; Enter on a cell opens the
sentence in its article.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reader.articles.model import Article
from reader.export.citation import pinpoint
from reader.facts.finder import Fact, Member
from reader.facts.summary import FactSummary
from reader.facts.values import stated_values

DISCREPANCY_COLOUR = "#E69F00"
"""Okabe–Ito orange for cells whose values disagree with another outlet's: stronger for a
conflict, paler for an imprecision (values that fit only if an outlet rounded or hedged)."""
GRADE_OPACITY = {"conflict": 0.55, "imprecision": 0.25}
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
        self._rows: dict[int, tuple[dict[str, Member], dict[str, list[str]], dict[str, str]]] = {}
        self._by_id: dict[str, Article] = {}

    def set_facts(self, facts: list[Fact], stating: list[Article]) -> None:
        """Columns are `stating`, the articles that state at least one fact, in corpus order
        (`AnalysisModel.stating`, found off the UI thread). A row's cells are worked out when it
        is first shown, so thousands of facts arrive without a stall."""
        self.beginResetModel()
        self.facts = list(facts)
        self.articles = list(stating)
        self._by_id = {article.id: article for article in self.articles}
        self._rows = {}
        self.endResetModel()

    def _row(self, row: int) -> tuple[dict[str, Member], dict[str, list[str]], dict[str, str]]:
        """The fact's sentence per article id, what each article's sentence disputes, and the
        worst grade of its disputes."""
        if row not in self._rows:
            fact = self.facts[row]
            disputes: dict[str, list[str]] = {}
            grades: dict[str, str] = {}
            for item in fact.discrepancies:
                for article_id, value in item.values.items():
                    disputes.setdefault(article_id, []).append(
                        f"{item.grade} ({item.kind}): this outlet says {value}; {item.detail}")
                    if grades.get(article_id) != "conflict":
                        grades[article_id] = item.grade
            self._rows[row] = ({member.article_id: member for member in fact.members}, disputes, grades)
        return self._rows[row]

    def value(self, index: Index) -> str:
        """What the cell shows: the outlet's figures for the fact, or the start of its sentence."""
        member = self.member(index)
        if member is None:
            return ""
        values = stated_values(member, self._by_id[member.article_id])
        return ", ".join(values) if values else _short(member.text, 48)

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
        _, all_disputes, grades = self._row(index.row())
        disputes = all_disputes.get(member.article_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return ("≠ " if disputes else "") + self.value(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = " ".join(member.text.split())
            return "\n".join([*(disputes or []), text]) if disputes else text
        if role == Qt.ItemDataRole.BackgroundRole and disputes:
            colour = QColor(DISCREPANCY_COLOUR)
            colour.setAlphaF(GRADE_OPACITY.get(grades[member.article_id], GRADE_OPACITY["conflict"]))
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
        width = self.fontMetrics().averageCharWidth()
        self.horizontalHeader().setDefaultSectionSize(width * 17)  # a value or two: five outlets fit
        self.horizontalHeader().setMinimumSectionSize(width * 8)
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps both ends: "Unknown…(003)"
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # measuring every row stalls on big corpora
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + self.fontMetrics().height() // 2)
        self.matrix.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.horizontalHeader().resizeSection(0, self.fontMetrics().averageCharWidth() * 40)
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


class FactMatrixPanel(QWidget):
    """The matrix with what frames it: the summary of what was compared above, and the chosen
    cell's sentence, with its citation, below."""

    def __init__(self, matrix: FactMatrixView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix_view = matrix
        self.summary = QLabel()
        self.summary.setObjectName("factSummary")
        self.summary.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setObjectName("factSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(matrix, 1)
        layout.addWidget(self.sentence)
        matrix.matrix.modelReset.connect(self._show_sentence)
        matrix.selectionModel().currentChanged.connect(self._show_sentence)

    def set_summary(self, summary: FactSummary | None) -> None:
        self.summary.setText(summary.text() if summary is not None else "")

    def _show_sentence(self) -> None:
        model, index = self.matrix_view.matrix, self.matrix_view.currentIndex()
        member = model.member(index)
        if member is None:
            fact = index.data(FACT_ROLE) if index.isValid() else None
            self.sentence.setText(f"{fact.id}: {fact.label}" if fact is not None else "")
            return
        article = next(article for article in model.articles if article.id == member.article_id)
        self.sentence.setText(f"“{' '.join(member.text.split())}” — {pinpoint(article, member.start)}")
