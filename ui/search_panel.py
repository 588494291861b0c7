"""The search panel: the query box, facet filters, and the hits (outlet, date, snippet with matches bold).

Up and Down in the query box move through the hits, so the researcher never leaves the box to
choose one; Enter opens the chosen hit (the window wires that key). Facets (outlet, day,
speaker, and spun once the corpus's provenance is known) narrow the results; each is
reachable by its Alt+letter. A malformed query is
searched as repaired, and the message says what was wrong and where.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
                               QListView, QTextBrowser, QVBoxLayout, QWidget)

from index import Hit, SearchFilters, SearchResults
from index.query_help import QUERY_HELP
from ui.html_delegate import HtmlDelegate

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
ANY = ""
_FACETS = (("outlet", "O&utlet"), ("date", "&Day"), ("speaker", "Spea&ker"), ("spun", "Spu&n"))
"""Facet boxes, each reachable by its Alt+letter; Spun lists values once provenance is known."""
_NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

Index = QModelIndex | QPersistentModelIndex


def bold_matches(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """`text` (found at `offset` in its article) as HTML with the spans inside it in bold."""
    parts, at = [], 0
    for start, end in sorted(spans):
        start, end = max(start - offset, at), min(end - offset, len(text))
        if start >= end:
            continue
        parts += [escape(text[at:start]), f"<b>{escape(text[start:end])}</b>"]
        at = end
    parts.append(escape(text[at:]))
    return " ".join("".join(parts).split())


def hit_html(hit: Hit) -> str:
    where = " · ".join(part for part in (hit.outlet or "outlet unknown", hit.date or "date unknown"))
    title = f" — {escape(hit.title)}" if hit.title else ""
    snippet = bold_matches(hit.snippet, hit.snippet_span[0], hit.highlights)
    return f"<small>{escape(where)}{title}</small><br/>{snippet}"


def _day(value: str) -> dt.date | None:
    """A day facet's value ("2023-05-31" or "20230531"); None for "any" or unknown dates."""
    digits = value.replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        return None
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


class HitModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit_html(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.path
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.outlet or 'outlet unknown'}, {hit.date or 'date unknown'}: {' '.join(hit.snippet.split())}"
        if role == HIT_ROLE:
            return hit
        return None


class SearchPanel(QWidget):
    queryChanged = Signal(str, object)
    """The query text and the facet filters (`SearchFilters`) to search with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText("Search the corpus (Shift+F1: query syntax)")
        self.query.installEventFilter(self)
        self.facets = {name: QComboBox() for name, _ in _FACETS}
        grid = QGridLayout()
        for column, (name, label) in enumerate(_FACETS):
            box = self.facets[name]
            box.setObjectName(f"facet-{name}")
            box.addItem("any", ANY)
            box.currentIndexChanged.connect(self._changed)
            grid.addWidget(QLabel(label, buddy=box), 0, column)
            grid.addWidget(box, 1, column)
        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.model = HitModel(self)
        self.list = QListView()
        self.list.setObjectName("searchHits")
        self.list.setModel(self.model)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.query)
        self.query.textChanged.connect(self._changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _NAVIGATION_KEYS:
                QApplication.sendEvent(self.list, event)
                return True
        return super().eventFilter(watched, event)

    def filters(self) -> SearchFilters:
        outlet, day, speaker, spun = (self.facets[name].currentData() for name, _ in _FACETS)
        date = _day(day)
        return SearchFilters(outlets=(outlet,) if outlet else (), speakers=(speaker,) if speaker else (),
                             date_from=date, date_to=date, spun={"yes": True, "no": False}.get(spun))

    def _changed(self) -> None:
        self.queryChanged.emit(self.query.text(), self.filters())

    def show_results(self, results: SearchResults | None) -> None:
        self.model.set_hits(results.hits if results else [])
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        if results is None:
            self.message.setText("")
            return
        lines = [f"{results.total:,} articles" + (f", first {len(results.hits)} shown" if results.total > len(results.hits) else "")]
        lines += [f"<span style='color:#D55E00'>Query problem: {escape(str(problem))}</span>"
                  for problem in results.problems]
        if results.suggestion:
            lines.append(f"Did you mean <i>{escape(results.suggestion)}</i>?")
        self.message.setText("<br/>".join(lines))
        for name, box in self.facets.items():
            self._fill_facet(box, results.facets.get(name, {}))

    def _fill_facet(self, box: QComboBox, counts: dict[str, int]) -> None:
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem("any", ANY)
        for value, count in counts.items():
            box.addItem(f"{value} ({count})", value)
        if chosen and box.findData(chosen) < 0:
            box.addItem(f"{chosen} (0)", chosen)
        box.setCurrentIndex(max(box.findData(chosen), 0))
        box.blockSignals(False)

    def current_hit(self) -> Hit | None:
        index = self.list.currentIndex()
        return index.data(HIT_ROLE) if index.isValid() else None


class QuerySyntaxHelp(QDialog):
    """The query language, in the same words as the README (`index.query_help.QUERY_HELP`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("querySyntaxHelp")
        self.setWindowTitle("Search syntax")
        self.text = QTextBrowser()
        self.text.setMarkdown(QUERY_HELP)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.height() * 32)
