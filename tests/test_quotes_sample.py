"""Quotes of the bundled sample corpus against the hand-annotated gold set, and the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from reader.quotes.finder import find_quotes

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
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["quotes"]
    found = {(q.article_id, q.start, q.end): q for article in articles.values() for q in find_quotes(article)}
    matched = [(entry, found[key]) for entry in gold
               if (key := (entry["article"], entry["start"], entry["end"])) in found]
    precision = len(matched) / len(found)
    recall = len(matched) / len(gold)
    party = sum(quote.entity == entry["entity"] for entry, quote in matched) / len(matched)
    return precision, recall, party


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
                             "speaker_end", "speaker_name", "entity", "confidence", "rule"]
    assert {row["entity"] for row in rows} == {"amazon", "ring", "ftc", None}


def test_cli_party_filter_and_unknown_party(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--party", "ring"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("\tring\t" in line for line in lines)
    assert main(["quotes", "--party", "nobody"]) == 2
    assert "known parties: amazon, ring, ftc" in capsys.readouterr().err


def test_quote_modules_do_not_import_qt() -> None:
    code = ("import sys, reader.quotes.finder, reader.quotes.speakers, app.cli.quotes; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
