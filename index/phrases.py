"""Exact phrases matched by a set lookup per article instead of Whoosh's general span machinery.

A phrase typed in quotes is always "these words at consecutive positions". Whoosh answers it
with `SpanNear2`, which builds and compares span objects for every article holding all the
words; on a common phrase (most articles of a news corpus say "federal judge") that is most of
a search's time. `AdjacentPhrase` matches the same articles with the same scores (the sum of
its words' scores, as Whoosh gives a phrase), checking each candidate with one set of shifted
positions per word. `phrase_documents` does that check for whole postings lists at once, as
`index/scoring.py` reads them.
"""
from __future__ import annotations

from itertools import accumulate
from operator import itemgetter
from pickle import loads
from typing import Sequence

from whoosh import query as wq
from whoosh.system import _INT_SIZE
from whoosh.matching import NullMatcher, WrappingMatcher
from whoosh.matching.binary import IntersectionMatcher
from whoosh.util import make_binary_tree


_PROTOCOL_2 = b"\x80\x02"
_BODY = itemgetter(slice(_INT_SIZE + len(_PROTOCOL_2), -1))


class AdjacentPhrase(wq.Phrase):
    """A `Phrase` with no slop, matched by `AdjacentMatcher` (any other phrase falls back to Whoosh)."""

    def is_adjacent(self, schema) -> bool:
        """Whether the words must stand one after another in a field that records positions:
        the phrases matched here (and by `index.scoring`) rather than by Whoosh."""
        field = schema[self.fieldname] if self.fieldname in schema else None
        return (self.slop == 1 and len(self.words) > 1
                and bool(field and field.format and field.format.supports("positions")))

    def matcher(self, searcher, context=None):
        if not self.is_adjacent(searcher.schema):
            return super().matcher(searcher, context)
        reader = searcher.reader()
        terms = [searcher.schema[self.fieldname].to_bytes(word) for word in self.words]
        if any((self.fieldname, term) not in reader for term in terms):
            return NullMatcher()
        words = [wq.Term(self.fieldname, term).matcher(searcher, context) for term in terms]
        matcher = AdjacentMatcher(words)
        return WrappingMatcher(matcher, boost=self.boost) if self.boost != 1.0 else matcher


class AdjacentMatcher(WrappingMatcher):
    """The intersection of the words' postings, kept only where the words stand one after another."""

    def __init__(self, words: list):
        self.words = words
        super().__init__(make_binary_tree(IntersectionMatcher, words))
        self._find_next()

    def copy(self) -> AdjacentMatcher:
        return AdjacentMatcher([word.copy() for word in self.words])

    def replace(self, minquality=0):
        return self if self.is_active() else NullMatcher()

    def _find_next(self) -> None:
        child = self.child
        while child.is_active() and not phrase_documents([((0,), (word.value(),)) for word in self.words]):
            child.next()

    def next(self) -> None:
        self.child.next()
        self._find_next()

    def skip_to(self, id) -> None:
        self.child.skip_to(id)
        self._find_next()

    def all_ids(self):
        while self.is_active():
            yield self.id()
            self.next()


def phrase_documents(words: Sequence[tuple[Sequence[int], Sequence[bytes]]]) -> list[int]:
    """The documents where two or more words stand one after another, given each word's postings
    (its document numbers in order, and their values), in document order.

    Works on whole postings lists so that most of the work (unpickling the positions, building
    each document's set of phrase starts) is done by C loops rather than a Python call a document.
    """
    ids, values = words[0]
    starts = dict(zip(ids, map(set, map(accumulate, gaps(values)))))
    for shift, (ids, values) in enumerate(words[1:-1], start=1):
        earlier = (-shift).__add__
        starts = {docnum: kept for docnum, word_gaps in zip(ids, gaps(values))
                  if docnum in starts and (kept := starts[docnum].intersection(map(earlier, accumulate(word_gaps))))}
    (ids, values), earlier = words[-1], (1 - len(words)).__add__
    return [docnum for docnum, word_gaps in zip(ids, gaps(values))
            if docnum in starts and not starts[docnum].isdisjoint(map(earlier, accumulate(word_gaps)))]


def gaps(values: Sequence[bytes]) -> list[list[int]]:
    """The position gaps of many postings values, unpickled in one call rather than one per value.

    A value is, as `whoosh.formats.Positions.encode` writes it and Whoosh 2.7's codec stores it,
    a 4-byte count then the pickle (protocol 2) of the gaps between positions. The pickles'
    bodies (without protocol mark and STOP), joined between a MARK and a LIST, are the pickle
    of the list of all of them.
    """
    return loads(_PROTOCOL_2 + b"(" + b"".join(map(_BODY, values)) + b"l.")


def adjacent_phrases(query: wq.Query) -> wq.Query:
    """The query with every plain `Phrase` matched by `AdjacentPhrase`."""
    if type(query) is wq.Phrase:
        return AdjacentPhrase(query.fieldname, query.words, slop=query.slop, boost=query.boost,
                              char_ranges=query.char_ranges)
    return query.apply(adjacent_phrases)
