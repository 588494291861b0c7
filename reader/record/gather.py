"""Everything the research record holds for a corpus, built on the corpus analysis.

Quotes, facts and provenance come from `reader.analysis` (found once, kept in its store); this
adds what only the record needs: the notes on these articles, quotations compared across
outlets, revision histories and the per-fact timelines.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from reader.analysis.pipeline import CorpusAnalysis
from reader.record.notes import Note, NoteBook
from reader.record.quote_compare import QuotationGroup, compare_quotations
from reader.record.revisions import RevisionHistory, VersionMarks, revision_histories
from reader.record.timeline import FactTimeline, fact_timelines


@dataclass
class Record:
    notes: Sequence[Note]
    quotations: Sequence[QuotationGroup]
    facts: Sequence[Any]
    revisions: Sequence[RevisionHistory]
    timelines: Sequence[FactTimeline]


def gather_record(analysis: CorpusAnalysis, book: NoteBook, marks: VersionMarks | None = None) -> Record:
    """`analysis` must hold quotes, provenance and facts (`analyse_corpus(articles)` does)."""
    if analysis.quotes is None or analysis.provenance is None or analysis.facts is None:
        raise ValueError("the research record needs the corpus analysis with quotes, provenance and facts")
    articles = analysis.articles
    notes = list(dict.fromkeys(note for article in articles for note in book.for_article(article)))
    quotations = compare_quotations([(article, analysis.quotes_of(article.id)) for article in articles])
    return Record(notes, quotations, analysis.facts, revision_histories(articles, marks),
                  fact_timelines(analysis.facts, articles, analysis.provenance))
