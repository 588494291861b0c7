"""Spun text is recognised by its oddities alone, and ordinary prose (odd words included) is not."""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus_generator import generate_corpus
from reader.articles.corpus import load_corpus
from reader.articles.model import Article
from reader.provenance.spin import SLOTS, lexicon, spin_report
from reuse_texts import BOTANY, CHEMISTRY, HARBOUR, ORCHARD, PHILOSOPHY, TELEGRAPHIC, spin


def _load(folder: Path, texts: dict[str, str]) -> dict[str, Article]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus([folder])
    assert not corpus.errors
    return {Path(article.id).stem: article for article in corpus.articles}


@pytest.fixture
def written(tmp_path: Path) -> dict[str, Article]:
    return _load(tmp_path / "written", {
        "harbour": HARBOUR, "orchard": ORCHARD, "chemistry": CHEMISTRY, "botany": BOTANY,
        "philosophy": PHILOSOPHY, "telegraphic": TELEGRAPHIC,
        "harbour-spun": spin(HARBOUR), "orchard-spun": spin(ORCHARD),
    })


@pytest.mark.parametrize("name", ["harbour-spun", "orchard-spun"])
def test_spun_copies_of_new_text_are_flagged_without_their_originals(written, name):
    report = spin_report(written[name])
    assert report.spun
    assert report.score >= 0.5
    inferred = {(item.text.lower(), item.original.lower()) for item in report.substitutions if item.weight > 0}
    assert ("successful", "in") in inferred
    assert ("volition", "will") in inferred


@pytest.mark.parametrize("name", ["harbour", "orchard", "chemistry", "botany", "philosophy", "telegraphic"])
def test_ordinary_articles_are_not_flagged_even_with_unusual_vocabulary(written, name):
    report = spin_report(written[name])
    assert not report.spun, report.as_json()
    assert report.score < 0.5


def test_element_and_bird_names_in_ordinary_use_are_not_evidence(written):
    for name in ("chemistry", "botany", "philosophy"):
        words = {item.text.lower() for item in spin_report(written[name]).substitutions}
        assert not words & {"arsenic", "beryllium", "cardinal", "volition", "successful", "oregon"}, name


def test_substitutions_are_spans_of_the_article_text(written):
    article = written["harbour-spun"]
    report = spin_report(article)
    assert report.substitutions
    for item in report.substitutions:
        assert article.text[item.start:item.end] == item.text
    dollars = article.text.index("$14 cardinal")
    spun_unit = report.substitution_in((dollars, dollars + len("$14 cardinal")))
    assert spun_unit is not None and spun_unit.original == "million"


def test_function_words_are_taken_over_in_spun_text_only(written):
    spun = spin_report(written["harbour-spun"])
    plain = spin_report(written["harbour"])
    assert spun.spun_share is not None and spun.spun_share > 0.5
    assert plain.spun_share is None or plain.spun_share < 0.2
    assert spun.function_word_ratio < plain.function_word_ratio


def test_sample_article_000_alone_is_spun_with_sensible_evidence(sample_articles):
    flagged = {key for key, article in sample_articles.items() if spin_report(article).spun}
    assert flagged == {"000"}
    report = spin_report(sample_articles["000"])
    inferred = {(item.text.lower(), item.original) for item in report.substitutions if item.weight > 0}
    for pair in [("cardinal", "million"), ("successful", "in"), ("volition", "will"),
                 ("arsenic", "as"), ("oregon", "or")]:
        assert any(text.split()[-1] == pair[0] and original.split()[-1] == pair[1]
                   for text, original in inferred), pair


def test_generated_content_farm_copies_are_the_only_spun_articles(tmp_path):
    generate_corpus(tmp_path / "generated", 150, words=300, seed=7)
    corpus = load_corpus([tmp_path / "generated"])
    farm = {article.id for article in corpus.articles if article.outlet == "Content Farm"}
    flagged = {article.id for article in corpus.articles if spin_report(article).spun}
    assert farm
    assert flagged == farm


def test_report_as_json_carries_the_cli_fields(written):
    data = spin_report(written["orchard-spun"]).as_json()
    assert data["spun"] is True
    assert {"start", "end", "text", "original", "rule", "weight"} <= set(data["evidence"][0])


def test_empty_short_and_non_ascii_articles_are_judged_without_error():
    empty = Article(id="empty", path="empty.txt", text="")
    short = Article(id="short", path="short.txt", text="Successful a cardinal.")
    text = "İstanbul\u2019s council said successful a statement that repairs volition cost $3 cardinal."
    turkish = Article(id="turkish", path="turkish.txt", text=text)
    assert not spin_report(empty).spun and spin_report(empty).score == 0.0
    assert not spin_report(short).spun
    report = spin_report(turkish)
    assert {item.text for item in report.substitutions} >= {"successful", "volition", "cardinal"}
    for item in report.substitutions:
        assert text[item.start:item.end] == item.text


def test_shipped_lexicon_maps_every_spun_word_to_an_original_in_a_known_slot():
    words, phrases = lexicon()
    assert len(words) > 50 and phrases
    assert all(entry.when in SLOTS and entry.original and 0 < entry.weight <= 1 for entry in words.values())
    assert words["cardinal"].original == "million" and words["oregon"].original == "or"
