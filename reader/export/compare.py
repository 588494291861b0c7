"""Comparisons as redline reports: deletions struck, insertions underlined, numbers flagged.

Takes the diff engine's comparisons (whole articles, or one fact's sentences across outlets)
and the articles they came from, so every change carries a pinpoint citation on both sides.
"""
from __future__ import annotations

import re
from html import escape
from typing import Iterator

from reader.export.citation import pinpoint
from reader.compare.diff import Comparison
from reader.export import RowPassage, Report
from reader.export.html import page, provenance, table_html
from reader.articles.model import Article

DELETE_STYLE = "color: #a33a00; background-color: #fbe3d6; text-decoration: line-through;"
INSERT_STYLE = "color: #00507f; background-color: #d6ecf8; text-decoration: underline;"
NUMBER_STYLE = "font-weight: bold; background-color: #f6eb9c;"
HEADER = ["comparison", "change", "text in A", "text in B", "where in A", "where in B"]
_DIGIT = re.compile(r"\d")


def _segments(comparison: Comparison) -> Iterator[tuple[str, str, int, int]]:
    """(op, text, offset in A, offset in B) for each op."""
    a_at, b_at = comparison.a_range[0], comparison.b_range[0]
    for op, text in comparison.ops():
        yield op, text, a_at, b_at
        if op != "insert":
            a_at += len(text)
        if op != "delete":
            b_at += len(text)


def _outside_boilerplate(article: Article, start: int, text: str) -> str:
    """`text` (found at `start` in `article`) with the characters inside boilerplate removed."""
    kept = [char for offset, char in enumerate(text, start)
            if not any(item.start <= offset < item.end for item in article.boilerplate)]
    return "".join(kept)


def visible_segments(comparison: Comparison, a: Article, b: Article,
             include_boilerplate: bool) -> list[tuple[str, str, int, int]]:
    if include_boilerplate:
        return list(_segments(comparison))
    visible = []
    for op, text, a_at, b_at in _segments(comparison):
        owner, at = (b, b_at) if op == "insert" else (a, a_at)
        kept = _outside_boilerplate(owner, at, text)
        if kept:
            visible.append((op, kept, a_at, b_at))
    return visible


def _styled(op: str, text: str) -> str:
    html = escape(text).replace("\n", "<br/>")
    if op == "equal":
        return html
    style = DELETE_STYLE if op == "delete" else INSERT_STYLE
    if _DIGIT.search(text):
        style += NUMBER_STYLE
    return f"<span style='{style}'>{html}</span>"


def _in_boilerplate(article: Article, span: tuple[int, int]) -> bool:
    return span[0] < span[1] and any(item.start <= span[0] and span[1] <= item.end for item in article.boilerplate)


def _change_rows(name: str, comparison: Comparison, a: Article, b: Article,
                 include_boilerplate: bool) -> tuple[list[list[str]], list[tuple[RowPassage, ...]]]:
    """One row per change the engine found, each cited on both sides, and each row's passages."""
    rows, passages = [], []
    for change in comparison.changes:
        if not include_boilerplate and (_in_boilerplate(a, change.a) or _in_boilerplate(b, change.b)):
            continue
        rows.append([name, change.kind, " ".join(a.text[change.a[0]:change.a[1]].split()),
                     " ".join(b.text[change.b[0]:change.b[1]].split()),
                     pinpoint(a, change.a[0]), pinpoint(b, change.b[0])])
        passages.append((RowPassage(a.id, *change.a), RowPassage(b.id, *change.b)))
    return rows, passages


def compare_report(comparisons: list[Comparison], articles: dict[str, Article], corpus: str, title: str,
                   include_boilerplate: bool = False) -> Report:
    """`articles` maps ids to the articles the comparisons were made from."""
    involved = list(dict.fromkeys(article_id for c in comparisons for article_id in (c.a_id, c.b_id)))
    info = provenance(title, corpus, [articles[article_id] for article_id in involved])
    rows: list[list[str]] = []
    passages: list[tuple[RowPassage, ...]] = []
    blocks = []
    shown = []
    for number, comparison in enumerate(comparisons, start=1):
        a, b = articles[comparison.a_id], articles[comparison.b_id]
        name = f"{a.display_label} → {b.display_label}"
        segments = visible_segments(comparison, a, b, include_boilerplate)
        changes, where = _change_rows(name, comparison, a, b, include_boilerplate)
        rows.extend(changes)
        passages.extend(where)
        shown.append((comparison, [(op, text) for op, text, _, _ in segments]))
        blocks.append(
            f"<h2>{number}. {escape(name)}</h2>"
            f"<p class='meta'>A: {escape(pinpoint(a, comparison.a_range[0]))} — "
            f"B: {escape(pinpoint(b, comparison.b_range[0]))} — {len(changes)} changes</p>"
            f"<p>{''.join(_styled(op, text) for op, text, _, _ in segments)}</p>"
        )
    legend = (f"<p>Legend: <span style='{DELETE_STYLE}'>only in A (deleted)</span> "
              f"<span style='{INSERT_STYLE}'>only in B (inserted)</span> "
              f"<span style='{INSERT_STYLE}{NUMBER_STYLE}'>changed number</span></p>")
    data = {"comparisons": [c.as_json() for c in comparisons]}

    def word() -> bytes:
        from reader.export.redline_docx import redline_bytes

        return redline_bytes(info, table_html(HEADER, rows), shown, articles)

    return Report(info, page(info, "".join(blocks), legend), HEADER, rows, data, word, passages)
