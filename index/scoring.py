"""Every article a query matches, with its score, worked out a segment's postings at a time.

Whoosh finds and scores matches one article per matcher call: about 50 µs an article in pure
Python, so a broad query (most articles of a news corpus mention "settlement") spends most of its
time there, and more again to list every match for the total and the facets. The query forms a
researcher types (words, phrases, AND/OR/NOT, expanded wildcards, fuzzy words) are answered here
from whole postings lists instead: a term's postings are read block by block, scored with the
Whoosh scorer's own formula, and combined as dictionaries of article → score, which is what
Whoosh's matchers compute (a tested equivalence). Any other query form is scored by its Whoosh
matcher, so every query gets Whoosh's answer.
"""
from __future__ import annotations

from functools import partial
from itertools import accumulate
from operator import add
from typing import Any, Callable, Iterable

from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25FScorer, WeightLengthScorer
from whoosh.searching import Searcher

from index.phrases import AdjacentPhrase, phrase_documents
from reader.collector import collector_paused

Scores = dict[int, float]


class Scorer:
    """Scores queries against one searcher's index; field lengths are read once per segment and field."""

    def __init__(self, searcher: Searcher):
        self._searcher = searcher
        self._lengths: dict[tuple[int, str], list[int]] = {}

    def scores(self, query: wq.Query) -> Scores:
        """Each matching document number with the score Whoosh would give it."""
        with collector_paused():  # on a 9,800-article phrase, collections took half the matching time
            return self._scores(query)

    def _scores(self, query: wq.Query) -> Scores:
        found: Scores = {}
        for index, (searcher, offset) in enumerate(self._searcher.leaf_searchers()):
            scores = _Segment(searcher, partial(self._field_lengths, index, searcher)).scores(query)
            found.update({docnum + offset: score for docnum, score in scores.items()} if offset else scores)
        return found

    def _field_lengths(self, index: int, searcher: Searcher, fieldname: str) -> list[int]:
        """Each document's length in `fieldname`, as Whoosh's scorers read it (rounded to a byte)."""
        key = (index, fieldname)
        if key not in self._lengths:
            reader = searcher.reader()
            self._lengths[key] = [reader.doc_field_length(docnum, fieldname, 1)
                                  for docnum in range(reader.doc_count_all())]
        return self._lengths[key]


class _Segment:
    """One segment's searcher: the query's scores as Whoosh's matchers on it would give them."""

    def __init__(self, searcher: Searcher, lengths: Callable[[str], list[int]]):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.lengths = lengths

    def scores(self, query: wq.Query) -> Scores:
        kind = type(query)
        if kind is wq.Term:
            return self._term(query)
        if kind is AdjacentPhrase and query.is_adjacent(self.searcher.schema):
            return self._phrase(query)
        if kind in (wq.And, wq.Or) and not getattr(query, "minmatch", 0) and not getattr(query, "scale", None):
            return self._compound(query)
        if kind is wq.AndNot:
            return _without(self.scores(query.a), self.scores(query.b))
        if kind is wq.AndMaybe:
            return _maybe(self.scores(query.a), self.scores(query.b))
        if kind is wq.Not:
            return self._inverse(self.scores(query.query))
        if kind is wq.FuzzyTerm:
            return self._expanded(query)
        if query is wq.NullQuery:
            return {}
        return self._whoosh(query)

    def _compound(self, query: wq.And | wq.Or) -> Scores:
        """Whoosh's And and Or add up their parts' scores; the boost of a one-part query is ignored."""
        parts = [self.scores(sub) for sub in query.subqueries]
        if not parts:
            return {}
        if len(parts) == 1:
            return parts[0]
        combined = _intersection(parts) if type(query) is wq.And else _union(parts)
        return _boosted(combined, query.boost)

    def _term(self, query: wq.Term) -> Scores:
        located = self._located(query.fieldname, query.text)
        if located is None:
            return {}
        scorer = self._scorer(located)
        if scorer is None:
            return self._whoosh(query)
        ids, weights, _ = self._postings(located, values=False)
        scores = _weight_scores(scorer, ids, weights, self.lengths(query.fieldname))
        return _boosted(dict(zip(ids, scores)), query.boost)

    def _phrase(self, query: AdjacentPhrase) -> Scores:
        """The articles holding the words side by side, scored as Whoosh scores a phrase: the sum
        of its words' scores, added up in the same order as Whoosh's tree of matchers."""
        located = [self._located(query.fieldname, word) for word in query.words]
        if any(term is None for term in located):
            return {}
        scorers = [self._scorer(term) for term in located]
        if any(scorer is None for scorer in scorers):
            return self._whoosh(query)
        postings = [self._postings(term, values=True) for term in located]
        matched = phrase_documents([(ids, values) for ids, _, values in postings])
        lengths = self.lengths(query.fieldname)
        word_scores = []
        for scorer, (ids, weights, _) in zip(scorers, postings):
            weight_of = dict(zip(ids, weights))
            word_scores.append(_weight_scores(scorer, matched, map(weight_of.__getitem__, matched), lengths))
        return _boosted(dict(zip(matched, _tree_sum(word_scores))), query.boost)

    def _expanded(self, query: wq.FuzzyTerm) -> Scores:
        """A fuzzy word is the Or of the words it stands for (Whoosh's MultiTerm.matcher)."""
        words = [text for _, text in query.expanded_terms(self.reader) if text]
        if len(words) == 1:
            return self._term(wq.Term(query.fieldname, words[0]))
        return self._compound(wq.Or([wq.Term(query.fieldname, word) for word in words], boost=query.boost))

    def _inverse(self, excluded: Scores) -> Scores:
        """Whoosh's Not: every live document the child does not match, each scoring 1."""
        return {docnum: 1.0 for docnum in self.reader.all_doc_ids() if docnum not in excluded}

    def _whoosh(self, query: wq.Query) -> Scores:
        matcher = query.matcher(self.searcher, self.searcher.context())
        found: Scores = {}
        while matcher.is_active():
            found[matcher.id()] = matcher.score()
            matcher.next()
        return found

    def _located(self, fieldname: str, text: Any) -> tuple[str, bytes] | None:
        """The term as the index holds it, or None when this segment has no such term."""
        if fieldname not in self.searcher.schema:
            return None
        try:
            term = self.searcher.schema[fieldname].to_bytes(text)
        except ValueError:
            return None
        return (fieldname, term) if (fieldname, term) in self.reader else None

    def _scorer(self, term: tuple[str, bytes]) -> WeightLengthScorer | None:
        """Whoosh's scorer for the term, if it scores from weight and field length alone."""
        scorer = self.searcher.weighting.scorer(self.searcher, *term)
        return scorer if isinstance(scorer, WeightLengthScorer) else None

    def _postings(self, term: tuple[str, bytes], values: bool) -> tuple[list[int], list[float], list[bytes]]:
        """A term's document numbers, weights and (if asked) values, read a block at a time.

        Reads the blocks of Whoosh 2.7's postings matcher (`W3LeafMatcher`; private, but the
        Whoosh-Reloaded version is pinned exactly): twice as fast as a call per posting.
        Deleted documents are left out, as `reader.postings` leaves them out.
        """
        leaf = self.reader.postings(*term)
        deleted: frozenset[int] = frozenset()
        if isinstance(leaf, FilterMatcher):
            leaf, deleted = leaf.child, self.reader.deleted_docs_set
        ids: list[int] = []
        weights: list[float] = []
        found: list[bytes] = []
        while leaf.is_active():
            leaf._read_data()
            leaf._read_weights()
            block_ids = leaf._data[0]
            ids.extend(block_ids if leaf._byteids else accumulate(block_ids))
            weights.extend(leaf._weights)
            if values:
                leaf._read_values()
                found.extend(leaf._values)
            leaf._next_block()
        if deleted:
            kept = [index for index, docnum in enumerate(ids) if docnum not in deleted]
            ids, weights = [ids[i] for i in kept], [weights[i] for i in kept]
            found = [found[i] for i in kept] if values else found
        return ids, weights, found


def _weight_scores(scorer: WeightLengthScorer, docnums: Iterable[int], weights: Iterable[float],
                   lengths: list[int]) -> list[float]:
    """The scorer's score for each document's term weight and field length.

    BM25F's formula is written out as `whoosh.scoring.bm25` computes it, operation for operation
    (the same floats), saving two calls an article on the commonest path.
    """
    if type(scorer) is BM25FScorer:
        idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
        return [idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths[docnum] / avgfl)))
                for docnum, tf in zip(docnums, weights)]
    return [scorer._score(tf, lengths[docnum]) for docnum, tf in zip(docnums, weights)]


def _tree_sum(columns: list[list[float]]) -> list[float]:
    """Column sums added in the order of `whoosh.util.make_binary_tree`: a + (b + c) for three."""
    if len(columns) == 1:
        return columns[0]
    half = len(columns) // 2
    return list(map(add, _tree_sum(columns[:half]), _tree_sum(columns[half:])))


def _intersection(parts: list[Scores]) -> Scores:
    smallest = min(parts, key=len)
    return {docnum: sum(part[docnum] for part in parts) for docnum in smallest
            if all(docnum in part for part in parts)}


def _union(parts: list[Scores]) -> Scores:
    combined: Scores = {}
    for part in parts:
        for docnum, score in part.items():
            combined[docnum] = combined.get(docnum, 0.0) + score
    return combined


def _without(scores: Scores, excluded: Scores) -> Scores:
    return {docnum: score for docnum, score in scores.items() if docnum not in excluded}


def _maybe(scores: Scores, optional: Scores) -> Scores:
    return {docnum: score + optional.get(docnum, 0.0) for docnum, score in scores.items()}


def _boosted(scores: Scores, boost: float) -> Scores:
    return scores if boost == 1.0 else {docnum: score * boost for docnum, score in scores.items()}
