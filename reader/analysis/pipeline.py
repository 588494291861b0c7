"""`analyse_corpus`: the one entry point that analyses a corpus, for the window, the command line and the index.

Quotes (per article) and provenance (across the corpus) are independent and run side by side;
facts read the quotes, so they follow. Each result is delivered as soon as it exists, so a
window can show quotes while facts are still being aligned. Where each step runs is decided in
`reader.analysis.processes`, from the corpus's size; the steps do not know.
"""
from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED
from concurrent.futures import wait as wait_for
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Sequence

from reader.analysis import steps
from reader.analysis.processes import Cancelled, ChildJob, PackedOnce, in_child_process
from reader.analysis.store import AnalysisStore
from reader.articles.model import Article
from reader.facts.finder import Fact
from reader.facts.summary import FactSummary
from reader.provenance.copies import Provenance, ReuseReport
from reader.quotes.finder import Quote
from reader.quotes.parties import PartyBook, discover_parties
from reader.quotes.speakers import SpeakerRegistry, current_registry

Progress = Callable[[int, int, str], None]


@dataclass
class CorpusAnalysis:
    """Everything worked out about one corpus; every result is spans into `Article.text`."""

    articles: list[Article]
    registry: SpeakerRegistry
    quotes: dict[str, list[Quote]] | None = None
    """Each article's quotes by article id, with the corpus's parties (None until found)."""
    provenance: ReuseReport | None = None
    facts: list[Fact] | None = None
    fact_summary: FactSummary | None = None
    parties: PartyBook | None = None
    """The parties the corpus's quotes are attributed to (`reader.quotes.parties`)."""

    @cached_property
    def by_id(self) -> dict[str, Article]:
        """Worked out when first asked, not a field: a field that is not an argument kept the
        whole analysis from crossing to a child process in slices (it went as one pickle)."""
        return {article.id: article for article in self.articles}

    def quotes_of(self, article_id: str) -> list[Quote]:
        return (self.quotes or {}).get(article_id, [])

    def provenance_of(self, article_id: str) -> Provenance | None:
        if self.provenance is None:
            return None
        return next((item for item in self.provenance.articles if item.article_id == article_id), None)


Deliver = Callable[[str, CorpusAnalysis], None]
"""Called with a step's name (`steps.STEPS`) as soon as its result is in the analysis."""


def analyse_corpus(articles: Sequence[Article], registry: SpeakerRegistry | None = None, *,
                   store: AnalysisStore | None = None, progress: Progress | None = None,
                   cancel: threading.Event | None = None, deliver: Deliver | None = None,
                   with_facts: bool = True, articles_packed: PackedOnce | None = None) -> CorpusAnalysis:
    """Quotes, provenance and (unless not `with_facts`) facts of `articles`, each from the store
    where it already is.

    `articles_packed` lets a caller that already sliced the articles for child processes share
    those slices. Raises `processes.Cancelled` once `cancel` is set.
    """
    analysis = CorpusAnalysis(list(articles), registry or current_registry())
    store = store or AnalysisStore()
    if in_child_process(len(analysis.articles)):
        _in_children(analysis, store, progress, cancel, deliver, articles_packed or PackedOnce(analysis.articles),
                     with_facts)
    else:
        _here(analysis, store, progress, cancel, deliver, with_facts)
    return analysis


def _here(analysis: CorpusAnalysis, store: AnalysisStore, progress: Progress | None,
          cancel: threading.Event | None, deliver: Deliver | None, with_facts: bool) -> None:
    relay = (lambda done, total: progress(done, total, "quotes")) if progress else None
    analysis.quotes = steps.corpus_quotes(analysis.articles, analysis.registry, store, relay, cancel)
    _check(cancel)
    _settle_parties(analysis)
    _delivered(steps.QUOTES, analysis, deliver)
    analysis.provenance = steps.corpus_provenance(analysis.articles, store)
    _check(cancel)
    _delivered(steps.PROVENANCE, analysis, deliver)
    if not with_facts:
        return
    analysis.facts, analysis.fact_summary = steps.corpus_facts(analysis.articles, analysis.quotes,
                                                               steps.spin_reports(analysis.provenance))
    _check(cancel)
    _delivered(steps.FACTS, analysis, deliver)


def _in_children(analysis: CorpusAnalysis, store: AnalysisStore, progress: Progress | None,
                 cancel: threading.Event | None, deliver: Deliver | None, shared: PackedOnce,
                 with_facts: bool) -> None:
    relay = (lambda done, total, _: progress(done, total, "quotes")) if progress else None
    quotes = ChildJob(steps.corpus_quotes, shared, analysis.registry, store, with_progress=True)
    pending = {quotes: steps.QUOTES, ChildJob(steps.corpus_provenance, shared, store): steps.PROVENANCE}
    settled = PackedOnce({})
    try:
        while pending:
            wait_for([job.future for job in pending], timeout=0.1, return_when=FIRST_COMPLETED)
            quotes.relay(relay)
            _check(cancel)
            for job in [job for job in pending if job.future.done()]:
                step = pending.pop(job)
                setattr(analysis, step.gives, job.result())
                if step is steps.QUOTES:
                    _settle_parties(analysis)
                    if with_facts:
                        settled = _packed_before_delivery(analysis.quotes or {})
                _delivered(step, analysis, deliver)
        if not with_facts:
            return
        facts = ChildJob(steps.corpus_facts, shared, settled, steps.spin_reports(analysis.provenance))
        pending = {facts: steps.FACTS}
        analysis.facts, analysis.fact_summary = facts.wait(cancel)
        pending = {}
        _delivered(steps.FACTS, analysis, deliver)
    except BaseException:
        for job in pending:
            job.stop()
        raise


def _packed_before_delivery(quotes: dict[str, list[Quote]]) -> PackedOnce:
    """The settled quotes sliced for the facts' process as soon as they exist, before the window
    takes them in: sliced when provenance arrived, or while the window filled its quote views,
    they competed with the window for the interpreter lock."""
    packed = PackedOnce(quotes)
    packed.packed()
    return packed


def _settle_parties(analysis: CorpusAnalysis) -> None:
    """The corpus step after every article's quotes: parties joined across articles."""
    analysis.parties = discover_parties(analysis.quotes or {}, analysis.registry)
    analysis.quotes = {article_id: analysis.parties.settle(quotes) for article_id, quotes in (analysis.quotes or {}).items()}


def _delivered(step: steps.Step, analysis: CorpusAnalysis, deliver: Deliver | None) -> None:
    if deliver is not None:
        deliver(step.name, analysis)


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()
