"""Every query form on the sample corpus: which articles match, and that highlights are true offsets.

Expected articles come from plain string checks on `Article.text` (an oracle independent of
Whoosh); highlights must cover exactly the matched words of the article text.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index_helpers import open_index
from index import CorpusIndex, SearchFilters
from index.analysis import fold
from resources import sample_dir
from quote_helpers import FakeQuote

TITLES = {
    "001_b1dff317db399a56.txt": ("The Ledger", "Amazon to pay $30 million over Alexa and Ring privacy failures"),
    "002_89cc7c77c4f9c577.txt": ("Metro Herald", "Ring doorbell spying: Amazon settles with the FTC"),
}


def fake_quotes(article) -> list[FakeQuote]:
    """Curly-quoted passages, attributed by the first party named in the 120 characters after them."""
    quotes = []
    for match in re.finditer(r"“([^”]{3,400})”", article.text):
        after = article.text[match.end(): match.end() + 120]
        named = [(after.find(name), party) for name, party in (("Amazon", "amazon"), ("Ring", "ring"), ("FTC", "ftc"))
                 if name in after]
        entity = min(named)[1] if named else None
        quotes.append(FakeQuote(match.start(1), match.end(1), match.group(1), entity))
    return quotes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample corpus whose manifest also names two outlets and titles."""
    folder = tmp_path_factory.mktemp("sample-copy")
    for file in sample_dir().iterdir():
        if file.suffix == ".txt":
            shutil.copy(file, folder / file.name)
    manifest = (sample_dir() / "manifest.toml").read_text(encoding="utf-8")
    for name, (outlet, title) in TITLES.items():
        manifest = manifest.replace(f'[articles."{name}"]\n', f'[articles."{name}"]\noutlet = "{outlet}"\ntitle = "{title}"\n')
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def searcher(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> CorpusIndex:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CORROBORATE_HOME", str(tmp_path_factory.mktemp("home")))
        return open_index([corpus], quote_finder=fake_quotes)


@pytest.fixture(scope="module")
def texts(searcher: CorpusIndex, corpus: Path) -> dict[str, str]:
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in corpus.glob("*.txt")}


def ids(results) -> set[str]:
    return {hit.id[:3] for hit in results.hits}


def having(texts: dict[str, str], pattern: str) -> set[str]:
    return {key for key, text in texts.items() if re.search(pattern, text, re.IGNORECASE)}


def highlighted(searcher: CorpusIndex, query: str, **kwargs) -> dict[str, list[str]]:
    """The highlighted words of each hit, read from the file through the hit's offsets."""
    results = searcher.search(query, **kwargs)
    found = {}
    for hit in results.hits:
        text = Path(hit.path).read_text(encoding="utf-8")
        found[hit.id[:3]] = [text[start:end] for start, end in hit.highlights]
    return found


def test_stored_text_is_the_article_text(searcher, sample_articles):
    for hit in searcher.search("amazon").hits:
        assert hit.snippet == sample_articles[hit.id[:3]].text[slice(*hit.snippet_span)]


def test_word_matches_every_form_and_highlights_only_it(searcher, texts):
    found = highlighted(searcher, "settle")
    assert set(found) == having(texts, r"\bsettle")
    assert found and all(re.fullmatch(r"settle[sd]?|settlements?|settling", fold(word)) for words in found.values()
                         for word in words)


def test_curly_and_straight_apostrophes_are_one(searcher, texts):
    straight = highlighted(searcher, "children's")
    curly = highlighted(searcher, "children’s")
    assert straight == curly
    assert set(straight) == having(texts, r"\bchildren")
    assert "Children’s" in straight["004"] and "children's" in straight["001"]


def test_phrase_highlights_only_where_the_phrase_is(searcher, texts):
    found = highlighted(searcher, '"voice assistant"')
    assert set(found) == having(texts, r"voice assistant")
    for key, words in found.items():
        assert words.count("voice") == words.count("assistant") == len(re.findall("voice assistant", texts[key]))


def test_curly_quotes_in_a_query_make_a_phrase(searcher):
    assert highlighted(searcher, "“voice assistant”") == highlighted(searcher, '"voice assistant"')


def test_and_or_not_and_minus(searcher, texts):
    assert ids(searcher.search("alexa AND cnbc")) == having(texts, "alexa") & having(texts, "cnbc")
    assert ids(searcher.search("cnbc OR entrepreneur")) == having(texts, "cnbc") | having(texts, "entrepreneur")
    without = having(texts, "alexa") - having(texts, "cnbc")
    assert ids(searcher.search("alexa NOT cnbc")) == without
    assert ids(searcher.search("alexa -cnbc")) == without
    assert ids(searcher.search("(cnbc OR entrepreneur) AND geolocation")) == (
        (having(texts, "cnbc") | having(texts, "entrepreneur")) & having(texts, "geolocation"))


def test_wildcards_match_written_words_not_stems(searcher, texts):
    found = highlighted(searcher, "privac*")
    assert set(found) == having(texts, r"\bprivac")
    assert {fold(word) for words in found.values() for word in words} == {"privacy"}
    assert set(highlighted(searcher, "geoloc?tion")) == having(texts, "geolocation")


def test_fuzzy_word(searcher, texts):
    found = highlighted(searcher, "alexs~")
    assert set(found) == having(texts, r"\balexa\b")
    assert "Alexa" in found["001"]


def test_a_fuzzy_word_forgives_two_letters_swapped(searcher, texts):
    found = highlighted(searcher, "penalites~")
    assert set(found) == having(texts, r"\bpenalties\b")
    assert {fold(word) for words in found.values() for word in words} >= {"penalties"}
    assert set(highlighted(searcher, "title:alxea~")) <= set(highlighted(searcher, "title:alexa"))


def test_numbers_stay_whole(searcher, texts):
    found = highlighted(searcher, "$5.8")
    assert set(found) == having(texts, r"\$5\.8\b")
    assert {word for words in found.values() for word in words} == {"$5.8"}
    assert set(highlighted(searcher, "55,000")) == having(texts, r"\b55,000\b") == set(highlighted(searcher, "55000"))
    assert highlighted(searcher, "5.8") == found
    assert not highlighted(searcher, "5")


def test_hyphenated_words_whole_and_by_part(searcher, texts):
    assert set(highlighted(searcher, "e-commerce")) == having(texts, r"e-commerce")
    by_part = highlighted(searcher, "commerce")
    assert set(by_part) == having(texts, r"\bcommerce")
    assert all(word.lower() == "commerce" for words in by_part.values() for word in words)


def test_accents_fold(searcher, texts):
    assert ids(searcher.search("amazón")) == ids(searcher.search("amazon")) == having(texts, "amazon")


def test_outlet_and_title_fields(searcher):
    assert ids(searcher.search("outlet:entrepreneur")) == {"003"}
    assert ids(searcher.search('outlet:"the ledger"')) == {"001"}
    results = searcher.search("title:doorbell")
    assert ids(results) == {"002"}
    hit = results.hits[0]
    assert [hit.title[start:end] for start, end in hit.title_highlights] == ["doorbell"]
    assert hit.highlights == []


def test_date_ranges_read_iso_dates_as_days(searcher, sample_articles):
    june = {key for key, article in sample_articles.items()
            if article.date and article.date.isoformat().startswith("2023-06")}
    assert june == {"001"}
    assert ids(searcher.search("date:[2023-06-01 to 2023-06-30]")) == june
    assert ids(searcher.search("date:[20230601 to 20230630]")) == june
    may31 = {key for key, article in sample_articles.items() if article.date and article.date.isoformat() == "2023-05-31"}
    assert ids(searcher.search("date:2023-05-31")) == ids(searcher.search("date:20230531")) == may31
    assert ids(searcher.search("date:[20230601 to]")) == june
    assert ids(searcher.search("date:2023 ring")) == june | may31


def test_speaker_and_quote_fields(searcher, sample_articles):
    quoted = {key: fake_quotes(article) for key, article in sample_articles.items()}
    ring = {key for key, quotes in quoted.items() if any(quote.entity == "ring" for quote in quotes)}
    assert ring
    results = searcher.search("speaker:ring")
    assert ids(results) == ring
    for hit in results.hits:
        spans = [(quote.start, quote.end) for quote in quoted[hit.id[:3]] if quote.entity == "ring"]
        assert hit.highlights == spans
    found = searcher.search("quote:privacy")
    in_quotes = {key for key, quotes in quoted.items() if any("privacy" in quote.text.lower() for quote in quotes)}
    assert ids(found) == in_quotes and in_quotes < ids(searcher.search("privacy"))
    for hit in found.hits:
        inside = [(quote.start, quote.end) for quote in quoted[hit.id[:3]]]
        assert hit.highlights and all(any(qs <= s and e <= qe for qs, qe in inside) for s, e in hit.highlights)


def test_passages_name_the_paragraphs_holding_matches(searcher, sample_articles):
    for hit in searcher.search("geolocation").hits:
        article = sample_articles[hit.id[:3]]
        assert [p.paragraph for p in hit.passages] == sorted({article.paragraph_number(s) for s, _ in hit.highlights})
        assert sum(p.matches for p in hit.passages) == len(hit.highlights)


def test_facets_count_all_matches(searcher, sample_articles):
    results = searcher.search("amazon", limit=1)
    assert results.total == 5 and len(results.hits) == 1
    assert results.facets["outlet"] == {"(unknown)": 2, "Entrepreneur": 1, "Metro Herald": 1, "The Ledger": 1}
    dates = {}
    for article in sample_articles.values():
        key = article.date.isoformat() if article.date else "(unknown)"
        dates[key] = dates.get(key, 0) + 1
    assert results.facets["date"] == dates
    assert results.facets["speaker"]["ring"] >= 1


def test_filters_narrow_without_a_query_change(searcher):
    narrowed = searcher.search("amazon", filters=SearchFilters(outlets=("Entrepreneur", "The Ledger")))
    assert ids(narrowed) == {"001", "003"}
    import datetime as dt
    dated = searcher.search("amazon", filters=SearchFilters(date_from=dt.date(2023, 6, 1)))
    assert ids(dated) == {"001"}
    assert ids(searcher.search("amazon", filters=SearchFilters(speakers=("ring",)))) == ids(searcher.search("speaker:ring"))


def test_did_you_mean_when_nothing_matches(searcher):
    results = searcher.search("privcy setlement")
    assert results.total == 0
    assert results.suggestion == "privacy settlement"
    assert searcher.search("privacy").suggestion is None


@pytest.mark.parametrize(("query", "where", "words", "expected"), [
    ('"voice assistant', 0, "never closed", {"001", "003"}),
    ("(alexa OR ring", 0, "never closed", None),
    ("alexa) ring", 5, "closes nothing", None),
    ("publisher:cnbc alexa", 0, "unknown field 'publisher:'", {"004"}),
    ("date:2023-13-45 geolocation", 0, "not a date", None),
    ("date:[2023-06-01 to junk] geolocation", 0, "'junk' is not a date", None),
    ("outlet: geolocation", 0, "'outlet:' is followed by nothing", None),
    ("date:[20230630 to 20230601]", 0, "ends before it starts", {"001"}),
])
def test_malformed_queries_say_what_and_where_and_still_search(searcher, texts, query, where, words, expected):
    results = searcher.search(query)
    assert len(results.problems) == 1, results.problems
    problem = results.problems[0]
    assert words in problem.message and problem.position == where
    assert results.total > 0
    if expected is not None:
        assert ids(results) == expected


SYNTAX = ["alexa", "ring", "privacy", "settle", "AND", "OR", "NOT", "-", "(", ")", "[", "]", "{", "}", '"', "“",
          "*", "?", "~", "^2", ":", "date:", "outlet:", "title:", "speaker:", "quote:", "foo:", "to", "2023",
          "2023-06-01", "20230601", "$5.8", "55,000", "e-commerce", "children’s", " "]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SYNTAX), max_size=8).map(" ".join) | st.text(max_size=20))
def test_no_query_raises(searcher, query):
    results = searcher.search(query)
    assert results.total >= 0 and all(problem.message for problem in results.problems)


def test_the_real_quote_finder_fills_speaker_and_quote(sample_articles):
    from reader.quotes.finder import find_quotes

    corpus_index = open_index([sample_dir()], quote_finder=find_quotes)
    quoted = {key: find_quotes(article) for key, article in sample_articles.items()}
    for party in ("amazon", "ring", "ftc"):
        results = corpus_index.search(f"speaker:{party}")
        assert ids(results) == {key for key, quotes in quoted.items() if any(q.entity == party for q in quotes)}
        for hit in results.hits:
            spans = {(quote.start, quote.end) for quote in quoted[hit.id[:3]] if quote.entity == party}
            assert spans and all(any(s <= a and b <= e for s, e in hit.highlights) for a, b in spans)
    for hit in corpus_index.search('quote:"behind us"').hits:
        text = sample_articles[hit.id[:3]].text
        assert [text[start:end] for start, end in hit.highlights] == ["behind", "us"] * (len(hit.highlights) // 2)
