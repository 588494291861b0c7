"""The analysis steps: what each reads, what it gives, and the key its result is stored under.

Each step is a top-level function (a child process must be able to run it) over the corpus's
articles and what earlier steps gave; each consults the one store first, so an unchanged
article or corpus is answered from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from reader.analysis.store import AnalysisStore, digest
from reader.articles.model import Article
from reader.facts.finder import Fact, align_articles
from reader.facts.summary import FactSummary, summarise
from reader.provenance.copies import ReuseReport, provenance
from reader.provenance.spin import SpinReport, lexicon
from reader.quotes.finder import Quote, find_quotes
from reader.quotes.speakers import SpeakerRegistry

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Step:
    """One part of the corpus analysis, as spaCy declares a pipeline component."""

    name: str
    reads: tuple[str, ...]
    gives: str
    scope: str
    """"article": computed and stored per article; "corpus": over the whole corpus at once."""


QUOTES = Step("quotes", ("articles", "registry"), "quotes", "article")
PROVENANCE = Step("provenance", ("articles",), "provenance", "corpus")
FACTS = Step("facts", ("articles", "quotes", "provenance"), "facts", "corpus")
"""Gives the facts and their summary (`FactSummary`: what was compared, what was not)."""
STEPS = (QUOTES, PROVENANCE, FACTS)


def registry_signature(registry: SpeakerRegistry) -> str:
    return digest(registry.parties, sorted(registry.references.items()))


def quote_key(article: Article, registry_key: str) -> str:
    return digest(QUOTES.name, article.id, article.content_hash, registry_key)


def corpus_quotes(articles: Sequence[Article], registry: SpeakerRegistry, store: AnalysisStore,
                  progress: Progress | None = None, cancel: Any = None) -> dict[str, list[Quote]]:
    """Every article's quotes by article id, found only for articles the store does not know."""
    registry_key = registry_signature(registry)
    keys = {article.id: quote_key(article, registry_key) for article in articles}
    known = store.get_many(QUOTES.name, keys.values())
    pending = [article for article in articles if keys[article.id] not in known]
    found: dict[str, list[Quote]] = {}
    for done, article in enumerate(pending, start=1):
        if cancel is not None and cancel.is_set():
            break
        found[keys[article.id]] = find_quotes(article, registry)
        if progress is not None:
            progress(done, len(pending))
        if len(found) >= 500:
            store.put_many(QUOTES.name, found)
            known.update(found)
            found = {}
    store.put_many(QUOTES.name, found)
    known.update(found)
    return {article.id: known.get(keys[article.id], []) for article in articles}


def provenance_key(articles: Sequence[Article]) -> str:
    """Provenance reads the texts, and dates and lengths to tell the source from the copy."""
    words, phrases = lexicon()
    return digest(PROVENANCE.name, [(article.id, article.content_hash, article.date, article.path)
                                    for article in articles], sorted(words.items()), sorted(phrases.items()))


def corpus_provenance(articles: Sequence[Article], store: AnalysisStore) -> ReuseReport:
    key = provenance_key(articles)
    report = store.get(PROVENANCE.name, key)
    if report is None:
        report = provenance(list(articles))
        store.put(PROVENANCE.name, key, report)
    return report


def corpus_facts(articles: Sequence[Article], quotes: Mapping[str, Sequence[Quote]],
                 spins: Mapping[str, SpinReport] | None = None) -> tuple[list[Fact], FactSummary]:
    """The facts, and how many could be compared: every view and report says so with them.
    A spun copy is read with the swaps the provenance step found (`spins`), not found again.
    Facts keep their own per-article sentence features and per-corpus result in the store;
    the summary counts the figures those features found, without reading the sentences again."""
    run = align_articles(articles, quotes, spins=spins)
    return run.facts, summarise(run.facts, articles, run.figures)


def spin_reports(report: ReuseReport) -> dict[str, SpinReport]:
    """The spin reports of the articles the provenance step judged spun (the others have no
    swaps to undo), so what crosses to the facts' process stays small."""
    return {item.article_id: item.spin for item in report.articles if item.spin.spun}
