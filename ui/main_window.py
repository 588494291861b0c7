"""The main window: the shell every view lives in — docks, central views, menus, status bar.

It owns no data: the `AppContext` holds the corpus, settings, actions and background tasks,
and the views listen to it. A later feature plugs in with `add_view` (a central tab, e.g. the
comparison) or `add_dock` (a side panel, e.g. search results or quotes), one `ActionId` member
connected with `context.actions.on(...)`, and `open_article_at` to show a span in the reader.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDockWidget, QFileDialog, QLabel, QListView, QMainWindow,
                               QMessageBox, QTabWidget, QVBoxLayout, QWidget)

from reader import __version__
from resources import sample_dir
from ui.actions import MENUS, ActionId, Scope
from ui.article_list import ArticleList
from ui.command_palette import CommandPalette
from ui.context import AppContext
from ui.log_view import LogView
from ui.message_bar import MessageBar
from ui.metadata_form import MetadataForm
from ui.notices import Level
from ui.reader_view import ReaderView, citation
from ui.shortcut_editor import ShortcutEditor
from ui.shortcut_help import ShortcutHelp
from ui.task_status import TaskStatus
from ui.theme import apply_theme

log = logging.getLogger(__name__)

ARTICLE_FILTER = "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle("Corroborate")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.docks: dict[str, QDockWidget] = {}
        self._layout_restored = False

        self.reader = ReaderView()
        self.message_bar = MessageBar(context.notices)
        self.views = QTabWidget()
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        self.add_view("reader", "Reader", self.reader)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.message_bar)
        column.addWidget(self.views, 1)
        self.setCentralWidget(central)

        self.article_list = ArticleList(context.corpus)
        self.metadata_form = MetadataForm(context.corpus, context.undo_stack)
        self.notice_list = QListView()
        self.notice_list.setObjectName("noticeList")
        self.notice_list.setModel(context.notices)
        self.log_view = LogView(context.log)
        self.add_dock("articles", "Articles", self.article_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock("details", "Details", self.metadata_form, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock("messages", "Messages", self.notice_list, Qt.DockWidgetArea.BottomDockWidgetArea, visible=False)
        self.add_dock("log", "Log", self.log_view, Qt.DockWidgetArea.BottomDockWidgetArea, visible=False)
        self.tabifyDockWidget(self.docks["messages"], self.docks["log"])

        self.task_status = TaskStatus(context.actions.action(ActionId.CANCEL_TASK))
        self.summary = QLabel()
        self.statusBar().addPermanentWidget(self.summary)
        self.statusBar().addPermanentWidget(self.task_status)

        self.palette_dialog = CommandPalette(context.actions, self)
        self.shortcut_help = ShortcutHelp(context.actions, self)
        self.shortcut_editor = ShortcutEditor(context.actions, self)

        context.actions.attach(Scope.WINDOW, self)
        context.actions.attach(Scope.ARTICLES, self.article_list)
        context.actions.attach(Scope.READER, self.reader)
        self._connect_actions()
        self._build_menus()
        self._connect_corpus()
        self.message_bar.details.clicked.connect(lambda: self.show_dock("messages"))
        self._restore_layout()

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

    def _connect_corpus(self) -> None:
        corpus, notices, status = self.context.corpus, self.context.notices, self.task_status
        corpus.loading_started.connect(lambda: status.begin("corpus", "Reading articles", corpus.cancel))
        corpus.loading_progress.connect(lambda done, total, name: status.update("corpus", done, total, name))
        corpus.loading_cancelled.connect(lambda: status.end("corpus"))
        corpus.loading_cancelled.connect(
            lambda: notices.post(Level.INFO, "Loading cancelled; the previous corpus is still open."))
        corpus.loading_failed.connect(lambda _: status.end("corpus"))
        corpus.loading_failed.connect(
            lambda message: notices.post(Level.ERROR, f"The corpus could not be opened: {message}"))
        corpus.loaded.connect(self._loaded)
        corpus.current_changed.connect(lambda _: self.reader.show_article(corpus.current))

    def _loaded(self) -> None:
        self.task_status.end("corpus")
        context = self.context
        corpus = context.corpus.corpus
        context.undo_stack.clear()
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
        self.set_theme(str(context.settings.value("view/theme", "system")))
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

    def _copy_citation(self) -> None:
        span = self.reader.selected_span()
        article = self.context.corpus.current
        if span is None or article is None:
            self.statusBar().showMessage("Select text in the reader to copy it with its citation.", 5000)
            return
        QApplication.clipboard().setText(citation(article, span))
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

    def _restore_layout(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            metrics = self.fontMetrics()
            self.resize(metrics.averageCharWidth() * 160, metrics.height() * 45)
            self.resizeDocks([self.docks["articles"], self.docks["details"]],
                             [metrics.averageCharWidth() * 55, metrics.averageCharWidth() * 36],
                             Qt.Orientation.Horizontal)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        header = settings.value("articles/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.article_list.horizontalHeader().restoreState(header)
        self._layout_restored = True

    def save_layout(self) -> None:
        settings = self.context.settings
        settings.set_value("window/geometry", self.saveGeometry())
        settings.set_value("window/state", self.saveState())
        settings.set_value("articles/header", self.article_list.horizontalHeader().saveState())

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
        self.save_layout()
        self.context.shutdown()
        super().closeEvent(event)

