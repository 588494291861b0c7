"""Scores worked out from whole postings lists must be the scores Whoosh's matchers give.

`index/scoring.py` replaces Whoosh's one-article-at-a-time matching for speed only, so every
query form is held to Whoosh's own `searcher.search(..., limit=None)`: the same articles with
the same scores, on the sample corpus and on an index of several segments with deleted articles.
"""
from __future__ import annotations

import gc
import shutil

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring
from whoosh.searching import Searcher

from bench.corpus_generator import generate_corpus
from index_helpers import open_index
from index import CorpusIndex
from index.corpus_index import _best
from index.phrases import AdjacentPhrase
from index.query import parse
from index.schema import build_schema
from index.scoring import Scorer
from reader.collector import collector_paused
from app.cli.index import open_index
from resources import sample_dir

QUERIES = [
    "alexa", "privacy", "Alexa^2.5", "title:ring", "title:amazon", "outlet:entrepreneur", "55,000", "$5.8",
    '"voice assistant"', '"federal trade commission"', '"Amazon said"^3', '"the the"', '"nonexistentword alexa"',
    'title:"amazon to pay"', '"children’s voice recordings"', '"voice recordings"~3', '"e-commerce"',
    "amazon AND ring", "alexa OR ring", "(alexa OR ring) AND settlement", "privacy -doorbell", "ring NOT doorbell",
    "NOT doorbell", "+privacy ring", "alexa OR NOT ring", "(alexa^2 OR ring) AND (ftc OR commission)^1.5",
    "settle*", "priva*", "child*", "outlet:entre*", "privcy~", "setlement~", "privacy~2", "nonexistentword~",
    "date:[20230601 to 20230630] amazon", "date:2023", "speaker:ftc", 'quote:"behind us"', "quote:privacy",
    "speaker:amazon OR speaker:ring", "alexa AND NOT (doorbell OR cardinal)", "nonexistentword", "*",
]


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    folder = tmp_path_factory.mktemp("scoring") / "sample"
    shutil.copytree(sample_dir(), folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORROBORATE_HOME", str(tmp_path_factory.mktemp("home")))
        return open_index([folder])


def _whoosh_scores(searcher, query: wq.Query) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}


def _assert_same(ours: dict[int, float], whoosh: dict[int, float]) -> None:
    """Same articles; the same scores up to the order Whoosh adds a compound query's parts in."""
    assert ours.keys() == whoosh.keys()
    assert all(ours[docnum] == pytest.approx(score, rel=1e-12) for docnum, score in whoosh.items())


@pytest.mark.parametrize("text", QUERIES)
def test_scores_are_whooshs_on_the_sample(sample_index, text):
    searcher = sample_index._searcher()
    parsed, _ = parse(text, searcher, sample_index._vocabulary())
    _assert_same(Scorer(searcher).scores(parsed), _whoosh_scores(searcher, parsed))


@pytest.mark.parametrize("text", ["alexa", '"voice assistant"', "settlement", "amazon OR privacy", "privacy -doorbell"])
def test_ranking_is_whooshs(sample_index, text):
    """The hits shown are Whoosh's top hits in Whoosh's order (ties by article order)."""
    searcher = sample_index._searcher()
    parsed, _ = parse(text, searcher, sample_index._vocabulary())
    whoosh = [hit.docnum for hit in searcher.search(parsed, limit=3)]
    assert [docnum for docnum, _ in _best(Scorer(searcher).scores(parsed), 3)] == whoosh
    assert [hit.id for hit in sample_index.search(text, limit=3).hits] == [
        searcher.stored_fields(docnum)["id"] for docnum in whoosh]


def test_phrase_scores_are_exactly_whooshs(sample_index):
    """A phrase's score is the sum of its words' scores, added in Whoosh's order: equal, not close."""
    searcher = sample_index._searcher()
    for text in ['"voice assistant"', '"federal trade commission"', '"Amazon said"^3', '"to pay"']:
        parsed, _ = parse(text, searcher, sample_index._vocabulary())
        whoosh = _whoosh_scores(searcher, parsed)
        assert whoosh and Scorer(searcher).scores(parsed) == whoosh


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory, sample_articles):
    """An index of two segments, each with deleted articles: the sample, then part of it again."""
    folder = tmp_path_factory.mktemp("segments")
    ix = whoosh_index.create_in(str(folder), build_schema())
    articles = list(sample_articles.values())
    with ix.writer() as writer:
        for article in articles:
            writer.add_document(id=article.id, content=article.text, title=article.title or "")
    writer = ix.writer()
    writer.delete_by_term("id", articles[1].id)
    for article in articles[2:4]:
        writer.update_document(id=article.id, content=article.text + " alexa alexa voice assistant", title="again")
    writer.commit(merge=False)
    searcher = ix.searcher()
    assert len(searcher.leaf_searchers()) == 2 and searcher.reader().has_deletions()
    yield searcher
    searcher.close()


@pytest.mark.parametrize("query", [
    wq.Term("content", "alexa"), wq.Term("title", "again", boost=2.0),
    wq.Or([wq.Term("content", "alexa"), wq.Term("content", "ring")]),
    wq.And([wq.Term("content", "alexa"), wq.Not(wq.Term("content", "doorbel"))]),
    wq.AndNot(wq.Term("content", "privaci"), wq.Term("content", "alexa")),
    wq.FuzzyTerm("content", "alexx"), wq.Not(wq.Term("content", "alexa")),
])
def test_scores_are_whooshs_across_segments_and_deletions(segmented, query):
    _assert_same(Scorer(segmented).scores(query), _whoosh_scores(segmented, query))


def test_phrases_across_segments_and_deletions(segmented):
    for words in (["voic", "assist"], ["feder", "trade", "commiss"], ["alexa", "alexa"]):
        query = AdjacentPhrase("content", words)
        whoosh = _whoosh_scores(segmented, wq.Phrase("content", words))
        assert whoosh and Scorer(segmented).scores(query) == pytest.approx(whoosh, rel=1e-12)


def test_deleted_articles_are_never_scored(segmented, sample_articles):
    deleted = list(sample_articles.values())[1].id
    scores = Scorer(segmented).scores(wq.Term("content", "amazon"))
    assert deleted not in {segmented.stored_fields(docnum)["id"] for docnum in scores}
    assert len(scores) == len(_whoosh_scores(segmented, wq.Term("content", "amazon"))) > 0


@pytest.mark.parametrize("weighting", [scoring.PL2(), scoring.TF_IDF(), scoring.Frequency()])
def test_other_weightings_score_as_whoosh(segmented, weighting):
    """Scorers other than BM25F are called as Whoosh calls them, or left to Whoosh's matchers."""
    searcher = Searcher(segmented.reader(), weighting=weighting, closereader=False)
    for query in (wq.Term("content", "alexa"), AdjacentPhrase("content", ["voic", "assist"]),
                  wq.Or([wq.Term("content", "alexa"), wq.Term("content", "ring")])):
        whoosh = _whoosh_scores(searcher, _as_phrase(query))
        assert whoosh
        _assert_same(Scorer(searcher).scores(query), whoosh)


def _as_phrase(query: wq.Query) -> wq.Query:
    return wq.Phrase(query.fieldname, query.words) if isinstance(query, AdjacentPhrase) else query


@pytest.fixture(scope="module")
def generated_index(tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    generate_corpus(folder, 200, words=300, seed=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORROBORATE_HOME", str(tmp_path_factory.mktemp("home")))
        return open_index([folder])


@pytest.mark.parametrize("text", ["settlement NOT appeal", "privacy NOT amazon", "privacy -amazon", '"federal judge"',
                                  "settle* OR regulators", "penalty~"])
def test_top_hits_are_the_best_of_all_matches(generated_index, text):
    """The hits are the best-scoring of every match. (Whoosh's own top-N search gets `settlement
    NOT appeal` wrong here: its block-skipping returns early articles ahead of better ones.)"""
    searcher = generated_index._searcher()
    parsed, _ = parse(text, searcher, generated_index._vocabulary())
    every = [searcher.stored_fields(hit.docnum)["id"] for hit in searcher.search(parsed, limit=None)]
    results = generated_index.search(text, limit=10)
    assert results.total == len(every) > 10
    assert [hit.id for hit in results.hits] == every[:10]


def test_scoring_leaves_the_garbage_collector_as_it_found_it(sample_index):
    searcher = sample_index._searcher()
    query = AdjacentPhrase("content", ["voic", "assist"])
    assert gc.isenabled()
    assert Scorer(searcher).scores(query) and gc.isenabled()
    gc.disable()
    try:
        assert Scorer(searcher).scores(query) and not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_searches_share_one_collector_pause_and_leave_a_disabled_collector_off() -> None:
    assert gc.isenabled()
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the other search is still scoring
    second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
