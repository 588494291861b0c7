"""What the window knows about the open corpus beyond its text: quotes, facts and provenance.

All are worked out on the task runner after every load, so the window is usable at once and
the reader, quotes panel, article list and comparison fill in as results arrive. Quotes are
cached per article (by content hash, for one speaker registry), so re-opening a corpus or
editing an outlet does not find them again; a new registry (the researcher added a party)
empties the cache. Results for a corpus the researcher has already left are dropped.
"""
from __future__ import annotations

import gc
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reader.facts.finder import Fact, find_facts
from reader.articles.model import Article, Span
from reader.quotes.finder import Quote, find_quotes, quotes_by_content
from reader.provenance.copies import Provenance, ReuseReport, provenance
from reader.quotes.speakers import SpeakerRegistry, current_registry
from ui.corpus_model import CorpusModel
from ui.tasks import CHILD_PROCESS_FROM, Generation, PackedOnce, Task, TaskRunner, run_in_process

log = logging.getLogger(__name__)

QuoteCache = dict[tuple[str, str], list[Quote]]

@dataclass(frozen=True)
class CorpusQuotes:
    """A quote pass's result, arranged by the worker so the UI thread only has to swap it in."""

    found: QuoteCache
    """The quotes newly found, for the cache."""
    by_article: dict[str, list[Quote]]
    """Every article's quotes by article id: what facts need for attribution discrepancies."""
    listed: list[tuple[Article, Quote]]
    """Every quote in corpus order, for the quotes panel."""


def quotes_of_corpus(shared: PackedOnce, registry: SpeakerRegistry, known: QuoteCache, task: Task) -> CorpusQuotes:
    """The quotes of every article not already in `known` (read-only here), plus every article's
    quotes arranged for the UI thread (by article, and in the quotes panel's order), with
    progress: arranging them here spares the UI thread a stall when they arrive. Big corpora
    go to a child process: a quote pass in this one keeps taking the interpreter lock from the UI
    thread (measured: one 200–390 ms stall per 1,000 articles, none without it)."""
    articles: list[Article] = shared.value
    keys = frozenset(known)
    pending = sum(1 for article in articles if (article.id, article.content_hash) not in keys)
    if pending >= CHILD_PROCESS_FROM:
        found = run_in_process(task, quotes_by_content, shared, registry, keys, with_progress=True)
    else:
        found = quotes_by_content(articles, registry, keys, progress=task.report_progress, cancel=task.cancel_event)
    task.check_cancelled()
    by_article = {article.id: found.get((article.id, article.content_hash))
                  or known.get((article.id, article.content_hash), []) for article in articles}
    listed = [(article, quote) for article in articles for quote in by_article[article.id]]
    return CorpusQuotes(found, by_article, listed)


@dataclass(frozen=True)
class CorpusProvenance:
    """Reuse detection's report, arranged by the worker so the UI thread only swaps it in."""

    report: ReuseReport
    by_article: dict[str, Provenance]
    spun: list[str]
    """Ids of the articles found to be synonym-spun, in corpus order."""


def provenance_of_corpus(shared: PackedOnce, task: Task) -> CorpusProvenance:
    """`reader.provenance.copies.provenance`; its corpus-wide counting holds the interpreter lock for long
    stretches, so big corpora are handled by a child process."""
    if len(shared.value) >= CHILD_PROCESS_FROM:
        report = run_in_process(task, provenance, shared)
    else:
        report = provenance(shared.value)
    by_article = {item.article_id: item for item in report.articles}
    spun = [article.id for article in shared.value
            if (item := by_article.get(article.id)) is not None and item.spin.spun]
    return CorpusProvenance(report, by_article, spun)


def facts_of_corpus(articles: list[Article], quotes: dict[str, list[Quote]]) -> list[Fact]:
    """`find_facts`, after moving what already exists out of the collector's sight
    (`ui.corpus_model.FREEZE_EVERY`)."""
    gc.freeze()
    return find_facts(articles, quotes)


class CorpusAnalysis(QObject):
    quotes_started = Signal()
    quotes_progress = Signal(int, int, str)
    quotes_ready = Signal()
    provenance_ready = Signal()
    facts_started = Signal()
    facts_ready = Signal()
    registry_changed = Signal()
    failed = Signal(str)

    def __init__(self, corpus: CorpusModel, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus = corpus
        self._tasks = tasks
        self.registry = current_registry()
        self.reuse: ReuseReport | None = None
        self.spun: list[str] = []
        """Ids of the synonym-spun articles, in corpus order (empty until provenance is known)."""
        self.facts: list[Fact] = []
        self.facts_complete = False
        self._quotes: QuoteCache = {}
        self._quotes_by_article: dict[str, list[Quote]] = {}
        self._listed_quotes: list[tuple[Article, Quote]] = []
        self._provenance: dict[str, Provenance] = {}
        self._running: list[Task] = []
        self._shared = PackedOnce([])
        self._generation = Generation()
        self.quotes_complete = False
        corpus.loaded.connect(self.refresh)

    def refresh(self) -> None:
        """Start finding quotes and provenance for the corpus now open (dropping older work)."""
        self.cancel()
        generation = self._generation
        generation.next()
        shared = self._shared = PackedOnce(list(self._corpus.corpus.articles))
        registry, known = self.registry, dict(self._quotes)
        self.quotes_complete = False
        self.facts_complete = False
        self.facts = []
        self.reuse = None
        self._provenance = {}
        self.spun = []

        def start() -> None:
            self._running = [
                self._tasks.start("find quotes", lambda task: quotes_of_corpus(shared, registry, known, task),
                                  on_success=generation.bind(self._quotes_found),
                                  on_failure=generation.bind(self.failed.emit),
                                  on_progress=generation.bind(self.quotes_progress.emit)),
                self._tasks.start("provenance", lambda task: provenance_of_corpus(shared, task),
                                  on_success=generation.bind(self._provenance_found),
                                  on_failure=generation.bind(self.failed.emit)),
            ]

        self._tasks.start_when_idle(self, generation.bind(start))
        self.quotes_started.emit()

    def cancel(self) -> None:
        for task in self._running:
            task.cancel()
        self._running = []
        self._generation.next()

    def _quotes_found(self, result: CorpusQuotes) -> None:
        self._quotes.update(result.found)
        self._quotes_by_article = result.by_article
        self._listed_quotes = result.listed
        self.quotes_complete = True
        log.info("quotes: %d articles analysed, %d quotes", len(result.found), len(result.listed))
        self.quotes_ready.emit()
        self._start_facts()

    def _start_facts(self) -> None:
        """Facts need the quotes (attribution discrepancies), so they follow them. A big corpus's
        articles reach the child process as the slices quotes and provenance already made; this
        task is their last user, so the analysis lets them go (they are the whole corpus, pickled)."""
        shared, self._shared = self._shared, PackedOnce([])
        quotes = self._quotes_by_article
        generation = self._generation

        def work(task: Task) -> list[Fact]:
            if len(shared.value) >= CHILD_PROCESS_FROM:
                return run_in_process(task, find_facts, shared, quotes)
            return facts_of_corpus(shared.value, quotes)

        self._tasks.start_when_idle(self, generation.bind(lambda: self._running.append(self._tasks.start(
            "find facts", work,
            on_success=generation.bind(self._facts_found), on_failure=generation.bind(self.failed.emit)))))
        self.facts_started.emit()

    def _facts_found(self, facts: list[Fact]) -> None:
        self.facts = facts
        self.facts_complete = True
        log.info("facts: %d found", len(facts))
        self.facts_ready.emit()

    def _provenance_found(self, result: CorpusProvenance) -> None:
        self.reuse = result.report
        self._provenance = result.by_article
        self.spun = result.spun
        self.provenance_ready.emit()

    def quotes_of(self, article: Article) -> list[Quote]:
        """The article's quotes; found here and now if the background pass has not reached it."""
        key = (article.id, article.content_hash)
        if key not in self._quotes:
            self._quotes[key] = find_quotes(article, self.registry)
        return self._quotes[key]

    def all_quotes(self) -> list[tuple[Article, Quote]]:
        """Every quote of the corpus in corpus order (empty until the background pass is done)."""
        return list(self._listed_quotes) if self.quotes_complete else []

    def provenance_of(self, article_id: str) -> Provenance | None:
        return self._provenance.get(article_id)

    def substitutions(self, article: Article) -> list[Span]:
        """Spans of the words a spinner most likely swapped in (empty until provenance is known)."""
        item = self._provenance.get(article.id)
        if item is None or not item.spin.spun:
            return []
        return [(swap.start, swap.end) for swap in item.spin.substitutions]

    def badge(self, article_id: str) -> str:
        """A short provenance note for the article list: "spun copy of …", "copy of …", or empty."""
        item = self._provenance.get(article_id)
        if item is None:
            return ""
        labels = self.labels
        if item.spun_from:
            return "spun copy of " + ", ".join(labels(item.spun_from))
        if item.spin.spun:
            return "spun copy"
        if item.copy_of:
            return "copy of " + ", ".join(labels(item.copy_of))
        return ""

    def labels(self, article_ids: tuple[str, ...]) -> list[str]:
        return [self._corpus.article(article_id).display_label for article_id in article_ids]

    def reload_registry(self) -> None:
        """The researcher's speakers.toml changed: forget quotes attributed with the old parties."""
        self.registry = current_registry()
        self._quotes.clear()
        self.registry_changed.emit()
        self.refresh()
