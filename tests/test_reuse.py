"""Copies found among candidate pairs: near-duplicates, edited copies, spun copies, and their sources."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus_generator import generate_corpus
from app.cli import main
from reader.articles.corpus import load_corpus
from reader.articles.model import Article
from reader.provenance.copies import EDITED_COPY, INDEPENDENT, NEAR_DUPLICATE, SPUN_COPY, copy_pairs, provenance
from reader.provenance.candidates import ALL_PAIRS_UP_TO
from reader.provenance.spin import spin_report
from reuse_texts import load_articles, CHEMISTRY, HARBOUR, LIGHT_SPINNER, ORCHARD, PHILOSOPHY, dated, edit, spin



def _pair(pairs, a: str, b: str):
    for pair in pairs:
        if {pair.a, pair.b} == {f"{a}.txt", f"{b}.txt"}:
            return pair
    return None


@pytest.fixture
def newsroom(tmp_path: Path) -> list[Article]:
    """Two stories, each with copies of every kind, plus unrelated articles."""
    return load_articles(tmp_path / "newsroom", {
        "harbour": dated(HARBOUR, "2024-03-04"),
        "harbour-wire": dated(HARBOUR.replace("eight months", "8 months"), "2024-03-05"),
        "harbour-edited": dated(edit(HARBOUR), "2024-03-06"),
        "harbour-spun": spin(HARBOUR),
        "orchard": dated(ORCHARD, "2024-09-02"),
        "orchard-spun": dated(spin(ORCHARD), "2024-09-01"),
        "chemistry": CHEMISTRY,
        "philosophy": PHILOSOPHY,
    })


def test_near_duplicate_has_the_earlier_article_as_source(newsroom):
    pair = _pair(copy_pairs(newsroom), "harbour", "harbour-wire")
    assert pair is not None and pair.kind == NEAR_DUPLICATE
    assert pair.similarity >= 0.85
    assert pair.source == "harbour.txt" and pair.reason == "published earlier"


def test_edited_copy_is_told_apart_from_a_near_duplicate(newsroom):
    pair = _pair(copy_pairs(newsroom), "harbour", "harbour-edited")
    assert pair is not None and pair.kind == EDITED_COPY
    assert 0.5 <= pair.similarity < 1.0
    assert pair.source == "harbour.txt"


def test_spun_copy_points_at_its_source_even_when_dated_earlier(newsroom):
    pairs = copy_pairs(newsroom)
    for original in ("harbour", "orchard"):
        pair = _pair(pairs, original, f"{original}-spun")
        assert pair is not None and pair.kind == SPUN_COPY, original
        assert pair.source == f"{original}.txt"


def test_spun_article_lists_its_source_and_the_words_swapped_against_it(newsroom):
    report = provenance(newsroom)
    spun = next(item for item in report.articles if item.article_id == "orchard-spun.txt")
    assert spun.spin.spun and "orchard.txt" in spun.spun_from
    text = next(article for article in newsroom if article.id == "orchard-spun.txt").text
    swaps = {(text[item.start:item.end].lower(), item.original.lower()) for item in spun.spin.substitutions}
    assert ("producers", "growers") in swaps      # not in the lexicon: inferred from the source
    assert ("successful", "in") in swaps
    original = next(item for item in report.articles if item.article_id == "orchard.txt")
    assert not original.spin.spun and not original.spun_from


def test_lightly_spun_copy_is_caught_by_its_source_when_its_own_oddities_are_too_few(tmp_path):
    articles = load_articles(tmp_path / "light", {"harbour": HARBOUR, "harbour-light": spin(HARBOUR, LIGHT_SPINNER),
                                          "orchard": ORCHARD})
    light = next(article for article in articles if article.id == "harbour-light.txt")
    assert not spin_report(light).spun
    report = provenance(articles)
    pair = _pair(report.pairs, "harbour", "harbour-light")
    assert pair is not None and pair.kind == SPUN_COPY and pair.source == "harbour.txt"
    badge = next(item for item in report.articles if item.article_id == "harbour-light.txt")
    assert badge.spin.spun and badge.spun_from == ("harbour.txt",)
    swaps = {(item.text, item.original) for item in badge.spin.substitutions}
    assert ("technologists", "engineers") in swaps and ("cardinal", "million") in swaps


def test_unrelated_articles_are_never_copies(newsroom):
    for pair in provenance(newsroom).pairs:
        stories = {name.split("-")[0].split(".")[0] for name in (pair.a, pair.b)}
        if len(stories) > 1:
            assert pair.kind == INDEPENDENT, pair


def test_sample_corpus_has_no_copies_and_only_000_is_spun(sample_corpus):
    report = provenance(sample_corpus.articles)
    assert [item.article_id[:3] for item in report.articles if item.spin.spun] == ["000"]
    assert not [pair for pair in report.pairs if pair.kind != INDEPENDENT]
    assert report.articles[0].spun_from == ()


def test_generated_corpus_copies_are_found_from_candidates_not_all_pairs(tmp_path):
    generate_corpus(tmp_path / "generated", ALL_PAIRS_UP_TO + 40, words=300, seed=3)
    articles = load_corpus([tmp_path / "generated"]).articles
    report = provenance(articles)
    total_pairs = len(articles) * (len(articles) - 1) // 2
    assert report.candidates < total_pairs / 20
    by_text: dict[str, list[str]] = {}
    for article in articles:
        by_text.setdefault(article.text, []).append(article.id)
    identical = {frozenset(ids) for ids in by_text.values() if len(ids) > 1}
    found = {frozenset((pair.a, pair.b)) for pair in report.pairs if pair.kind == NEAR_DUPLICATE}
    assert identical and identical <= found
    farm = {article.id for article in articles if article.outlet == "Content Farm"}
    spun_from = {item.article_id for item in report.articles if item.spun_from}
    assert farm and farm == spun_from
    outlets = {article.id: article.outlet for article in articles}
    for pair in report.pairs:
        if pair.kind == SPUN_COPY:
            copy = pair.b if pair.source == pair.a else pair.a
            assert outlets[copy] == "Content Farm" and outlets[pair.source] != "Content Farm"


def test_cli_prints_the_issue_json_shape(capsys):
    assert main(["reuse", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"articles", "pairs"} <= set(data)
    first = data["articles"][0]
    assert {"id", "path", "spun", "spun_score", "evidence"} <= set(first)
    assert [item["id"][:3] for item in data["articles"] if item["spun"]] == ["000"]
    assert any(item["text"] == "cardinal" and item["original"] == "million" for item in first["evidence"])
    for pair in data["pairs"]:
        assert {"a", "b", "similarity", "kind", "source"} <= set(pair)


def test_cli_text_output_names_copies(newsroom, tmp_path, capsys):
    assert main(["reuse", str(tmp_path / "newsroom")]) == 0
    out = capsys.readouterr().out
    assert "harbour-spun.txt\tSPUN" in out
    assert "spun copy" in out and "near-duplicate" in out


def test_reuse_core_never_imports_qt():
    code = "import sys, reader.provenance.copies, reader.provenance.spin, reader.provenance.minhash; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_articles_without_prose_take_part_without_error():
    articles = [Article(id="empty", path="empty.txt", text=""),
                Article(id="word", path="word.txt", text="Breaking."),
                Article(id="also-empty", path="also-empty.txt", text="   ")]
    report = provenance(articles)
    assert [item.article_id for item in report.articles] == ["empty", "word", "also-empty"]
    assert not any(item.spin.spun for item in report.articles)
    assert report.candidates == 0 and report.pairs == []


def test_a_wire_story_reprinted_across_a_small_corpus_is_not_mistaken_for_boilerplate(tmp_path):
    folder = tmp_path / "topical"
    generate_corpus(folder, 60, words=250, seed=11)
    for number in range(25):
        (folder / f"wire_{number:02d}.txt").write_text(HARBOUR.replace("eight months", f"{number + 2} months"),
                                                       encoding="utf-8")
    report = provenance(load_corpus([folder]).articles)
    wire = {frozenset((pair.a, pair.b)) for pair in report.pairs
            if pair.kind == NEAR_DUPLICATE and pair.a.startswith("wire_") and pair.b.startswith("wire_")}
    assert len(wire) == 25 * 24 // 2


STOCK_SENTENCES = [
    "Readers can sign up for the morning briefing to receive the day's top stories by email.",
    "The regional desk relies on tips from readers and can be reached through the contact page.",
    "Subscribers get unlimited access to the archive and the weekend puzzle supplement every Saturday.",
    "Corrections are published on the standards page within one working day of being confirmed.",
    "Our reporters do not accept gifts or travel paid for by the people they write about.",
    "Letters to the editor should be under three hundred words and include a home town.",
    "The print edition is delivered before seven o'clock to homes across the county each morning.",
    "Photographs in this section may be bought as framed prints from the online shop.",
    "Community groups can list free events in the weekly calendar by filling in the form.",
    "Advertising enquiries go to the commercial team, which is separate from the newsroom.",
    "The newspaper is a member of the regional press council and follows its code of practice.",
    "Obituaries and family announcements can be placed by telephone from Monday to Friday.",
]
"""House furniture the test's outlets append to their stories, each sentence in many articles."""


def test_two_articles_assembled_from_the_same_stock_sentences_are_independent(tmp_path):
    """Each stock sentence is in many articles of the corpus: sharing eight of them, one by one,
    is house furniture, not copying."""
    folder = tmp_path / "house"
    generate_corpus(folder, 60, words=200, seed=3)
    for number, path in enumerate(sorted(folder.glob("*.txt"))):
        picks = [STOCK_SENTENCES[(number + step * 5) % len(STOCK_SENTENCES)] for step in range(4)]
        path.write_text(path.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(picks), encoding="utf-8")
    stock = STOCK_SENTENCES[:8]
    (folder / "a.txt").write_text(CHEMISTRY + "\n\n" + "\n\n".join(stock), encoding="utf-8")
    (folder / "b.txt").write_text(PHILOSOPHY + "\n\n" + "\n\n".join(reversed(stock)), encoding="utf-8")
    pair = _pair(provenance(load_corpus([folder]).articles).pairs, "a", "b")
    assert pair is None or pair.kind == INDEPENDENT


def test_a_story_several_outlets_reprint_in_full_paragraphs_stays_a_copy_among_stock_text(tmp_path):
    """Frequency alone would make a story six outlets carry look like stock text; its long passages
    keep it a copy."""
    folder = tmp_path / "reprints"
    generate_corpus(folder, 60, words=200, seed=3)
    story = "\n\n".join(HARBOUR.split("\n\n")[:4])
    own = sorted(folder.glob("*.txt"))[:6]
    for number, path in enumerate(own):
        (folder / f"outlet_{number}.txt").write_text(path.read_text(encoding="utf-8") + "\n\n" + story,
                                                     encoding="utf-8")
    pairs = provenance(load_corpus([folder]).articles).pairs
    reprints = {frozenset((pair.a, pair.b)) for pair in pairs
                if pair.kind == EDITED_COPY and pair.a.startswith("outlet_") and pair.b.startswith("outlet_")}
    assert len(reprints) == 6 * 5 // 2
