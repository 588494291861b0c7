"""Search for the window: the corpus index kept up to date from the analysis, queries as you type.

Once the open corpus's analysis has its quotes and provenance (`ui.analysis`), the index
(`index.CorpusIndex`, a rebuildable cache) is brought up to date from them on the task runner,
in a child process for big corpora, with progress and a cancel flag; it never reads a file
itself. Queries are debounced (the last keystroke starts the search `SEARCH_DELAY_MS` later) and
run on the task runner too; a generation counter drops the answer to a query the researcher has
already typed past.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from index import CorpusIndex, IndexCancelled, SearchFilters, SearchResults, update_index
from index.notes import NotedArticles
from reader.analysis.pipeline import CorpusAnalysis
from reader.analysis.processes import PackedOnce, in_child_process, run_in_child
from reader.articles.model import LoadError
from ui.analysis import AnalysisModel
from ui.corpus_model import CorpusModel
from ui.tasks import Cancelled, Generation, Task, TaskRunner

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 100


def open_index(paths: list[Path], shared: PackedOnce, analysis: CorpusAnalysis, errors: list[LoadError],
               task: Task) -> CorpusIndex:
    """The corpus's index, up to date with the analysis, with progress; cancelling stops the indexer."""
    progress = (lambda done, total, *_: task.report_progress(done, total, "articles indexed"))
    try:
        if in_child_process(len(analysis.articles)):
            verdicts = analysis.provenance.verdicts() if analysis.provenance is not None else None
            parts = CorpusAnalysis([], analysis.registry, analysis.quotes, verdicts)
            report = run_in_child(update_index, paths, shared, parts, errors, cancel=task.cancel_event,
                                  progress=progress)
            corpus_index = CorpusIndex.open_current(paths) or CorpusIndex.update(paths, analysis, errors=errors)
            corpus_index.report = report
            return corpus_index
        return CorpusIndex.update(paths, analysis, errors=errors, cancel=task.cancel_event, progress=progress)
    except IndexCancelled as cancelled:
        raise Cancelled("index") from cancelled


class Search(QObject):
    index_started = Signal()
    index_progress = Signal(int, int, str)
    index_ready = Signal()
    index_failed = Signal(str)
    index_cancelled = Signal()
    search_failed = Signal(str)
    results_ready = Signal(object)
    """The `SearchResults` of the newest query."""

    def __init__(self, corpus: CorpusModel, analysis: AnalysisModel, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._analysis = analysis
        self._tasks = tasks
        self.index: CorpusIndex | None = None
        self._index_is_current = False
        """Whether `index` is the corpus open now: while the next one is built, the last stays."""
        self.results: SearchResults | None = None
        self._index_generation = Generation()
        self._query_generation = Generation()
        self._index_task: Task | None = None
        self._index_waiting = False
        """An indexing asked for and not yet started (it starts when the UI thread is idle)."""
        self._query = ""
        self._filters = SearchFilters()
        self.noted: Callable[[], NotedArticles | None] | None = None
        """Gives what answers `note:` (the notes as they are when the search starts), if notes are kept."""
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run)
        corpus.loaded.connect(self._corpus_loaded)
        analysis.quotes_ready.connect(self._analysed)
        analysis.provenance_ready.connect(self._analysed)

    def _corpus_loaded(self) -> None:
        """A new corpus: the last one's index serves searches until this one's is ready."""
        self.cancel_indexing()
        self._index_is_current = False
        self._index_generation.next()

    def _analysed(self) -> None:
        if self._analysis.quotes_complete and self._analysis.reuse is not None:
            self.build_index()

    def build_index(self) -> None:
        """Index the corpus now open from its analysis (only new or changed articles are written).
        The indexing starts once the UI thread has taken in what it has queued (the provenance
        that triggers it): slicing the analysis for the index's process alongside it stalled
        the window."""
        self.cancel_indexing()
        self._index_is_current = False
        generation = self._index_generation
        generation.next()
        paths, errors = list(self._corpus.paths), list(self._corpus.corpus.errors)
        analysis, shared = self._analysis.result, self._analysis.shared

        def start() -> None:
            self._index_waiting = False
            self._index_task = self._tasks.start(
                "index corpus", lambda task: open_index(paths, shared, analysis, errors, task),
                on_success=generation.bind(self._indexed), on_failure=generation.bind(self._failed),
                on_progress=generation.bind(self.index_progress.emit),
                on_cancelled=generation.bind(self.index_cancelled.emit))

        self._index_waiting = True
        self._tasks.start_when_idle(self, generation.bind(start))
        self.index_started.emit()

    def cancel_indexing(self) -> None:
        if self._index_waiting:
            self._index_generation.next()  # the indexing not yet started never starts
        elif self._index_task is not None:
            self._index_task.cancel()
            self._index_task = None
        else:
            return
        self._index_waiting = False
        self.index_cancelled.emit()

    def _indexed(self, corpus_index: CorpusIndex) -> None:
        self._index_task = None
        self.index = corpus_index
        self._index_is_current = True
        log.info("search index ready: %s", corpus_index.report.as_json())  # article_count would open a reader here
        self.index_ready.emit()
        if self._query:
            self._run()

    def _failed(self, message: str) -> None:
        self._index_task = None
        self.index_failed.emit(message)

    def search(self, text: str, filters: SearchFilters | None = None) -> None:
        """Search for `text` once the researcher pauses typing."""
        self._query = text.strip()
        if filters is not None:
            self._filters = filters
        self._query_generation.next()
        self._timer.start()

    def _run(self) -> None:
        generation = self._query_generation
        generation.next()
        corpus_index, text, filters = self.index, self._query, self._filters
        if corpus_index is None or not text:
            self.results = None
            self.results_ready.emit(None)
            return
        notes = self.noted() if self.noted else None
        self._tasks.start("search", lambda task: corpus_index.search(text, RESULT_LIMIT, filters, notes),
                          on_success=generation.bind(self._found),
                          on_failure=generation.bind(self.search_failed.emit))

    def _found(self, results: SearchResults) -> None:
        self.results = results
        self.results_ready.emit(results)
