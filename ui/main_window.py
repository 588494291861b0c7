"""The main window: the shell every view lives in — docks, central views, menus, status bar.

It owns no data: the `AppContext` holds the corpus, settings, actions and background tasks,
and the views listen to it. A later feature plugs in with `add_view` (a central tab, e.g. the
comparison) or `add_dock` (a side panel, e.g. search results or quotes), one `ActionId` member
connected with `context.actions.on(...)`, and `open_article_at` to show a span in the reader.
"""
from __future__ import annotations

import importlib.util
import logging
import sys
from html import escape
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, QTimer
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QListView, QMainWindow,
                               QMessageBox, QTabWidget, QVBoxLayout, QWidget)

from reader import __version__
from resources import sample_dir
from ui.actions import MENUS, ActionId, Scope
from ui.context import AppContext
from ui.first_paint import after_next_paint
from ui.message_bar import MessageBar
from ui.notices import Level
from ui.task_status import TaskStatus
from ui.theme import apply_theme

if TYPE_CHECKING:
    from reader.articles.model import Article, Span
    from reader.export import Report
    from reader.facts.finder import Fact, Member
    from reader.quotes.finder import Quote


def _lazy_module(name: str) -> ModuleType:
    """`name`, executed when one of its attributes is first used (importlib's LazyLoader)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


parts = _lazy_module("ui.window_parts")  # first used by fill(): after the first paint when the app starts

log = logging.getLogger(__name__)

SPUN_NOTICES = 5
"""Up to this many spun copies get a notice each; more are named in one notice."""
ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)"
NARROW_WINDOW_COLUMNS = 180
"""A window narrower than this many average characters starts without the Details pane: the
reader needs about 80 of them, the article list a title's 45 and the Details pane 40 more."""
FILL_WITHOUT_PAINT_MS = 2000
"""A window not painted this long after start-up (started minimised, or its display slow to
expose it) fills in and opens its corpus anyway."""


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, fill: bool = True) -> None:
        """The shell: title, central tabs, message bar, menus, status bar, theme and size. Its
        views and panels come with `fill()`, at once unless the app starts it after the first paint."""
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle("Corroborate")
        self.setDockNestingEnabled(True)
        self.docks: dict[str, QDockWidget] = {}
        self.filled = False
        self._layout_restored = False
        self._needs_default_sizes = False

        self.message_bar = MessageBar(context.notices)
        self.views = QTabWidget()
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.message_bar)
        column.addWidget(self.views, 1)
        self.setCentralWidget(central)
        self.task_status = TaskStatus(context.actions.action(ActionId.CANCEL_TASK))
        self.summary = QLabel()
        self.statusBar().addPermanentWidget(self.summary)
        self.statusBar().addPermanentWidget(self.task_status)
        self._connect_loading()
        self._build_menus()
        self.set_theme(str(context.settings.value("view/theme", "system")))
        self._restore_geometry()
        if fill:
            self.fill()

    def fill_after_first_paint(self, opening: Callable[[], None]) -> None:
        """How the app starts: the shell is painted first; then `opening` starts the corpus loading
        in the background while `fill()` builds the views. The loaded corpus reaches them after
        `fill()` returns: its result is queued to this thread, which `fill()` keeps busy."""
        def start() -> None:
            if not self.filled:
                opening()
                self.fill()

        after_next_paint(self, start)
        QTimer.singleShot(FILL_WITHOUT_PAINT_MS, start)

    def fill(self) -> None:
        """The views, panels, analysis and search, each connected to its commands."""
        context = self.context
        self.reader = parts.ReaderView()
        self.overview = parts.StoryOverviewView()
        self.add_view("overview", "Overview", self.overview)
        self.add_view("reader", "Reader", self.reader)
        self.compare_view = parts.CompareView()
        self.compare_view.setObjectName("compareView")
        self.add_view("compare", "Comparison", self.compare_view)
        self.fact_matrix = parts.FactMatrixView()
        self.fact_panel = parts.FactMatrixPanel(self.fact_matrix)
        self.add_view("facts", "Fact matrix", self.fact_panel)
        self.analysis = parts.AnalysisModel(context.corpus, context.tasks, self)
        self.comparisons = parts.Comparisons(self.compare_view, context.corpus, self.analysis, context.tasks, self)
        self.marked_article: str | None = None
        self.search = parts.Search(context.corpus, self.analysis, context.tasks, self)
        self.search_panel = parts.SearchPanel()
        self.syntax_help = parts.QuerySyntaxHelp(self)
        self._matches: list[Span] = []
        self._match_article: str | None = None
        self._match_index = 0

        self.article_list = parts.ArticleList(context.corpus)
        self.metadata_form = parts.MetadataForm(context.corpus, context.undo_stack)
        self.notice_list = QListView()
        self.notice_list.setObjectName("noticeList")
        self.notice_list.setModel(context.notices)
        self.log_view = parts.LogView(context.log)
        self.quotes_panel = parts.QuotesPanel()
        self.add_dock("search", "Search", self.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock("articles", "Articles", self.article_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock("details", "Details", self.metadata_form, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock("quotes", "Quotes", self.quotes_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.add_dock("messages", "Messages", self.notice_list, Qt.DockWidgetArea.BottomDockWidgetArea, visible=False)
        self.add_dock("log", "Log", self.log_view, Qt.DockWidgetArea.BottomDockWidgetArea, visible=False)
        self.tabifyDockWidget(self.docks["messages"], self.docks["log"])

        self.palette_dialog = parts.CommandPalette(context.actions, self)
        self.shortcut_help = parts.ShortcutHelp(context.actions, self)
        self.shortcut_editor = parts.ShortcutEditor(context.actions, self)

        context.actions.attach(Scope.WINDOW, self)
        context.actions.attach(Scope.ARTICLES, self.article_list)
        context.actions.attach(Scope.READER, self.reader)
        context.actions.attach(Scope.QUOTES, self.quotes_panel)
        context.actions.attach(Scope.COMPARE, self.compare_view)
        context.actions.attach(Scope.FACTS, self.fact_matrix)
        context.actions.attach(Scope.OVERVIEW, self.overview)
        context.actions.attach(Scope.SEARCH, self.search_panel)
        self.compare_view.addAction(context.actions.action(ActionId.COPY_CITATION))
        self._connect_actions()
        self.record = parts.ResearchRecord(self)
        self._connect_corpus()
        self._connect_analysis()
        self._connect_search()
        self.message_bar.details.clicked.connect(lambda: self.show_dock("messages"))
        self._restore_dock_layout()
        self.setAcceptDrops(True)
        self.filled = True
        self._size_panes_once()

    # --- plugging views in -------------------------------------------------------------

    def add_view(self, name: str, title: str, widget: QWidget) -> int:
        """A central view (the reader now; the comparison or fact matrix later), one tab each."""
        widget.setProperty("viewName", name)
        return self.views.addTab(widget, title)

    def show_view(self, name: str) -> QWidget:
        for index in range(self.views.count()):
            widget = self.views.widget(index)
            if widget.property("viewName") == name:
                self.views.setCurrentIndex(index)
                return widget
        raise KeyError(name)

    def add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 visible: bool = True) -> QDockWidget:
        """A side panel whose place and visibility persist with the layout (objectName `dock-<name>`)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        self.docks[name] = dock
        if self._layout_restored:
            self.restoreDockWidget(dock)
        return dock

    def show_dock(self, name: str) -> None:
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        dock.widget().setFocus()

    def focus_reader(self) -> None:
        self.show_view("reader")
        self.reader.setFocus()

    def open_article_at(self, article_id: str, start: int, end: int | None = None) -> None:
        """Show an article with a span selected: how search hits, quotes and fact cells open."""
        self.context.corpus.set_current(article_id)
        self.show_view("reader")
        self.reader.reveal(start, end)
        self.focus_reader()

    # --- corpus --------------------------------------------------------------------------

    def open_initial_corpus(self) -> None:
        """The sample on first start; afterwards the last corpus, if its files are still there."""
        recent = self.context.settings.recent_corpora()
        if recent and all(path.exists() for path in recent[0]):
            self.open_corpus(recent[0])
        else:
            self.open_corpus([sample_dir()])

    def open_corpus(self, paths: list[Path]) -> None:
        self.context.corpus.open(paths)

    def _connect_loading(self) -> None:
        """The shell shows a corpus loading: it may start before the views are there."""
        corpus, notices, status = self.context.corpus, self.context.notices, self.task_status
        corpus.loading_started.connect(lambda: status.begin("corpus", "Reading articles", corpus.cancel))
        corpus.loading_progress.connect(lambda done, total, name: status.update("corpus", done, total, name))
        corpus.loading_cancelled.connect(lambda: status.end("corpus"))
        corpus.loading_cancelled.connect(
            lambda: notices.post(Level.INFO, "Loading cancelled; the previous corpus is still open."))
        corpus.loading_failed.connect(lambda _: status.end("corpus"))
        corpus.loading_failed.connect(
            lambda message: notices.post(Level.ERROR, f"The corpus could not be opened: {message}"))

    def _connect_corpus(self) -> None:
        corpus = self.context.corpus
        corpus.loaded.connect(self._loaded)
        corpus.current_changed.connect(lambda _: self._show_current())

    def _show_current(self) -> None:
        article = self.context.corpus.current
        self.reader.show_article(article)
        self._paint_quotes()
        self._paint_spun_words()
        self._paint_matches()
        self._show_badge()

    # --- search ------------------------------------------------------------------------------

    def _connect_search(self) -> None:
        search, status, notices = self.search, self.task_status, self.context.notices
        search.index_started.connect(lambda: status.begin("index", "Indexing for search", search.cancel_indexing))
        search.index_progress.connect(lambda done, total, name: status.update("index", done, total, name))
        search.index_ready.connect(lambda: status.end("index"))
        search.index_ready.connect(self._index_ready)
        search.index_cancelled.connect(lambda: status.end("index"))
        search.index_failed.connect(lambda _: status.end("index"))
        search.index_failed.connect(lambda message: notices.post(Level.ERROR, f"The search index failed: {message}"))
        search.search_failed.connect(lambda message: notices.post(Level.ERROR, f"The search failed: {message}"))
        search.results_ready.connect(self.search_panel.show_results)
        self.search_panel.queryChanged.connect(search.search)

    def _index_ready(self) -> None:
        for notice in self.search.index.report.notices:
            self.context.notices.post(Level.WARNING, notice)

    def _focus_search(self) -> None:
        self.show_dock("search")
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def _open_hit(self) -> None:
        """The chosen hit's article, at its first match; F3 / Shift+F3 step through the others."""
        hit = self.search_panel.current_hit()
        if hit is None:
            return
        try:
            self.context.corpus.article(hit.id)
        except KeyError:
            self.context.notices.post(Level.WARNING, f"{hit.path} is in the search index but not in the open corpus; "
                                                     "reload the corpus (F5).")
            return
        self._matches, self._match_article, self._match_index = list(hit.highlights), hit.id, 0
        if self._matches:
            self.open_article_at(hit.id, *self._matches[0])
        else:
            self.open_article_at(hit.id, 0)
        self._paint_matches()

    def _paint_matches(self) -> None:
        article = self.context.corpus.current
        if article is None or article.id != self._match_article:
            self.reader.clear_highlights("search")
            return
        self.reader.set_highlights("search", [
            parts.Highlight(start, end, "current-match" if number == self._match_index else "match")
            for number, (start, end) in enumerate(self._matches)])

    def step_match(self, step: int) -> None:
        article = self.context.corpus.current
        if not self._matches or article is None or article.id != self._match_article:
            self.statusBar().showMessage("No search matches in this article; search first (/ or Ctrl+K).", 5000)
            return
        self._match_index = (self._match_index + step) % len(self._matches)
        self._paint_matches()
        self.reader.reveal(*self._matches[self._match_index])
        self.statusBar().showMessage(f"Match {self._match_index + 1} of {len(self._matches)}", 3000)

    # --- quotes, provenance, comparisons ---------------------------------------------------

    def _connect_analysis(self) -> None:
        analysis, status, notices = self.analysis, self.task_status, self.context.notices
        analysis.quotes_started.connect(lambda: status.begin("quotes", "Finding quotes", analysis.cancel))
        analysis.quotes_progress.connect(lambda done, total, name: status.update("quotes", done, total, name))
        analysis.quotes_ready.connect(lambda: status.end("quotes"))
        analysis.quotes_ready.connect(self._quotes_ready)
        analysis.provenance_ready.connect(self._provenance_ready)
        analysis.facts_started.connect(lambda: status.begin("facts", "Lining up facts across outlets", analysis.cancel))
        analysis.facts_ready.connect(lambda: status.end("facts"))
        analysis.facts_ready.connect(self._facts_ready)
        analysis.failed.connect(lambda message: status.end("facts"))
        self.fact_matrix.factChosen.connect(self.compare_fact)
        self.fact_matrix.memberChosen.connect(self._open_member)
        analysis.registry_changed.connect(self._paint_quotes)
        analysis.failed.connect(lambda message: status.end("quotes"))
        analysis.failed.connect(lambda message: notices.post(Level.ERROR, f"Analysing the corpus failed: {message}"))
        self.quotes_panel.quoteChosen.connect(self._open_quote)
        comparisons = self.comparisons
        comparisons.started.connect(lambda message: status.begin("compare", message, comparisons.cancel))
        comparisons.finished.connect(lambda: status.end("compare"))
        comparisons.failed.connect(lambda message: notices.post(Level.ERROR, f"The comparison failed: {message}"))
        self.compare_view.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _paint_quotes(self) -> None:
        article = self.context.corpus.current
        if article is None:
            return
        highlights = parts.quote_highlights(self.analysis.quotes_of(article), self.analysis.parties)
        self.reader.set_highlights("quotes", highlights)

    def _paint_spun_words(self) -> None:
        """Hatch the words a spinner most likely swapped in, saying what each replaced."""
        article = self.context.corpus.current
        item = self.analysis.provenance_of(article.id) if article is not None else None
        if item is None or not item.spin.spun:
            self.reader.clear_highlights("spin")
            return
        self.reader.set_highlights("spin", [
            parts.Highlight(swap.start, swap.end, parts.substitution_format(),
                      f"likely spun: “{swap.text}”" + (f" for “{swap.original}”" if swap.original else ""))
            for swap in item.spin.substitutions])

    def _quotes_ready(self) -> None:
        self.quotes_panel.set_quotes(self.analysis.all_quotes(), self.analysis.parties)
        self._paint_quotes()

    def _open_quote(self, article: Article, quote: Quote) -> None:
        self.open_article_at(article.id, quote.start, quote.end)

    def _provenance_ready(self) -> None:
        analysis, corpus = self.analysis, self.context.corpus
        self.article_list.table_model.set_badges(analysis.badge)
        self._show_badge()
        self._paint_spun_words()
        spun = [corpus.article(article_id) for article_id in analysis.spun]
        if len(spun) > SPUN_NOTICES:
            names = ", ".join(article.display_label for article in spun)
            self.context.notices.post(Level.WARNING, f"{len(spun):,} articles are synonym-spun copies "
                                                     "(see the Provenance column)", names)
            spun = []
        for article in spun:
            item = analysis.provenance_of(article.id)
            swaps = ", ".join(f"“{swap.text}” for “{swap.original}”"
                              for swap in item.spin.substitutions[:4] if swap.original)
            source = f" of {', '.join(analysis.labels(item.spun_from))}" if item.spun_from else ""
            self.context.notices.post(
                Level.WARNING, f"{article.display_label} is a synonym-spun copy{source}",
                f"Words swapped by a spinner, e.g. {swaps}" if swaps else "")
        self.comparisons.refresh_annotations()

    def _show_badge(self) -> None:
        article = self.context.corpus.current
        badge = self.analysis.badge(article.id) if article is not None else ""
        self.metadata_form.provenance.setText(badge or "no copy found")

    def _mark_article(self) -> None:
        article = self.context.corpus.current
        if article is None:
            return
        self.marked_article = article.id
        self.statusBar().showMessage(f"Marked {article.display_label}; open another article and press "
                                     f"{self.context.actions.shortcut_text(ActionId.COMPARE_WITH_MARKED)}.", 8000)

    def _compare_with_marked(self) -> None:
        corpus = self.context.corpus
        if corpus.current is None:
            return
        if self.marked_article is None or self.marked_article == corpus.current.id:
            self.statusBar().showMessage("Mark an article first (Compare ▸ Mark), then read another one.", 8000)
            return
        self.comparisons.compare_pair(corpus.article(self.marked_article), corpus.current)
        self.show_view("compare")

    def _compare_all(self) -> None:
        corpus = self.context.corpus
        if corpus.current is None or len(corpus.corpus.articles) < 2:
            return
        articles = corpus.corpus.articles
        self.comparisons.compare_members([(article, None) for article in articles], articles.index(corpus.current),
                                         f"{len(articles)} articles")
        self.show_view("compare")

    def compare_fact(self, fact: Fact, base: int = 0) -> None:
        """One fact's sentences across the outlets that state it, against `base` (a member index)."""
        corpus = self.context.corpus
        members = [(corpus.article(member.article_id), (member.start, member.end)) for member in fact.members]
        if len(members) < 2:
            return
        self.comparisons.compare_members(members, base, f"fact {fact.id}: {fact.label}")
        self._focus_compare()

    def _open_member(self, member: Member) -> None:
        self.open_article_at(member.article_id, member.start, member.end)

    def _focus_facts(self) -> None:
        self.show_view("facts")
        self.fact_matrix.setFocus()
        if not self.analysis.facts_complete:
            self.statusBar().showMessage("Facts are still being lined up; the matrix fills in when they are.", 5000)

    def facts_report(self) -> Report | None:
        if not self.analysis.facts_complete:
            return None
        return parts.facts_report([fact.as_json() for fact in self.analysis.facts], self.context.corpus.corpus.articles,
                            self._corpus_name())

    def _edit_parties(self) -> None:
        dialog = parts.PartiesDialog(self.analysis.parties, self)
        if dialog.exec():
            self.analysis.reload_registry()
            self.context.notices.post(Level.INFO, "Parties saved; quotes are being attributed again.")

    # --- export ----------------------------------------------------------------------------------

    def export(self, title: str, stem: str, report: Report | None, empty: str, add_notes: bool = True) -> None:
        """Ask where, then write `report` (with the notes on its articles unless it holds them already)."""
        if report is None:
            self.context.notices.post(Level.INFO, empty)
            return
        if add_notes:
            report = self.record.with_notes(report)
        path = parts.choose_export_file(self, title, stem)
        if path is None:
            return
        try:
            if parts.save_report(self, report, path):
                self.context.notices.post(Level.INFO, f"Exported to {path}")
        except (parts.ExportError, OSError) as error:
            self.context.notices.post(Level.ERROR, f"Export failed: {error}")

    def _corpus_name(self) -> str:
        return ", ".join(str(path) for path in self.context.corpus.paths)

    def quotes_report(self) -> Report | None:
        shown = self.quotes_panel.model.quotes()
        if not shown:
            return None
        articles = list({article.id: article for article, _ in shown}.values())
        return parts.quotes_report(shown, articles, self._corpus_name(), self.analysis.parties)

    def comparison_report(self) -> Report | None:
        comparisons = self.comparisons.comparisons()
        if not comparisons:
            return None
        corpus = self.context.corpus
        articles = {article_id: corpus.article(article_id) for c in comparisons for article_id in (c.a_id, c.b_id)}
        return parts.compare_report(comparisons, articles, self._corpus_name(),
                                    f"Comparison of {self.comparisons.title}")

    def _loaded(self) -> None:
        self.task_status.end("corpus")
        context = self.context
        corpus = context.corpus.corpus
        context.undo_stack.clear()
        self._forget_last_corpus()
        context.notices.post_load_errors(corpus.errors)
        summary = f"{len(corpus.articles):,} articles"
        if corpus.errors:
            summary += f", {len(corpus.errors):,} unreadable"
        self.summary.setText(summary)
        paths = context.corpus.paths
        names = ", ".join(path.name for path in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.setWindowTitle(f"{names} — Corroborate")
        context.settings.add_recent_corpus(paths)
        self._rebuild_recent_menu()
        log.info("opened %s: %s", names, summary)

    def _facts_ready(self) -> None:
        self.fact_panel.set_summary(self.analysis.result.fact_summary)
        self.fact_matrix.matrix.set_facts(self.analysis.facts, self.analysis.stating)
        self.overview.show_overview(self.analysis.overview, self.context.corpus.corpus, self.analysis.result.fact_summary)

    def _focus_overview(self) -> None:
        self.show_view("overview")
        self.overview.setFocus()

    def _open_evidence(self, kind: str, value: object) -> None:
        if kind == "article":
            self.context.corpus.set_current(value)
            self.focus_reader()
        elif kind == "fact":
            self.compare_fact(value)
        elif kind == "party":
            self.quotes_panel.show_party(value)
            self.show_dock("quotes")
            self.quotes_panel.table.setFocus()

    def _forget_last_corpus(self) -> None:
        """Every view follows the open corpus: what belonged to the last one goes (its banner
        too; the Messages dock keeps the history), and each view fills in as the analysis does.
        The corpus opens to its overview."""
        self.overview.show_overview(None, self.context.corpus.corpus, None)
        self.show_view("overview")
        self.message_bar.hide()
        self.comparisons.clear()
        self.marked_article = None
        self.fact_matrix.matrix.set_facts([], [])
        self.fact_panel.set_summary(None)
        self.quotes_panel.set_quotes([], self.analysis.registry)
        self.search_panel.show_results(None)

    # --- actions and menus -------------------------------------------------------------------

    def _connect_actions(self) -> None:
        actions, context = self.context.actions, self.context
        actions.on(ActionId.OPEN_CORPUS, self._choose_folder)
        actions.on(ActionId.OPEN_FILES, self._choose_files)
        actions.on(ActionId.OPEN_SAMPLE, lambda: self.open_corpus([sample_dir()]))
        actions.on(ActionId.RELOAD_CORPUS, lambda: self.open_corpus(context.corpus.paths))
        actions.on(ActionId.CANCEL_TASK, self.task_status.cancel_newest)
        actions.on(ActionId.QUIT, self.close)
        actions.on(ActionId.UNDO, context.undo_stack.undo)
        actions.on(ActionId.REDO, context.undo_stack.redo)
        context.undo_stack.undoTextChanged.connect(
            lambda text: actions.action(ActionId.UNDO).setText(f"&Undo {text}" if text else "&Undo"))
        context.undo_stack.redoTextChanged.connect(
            lambda text: actions.action(ActionId.REDO).setText(f"&Redo {text}" if text else "&Redo"))
        context.undo_stack.canUndoChanged.connect(actions.action(ActionId.UNDO).setEnabled)
        context.undo_stack.canRedoChanged.connect(actions.action(ActionId.REDO).setEnabled)
        actions.action(ActionId.UNDO).setEnabled(False)
        actions.action(ActionId.REDO).setEnabled(False)
        actions.on(ActionId.EDIT_METADATA, self._edit_metadata)
        actions.on(ActionId.COPY_CITATION, self._copy_citation)
        actions.on(ActionId.EDIT_PARTIES, self._edit_parties)
        actions.on(ActionId.EXPORT_QUOTES, lambda: self.export(
            "Export quotes", "quotes", self.quotes_report(), "No quotes to export (none found, or none for this party)."))
        actions.on(ActionId.EXPORT_COMPARISON, lambda: self.export(
            "Export comparison", "comparison", self.comparison_report(),
            "Nothing to export yet: compare two articles first (Compare menu)."))
        actions.on(ActionId.EXPORT_FACTS, lambda: self.export(
            "Export fact matrix", "facts", self.facts_report(), "The facts are not ready yet; try again in a moment."))
        actions.on(ActionId.SHOW_FACTS, self._focus_facts)
        actions.on(ActionId.SHOW_OVERVIEW, self._focus_overview)
        actions.on(ActionId.OPEN_OVERVIEW_LINE, self.overview.open_current)
        self.overview.evidenceChosen.connect(self._open_evidence)
        actions.on(ActionId.OPEN_FACT_CELL, self.fact_matrix.open_current)
        actions.on(ActionId.COMPARE_FACT, self.fact_matrix.compare_current)
        actions.on(ActionId.FOCUS_SEARCH, self._focus_search)
        actions.on(ActionId.OPEN_HIT, self._open_hit)
        actions.on(ActionId.NEXT_MATCH, lambda: self.step_match(1))
        actions.on(ActionId.PREVIOUS_MATCH, lambda: self.step_match(-1))
        actions.on(ActionId.SEARCH_SYNTAX, self.syntax_help.show)
        actions.on(ActionId.SHOW_QUOTES, lambda: self.show_dock("quotes"))
        actions.on(ActionId.OPEN_QUOTE, self.quotes_panel.open_current)
        actions.on(ActionId.NEXT_PARTY, lambda: self.quotes_panel.step_party(1))
        actions.on(ActionId.PREVIOUS_PARTY, lambda: self.quotes_panel.step_party(-1))
        actions.on(ActionId.SHOW_COMPARISON, self._focus_compare)
        actions.on(ActionId.MARK_ARTICLE, self._mark_article)
        actions.on(ActionId.COMPARE_WITH_MARKED, self._compare_with_marked)
        actions.on(ActionId.COMPARE_ALL, self._compare_all)
        actions.on(ActionId.NEXT_BASE, lambda: self.comparisons.step_base(1))
        actions.on(ActionId.EDIT_SHORTCUTS, self.shortcut_editor.show)
        boilerplate = actions.on(ActionId.TOGGLE_BOILERPLATE, self._set_boilerplate_visible)
        boilerplate.setChecked(context.settings.flag("reader/boilerplate_visible", True))
        self.reader.set_boilerplate_visible(boilerplate.isChecked())
        actions.on(ActionId.ZOOM_IN, lambda: self._zoom(1))
        actions.on(ActionId.ZOOM_OUT, lambda: self._zoom(-1))
        actions.on(ActionId.ZOOM_RESET, lambda: self._zoom(-self._zoom_level()))
        self._zoom(int(context.settings.value("reader/zoom", 0, int)), save=False)
        themes = QActionGroup(self)
        for action_id, name in ((ActionId.THEME_SYSTEM, "system"), (ActionId.THEME_LIGHT, "light"),
                                (ActionId.THEME_DARK, "dark")):
            action = actions.on(action_id, lambda _=False, theme=name: self.set_theme(theme))
            themes.addAction(action)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        actions.on(ActionId.SHOW_MESSAGES, lambda: self.show_dock("messages"))
        actions.on(ActionId.SHOW_LOG, lambda: self.show_dock("log"))
        actions.on(ActionId.FOCUS_ARTICLES, lambda: self.show_dock("articles"))
        actions.on(ActionId.FOCUS_READER, self.focus_reader)
        actions.on(ActionId.READ_ARTICLE, self.focus_reader)
        actions.on(ActionId.NEXT_ARTICLE, lambda: context.corpus.step(1))
        actions.on(ActionId.PREVIOUS_ARTICLE, lambda: context.corpus.step(-1))
        actions.on(ActionId.NEXT_HEADING, lambda: self.reader.step_heading(1))
        actions.on(ActionId.PREVIOUS_HEADING, lambda: self.reader.step_heading(-1))
        actions.on(ActionId.COMMAND_PALETTE, self.palette_dialog.open_palette)
        actions.on(ActionId.SHORTCUT_HELP, self.shortcut_help.open_help)
        actions.on(ActionId.ABOUT, self._about)

    def _build_menus(self) -> None:
        actions = self.context.actions
        self.menus = {}
        for name in MENUS:
            menu = self.menuBar().addMenu(f"&{name}")
            menu.setObjectName(f"menu-{name}")
            for action_id in actions.in_menu(name):
                menu.addAction(actions.action(action_id))
                if action_id is ActionId.OPEN_SAMPLE:
                    self.recent_menu = menu.addMenu("Open &recent")
                    self.recent_menu.setObjectName("menu-recent")
            self.menus[name] = menu
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        for paths in self.context.settings.recent_corpora():
            label = ", ".join(str(path) for path in paths[:2]) + ("…" if len(paths) > 2 else "")
            action = self.recent_menu.addAction(label)
            action.triggered.connect(lambda _=False, chosen=paths: self.open_corpus(chosen))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.open_corpus([Path(folder)])

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Open article files", "", ARTICLE_FILTER)
        if files:
            self.open_corpus([Path(name) for name in files])

    def _edit_metadata(self) -> None:
        self.show_dock("details")
        self.metadata_form.edits["outlet"].setFocus()
        self.metadata_form.edits["outlet"].selectAll()

    def _focus_compare(self) -> None:
        self.show_view("compare")
        self.compare_view.pane_a.setFocus()

    def _selection(self) -> tuple[Article, Span] | None:
        """The selected passage of the reader, or of the compare pane that has the focus."""
        view = self.compare_view
        for pane, side in ((view.pane_a, "a"), (view.pane_b, "b")):
            comparison = view.comparison()
            if pane.hasFocus() and comparison is not None and pane.textCursor().hasSelection():
                cursor = pane.textCursor()
                article_id = comparison.a_id if side == "a" else comparison.b_id
                span = (pane.offset(cursor.selectionStart()), pane.offset(cursor.selectionEnd()))
                return self.context.corpus.article(article_id), span
        span = self.reader.selected_span()
        article = self.context.corpus.current
        if span is None or article is None or not self.reader.isVisible():
            return None
        return article, span

    def _copy_citation(self) -> None:
        selected = self._selection()
        if selected is None:
            self.statusBar().showMessage("Select text in the reader or a comparison to copy it with its citation.", 5000)
            return
        article, (start, end) = selected
        passage = " ".join(article.text[start:end].split())
        data = QMimeData()
        data.setText(parts.cite(article, start, end))
        data.setHtml(f"<p>“{escape(passage)}” — <cite>{escape(parts.pinpoint(article, start))}</cite> "
                     f"({escape(parts.source_of(article))})</p>")
        QApplication.clipboard().setMimeData(data)
        self.statusBar().showMessage("Copied with citation.", 3000)

    def _set_boilerplate_visible(self, visible: bool) -> None:
        self.reader.set_boilerplate_visible(visible)
        self.context.settings.set_value("reader/boilerplate_visible", visible)

    def _zoom_level(self) -> int:
        return int(self.reader.property("zoomLevel") or 0)

    def _zoom(self, steps: int, save: bool = True) -> None:
        level = max(-5, min(20, self._zoom_level() + steps))
        self.reader.zoomIn(level - self._zoom_level())
        self.reader.setProperty("zoomLevel", level)
        if save:
            self.context.settings.set_value("reader/zoom", level)

    def set_theme(self, name: str) -> None:
        applied = apply_theme(name)
        self.context.settings.set_value("view/theme", applied)
        checked = {"system": ActionId.THEME_SYSTEM, "light": ActionId.THEME_LIGHT, "dark": ActionId.THEME_DARK}
        self.context.actions.action(checked[applied]).setChecked(True)

    def _system_scheme_changed(self) -> None:
        if self.context.settings.value("view/theme", "system") == "system":
            apply_theme("system")

    def _about(self) -> None:
        QMessageBox.about(self, "About Corroborate",
                          f"Corroborate {__version__}\nLine up how every news outlet told the same story.")

    # --- layout, drops, closing ----------------------------------------------------------------

    def _layout_key(self) -> str:
        """Layouts are kept per screen size: a layout made on a 1600-pixel screen would crowd a
        laptop's, and the laptop's would waste the big screen."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = screen.availableGeometry().size() if screen is not None else QSize(0, 0)
        return f"layout/{size.width()}x{size.height()}"

    def _restore_geometry(self) -> None:
        """The window's size and place, before its first paint: it appears where it was, or on a
        first launch in most of the screen."""
        geometry = self.context.settings.value(f"{self._layout_key()}/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self._first_size())

    def _first_size(self) -> QSize:
        """Nine tenths of the screen on a first launch, and at least 160 columns by 45 lines of
        text where the screen has room: a window sized by text alone opened at a third of a
        1600x1000 screen, its article list too narrow to show a title."""
        metrics = self.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 160, metrics.height() * 45)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return wanted.expandedTo(available * 0.9).boundedTo(available)

    def _restore_dock_layout(self) -> None:
        settings, key = self.context.settings, self._layout_key()
        state = settings.value(f"{key}/state")
        self._needs_default_sizes = not (isinstance(state, QByteArray) and not state.isEmpty())
        if not self._needs_default_sizes:
            self.restoreState(state)
        header = settings.value(f"{key}/articles-header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.article_list.restore_header(header)
        self._layout_restored = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._size_panes_once()

    def _size_panes_once(self) -> None:
        """Default pane sizes once the panes are there and the window is shown, if no layout was saved."""
        if self._needs_default_sizes and self.filled and self.isVisible():
            self._needs_default_sizes = False
            QTimer.singleShot(0, self._size_panes_for_the_window)

    def _size_panes_for_the_window(self) -> None:
        """Panes in proportion to the window as it first appears (no layout saved for this screen):
        the quotes list shows about a dozen rows, the article list its titles, and the reader keeps
        more than half the width. On a narrow window (a 1024-pixel laptop) the Details pane starts
        hidden, F2 brings it: beside the article list and the reader it squeezed both to clipped
        titles and half lines."""
        width, height = self.width(), self.height()
        if width < NARROW_WINDOW_COLUMNS * self.fontMetrics().averageCharWidth():
            self.docks["details"].hide()
            self.resizeDocks([self.docks["articles"]], [width * 38 // 100], Qt.Orientation.Horizontal)
        else:
            self.resizeDocks([self.docks["articles"], self.docks["details"]], [width * 30 // 100, width * 15 // 100],
                             Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["search"], self.docks["articles"]], [height * 30 // 100, height * 35 // 100],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["quotes"]], [height * 28 // 100], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        settings, key = self.context.settings, self._layout_key()
        settings.set_value(f"{key}/geometry", self.saveGeometry())
        settings.set_value(f"{key}/state", self.saveState())
        settings.set_value(f"{key}/articles-header", self.article_list.horizontalHeader().saveState())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_corpus(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.filled:
            self.save_layout()
            self.analysis.cancel()  # drops results already queued for delivery to this window's views
        self.context.shutdown()
        super().closeEvent(event)

