"""Outlet, date and title of the article being read, editable; each change is one undoable step.
Below them, read-only, where the article comes from: byline, section, its place in an export and
the file, or the address and time of a web-archive capture.

Corrections are stored in app data by `reader.articles.corrections.Corrections` (never in the article's
file) through the corpus model; the undo stack replays them in both directions.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from reader.articles.model import Article
from ui.corpus_model import CorpusModel, FieldState, FieldValue

FIELDS = (("outlet", "&Outlet"), ("date", "&Date"), ("title", "&Title"))
SOURCE_NAMES = {"manifest": "from the manifest", "document": "from the document", "filename": "from the file name",
                "guessed-from-address": "a guess from the address: correct it if wrong",
                "guessed-from-name": "a guess from the file or folder name: correct it if wrong",
                "user": "your correction"}
DETAILS = (("byline", "Byline"), ("section", "Section"), ("place", "Place in export"), ("file", "File"),
           ("captured_from", "Captured from"), ("captured_at", "Captured at"))


def details_of(article: Article) -> dict[str, str]:
    """What the Details panel shows read-only about an article; an empty value hides its row."""
    place = article.place
    captured = place is not None and place.captured_at is not None
    in_export = place is not None and not captured
    return {
        "byline": article.byline or "",
        "section": article.section or "",
        "place": f"document {place.describe()}" + (f", {place.document_id}" if place.document_id else "")
        if in_export else "",
        "file": article.path,
        "captured_from": (article.url or "") if captured else "",
        "captured_at": place.captured_at.isoformat(sep=" ") if captured else "",
    }


class FieldEdit(QUndoCommand):
    def __init__(self, corpus: CorpusModel, article_id: str, field_name: str, value: FieldValue) -> None:
        super().__init__(f"change {field_name} of {corpus.article(article_id).display_label}")
        self._corpus = corpus
        self._article_id = article_id
        self._field = field_name
        self._before = corpus.field_state(article_id, field_name)
        self._after = FieldState(value, "" if value is None else value, "user")

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, state: FieldState) -> None:
        self._corpus.set_current(self._article_id)
        self._corpus.set_field(self._article_id, self._field, state)


def _shown(value: FieldValue) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value or ""


class MetadataForm(QWidget):
    def __init__(self, corpus: CorpusModel, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataForm")
        self._corpus = corpus
        self._undo_stack = undo_stack
        self.edits: dict[str, QLineEdit] = {}
        self.sources: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for field_name, label in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"{field_name}Edit")
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(lambda name=field_name: self._commit(name))
            source = QLabel()
            source.setEnabled(False)
            caption = QLabel(label)
            caption.setBuddy(edit)
            layout.addRow(caption, edit)
            layout.addRow("", source)
            self.edits[field_name] = edit
            self.sources[field_name] = source
        self.edits["date"].setPlaceholderText("YYYY-MM-DD, or empty if unknown")
        self.details: dict[str, QLineEdit] = {}
        for name, label in DETAILS:
            shown = QLineEdit()
            shown.setObjectName(f"{name}Detail")
            shown.setReadOnly(True)
            shown.setAccessibleName(label)
            layout.addRow(f"{label}:", shown)
            self.details[name] = shown
        self._layout = layout
        self.provenance = QLabel()
        self.provenance.setObjectName("provenanceBadge")
        self.provenance.setWordWrap(True)
        layout.addRow("Provenance:", self.provenance)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addRow(self.problem)
        corpus.current_changed.connect(self._refresh)
        corpus.article_changed.connect(self._refresh_if_current)
        self._refresh()

    def _refresh_if_current(self, article_id: str) -> None:
        if self._corpus.current is not None and self._corpus.current.id == article_id:
            self._refresh()

    def _refresh(self) -> None:
        article = self._corpus.current
        self.setEnabled(article is not None)
        self.problem.hide()
        for field_name, edit in self.edits.items():
            edit.setText(_shown(getattr(article, field_name)) if article else "")
            origin = article.metadata_sources.get(field_name) if article else None
            self.sources[field_name].setText(SOURCE_NAMES.get(origin or "", "not found in the article"))
        values = details_of(article) if article else {}
        for name, shown in self.details.items():
            shown.setText(values.get(name, ""))
            shown.setCursorPosition(0)
            shown.setToolTip(values.get(name, ""))
            self._layout.setRowVisible(shown, bool(values.get(name)))

    def _commit(self, field_name: str) -> None:
        article = self._corpus.current
        if article is None:
            return
        text = self.edits[field_name].text().strip()
        try:
            value = self._parse(field_name, text)
        except ValueError:
            self.problem.setText(f"Not a date: {text!r}. Write it as YYYY-MM-DD, e.g. 2023-05-31.")
            self.problem.show()
            return
        self.problem.hide()
        if value == getattr(article, field_name):
            return
        self._undo_stack.push(FieldEdit(self._corpus, article.id, field_name, value))

    @staticmethod
    def _parse(field_name: str, text: str) -> FieldValue:
        if field_name == "date":
            return dt.date.fromisoformat(text) if text else None
        return text or None
