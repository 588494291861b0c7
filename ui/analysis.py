"""The window's hold on the one analysis of the open corpus (`reader.analysis`).

After every load one background task runs `analyse_corpus`; its results arrive step by step
(quotes, then provenance, then facts), so the window is usable at once and the reader, quotes
panel, article list, comparison and search index fill in as they come. Results for a corpus the
researcher has already left are dropped.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from reader.analysis import steps
from reader.analysis.overview import StoryOverview, story_overview
from reader.analysis.pipeline import CorpusAnalysis, analyse_corpus
from reader.analysis.processes import PackedOnce
from reader.analysis.store import AnalysisStore
from reader.articles.model import Article, Span
from reader.facts.finder import Fact
from reader.provenance.copies import Provenance, ReuseReport
from reader.quotes.finder import Quote
from reader.quotes.parties import PartyBook, discover_parties
from reader.quotes.speakers import current_registry
from ui.corpus_model import CorpusModel
from ui.tasks import Generation, Task, TaskRunner

log = logging.getLogger(__name__)


class AnalysisModel(QObject):
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
        self.store = AnalysisStore()
        self.result = CorpusAnalysis([], self.registry)
        self.shared = PackedOnce([])
        """The open corpus's articles, sliced once for every child process that needs them."""
        self._provenance: dict[str, Provenance] = {}
        self._spun: list[str] = []
        self._stating: list[Article] = []
        self.overview: StoryOverview | None = None
        """The story at a glance, counted with the facts (None until they arrive)."""
        self._listed_quotes: list[tuple[Article, Quote]] = []
        self._task: Task | None = None
        self._generation = Generation()
        corpus.loaded.connect(self.refresh)

    @property
    def quotes_complete(self) -> bool:
        return self.result.quotes is not None

    @property
    def facts_complete(self) -> bool:
        return self.result.facts is not None

    @property
    def parties(self) -> PartyBook:
        """The open corpus's parties (the registry's alone until its quotes are found)."""
        if self.result.parties is None:
            self.result.parties = discover_parties({}, self.registry)
        return self.result.parties

    @property
    def facts(self) -> list[Fact]:
        return self.result.facts or []

    @property
    def stating(self) -> list[Article]:
        """The articles that state at least one fact, in corpus order: the fact matrix's columns."""
        return list(self._stating)

    @property
    def reuse(self) -> ReuseReport | None:
        return self.result.provenance

    @property
    def spun(self) -> list[str]:
        """Ids of the synonym-spun articles, in corpus order (empty until provenance is known)."""
        return list(self._spun)

    def refresh(self) -> None:
        """Analyse the corpus now open (dropping older work). It starts two idle turns later:
        after the window has shown the corpus, then its first article (`CorpusModel` opens it on
        the first), so that slicing the articles for the child processes competes with neither."""
        self.cancel()
        generation = self._generation
        articles = list(self._corpus.corpus.articles)
        self.result = CorpusAnalysis(articles, self.registry)
        self.shared = shared = PackedOnce(articles)
        self._provenance, self._spun, self._stating, self._listed_quotes = {}, [], [], []
        self.overview = None
        registry, store = self.registry, self.store

        def work(task: Task) -> CorpusAnalysis:
            return analyse_corpus(articles, registry, store=store, progress=task.report_progress,
                                  cancel=task.cancel_event, articles_packed=shared,
                                  deliver=lambda name, analysis: task.deliver(name, _arranged(name, analysis)))

        def start() -> None:
            self._task = self._tasks.start("analyse corpus", work, on_partial=generation.bind(self._arrived),
                                           on_failure=generation.bind(self.failed.emit),
                                           on_progress=generation.bind(self.quotes_progress.emit))

        self._tasks.start_when_idle(self, generation.bind(start), turns=2)
        self.quotes_started.emit()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._generation.next()

    def _arrived(self, name: str, arranged: object) -> None:
        if name == steps.QUOTES.name:
            self.result.quotes, self._listed_quotes, self.result.parties = arranged
            log.info("quotes: %d found", len(self._listed_quotes))
            self.quotes_ready.emit()
            self.facts_started.emit()
        elif name == steps.PROVENANCE.name:
            self.result.provenance, self._provenance, self._spun = arranged
            self.provenance_ready.emit()
        elif name == steps.FACTS.name:
            self.result.facts, self.result.fact_summary, self._stating, self.overview = arranged
            self._task = None
            log.info("facts: %d found", len(self.result.facts))
            self.facts_ready.emit()

    def quotes_of(self, article: Article) -> list[Quote]:
        """The article's quotes; found now (through the store) if the analysis has not delivered them."""
        if self.result.quotes is not None and article.id in self.result.quotes:
            return self.result.quotes[article.id]
        return self.parties.settle(steps.corpus_quotes([article], self.registry, self.store)[article.id])

    def all_quotes(self) -> list[tuple[Article, Quote]]:
        """Every quote of the corpus in corpus order (empty until the analysis has found them)."""
        return list(self._listed_quotes)

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
        if item.spun_from:
            return "spun copy of " + ", ".join(self.labels(item.spun_from))
        if item.spin.spun:
            return "spun copy"
        if item.copy_of:
            return "copy of " + ", ".join(self.labels(item.copy_of))
        return ""

    def labels(self, article_ids: tuple[str, ...]) -> list[str]:
        return [self._corpus.article(article_id).display_label for article_id in article_ids]

    def reload_registry(self) -> None:
        """The researcher's speakers.toml changed: the analysis runs again with the new parties
        (the store keys quotes by registry, so those of the old parties are not reused)."""
        self.registry = current_registry()
        self.registry_changed.emit()
        self.refresh()


def _arranged(name: str, analysis: CorpusAnalysis) -> object:
    """A step's result as the window's views want it, arranged on the worker thread so the UI
    thread only swaps it in."""
    if name == steps.QUOTES.name:
        quotes = dict(analysis.quotes or {})
        listed = [(article, quote) for article in analysis.articles for quote in quotes.get(article.id, ())]
        return quotes, listed, analysis.parties
    if name == steps.PROVENANCE.name:
        report = analysis.provenance
        by_id = {item.article_id: item for item in report.articles}
        spun = [article.id for article in analysis.articles if (item := by_id.get(article.id)) is not None and item.spin.spun]
        return report, by_id, spun
    facts = list(analysis.facts or [])
    stating = {member.article_id for fact in facts for member in fact.members}
    return (facts, analysis.fact_summary, [article for article in analysis.articles if article.id in stating],
            story_overview(analysis))
