"""The story overview: the first view a corpus opens to.

Who reported the story (copies folded under the account they copy, so corroboration is not
counted twice), the facts with conflicts first and how many independent sources state each,
and the parties with their quote counts. Every line leads to its evidence with Enter: an
outlet to its article, a fact to its comparison across outlets, a party to its quotes.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from reader.analysis.overview import FactLine, StoryOverview
from reader.articles.corpus import Corpus
from reader.articles.model import Article
from reader.facts.summary import FactSummary

SECTION_LINES = 200
"""Lines shown per section: the overview is for the most telling lines (conflicts first, the most
independent sources first); the fact matrix and the article list hold the rest, and filling
tens of thousands of tree items would stall the window."""
COPY_LINES = 20
"""Copies listed under one account; a syndicated story can have hundreds, which the article
list's Provenance column shows in full."""
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
"""("article", id), ("fact", Fact) or ("party", id): what Enter on the line opens."""


def _item(text: str, evidence: tuple[str, Any] | None = None, tip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(evidence, EVIDENCE_ROLE)
    if tip:
        item.setToolTip(tip)
    return item


def _fact_text(line: FactLine) -> str:
    marks = "≠ " if line.conflicts else "≈ " if line.imprecisions else ""
    sources = f"{line.sources} independent source{'s' if line.sources != 1 else ''}"
    disputes = [f"{count} {grade}{'s' if count != 1 else ''}" for count, grade in
                ((line.conflicts, "conflict"), (line.imprecisions, "imprecision")) if count]
    counts = f"{line.outlets} outlets, {sources}" + (f", {', '.join(disputes)}" if disputes else "")
    return f"{marks}[{counts}] {line.fact.label}"  # the counts first: a narrow window elides the label


def _facts_heading(summary: FactSummary | None, found: int) -> str:
    """Short enough for one line; the summary's full wording is the line's tooltip."""
    if summary is None:
        return f"Facts — {found} found"
    disputes = [f"{count} {word}{'s' if count != 1 else ''}" for count, word in
                ((summary.conflicts, "conflict"), (summary.imprecisions, "imprecision")) if count]
    return (f"Facts — {summary.compared} compared across outlets"
            + (f" ({', '.join(disputes)})" if disputes else ", no discrepancy found")
            + f"; {summary.single_outlet} figures stated by one outlet only, not compared")


def _more(section: QStandardItem, total: int, where: str) -> None:
    if total > SECTION_LINES:
        section.appendRow(_item(f"… and {total - SECTION_LINES:,} more in {where}"))


class StoryOverviewView(QTreeView):
    evidenceChosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyOverview")
        self.tree = QStandardItemModel(self)
        self.setModel(self.tree)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName("Story overview")
        self.show_overview(None, Corpus([], []), None)

    def show_overview(self, overview: StoryOverview | None, corpus: Corpus, summary: FactSummary | None) -> None:
        """The overview of the open corpus; None while its analysis is still running. Articles are
        found through the corpus's own lookup: a table of 10,000 built here held the UI thread."""
        self.tree.clear()
        articles = corpus.articles
        if overview is None:
            self.tree.appendRow(_item(f"{len(articles):,} articles — analysing the story…" if articles else
                                      "No corpus open: Ctrl+O opens a folder of articles"))
            return
        accounts = _item(f"Outlets — {len(articles):,} articles, {len(overview.sources):,} independent accounts")
        for group in overview.sources[:SECTION_LINES]:
            accounts.appendRow(self._article_item(corpus.by_id(group.source), group.copies, corpus))
        _more(accounts, len(overview.sources), "the article list (Alt+1)")
        facts = _item(_facts_heading(summary, len(overview.facts)), tip=summary.text() if summary is not None else "")
        for line in overview.facts[:SECTION_LINES]:
            facts.appendRow(_item(_fact_text(line), ("fact", line.fact), line.fact.label))
        _more(facts, len(overview.facts), "the fact matrix (Alt+5)")
        parties = _item(f"Parties — {len(overview.parties)} quoted")
        for line in overview.parties[:SECTION_LINES]:
            parties.appendRow(_item(f"{line.name} — {line.quotes} quote{'s' if line.quotes != 1 else ''}",
                                    ("party", line.party)))
        _more(parties, len(overview.parties), "the quotes panel (Alt+3)")
        for section in (facts, accounts, parties):
            self.tree.appendRow(section)
            self.expand(section.index())
        self.setCurrentIndex(self.tree.index(0, 0))

    def _article_item(self, article: Article, copies: tuple[str, ...], corpus: Corpus) -> QStandardItem:
        date = article.date.isoformat() if article.date else "date unknown"
        item = _item(f"{article.display_label} ({date})" + (f" — copied by {len(copies)}" if copies else ""),
                     ("article", article.id), article.title or article.path)
        for copy in map(corpus.by_id, copies[:COPY_LINES]):
            item.appendRow(_item(f"copy: {copy.display_label}", ("article", copy.id), copy.path))
        if len(copies) > COPY_LINES:
            item.appendRow(_item(f"… and {len(copies) - COPY_LINES:,} more copies in the article list (Alt+1)"))
        return item

    def open_current(self) -> None:
        evidence = self.currentIndex().data(EVIDENCE_ROLE)
        if evidence is not None:
            self.evidenceChosen.emit(*evidence)
