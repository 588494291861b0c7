"""The open corpus as a signal-emitting model: loading in the background, the current article, corrections.

No widgets here: views listen to the signals and ask for data. Loading runs on the task
runner with per-file progress and can be cancelled; a newer load makes an older one's result
stale (generation counter), so opening two corpora quickly can never show the first.
"""
from __future__ import annotations

import datetime as dt
import gc
import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.analysis.processes import in_child_process, start_processes
from reader.articles.corpus import Corpus, load_corpus
from reader.articles.corrections import Corrections
from reader.articles.model import Article
from ui.tasks import Generation, Task, TaskRunner

log = logging.getLogger(__name__)

FieldValue = str | dt.date | None

FREEZE_EVERY = 250
"""Articles loaded between `gc.freeze()` calls.

A corpus is millions of small long-lived objects (spans, strings). Python's full garbage
collection walks them all while holding the GIL, which stalled the UI thread for over 300 ms
at 10,000 articles. Freezing moves what is already loaded out of the collector's sight; the
articles are still freed by reference counting when the corpus is closed. Loading also
freezes what exists before it starts (the application itself) and the discovered file list.
"""


@dataclass(frozen=True)
class FieldState:
    value: FieldValue
    correction: FieldValue
    source: str | None


def load_with_progress(paths: list[Path], corrections_path: Path, task: Task) -> Corpus:
    """`reader.articles.corpus.load_corpus` reporting progress, stopping when cancelled, and moving what is
    loaded out of the collector's sight as it goes (see FREEZE_EVERY); for a big corpus, starting the
    child processes it will be analysed in meanwhile (`reader.analysis.processes`).

    Corrections are re-read from their file here so the worker never shares the UI's object.
    """
    def progress(done: int, total: int, article_id: str) -> None:
        task.check_cancelled()
        task.report_progress(done, total, article_id)
        if done == 1 and in_child_process(total):
            start_processes()  # a big corpus is analysed in child processes: start them while it loads
        if done % FREEZE_EVERY == 0:
            gc.freeze()

    gc.freeze()
    task.check_cancelled()
    corpus = load_corpus(paths, Corrections(corrections_path), progress=progress)
    gc.freeze()
    return corpus


class CorpusModel(QObject):
    loading_started = Signal()
    loading_progress = Signal(int, int, str)
    loaded = Signal()
    loading_failed = Signal(str)
    loading_cancelled = Signal()
    article_changed = Signal(str)
    """An article's metadata changed (a correction, or its undo); carries the article id."""
    current_changed = Signal(str)
    """The article the researcher is reading; empty when there is none."""

    def __init__(self, tasks: TaskRunner, corrections: Corrections, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.corrections = corrections
        self.corpus = Corpus([], [])
        self.paths: list[Path] = []
        self.current: Article | None = None
        self._task: Task | None = None
        self._generation = Generation()

    def open(self, paths: list[Path]) -> None:
        """Start loading `paths` in the background; the current corpus stays until the new one is ready."""
        self._abandon()
        paths = [Path(item) for item in paths]
        self.paths = paths
        self._generation.next()
        self._task = self._tasks.start(
            "load corpus",
            lambda task: load_with_progress(paths, self.corrections.path, task),
            on_success=self._generation.bind(self._finish),
            on_failure=self._generation.bind(self._fail),
            on_progress=self._generation.bind(self.loading_progress.emit),
        )
        self.loading_started.emit()

    def cancel(self) -> None:
        """The researcher stopped loading: the corpus already open stays."""
        if self._abandon():
            self.loading_cancelled.emit()

    def _abandon(self) -> bool:
        """Stop the running load, if any, and make sure its result is never shown."""
        if self._task is None:
            return False
        self._task.cancel()
        self._task = None
        self._generation.next()
        return True

    def _finish(self, corpus: Corpus) -> None:
        self._task = None
        self.corpus = corpus
        self.current = None
        self.loaded.emit()
        if corpus.articles:
            first = corpus.articles[0].id
            self._tasks.start_when_idle(self, self._generation.bind(lambda: self._open_first(first)))
        else:
            self.current_changed.emit("")

    def _open_first(self, article_id: str) -> None:
        """The first article opens once the window has shown the new corpus, on a later turn of
        the event loop: for 10,000 articles the two in one turn held the UI thread for their sum.
        An article the researcher chose meanwhile stays."""
        if self.current is None:
            self.set_current(article_id)

    def _fail(self, message: str) -> None:
        self._task = None
        self.loading_failed.emit(message)

    def article(self, article_id: str) -> Article:
        return self.corpus.by_id(article_id)

    def set_current(self, article_id: str) -> None:
        if self.current is not None and self.current.id == article_id:
            return
        self.current = self.article(article_id)
        self.current_changed.emit(article_id)

    def step(self, offset: int) -> None:
        """Move to the article `offset` places along the corpus order (Next/Previous article)."""
        articles = self.corpus.articles
        if not articles:
            return
        index = articles.index(self.current) if self.current in articles else -1
        self.set_current(articles[max(0, min(len(articles) - 1, index + offset))].id)

    def field_state(self, article_id: str, field_name: str) -> FieldState:
        """What a field shows, where that came from and the stored correction: all undo must restore."""
        article = self.article(article_id)
        return FieldState(
            getattr(article, field_name),
            self.corrections.for_article(article.key).get(field_name),
            article.metadata_sources.get(field_name),
        )

    def correct(self, article_id: str, field_name: str, value: FieldValue) -> None:
        """The researcher's correction: shown at once and stored in app data."""
        self.set_field(article_id, field_name, FieldState(value, value, "user"))

    def set_field(self, article_id: str, field_name: str, state: FieldState) -> None:
        article = self.article(article_id)
        self.corrections.set(article.key, field_name, state.correction)
        setattr(article, field_name, state.value)
        if state.source is None:
            article.metadata_sources.pop(field_name, None)
        else:
            article.metadata_sources[field_name] = state.source
        log.info("article %s: %s set to %r", article_id, field_name, state.value)
        self.article_changed.emit(article_id)
