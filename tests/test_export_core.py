"""Citations, overwrite protection and boilerplate-free comparisons, on the sample corpus."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.export.citation import cite, pinpoint
from reader.export import ExportError, write_export
from reader.compare.diff import compare_articles
from reader.export.compare import compare_report


def test_pinpoint_names_outlet_date_and_paragraph(sample_articles: dict) -> None:
    article = sample_articles["002"]
    third = article.paragraphs[2]
    assert pinpoint(article, third[0] + 5) == "Unknown outlet (002), 31 May 2023, ¶ 3"
    assert pinpoint(sample_articles["003"], 0) == "Entrepreneur (003), date unknown, ¶ 1"


def test_a_change_at_a_paragraphs_edge_is_cited_to_that_paragraph(sample_articles: dict) -> None:
    article = sample_articles["002"]
    first_end = article.paragraphs[0][1]
    second_start = article.paragraphs[1][0]
    assert pinpoint(article, first_end).endswith("¶ 1")  # words added at the end of the lede
    assert pinpoint(article, (first_end + second_start) // 2).endswith(("¶ 1", "¶ 2"))


def test_cite_quotes_the_passage_and_its_source(sample_articles: dict) -> None:
    article = sample_articles["002"]
    start, end = article.sentences[0]
    citation = cite(article, start, end)
    assert citation.startswith("“Amazon agreed to pay more than $30 million")
    assert citation.endswith(f"¶ 1 ({article.path})")


def test_exports_never_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_export(target, b"first", force=False)
    with pytest.raises(ExportError, match="already exists"):
        write_export(target, b"second", force=False)
    assert target.read_bytes() == b"first"
    write_export(target, b"second", force=True)
    assert target.read_bytes() == b"second"


def test_exports_follow_the_users_umask(tmp_path: Path) -> None:
    import os
    import stat

    previous = os.umask(0o022)
    try:
        write_export(tmp_path / "report.html", b"<p>x</p>", force=False)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_comparison_leaves_boilerplate_out_unless_asked(sample_articles: dict) -> None:
    a, b = sample_articles["001"], sample_articles["002"]
    articles = {a.id: a, b.id: b}
    comparison = compare_articles(a, b)
    plain = compare_report([comparison], articles, "sample", "Comparison").html
    assert "ADVERTISEMENT" not in plain and "date 2023-" not in plain
    with_boilerplate = compare_report([comparison], articles, "sample", "Comparison",
                                      include_boilerplate=True).html
    assert "ADVERTISEMENT" in with_boilerplate and "date 2023-" in with_boilerplate


def test_comparison_rows_cite_both_sides_and_flag_numbers(sample_articles: dict) -> None:
    a, b = sample_articles["001"], sample_articles["002"]
    a_span, b_span = a.sentences[2], b.sentences[1]
    comparison = compare_articles(a, b, a_span=a_span, b_span=b_span)
    report = compare_report([comparison], {a.id: a, b.id: b}, "sample", "Fact comparison")
    number_rows = [row for row in report.rows if row[1] == "number"]
    assert number_rows, report.rows
    assert all(row[4].startswith("Unknown outlet (001), 1 June 2023, ¶ 2") for row in report.rows)
    assert all(row[5].startswith("Unknown outlet (002), 31 May 2023, ¶ 2") for row in report.rows)
    table = list(csv.reader(line for line in io.StringIO(report.as_bytes("csv").decode("utf-8-sig"))
                            if not line.startswith("#")))
    assert table[0] == ["comparison", "change", "text in A", "text in B", "where in A", "where in B"]
    payload = json.loads(report.as_bytes("json"))
    assert payload["provenance"]["tool"].startswith("Corroborate")
    assert {item["id"] for item in payload["provenance"]["articles"]} == {a.id, b.id}
