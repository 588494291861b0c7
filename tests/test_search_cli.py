"""`corroborate index` and `corroborate search` as a researcher runs them."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.cli import main
from resources import sample_dir


def run_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_index_reports_counts_and_time(capsys, tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(sample_dir(), corpus)
    first = run_json(capsys, "index", str(corpus), "--json")
    assert (first["articles"], first["added"], first["unchanged"]) == (5, 5, 0)
    assert first["seconds"] >= 0 and not Path(first["index"]).is_relative_to(corpus)
    again = run_json(capsys, "index", str(corpus), "--json")
    assert (again["added"], again["unchanged"]) == (0, 5)


def test_search_prints_the_documented_shape_for_the_sample(capsys, sample_articles):
    result = run_json(capsys, "search", '"voice assistant"', "--json")
    assert set(result) >= {"total", "elapsed_ms", "hits", "facets", "suggestion"}
    assert result["total"] == len(result["hits"]) == 2
    for hit in result["hits"]:
        assert set(hit) >= {"id", "path", "outlet", "date", "score", "snippet", "highlights"}
        text = sample_articles[hit["id"][:3]].text
        assert {text[start:end] for start, end in hit["highlights"]} == {"voice", "assistant"}
    assert set(result["facets"]) == {"outlet", "date", "speaker", "spun"}


def test_search_a_named_corpus_and_suggest(capsys, tmp_path):
    corpus = tmp_path / "articles"
    shutil.copytree(sample_dir(), corpus)
    result = run_json(capsys, "search", "geolocaton", "--corpus", str(corpus), "--json")
    assert result["total"] == 0 and result["suggestion"] == "geolocation"


def test_a_malformed_query_is_a_message_not_a_traceback(capsys):
    assert main(["search", "(alexa OR ring"]) == 0
    captured = capsys.readouterr()
    assert "query: '(' opened here is never closed" in captured.err
    assert "Traceback" not in captured.err and "articles match" in captured.out


def test_the_readme_documents_the_in_app_query_help():
    from index.query_help import QUERY_HELP

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Search syntax", 1)[1]
    assert QUERY_HELP in section


def test_the_commands_index_quotes_with_the_quote_finder(capsys, sample_articles):
    from reader.quotes.finder import find_quotes

    result = run_json(capsys, "search", "speaker:ring", "--json")
    expected = {key for key, article in sample_articles.items() if any(q.entity == "ring" for q in find_quotes(article))}
    assert expected and {hit["id"][:3] for hit in result["hits"]} == expected
    assert result["facets"]["speaker"]["ring"] == len(expected)
