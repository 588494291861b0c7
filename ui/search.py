"""Search for the window: the corpus index kept up to date in the background, queries as you type.

After every load the index (`index.CorpusIndex`, a rebuildable cache) is brought up to date on
the task runner, in a child process for big corpora, with progress and a cancel flag. Queries are debounced (the last keystroke
starts the search `SEARCH_DELAY_MS` later) and run on the task runner too; a generation
counter drops the answer to a query the researcher has already typed past.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from index import CorpusIndex, IndexCancelled, SearchFilters, SearchResults
from reader.articles.model import Article
from reader.quotes.finder import find_quotes
from reader.provenance.copies import ReuseReport
from ui.corpus_model import CorpusModel
from ui.tasks import CHILD_PROCESS_FROM, Cancelled, Generation, Task, TaskRunner, run_in_process

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
RESULT_LIMIT = 100


def open_index(paths: list[Path], articles: int, task: Task) -> CorpusIndex:
    """The corpus's index, up to date, with progress; cancelling the task stops the indexer."""
    try:
        if articles >= CHILD_PROCESS_FROM:
            report = run_in_process(task, CorpusIndex.update, paths, find_quotes, with_progress=True)
            corpus_index = CorpusIndex.open(paths, quote_finder=find_quotes)  # unchanged now: only opens
            corpus_index.report = report
            return corpus_index
        return CorpusIndex.open(paths, quote_finder=find_quotes, cancel=task.cancel_event,
                                progress=lambda done, total: task.report_progress(done, total, "articles indexed"))
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

    def __init__(self, corpus: CorpusModel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._tasks = tasks
        self.index: CorpusIndex | None = None
        self._index_is_current = False
        """Whether `index` is the corpus open now: while the next one is built, the last stays."""
        self.results: SearchResults | None = None
        self._index_generation = Generation()
        self._query_generation = Generation()
        self._index_task: Task | None = None
        self._query = ""
        self._filters = SearchFilters()
        self._provenance: tuple[ReuseReport, list[Article]] | None = None
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._run)
        corpus.loaded.connect(self.build_index)

    def build_index(self) -> None:
        """Index the corpus now open (only new or changed files are read again)."""
        self.cancel_indexing()
        self._provenance = None
        self._index_is_current = False
        generation = self._index_generation
        generation.next()
        paths, articles = list(self._corpus.paths), len(self._corpus.corpus.articles)
        self._index_task = self._tasks.start(
            "index corpus", lambda task: open_index(paths, articles, task),
            on_success=generation.bind(self._indexed), on_failure=generation.bind(self._failed),
            on_progress=generation.bind(self.index_progress.emit),
            on_cancelled=generation.bind(self.index_cancelled.emit))
        self.index_started.emit()

    def cancel_indexing(self) -> None:
        if self._index_task is not None:
            self._index_task.cancel()
            self._index_task = None
            self.index_cancelled.emit()

    def _indexed(self, corpus_index: CorpusIndex) -> None:
        self._index_task = None
        self.index = corpus_index
        self._index_is_current = True
        log.info("search index ready: %s", corpus_index.report.as_json())  # article_count would open a reader here
        self.index_ready.emit()
        if self._provenance is not None:
            self._hand_over_provenance()
        elif self._query:
            self._run()

    def _failed(self, message: str) -> None:
        self._index_task = None
        self.index_failed.emit(message)

    def adopt_provenance(self, report: ReuseReport, articles: list[Article]) -> None:
        """The window's provenance verdicts for the corpus open now: `spun:`, `copyof:` and the
        Spun facet use them (saved with the index) instead of running the analysis again."""
        self._provenance = (report, articles)
        if self._index_is_current:  # never to the last corpus's index, which would save them as its own
            self._hand_over_provenance()

    def _hand_over_provenance(self) -> None:
        corpus_index, (report, articles) = self.index, self._provenance
        self._tasks.start("search provenance", lambda task: corpus_index.adopt_provenance(report, articles),
                          on_success=self._index_generation.bind(self._provenance_adopted),
                          on_failure=self._index_generation.bind(self.search_failed.emit))

    def _provenance_adopted(self, _: None) -> None:
        if self._query:
            self._run()

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
        self._tasks.start("search", lambda task: corpus_index.search(text, RESULT_LIMIT, filters,
                                                                     work_out_provenance=False),
                          on_success=generation.bind(self._found),
                          on_failure=generation.bind(self.search_failed.emit))

    def _found(self, results: SearchResults) -> None:
        self.results = results
        self.results_ready.emit(results)
