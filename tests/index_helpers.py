"""Indexing a folder as the window and the command line do: loaded, analysed, then indexed."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Sequence

from index import CorpusIndex
from reader.analysis.pipeline import CorpusAnalysis
from reader.articles.corpus import load_corpus
from reader.articles.model import Article
from reader.provenance.copies import provenance
from reader.quotes.speakers import load_registry


def open_index(paths: Sequence[Path], quote_finder: Callable[[Article], Sequence[Any]] | None = None,
               **options: Any) -> CorpusIndex:
    """The index of `paths`, brought up to date with their analysis; quotes come from
    `quote_finder` (none without one), so a test can give the index quotes of its own."""
    corpus = load_corpus([Path(path) for path in paths])
    quotes = {article.id: list(quote_finder(article)) if quote_finder else [] for article in corpus.articles}
    analysis = CorpusAnalysis(corpus.articles, load_registry(), quotes, provenance(corpus.articles))
    return CorpusIndex.update(paths, analysis, errors=corpus.errors, **options)
