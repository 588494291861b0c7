"""Quotes of the bundled sample corpus against the hand-annotated gold set, and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from bench.quote_accuracy import best_mapping_agreement, found_party_label, own_party
from reader.quotes.finder import find_quotes
from reader.quotes.parties import discover_parties
from reader.quotes.speakers import current_registry

GOLD = Path(__file__).parent / "data" / "sample_quotes_gold.json"
NEWS_GOLD = Path(__file__).parent / "data" / "news_quotes_gold.json"
NEWS = Path(__file__).parent / "data" / "news"
HELDOUT_GOLD = Path(__file__).parent / "data" / "news_heldout_quotes_gold.json"
HELDOUT = Path(__file__).parent / "data" / "news_heldout"
HELDOUT2_GOLD = Path(__file__).parent / "data" / "news_heldout2_quotes_gold.json"
HELDOUT2 = Path(__file__).parent / "data" / "news_heldout2"
HELDOUT3_GOLD = Path(__file__).parent / "data" / "news_heldout3_quotes_gold.json"
HELDOUT3 = Path(__file__).parent / "data" / "news_heldout3"


def _agreement(gold_file: Path, articles: dict[str, object]) -> tuple[float, float, float]:
    """Precision, recall and party agreement (party ids are labels: the best one-to-one mapping
    of annotated parties to found ones; an annotated quote with no party is its speaker's own)."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]
    by_article = {article.id: find_quotes(article) for article in articles.values()}
    book = discover_parties(by_article, current_registry())
    found = {(q.article_id, q.start, q.end): q for quotes in by_article.values() for q in book.settle(quotes)}
    matched = [(entry, found[key]) for entry in gold
               if (key := (entry["article"], entry["start"], entry["end"])) in found]
    precision = len(matched) / len(found)
    recall = len(matched) / len(gold)
    pairs = [(entry["entity"] or own_party(entry["speaker_name"] or entry["speaker"]), found_party_label(quote.entity, quote, True))
             for entry, quote in matched]
    return precision, recall, best_mapping_agreement(pairs) / len(matched)


def test_sample_corpus_meets_the_accuracy_bar(sample_articles: dict[str, object]) -> None:
    precision, recall, party = _agreement(GOLD, {a.id: a for a in sample_articles.values()})
    assert precision >= 0.95 and recall >= 0.95 and party >= 0.95, (precision, recall, party)


@pytest.mark.parametrize(("gold", "folder"), [(NEWS_GOLD, NEWS), (HELDOUT_GOLD, HELDOUT), (HELDOUT2_GOLD, HELDOUT2),
                                              (HELDOUT3_GOLD, HELDOUT3)])
def test_written_news_snippets_meet_the_accuracy_bar(gold: Path, folder: Path) -> None:
    from reader.articles.corpus import load_corpus

    corpus = load_corpus([folder])
    precision, recall, party = _agreement(gold, {a.id: a for a in corpus.articles})
    assert precision >= 0.95 and recall >= 0.95 and party >= 0.95, (precision, recall, party)


def test_levine_belongs_to_the_ftc_through_his_appositive(sample_articles: dict[str, object]) -> None:
    levine = [q for q in find_quotes(sample_articles["003"]) if q.speaker_name == "Samuel Levine"]
    assert [(q.kind, q.entity) for q in levine] == [("direct", "ftc"), ("continuation", "ftc")]


def test_cli_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["quotes"]
    assert len(rows) == 31
    assert list(rows[0]) == ["id", "path", "start", "end", "text", "kind", "cue", "speaker", "speaker_start",
                             "speaker_end", "speaker_name", "entity", "confidence", "rule", "party_name",
                             "party_kind"]
    entities = {row["entity"] for row in rows}
    assert {"amazon", "ring", "ftc"} <= entities
    assert all(entity is None or entity in {"amazon", "ring", "ftc"} or entity.startswith("person:")
               for entity in entities), entities


def test_cli_party_filter_and_unknown_party(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--party", "ring"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("\tring\t" in line for line in lines)
    assert main(["quotes", "--party", "nobody"]) == 2
    assert "the corpus's parties: amazon, ring, ftc" in capsys.readouterr().err


def test_quote_modules_do_not_import_qt() -> None:
    code = ("import sys, reader.quotes.finder, reader.quotes.speakers, app.cli.quotes; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
