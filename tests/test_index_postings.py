"""Indexing and phrase shortcuts must give exactly what plain Whoosh gives.

Text fields are analysed into postings in worker processes, and phrases are matched by
`AdjacentPhrase` rather than Whoosh's `SpanNear2`; both are speed-ups only, so each is held
to Whoosh's own result on the sample corpus and on awkward text.
"""
from __future__ import annotations

import shutil
from itertools import accumulate

import pytest
from whoosh import query as wq
from whoosh.fields import TEXT

from index_helpers import open_index
from index import CorpusIndex
from index.phrases import AdjacentPhrase, gaps
from index.query import parse
from index.schema import analyse, build_schema
from resources import sample_dir

AWKWARD = ("A well-known e-commerce firm’s children's data: $5.8 million, 55,000 users; "
           "'quoted' words -- and a-b-c, Café CAFÉ cafe. 2023-06-01")


@pytest.mark.parametrize("fieldname", ["content", "title", "quote"])
def test_postings_worked_out_in_a_worker_equal_whooshs(sample_articles, fieldname):
    field = build_schema()[fieldname]
    for text in [AWKWARD, ""] + [article.text for article in sample_articles.values()]:
        assert analyse(field, text).items == tuple(TEXT.index(field, text))


def test_positions_decode_as_whoosh_decodes_them():
    field = build_schema()["content"]
    lists = ([0], [3, 4, 90, 1000, 70000], list(range(0, 600, 7)), list(range(0, 5000, 2)), [2**31 + 5])
    encoded = [field.format.encode(positions) for positions in lists]
    for values in (encoded, encoded[:1], []):
        decoded = [list(accumulate(word_gaps)) for word_gaps in gaps(values)]
        assert decoded == [field.format.decode_positions(value) for value in values] == list(lists[:len(values)])


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory) -> CorpusIndex:
    folder = tmp_path_factory.mktemp("postings") / "sample"
    shutil.copytree(sample_dir(), folder)
    return open_index([folder])


def _as_whoosh(query: wq.Query) -> wq.Query:
    if isinstance(query, AdjacentPhrase):
        return wq.Phrase(query.fieldname, query.words, slop=query.slop, boost=query.boost)
    return query.apply(_as_whoosh)


PHRASES = ['"voice assistant"', '"will pay"', '"federal trade commission"', '"Amazon said"', 'title:"amazon to pay"',
           '"alexa voice" OR "ring doorbell"', 'privacy -"voice assistant"', '"voice assistant"^3 alexa',
           '"children’s voice recordings"', '"the the"', '"nonexistentword alexa"', '"e-commerce"']


@pytest.mark.parametrize("text", PHRASES)
def test_adjacent_phrases_match_and_score_as_whoosh_phrases(sample_index, text):
    searcher = sample_index._searcher()
    parsed, _ = parse(text, searcher, sample_index._vocabulary())
    assert any(isinstance(leaf, AdjacentPhrase) for leaf in parsed.leaves()) or "nonexistent" in text
    ours = searcher.search(parsed, limit=None)
    whoosh = searcher.search(_as_whoosh(parsed), limit=None)
    assert [(hit.docnum, hit.score) for hit in ours] == [(hit.docnum, hit.score) for hit in whoosh]


@pytest.mark.parametrize("text, expected", [('"voice assistant"', {"001", "003"}), ('"amazon said"', {"000", "003"}),
                                            ('"privacy alexa"', set())])
def test_phrases_need_the_words_side_by_side(sample_index, text, expected):
    """Not a vacuous comparison: each phrase's words are together in more articles than the phrase."""
    searcher = sample_index._searcher()
    parsed, _ = parse(text, searcher, sample_index._vocabulary())
    words = {searcher.stored_fields(docnum)["id"][:3]
             for docnum in searcher.docs_for_query(wq.And([wq.Term("content", word) for word in parsed.words]))}
    found = {hit.id[:3] for hit in sample_index.search(text).hits}
    assert found == expected and found < words
