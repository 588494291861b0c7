"""Search by the researcher's notes: `note:<word>` keeps the articles with a note holding the word.

Notes change far more often than articles, so they are not written into the index: a `note:`
term is answered when the query runs, by a callable the window or the command line passes in
(it knows where the notes are; the index does not), and acts as a filter like `spun:`.
"""
from __future__ import annotations

from typing import Callable, Iterable

from whoosh import query as wq

from index.provenance import NO_SCORE
from index.query import QueryProblem

NotedArticles = Callable[[str], Iterable[str]]
"""Given the words after `note:` (a trailing `*` for a prefix), the ids of the articles noted so."""


def _words(query: wq.Query) -> str | None:
    """What was written after `note:`, or None when `query` is not a note term."""
    if getattr(query, "fieldname", None) != "note":
        return None
    if isinstance(query, wq.Phrase):
        return " ".join(query.words)
    text = query.text.decode("utf-8") if isinstance(query.text, bytes) else query.text
    return f"{text}*" if isinstance(query, wq.Prefix) else text


def resolve_notes(query: wq.Query, noted: NotedArticles | None, problems: list[QueryProblem]) -> wq.Query:
    """The query with each `note:` term as a filter on the ids of the articles whose notes match."""
    words = _words(query)
    if words is None:
        return query.apply(lambda child: resolve_notes(child, noted, problems))
    if noted is None:
        problems.append(QueryProblem(f"'note:{words}' needs the notes, which this search was not given; "
                                     "this condition was left out", getattr(query, "startchar", None) or 0))
        return wq.Every()
    ids = sorted(set(noted(words)))
    if not ids:
        return wq.NullQuery
    return wq.ConstantScoreQuery(wq.Or([wq.Term("id", article_id) for article_id in ids]), NO_SCORE)
