"""Everything the research record holds for a corpus, found in one call.

Callers that already have the corpus analysis (quotes, facts, the provenance report) pass
them in, so nothing is found twice; anything not passed is found here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from reader.articles.model import Article
from reader.provenance.copies import ReuseReport, provenance
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


def gather_record(articles: Sequence[Article], book: NoteBook, marks: VersionMarks | None = None,
                  quotes: Mapping[str, Sequence[Any]] | None = None, facts: Sequence[Any] | None = None,
                  reuse: ReuseReport | None = None) -> Record:
    """`quotes` maps article ids to `find_quotes` results; `facts` are `find_facts` results."""
    from reader.facts.finder import find_facts
    from reader.quotes.finder import find_quotes

    quotes = quotes if quotes is not None else {article.id: find_quotes(article) for article in articles}
    facts = facts if facts is not None else find_facts(articles, quotes)
    reuse = reuse if reuse is not None else provenance(list(articles))
    notes = list(dict.fromkeys(note for article in articles for note in book.for_article(article)))
    return Record(notes, compare_quotations([(article, quotes.get(article.id, [])) for article in articles]),
                  facts, revision_histories(articles, marks), fact_timelines(facts, articles, reuse))
