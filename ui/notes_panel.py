"""The notes panel: every note of the researcher, what it is about, its pinpoint citation and
whether the text under it is still the same in the articles open now.

Where each note sits is worked out once per change (notes or corpus), not on every paint. A
note whose text changed (or whose article is not open) is marked "≠"/"–" beside the colour, so
colour is never the only cue. Enter reads the note's passage; Ctrl+Enter edits, Delete deletes.
"""
from __future__ import annotations

import os

from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.articles.model import Article
from reader.export.citation import pinpoint
from reader.record.anchors import CHANGED, MISSING, MOVED, UNCHANGED, Anchor, Placement, place, real_path
from reader.record.notes import Note
from ui.row_table import row_table

COLUMNS = ("About", "Citation", "Text under it", "Note")
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1
CHANGED_COLOUR = "#E69F00"
"""Okabe–Ito orange, as the fact matrix shades a discrepancy: the text under the note changed."""
PASSAGE_KINDS = ("sentence", "quote")
STATUS_WORDS = {UNCHANGED: "unchanged", MOVED: "moved", CHANGED: "≠ changed", MISSING: "– not open"}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class NoteRow:
    """One note as the panel lists it, its passages placed in the articles open now."""

    note: Note
    placements: tuple[Placement, ...]

    @property
    def about(self) -> str:
        """A sentence or quote by its words (the citation column says where); others by their label."""
        target = self.note.target
        if target.kind in PASSAGE_KINDS and target.anchors:
            return f"{target.kind}: “{' '.join(target.anchors[0].text.split())}”"
        return f"{target.kind}: {target.label}"

    @property
    def first_placed(self) -> Placement | None:
        return next((item for item in self.placements if item.article is not None), None)

    @property
    def citation(self) -> str:
        cited = [pinpoint(item.article, (item.span or (item.anchor.start, 0))[0])
                 for item in self.placements if item.article is not None]
        missing = [item.anchor.article_id for item in self.placements if item.article is None]
        return "; ".join(cited + missing)

    @property
    def status(self) -> str:
        """The worst of the passages: changed, then not open, then moved, else unchanged."""
        found = {item.status for item in self.placements}
        return next((status for status in (CHANGED, MISSING, MOVED) if status in found), UNCHANGED)

    @property
    def messages(self) -> str:
        return "\n".join(dict.fromkeys(item.message for item in self.placements))


class NoteTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[NoteRow] = []

    def set_notes(self, notes: Sequence[Note], articles: Sequence[Article]) -> None:
        """Each passage is placed among the (at most two) articles that can hold it, found by
        hash and by file, so a note costs the same whatever the size of the corpus."""
        by_hash: dict[str, Article] = {}
        by_file: dict[str, Article] = {}
        names = {os.path.basename(path) for note in notes for anchor in note.target.anchors
                 for path in (anchor.path, real_path(anchor.path))}
        for article in articles if notes else ():
            by_hash.setdefault(article.content_hash, article)
            if os.path.basename(article.path) in names:  # resolving every article's path stalled 10,000-article corpora
                by_file.setdefault(real_path(article.path), article)

        def placed(anchor: Anchor) -> Placement:
            candidates = (by_hash.get(anchor.content_hash), by_file.get(real_path(anchor.path)))
            return place(anchor, [article for article in candidates if article is not None])

        self.beginResetModel()
        self.rows = [NoteRow(note, tuple(placed(anchor) for anchor in note.target.anchors)) for note in notes]
        self.endResetModel()

    def row_of(self, note_id: str) -> int | None:
        return next((number for number, row in enumerate(self.rows) if row.note.id == note_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.about, row.citation, STATUS_WORDS[row.status],
                    " ".join(row.note.text.split()))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (row.note.target.label, row.citation, row.messages, row.note.text)[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 2 and row.status == CHANGED:
            colour = QColor(CHANGED_COLOUR)
            colour.setAlphaF(0.35)
            return colour
        if role == NOTE_ROLE:
            return row.note
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None


class NotesPanel(QWidget):
    noteChosen = Signal(object)
    """The `NoteRow` whose passage the researcher asked to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.model = NoteTableModel(self)
        self.count = QLabel()
        self.table = row_table(self.model, "noteTable", (34, 36, 16))
        self.model.modelReset.connect(self._update_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_notes(self, notes: Sequence[Note], articles: Sequence[Article], current: str | None = None) -> None:
        """List `notes`, keeping the note chosen (or choosing `current`, a note id) if it is still there."""
        chosen = current or (self.current_note().id if self.current_note() else None)
        self.model.set_notes(notes, articles)
        row = self.model.row_of(chosen) if chosen else None
        if row is None and self.model.rows:
            row = 0
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_row(self) -> NoteRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() and index.row() < len(self.model.rows) else None

    def current_note(self) -> Note | None:
        row = self.current_row()
        return row.note if row else None

    def open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.noteChosen.emit(row)

    def _update_count(self) -> None:
        changed = sum(row.status == CHANGED for row in self.model.rows)
        text = f"{len(self.model.rows):,} notes"
        self.count.setText(text + (f", {changed:,} on text that has changed" if changed else ""))
