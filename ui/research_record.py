"""The research record in the window: notes (panel, keyboard commands, undo), `note:` in search,
notes in exports, and the quotation, revision and timeline views.

It plugs into the main window through its public hooks (`add_dock`, `add_view`, the action
registry) so the window itself only creates it. Every note change is done on the `NoteBook`
first (saved at once) and then pushed onto the window's one `QUndoStack`, so one Undo
(Ctrl+Z) takes back a metadata correction or a note, whichever came last.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QUndoCommand
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from reader.articles.model import Article
from reader.export import Report
from reader.export.record import record_report, with_notes
from reader.provenance.copies import INDEPENDENT
from reader.record.notes import (NoteBook, NotesError, Target, copy_target, discrepancy_target, fact_target,
                                 quote_target, sentence_target)
from reader.record.gather import gather_record
from reader.record.quote_compare import QuotationGroup, compare_quotations
from reader.record.revisions import VersionMarks, revision_histories
from reader.record.search import articles_noted
from reader.record.timeline import fact_timelines
from ui.actions import ActionId, Scope
from ui.fact_matrix import FACT_ROLE
from ui.notes_panel import NoteRow, NotesPanel
from ui.notices import Level
from ui.quotation_view import QuotationView
from ui.quotes_panel import ARTICLE_ROLE, QUOTE_ROLE
from ui.reader_view import Highlight
from ui.revision_view import RevisionView
from ui.tasks import Generation, Task
from ui.timeline_view import TimelineView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

NOTE_COLOUR = "#0072B2"
"""Okabe–Ito blue, for the dotted underline under noted passages in the reader."""
AskText = Callable[[QWidget, str, str, str], "str | None"]
"""(parent, title, what the note is about, text so far) -> the note's text, or None if cancelled."""


def ask_note_text(parent: QWidget, title: str, about: str, text: str) -> str | None:
    written, accepted = QInputDialog.getMultiLineText(parent, title, about, text)
    return written.strip() if accepted and written.strip() else None


class NoteChange(QUndoCommand):
    """A change already made on the note book; undo and redo step the book's own stack."""

    def __init__(self, book: NoteBook, name: str, changed: Callable[[], None]) -> None:
        super().__init__(name)
        self._book = book
        self._changed = changed
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._book.redo()
        self._changed()

    def undo(self) -> None:
        self._book.undo()
        self._changed()


class ResearchRecord(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = context = window.context
        self.ask_text: AskText = ask_note_text
        self.book = self._open_book()
        self.panel = NotesPanel()
        window.add_dock("notes", "Notes", self.panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        window.tabifyDockWidget(window.docks["quotes"], window.docks["notes"])
        window.docks["quotes"].raise_()
        self.quotations = QuotationView()
        self.revisions = RevisionView()
        self.timeline = TimelineView()
        window.add_view("quotations", "Quotations", self.quotations)
        window.add_view("revisions", "Revisions", self.revisions)
        window.add_view("timeline", "Timeline", self.timeline)
        self._quotations_generation = Generation()
        self._revisions_generation = Generation()
        context.actions.attach(Scope.NOTES, self.panel)
        actions = context.actions
        actions.on(ActionId.ADD_NOTE, self.add_note)
        actions.on(ActionId.EDIT_NOTE, self.edit_note)
        actions.on(ActionId.DELETE_NOTE, self.delete_note)
        actions.on(ActionId.OPEN_NOTE, self.panel.open_current)
        actions.on(ActionId.SHOW_NOTES, lambda: window.show_dock("notes"))
        actions.on(ActionId.SHOW_QUOTATIONS, self.show_quotations)
        actions.on(ActionId.SHOW_REVISIONS, self.show_revisions)
        actions.on(ActionId.SHOW_TIMELINE, self.show_timeline)
        actions.on(ActionId.MARK_VERSIONS, self.mark_versions)
        actions.on(ActionId.EXPORT_RECORD, self.export_record)
        self._record_generation = Generation()
        self.panel.noteChosen.connect(self._open_note)
        context.corpus.loaded.connect(self._corpus_loaded)
        context.corpus.current_changed.connect(self._paint_notes, Qt.ConnectionType.QueuedConnection)  # after the reader
        self.groups: list[QuotationGroup] | None = None
        """The open corpus's quotations printed by several outlets, once compared."""
        window.analysis.quotes_ready.connect(self._compare_quotations)
        window.search.noted = self.noted
        self.refresh()

    # --- notes -------------------------------------------------------------------------------

    def _articles(self) -> list[Article]:
        return list(self.context.corpus.corpus.articles)

    def _open_book(self) -> NoteBook | None:
        try:
            return NoteBook.open()
        except NotesError as error:
            self.context.notices.post(Level.ERROR, f"Your notes could not be read: {error}")
            return None

    def refresh(self, current: str | None = None) -> None:
        """List the notes again (placed in the open corpus), choosing note `current` if given."""
        self.panel.show_notes(self.book.listed() if self.book else [], self._articles(), current)
        self._paint_notes()

    def _paint_notes(self) -> None:
        """Underline the noted passages of the article being read; hovering shows the notes."""
        article = self.context.corpus.current
        if article is None or self.book is None:
            self.window.reader.clear_highlights("notes")
            return
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        underline.setUnderlineColor(QColor(NOTE_COLOUR))
        self.window.reader.set_highlights("notes", [
            Highlight(*placement.span, underline, f"Note: {note.text}")
            for note in self.book.for_article(article) if note.target.kind != "copy"
            for placement in note.placements([article]) if placement.article is article and placement.span])

    def _corpus_loaded(self) -> None:
        """The notes file is read again (the command line may have changed it): the undo stack
        is emptied on every load, so nothing undoable refers to the notes held before."""
        self.book = self._open_book()
        self.refresh()
        self._quotations_generation.next()
        self._record_generation.next()
        self.groups = None
        self.quotations.waiting("The quotes are still being found; the quotations are compared when they are.")
        for view in (self.revisions, self.timeline):
            view.waiting("Open this view again (its key) to work it out for the corpus now open.")

    def _changed(self, name: str, note_id: str | None) -> None:
        self.context.undo_stack.push(NoteChange(self.book, name, self.refresh))
        self.refresh(note_id)

    def _book_ready(self) -> bool:
        if self.book is None:
            self.window.statusBar().showMessage("Notes are unavailable: the notes file could not be read "
                                                "(see Messages).", 8000)
        return self.book is not None

    def target(self) -> Target | None:
        """What the researcher is on: the chosen quote, fact or discrepancy, the copy pair compared,
        or the selection (else the sentence at the cursor) in the reader or a comparison."""
        window = self.window
        focus = QApplication.focusWidget()
        articles = self._articles()
        if focus is not None and window.quotes_panel.isAncestorOf(focus):
            index = window.quotes_panel.table.currentIndex()
            return quote_target(index.data(ARTICLE_ROLE), index.data(QUOTE_ROLE)) if index.isValid() else None
        if focus is window.fact_matrix:
            return self._fact_target(articles)
        selected = window._selection()
        if selected is None and focus is not None and window.compare_view.isAncestorOf(focus):
            return self._copy_target(articles)
        if selected is None:
            article = self.context.corpus.current
            if article is None or not window.reader.isVisible():
                return None
            here = window.reader.cursor_offset()
            span = next(((start, end) for start, end in article.sentences if start <= here < end), None)
            if span is None:
                return None
            selected = (article, span)
        return sentence_target(*selected)

    def _fact_target(self, articles: list[Article]) -> Target | None:
        matrix = self.window.fact_matrix
        index = matrix.currentIndex()
        if not index.isValid():
            return None
        fact = index.data(FACT_ROLE)
        member = matrix.matrix.member(index)
        disputed = next((item for item in fact.discrepancies if member is not None and member.article_id in item.values),
                        None)
        return discrepancy_target(fact, disputed, articles) if disputed else fact_target(fact, articles)

    def _copy_target(self, articles: list[Article]) -> Target | None:
        comparison = self.window.compare_view.comparison()
        reuse = self.window.analysis.reuse
        if comparison is None or reuse is None:
            return None
        pair = next((pair for pair in reuse.pairs if {pair.a, pair.b} == {comparison.a_id, comparison.b_id}
                     and pair.kind != INDEPENDENT), None)
        return copy_target(pair, articles) if pair else None

    def add_note(self) -> None:
        if not self._book_ready():
            return
        target = self.target()
        if target is None:
            self.window.statusBar().showMessage(
                "Nothing to note: select text or put the cursor in a sentence of the reader, choose a quote or a "
                "fact, or compare a copy pair.", 8000)
            return
        text = self.ask_text(self.window, "Add a note", f"Note on the {target.label}:", "")
        if text is None:
            return
        try:
            note = self.book.add(target, text)
        except OSError as error:
            self.context.notices.post(Level.ERROR, f"The note could not be saved: {error}")
            return
        self._changed("add note", note.id)
        self.window.statusBar().showMessage(f"Noted ({target.kind}); Notes panel: "
                                            f"{self.context.actions.shortcut_text(ActionId.SHOW_NOTES)}.", 5000)

    def edit_note(self) -> None:
        note = self.panel.current_note()
        if note is None or not self._book_ready():
            return
        text = self.ask_text(self.window, "Edit note", f"Note on the {note.target.label}:", note.text)
        if text is None or text == note.text:
            return
        try:
            self.book.edit(note.id, text)
        except OSError as error:
            self.context.notices.post(Level.ERROR, f"The note could not be saved: {error}")
            return
        self._changed("edit note", note.id)

    def delete_note(self) -> None:
        note = self.panel.current_note()
        if note is None or not self._book_ready():
            return
        try:
            self.book.delete(note.id)
        except OSError as error:
            self.context.notices.post(Level.ERROR, f"The note could not be deleted: {error}")
            return
        self._changed("delete note", None)

    def _open_note(self, row: NoteRow) -> None:
        placed = row.first_placed
        if placed is None:
            self.window.statusBar().showMessage(row.messages or "The note's article is not open.", 8000)
            return
        start, end = placed.span or (0, 0)
        self.window.open_article_at(placed.article.id, start, end)
        if placed.span is None:
            self.window.statusBar().showMessage(placed.message, 8000)

    def noted(self) -> Callable[[str], set[str]] | None:
        """For `note:` in a search: the notes and articles as they are now, matched on the worker."""
        if self.book is None:
            return None
        notes, articles = self.book.listed(), self._articles()
        return lambda words: articles_noted(notes, articles, words)

    def with_notes(self, report: Report) -> Report:
        """`report` with the notes on its articles at the end, as the command line's exports have."""
        if self.book is None:
            return report
        shown = {item["id"] for item in report.info["articles"]}
        articles = self._articles()
        notes = list(dict.fromkeys(note for article in articles if article.id in shown
                                   for note in self.book.for_article(article)))
        return with_notes(report, notes, articles)

    def export_record(self) -> None:
        """The research record of the corpus open, gathered on the task runner (it compares the
        quotations and the versions), then saved where the researcher says."""
        window, analysis = self.window, self.window.analysis
        if not (analysis.quotes_complete and analysis.facts_complete and analysis.reuse is not None):
            window.statusBar().showMessage("The quotes, facts and copies are still being worked out; "
                                           "export the research record when they are.", 8000)
            return
        if not self._book_ready():
            return
        result, articles, corpus = analysis.result, self._articles(), window._corpus_name()
        book = NoteBook(self.book.path, dict(self.book.notes))  # the notes as they are now, read on the worker

        def work(task: Task) -> Report:
            return record_report(gather_record(result, book, VersionMarks()), articles, corpus)

        generation = self._record_generation
        generation.next()
        self.context.tasks.start("research record", work, on_failure=generation.bind(self._failed),
                                 on_success=generation.bind(lambda report: window.export(
                                     "Export research record", "research-record", report, "", add_notes=False)))

    # --- views -------------------------------------------------------------------------------

    def show_quotations(self) -> None:
        """The view fills itself when the comparison arrives (`_compare_quotations`)."""
        self.window.show_view("quotations")
        self.quotations.setFocus()

    def _compare_quotations(self) -> None:
        """Every time the quotes are found (a corpus opened, the parties edited), the quotations
        are compared on the task runner, once, for the quotes panel and the Quotations view; the
        quotes are gathered by article there too (for 10,000 articles that held the UI thread).
        The comparison starts once the window has taken the quotes in: run while it paints them,
        the two took turns at the interpreter lock and the window stalled."""
        found, articles = self.window.analysis.result.quotes or {}, self._articles()

        def compare(_task: Task) -> list[QuotationGroup]:
            return compare_quotations([(article, found.get(article.id, [])) for article in articles])

        def start() -> None:
            self.context.tasks.start("compare quotations", compare,
                                     on_success=generation.bind(self._quotations_compared),
                                     on_failure=generation.bind(self._failed))

        self.groups = None
        self.quotations.waiting("Comparing the quotations across outlets…")
        generation = self._quotations_generation
        generation.next()
        self.context.tasks.start_when_idle(self, generation.bind(start))

    def _quotations_compared(self, groups: list[QuotationGroup]) -> None:
        self.groups = groups
        self.window.quotes_panel.set_groups(groups)
        self.quotations.show_groups(groups)

    def show_revisions(self) -> None:
        self.window.show_view("revisions")
        self.revisions.setFocus()
        articles, current = self._articles(), self.context.corpus.current
        self.revisions.waiting("Looking for versions of one article and comparing them…")
        generation = self._revisions_generation
        generation.next()
        self.context.tasks.start("revision histories", lambda task: revision_histories(articles, VersionMarks()),
                                 on_success=generation.bind(lambda found: self.revisions.show_histories(found, current)),
                                 on_failure=generation.bind(self._failed))

    def mark_versions(self) -> None:
        """The article marked for comparison (Ctrl+M) and the one being read are versions of one."""
        window, corpus = self.window, self.context.corpus
        if window.marked_article is None or corpus.current is None or window.marked_article == corpus.current.id:
            window.statusBar().showMessage("Mark one version first (Compare ▸ Mark), then read another.", 8000)
            return
        VersionMarks().mark([corpus.article(window.marked_article).path, corpus.current.path])
        self.show_revisions()

    def show_timeline(self) -> None:
        """Every fact's timeline, the one chosen in the fact matrix on show (quick: no diffing)."""
        window = self.window
        window.show_view("timeline")
        self.timeline.setFocus()
        analysis = window.analysis
        if not analysis.facts_complete or analysis.reuse is None:
            self.timeline.waiting("The facts and copies are still being worked out; open this view again when they are.")
            return
        articles = self._articles()
        chosen = window.fact_matrix.currentIndex()
        labels = {article.id: article.display_label for article in articles}
        self.timeline.show_timelines(fact_timelines(analysis.facts, articles, analysis.reuse), labels,
                                     chosen.row() if chosen.isValid() else 0)

    def _failed(self, message: str) -> None:
        self.context.notices.post(Level.ERROR, f"The research record could not be worked out: {message}")
