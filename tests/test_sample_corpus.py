"""The bundled sample corpus through the article model: the foundation's 'done when'."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from reader.articles.corpus import Corpus
from resources import sample_dir

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_five_articles_with_stamped_dates(sample_corpus: Corpus, sample_articles: dict) -> None:
    assert sample_corpus.errors == []
    assert len(sample_corpus.articles) == 5
    dates = {key: article.date for key, article in sample_articles.items()}
    assert dates == {
        "000": None,
        "001": dt.date(2023, 6, 1),
        "002": dt.date(2023, 5, 31),
        "003": None,
        "004": dt.date(2023, 5, 31),
    }


def test_sample_files_are_the_seed_articles_unchanged() -> None:
    if not SEEDS.is_dir():
        return
    for seed in SEEDS.glob("*.txt"):
        assert (sample_dir() / seed.name).read_bytes() == seed.read_bytes()


def test_text_is_the_file_text(sample_articles: dict) -> None:
    for article in sample_articles.values():
        assert article.text == Path(article.path).read_text(encoding="utf-8")


def test_unknown_outlets_are_not_invented(sample_articles: dict) -> None:
    assert {key: a.outlet for key, a in sample_articles.items()} == {
        "000": None, "001": None, "002": None, "003": "Entrepreneur", "004": None,
    }
    assert "unknown" in sample_articles["000"].display_label.lower()


def test_boilerplate_is_marked_not_deleted(sample_articles: dict) -> None:
    kinds = {key: [(b.kind, a.text[b.start:b.end]) for b in a.boilerplate] for key, a in sample_articles.items()}
    assert kinds["001"] == [("date-stamp", "date 2023-06-01"), ("advertisement", "ADVERTISEMENT"),
                            ("advertisement", "Advertisement")]
    assert kinds["002"] == [("date-stamp", "date 2023-05-31")]
    assert [kind for kind, _ in kinds["003"]] == ["related-link", "related-link"]
    assert kinds["003"][0][1].startswith("Related: Amazon Employees Plan a Walkout")


def test_no_content_span_overlaps_boilerplate(sample_articles: dict) -> None:
    for article in sample_articles.values():
        for start, end in article.paragraphs + article.headings + article.sentences:
            for item in article.boilerplate:
                assert end <= item.start or start >= item.end


def test_headings_of_001(sample_articles: dict) -> None:
    article = sample_articles["001"]
    assert [article.span_text(h) for h in article.headings] == [
        "Allegations of Alexa data privacy violations",
        "Amazon's response",
        "Ring's video security and access restriction issues",
    ]


def test_sentences_lie_inside_paragraphs_in_order(sample_articles: dict) -> None:
    for article in sample_articles.values():
        previous = 0
        for start, end in article.sentences:
            assert previous <= start < end
            assert any(p_start <= start and end <= p_end for p_start, p_end in article.paragraphs)
            previous = end


def test_sentences_never_end_after_initialisms_or_decimal_points(sample_articles: dict) -> None:
    for article in sample_articles.values():
        for start, end in article.sentences:
            text = article.span_text((start, end))
            assert not re.search(r"\b(U\.S|D\.C)\.$", text), text
            assert not re.search(r"\d\.$", text) or text.endswith("million."), text
            assert not text.endswith(("$5.", "$25.")), text


def test_spun_copy_nbsp_sentences(sample_articles: dict) -> None:
    article = sample_articles["000"]
    first = article.span_text(article.sentences[0])
    assert first.startswith("Amazon volition wage 2 abstracted penalties")
    assert first.endswith("the Federal Trade Commission announced Wednesday.")
    assert len(article.sentences) == 21


def test_sentence_counts_match_a_careful_reading(sample_articles: dict) -> None:
    counts = {key: len(a.sentences) for key, a in sample_articles.items()}
    assert counts == {"000": 21, "001": 20, "002": 17, "003": 12, "004": 21}


def test_002_sentence_with_us_and_dc(sample_articles: dict) -> None:
    article = sample_articles["002"]
    texts = [article.span_text(s) for s in article.sentences]
    assert any(t.startswith("The DOJ complaint, filed in a U.S. district court in Washington, D.C., alleged") for t in texts)
    assert "According to the document, about 55,000 U.S. customers’ accounts were breached." in texts
